// Relationship scoring. See docs/SCORING.md for the plain-language version.
//
// Decisions worth knowing (also in docs/SCORING.md):
//  - Spam conversations are ignored entirely; messages from kNoContact ("LinkedIn Member") and,
//    in group threads, from other participants are ignored.
//  - Status is judged on one-to-one threads plus logged interactions. A logged interaction is a
//    two-way touch placed at the END of its day (23:59:59 UTC): it answers anything they wrote
//    that day.
//  - Two messages with the exact same timestamp: the owner's counts as the later one (we never
//    claim the user "went dark" on ambiguous data).
//  - fading vs active: fading when (today - last one-to-one/logged touch) > cadence; on the
//    cadence day itself the contact is still active but its follow-up is due (queue tier 2).
//  - reply_rate_in / reply_days_in: how the OWNER answers THEIR turns (share answered, median
//    days); reply_rate_out / reply_days_out: how THEY answer the owner's turns. One-to-one only.
//  - invitation_note: an invitation FROM THEM carried a personal note (a warm signal).
#include "core/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/dates.hpp"
#include "core/text.hpp"

namespace rk {

const char* status_name(Status s) {
  switch (s) {
    case Status::AwaitingReply: return "awaiting_reply";
    case Status::Unanswered: return "unanswered";
    case Status::Silent: return "silent";
    case Status::Fading: return "fading";
    case Status::Active: return "active";
  }
  return "silent";
}

const char* status_label(Status s) {
  switch (s) {
    case Status::AwaitingReply: return "Awaiting your reply";
    case Status::Unanswered: return "Unanswered";
    case Status::Silent: return "Silent";
    case Status::Fading: return "Fading";
    case Status::Active: return "Active";
  }
  return "Silent";
}

bool parse_status(const std::string& s, Status& out) {
  for (int i = 0; i < kStatusCount; ++i) {
    if (iequals_ascii(s, status_name(Status(i)))) {
      out = Status(i);
      return true;
    }
  }
  return false;
}

namespace {

constexpr int kMomentDays = 60;         // job changes, endorsements, recommendations
constexpr int kAnniversaryWindow = 7;   // +- days around the connection's anniversary
constexpr int kRecentConnectionDays = 90;

// Band bases: tiers never interleave.
constexpr double kBandAwaiting = 3000, kBandOverdue = 2000, kBandWarm = 1000, kBandWidth = 998;

// Extra per-contact facts the public Signals do not carry.
struct Extra {
  int exchanges_1to1 = 0;   // alternations owner<->them inside one-to-one threads
  int exchanges_group = 0;  // same, in group threads (other participants ignored)
  int conversations_1to1 = 0;
  const Invitation* latest_invitation = nullptr;
};

double median(std::vector<double>& v) {
  if (v.empty()) return -1;
  const size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + mid, v.end());
  double m = v[mid];
  if (v.size() % 2 == 0) {
    double lo = *std::max_element(v.begin(), v.begin() + mid);
    m = (m + lo) / 2;
  }
  return m;
}

void scan(const Store& store, const Contact& c, Signals& s, Extra& x) {
  std::vector<double> lat_in, lat_out;
  int turns_in = 0, turns_out = 0, answered_in = 0, answered_out = 0;
  for (uint32_t ci : c.conversations) {
    if (ci >= store.conversations.size()) continue;
    const Conversation& cv = store.conversations[ci];
    if (cv.spam) continue;
    const bool group = cv.group;
    bool any = false;
    int prev_side = -1;  // 0 owner, 1 them
    Time prev_time = kNoTime;
    for (uint32_t mi : cv.messages) {
      if (mi >= store.messages.size()) continue;
      const Message& m = store.messages[mi];
      int side;
      if (m.sender == kOwner) side = 0;
      else if (m.sender == c.id && c.id != kNoContact) side = 1;
      else continue;
      any = true;
      if (side == 0) ++s.sent; else ++s.received;
      if (m.time != kNoTime && (s.last_any == kNoTime || m.time > s.last_any)) s.last_any = m.time;
      if (!group) {
        if (side == 0) {
          ++s.sent_1to1;
          if (m.time != kNoTime) {
            if (s.first_out == kNoTime || m.time < s.first_out) s.first_out = m.time;
            if (s.last_out == kNoTime || m.time > s.last_out) s.last_out = m.time;
          }
        } else {
          ++s.received_1to1;
          if (m.time != kNoTime) {
            if (s.first_in == kNoTime || m.time < s.first_in) s.first_in = m.time;
            if (s.last_in == kNoTime || m.time > s.last_in) s.last_in = m.time;
          }
        }
      }
      if (side != prev_side) {
        if (prev_side >= 0) {
          if (group) {
            ++x.exchanges_group;
          } else {
            ++x.exchanges_1to1;
            const bool timed = prev_time != kNoTime && m.time != kNoTime;
            const double days = timed ? double(m.time - prev_time) / 86400.0 : -1;
            if (prev_side == 1) {
              ++answered_in;
              if (days >= 0) lat_in.push_back(days);
            } else {
              ++answered_out;
              if (days >= 0) lat_out.push_back(days);
            }
          }
        }
        if (!group) (side == 0 ? turns_out : turns_in)++;
        prev_side = side;
      }
      prev_time = m.time;
    }
    if (any) {
      ++s.conversations;
      if (group) ++s.group_conversations; else ++x.conversations_1to1;
    }
  }
  s.reply_rate_in = turns_in ? double(answered_in) / turns_in : 0;
  s.reply_rate_out = turns_out ? double(answered_out) / turns_out : 0;
  s.reply_days_in = median(lat_in);
  s.reply_days_out = median(lat_out);

  if (const UserData* u = store.user_if(c.id)) {
    for (const Interaction& it : u->interactions) {
      if (it.day == kNoDay) continue;
      ++s.logged;
      if (s.last_logged == kNoDay || it.day > s.last_logged) s.last_logged = it.day;
    }
  }
  for (const Endorsement& e : c.endorsements)
    (e.direction == Direction::Incoming ? s.endorsements_in : s.endorsements_out)++;
  for (const Recommendation& r : c.recommendations)
    (r.direction == Direction::Incoming ? s.recommendations_in : s.recommendations_out)++;
  for (const Invitation& inv : c.invitations) {
    if (inv.direction == Direction::Incoming) {
      s.invited_by_them = true;
      if (!trim(inv.message).empty()) s.invitation_note = true;
    } else {
      s.invited_by_owner = true;
    }
    if (!x.latest_invitation || (inv.time != kNoTime && inv.time >= x.latest_invitation->time))
      x.latest_invitation = &inv;
  }
}

// ---- wording ------------------------------------------------------------------------------

std::string who(const Contact& c) {
  if (!c.first_name.empty()) return c.first_name;
  std::string n = c.name();
  return n.empty() ? std::string("This contact") : n;
}
std::string who_lower(const Contact& c) {
  std::string n = who(c);
  return n == "This contact" ? std::string("this contact") : n;
}

std::string plural(long n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "today", "yesterday", "12 days ago", "3 months ago", "2 years ago" (or "in 5 days").
std::string ago(Day d, Day today) {
  if (d == kNoDay) return "";
  long n = long(today) - long(d);
  if (n < 0) {
    n = -n;
    return n == 1 ? "tomorrow" : "in " + plural(n, "day", "days");
  }
  if (n == 0) return "today";
  if (n == 1) return "yesterday";
  if (n < 60) return plural(n, "day", "days") + " ago";
  if (n < 548) return plural((n + 15) / 30, "month", "months") + " ago";
  return plural(long(n / 365.25 + 0.5), "year", "years") + " ago";
}

std::string whole(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

double saturate(double n, double k) { return n <= 0 ? 0 : 1.0 - std::exp(-n / k); }

int days_between(Day from, Day to) { return int(long(to) - long(from)); }

// Anniversary of the connection within +-7 days of today, at least one year on: years, else 0.
int anniversary_years(Day connected_on, Day today, Day& ann_day) {
  if (connected_on == kNoDay || today == kNoDay || today - connected_on < 365 - kAnniversaryWindow)
    return 0;
  int y, m, d, ty, tm, td;
  civil_from_days(connected_on, y, m, d);
  civil_from_days(today, ty, tm, td);
  for (int Y = ty - 1; Y <= ty + 1; ++Y) {
    if (Y - y < 1) continue;
    int dd = d;
    if (!valid_civil(Y, m, dd)) dd = 28;  // 29 Feb in a common year
    Day a = days_from_civil(Y, m, dd);
    if (std::abs(long(a) - long(today)) <= kAnniversaryWindow) {
      ann_day = a;
      return Y - y;
    }
  }
  return 0;
}

std::string job_change_sentence(const Contact& c, const JobChange& j) {
  const std::string n = who(c);
  std::string s;
  const bool moved = !j.new_company.empty() && j.new_company != j.old_company;
  if (moved && !j.old_company.empty()) {
    s = n + " moved from " + j.old_company + " to " + j.new_company;
    if (!j.new_position.empty()) s += " as " + j.new_position;
  } else if (moved) {
    s = n + " joined " + j.new_company;
    if (!j.new_position.empty()) s += " as " + j.new_position;
  } else if (!j.new_position.empty() && j.new_position != j.old_position) {
    s = n + " became " + j.new_position;
    if (!j.new_company.empty()) s += " at " + j.new_company;
  } else if (j.new_company.empty() && !j.old_company.empty()) {
    return n + " left " + j.old_company + " — a natural moment to check in";
  } else {
    s = n + " has a new role";
  }
  return s + " — a natural moment to congratulate them";
}

}  // namespace

int effective_cadence(const Store& store, const Contact& c) {
  const UserData* u = store.user_if(c.id);
  if (u && u->cadence_days > 0) return u->cadence_days;
  if (u) {
    const auto& tc = store.settings.tag_cadence_days;
    for (const std::string& t : u->tags) {
      auto it = tc.find(t);
      if (it != tc.end() && it->second > 0) return it->second;
    }
    // Second chance: the same tag written with another case or accents.
    if (!tc.empty()) {
      for (const std::string& t : u->tags) {
        const std::string ft = fold(t);
        for (const auto& kv : tc)
          if (kv.second > 0 && fold(kv.first) == ft) return kv.second;
      }
    }
  }
  return store.settings.default_cadence_days > 0 ? store.settings.default_cadence_days : 90;
}

Signals compute_signals(const Store& store, const Contact& c) {
  Signals s;
  Extra x;
  scan(store, c, s, x);
  return s;
}

Evaluation evaluate(const Store& store, const Contact& c, Day today, bool with_reasons) {
  Evaluation e;
  // The sentences cost most of an evaluation: built only when asked for (see Session::reasons).
  auto say = [with_reasons](auto make) { return with_reasons ? make() : std::string(); };
  Extra x;
  scan(store, c, e.signals, x);
  const Signals& s = e.signals;
  const UserData* u = store.user_if(c.id);
  e.cadence_days = effective_cadence(store, c);
  const std::string name = say([&] { return who(c); }), lname = say([&] { return who_lower(c); });

  // ---- status -------------------------------------------------------------------------------
  // The owner's latest one-to-one touch: a message, or a logged interaction (end of its day).
  Time own_last = s.last_out;
  if (s.last_logged != kNoDay) {
    Time lt = Time(s.last_logged) * 86400 + 86399;
    if (own_last == kNoTime || lt > own_last) own_last = lt;
  }
  const bool own_any = s.sent_1to1 > 0 || s.logged > 0;
  const bool their_any = s.received_1to1 > 0 || s.logged > 0;
  // Last one-to-one or logged touch, either way (for fading/active).
  Day touch = s.last_logged;
  {
    Day a = day_of(s.last_in), b = day_of(s.last_out);
    if (a != kNoDay && (touch == kNoDay || a > touch)) touch = a;
    if (b != kNoDay && (touch == kNoDay || b > touch)) touch = b;
  }
  e.last_interaction = s.last_logged;
  if (s.last_any != kNoTime && (e.last_interaction == kNoDay || day_of(s.last_any) > e.last_interaction))
    e.last_interaction = day_of(s.last_any);

  std::string status_reason;
  const Day last_in_day = day_of(s.last_in);
  if (s.received_1to1 > 0 && (!own_any || (s.last_in != kNoTime && s.last_in > own_last))) {
    e.status = Status::AwaitingReply;
    const std::string when = say([&] { return std::string(last_in_day != kNoDay ? " on " + format_human(last_in_day) : ""); });
    if (s.sent_1to1 == 0 && s.logged == 0)
      status_reason = say([&] { return std::string(name + " wrote to you" + when + " and you never replied"); });
    else
      status_reason = say([&] { return std::string(name + " wrote to you" + when + " and you have not replied since"); });
  } else if (s.sent_1to1 > 0 && s.received_1to1 == 0 && s.logged == 0) {
    e.status = Status::Unanswered;
    const Day d = day_of(s.last_out);
    if (s.sent_1to1 > 1)
      status_reason = say([&] { return std::string("You wrote to " + lname + " " + std::to_string(s.sent_1to1) + " times" +
                      (d != kNoDay ? ", last on " + format_human(d) + "," : "") + " and " + lname +
                      " never replied"); });
    else
      status_reason = say([&] { return std::string("You wrote to " + lname + (d != kNoDay ? " on " + format_human(d) : "") +
                      " and " + lname + " never replied"); });
  } else if (!own_any && !their_any) {
    e.status = Status::Silent;
    const Invitation* inv = x.latest_invitation;
    const Day cday = c.connected_on != kNoDay ? c.connected_on
                     : (inv && inv->time != kNoTime ? day_of(inv->time) : kNoDay);
    const std::string since = say([&] { return std::string(cday != kNoDay ? " " + ago(cday, today) + " (" + format_human(cday) + ")" : ""); });
    if (c.connected && inv && inv->direction == Direction::Incoming) {
      e.accepted_and_dark = true;
      status_reason = say([&] { return std::string("Connected" + since + " after " + name + "'s invitation" +
                      (trim(inv->message).empty() ? "" : " with a personal note") +
                      "; no message since"); });
    } else if (c.connected && inv) {
      status_reason = say([&] { return std::string("Connected" + since + " after your invitation; no message since"); });
    } else if (c.connected) {
      status_reason = say([&] { return std::string("Connected" + since + "; no message either way"); });
    } else if (inv && inv->direction == Direction::Outgoing) {
      status_reason = say([&] { return std::string("You invited " + lname +
                      (inv->time != kNoTime ? " on " + format_human(day_of(inv->time)) : "") +
                      "; not connected yet and no message"); });
    } else if (inv) {
      status_reason = say([&] { return std::string(name + " invited you" +
                      (inv->time != kNoTime ? " on " + format_human(day_of(inv->time)) : "") +
                      "; not connected and no message"); });
    } else {
      status_reason = say([&] { return std::string("Not a connection and no one-to-one message"); });
    }
    if (s.group_conversations > 0)
      status_reason += say([&] { return std::string("; you share " + plural(s.group_conversations, "group conversation", "group conversations") +
                       " but no one-to-one message"); });
  } else {
    const int age = touch != kNoDay ? days_between(touch, today) : 0;
    const std::string what = say([&] { return std::string((s.logged > 0 && touch == s.last_logged) ? "Last logged interaction"
                                                                        : "Last one-to-one exchange"); });
    const std::string when = say([&] { return std::string(touch != kNoDay ? " on " + format_human(touch) + " (" + ago(touch, today) + ")" : ""); });
    if (touch != kNoDay && age > e.cadence_days) {
      e.status = Status::Fading;
      status_reason = say([&] { return std::string(what + when + ", longer than the " + std::to_string(e.cadence_days) +
                      "-day cadence"); });
    } else {
      e.status = Status::Active;
      status_reason = say([&] { return std::string(what + when + ", within the " + std::to_string(e.cadence_days) + "-day cadence"); });
    }
  }
  e.reasons.push_back(status_reason);

  // ---- strength -----------------------------------------------------------------------------
  // Each component is 0..1 and can only grow when an interaction is added (monotone).
  const Weights& w = store.settings.weights;
  double recency = 0;
  if (e.last_interaction != kNoDay) {
    const double age = std::max(0, days_between(e.last_interaction, today));
    recency = std::exp(-age / 180.0);  // ~0.6 at 3 months, ~0.13 at a year
  }
  const double frequency = saturate(s.sent + s.received + 2.0 * s.logged, 25);
  const double reciprocity = saturate(std::min(s.sent, s.received) + s.logged, 6);
  const double depth = saturate(x.exchanges_1to1 + 0.5 * x.exchanges_group + s.logged +
                                    0.5 * x.conversations_1to1 + 0.25 * s.group_conversations, 10);
  const double ties = saturate(s.endorsements_in + s.endorsements_out +
                                   3.0 * (s.recommendations_in + s.recommendations_out) +
                                   (s.invitation_note ? 1 : 0), 4);
  const double wsum = std::max(0.0, w.recency) + std::max(0.0, w.frequency) +
                      std::max(0.0, w.reciprocity) + std::max(0.0, w.depth) + std::max(0.0, w.ties);
  if (wsum > 0) {
    e.strength = 100.0 * (std::max(0.0, w.recency) * recency + std::max(0.0, w.frequency) * frequency +
                          std::max(0.0, w.reciprocity) * reciprocity + std::max(0.0, w.depth) * depth +
                          std::max(0.0, w.ties) * ties) / wsum;
  }
  e.strength = std::min(100.0, std::max(0.0, e.strength));
  if (!std::isfinite(e.strength)) e.strength = 0;

  // ---- follow-up date -----------------------------------------------------------------------
  const bool user_date = u && u->next_follow_up != kNoDay;
  if (user_date) e.next_follow_up = u->next_follow_up;
  else if (e.last_interaction != kNoDay) e.next_follow_up = e.last_interaction + e.cadence_days;

  // ---- moments ------------------------------------------------------------------------------
  std::vector<std::string> moments;
  double boost = 0;
  bool strong_moment = false;
  {
    const JobChange* jc = nullptr;
    for (const JobChange& j : c.job_changes)
      if (j.seen_on != kNoDay && days_between(j.seen_on, today) >= 0 &&
          days_between(j.seen_on, today) <= kMomentDays && (!jc || j.seen_on >= jc->seen_on))
        jc = &j;
    if (jc) {
      moments.push_back(say([&] { return std::string(job_change_sentence(c, *jc)); }));
      boost += 250;
      strong_moment = true;
    }
    const Recommendation* rec = nullptr;
    for (const Recommendation& r : c.recommendations)
      if (r.direction == Direction::Incoming && r.day != kNoDay && days_between(r.day, today) >= 0 &&
          days_between(r.day, today) <= kMomentDays && (!rec || r.day >= rec->day))
        rec = &r;
    if (rec) {
      moments.push_back(say([&] { return std::string(name + " recommended you on " + format_human(rec->day) +
                        " — a good moment to say thanks"); }));
      boost += 200;
      strong_moment = true;
    }
    const Endorsement* en = nullptr;
    for (const Endorsement& d : c.endorsements)
      if (d.direction == Direction::Incoming && d.day != kNoDay && days_between(d.day, today) >= 0 &&
          days_between(d.day, today) <= kMomentDays && (!en || d.day >= en->day))
        en = &d;
    if (en) {
      moments.push_back(say([&] { return std::string(name + " endorsed you" + (en->skill.empty() ? "" : " for " + en->skill) +
                        " on " + format_human(en->day) + " — a good moment to say thanks"); }));
      boost += 150;
      strong_moment = true;
    }
    Day ann = kNoDay;
    const int years = anniversary_years(c.connected_on, today, ann);
    if (years > 0) {
      moments.push_back(say([&] { return std::string(plural(years, "year", "years") + " since you connected (" +
                        format_human(c.connected_on) + ") — an easy reason to check in"); }));
      boost += 60;
    }
  }

  // ---- queue and priority -------------------------------------------------------------------
  std::string queue_reason;
  const bool archived = u && u->archived;
  const bool snoozed = u && u->snoozed_until != kNoDay && u->snoozed_until > today;
  const bool planned = user_date && u->next_follow_up > today;
  if (archived) {
    queue_reason = say([&] { return std::string("Archived: kept out of the follow-up queue"); });
  } else if (snoozed) {
    queue_reason = say([&] { return std::string("Snoozed until " + format_human(u->snoozed_until)); });
  } else if (planned) {
    queue_reason = say([&] { return std::string("Follow-up planned for " + format_human(u->next_follow_up) +
                   "; out of the queue until then"); });
  } else if (e.status == Status::AwaitingReply) {
    const int waited = last_in_day != kNoDay ? std::max(0, days_between(last_in_day, today)) : 0;
    e.priority = kBandAwaiting + std::min<double>(waited, kBandWidth) + e.strength / 101.0;
    queue_reason = say([&] { return std::string(waited == 0 ? "Waiting for your reply since today"
                               : "Waiting for your reply for " + plural(waited, "day", "days")); });
  } else if (e.status == Status::Fading ||
             (e.next_follow_up != kNoDay && e.next_follow_up <= today)) {
    // The day it became due: the user's date, else (fading) the one-to-one touch + cadence,
    // else the derived follow-up date.
    Day due = e.next_follow_up;
    if (!user_date && e.status == Status::Fading && touch != kNoDay) due = touch + e.cadence_days;
    const int overdue = due != kNoDay ? std::max(0, days_between(due, today)) : 0;
    e.priority = kBandOverdue + std::min(kBandWidth, e.strength * 6.0 + std::min(overdue, 365) * 0.5 + boost);
    queue_reason = say([&] { return std::string(overdue == 0 ? "Follow-up due today"
                                : "Follow-up overdue since " + format_human(due) + " (" +
                                      plural(overdue, "day", "days") + ")"); });
  } else {
    double warmth = 0;
    std::vector<std::string> why;
    if (e.status == Status::Silent) {
      if (c.connected && c.connected_on != kNoDay && days_between(c.connected_on, today) >= 0 &&
          days_between(c.connected_on, today) <= kRecentConnectionDays) {
        warmth += 100 + 300.0 * (1.0 - days_between(c.connected_on, today) / double(kRecentConnectionDays));
        why.push_back(say([&] { return std::string("connected " + ago(c.connected_on, today)); }));
      }
      if (s.invitation_note) {
        warmth += 200;
        why.push_back(say([&] { return std::string("their invitation had a personal note"); }));
      } else if (e.accepted_and_dark) {
        warmth += 40;
        why.push_back(say([&] { return std::string(name + " reached out first"); }));
      }
      if (s.recommendations_in > 0) {
        warmth += 250;
        why.push_back(say([&] { return std::string(name + " recommended you"); }));
      }
      if (s.endorsements_in > 0) {
        warmth += 80.0 * std::min(s.endorsements_in, 3);
        why.push_back(say([&] { return std::string(name + " endorsed you" + (s.endorsements_in > 1 ? " " + plural(s.endorsements_in, "time", "times") : "")); }));
      }
      if (s.recommendations_out + s.endorsements_out > 0) {
        warmth += 40;
        why.push_back(say([&] { return std::string("you endorsed or recommended " + lname); }));
      }
      if (s.group_conversations > 0) {
        warmth += 30;
        why.push_back(say([&] { return std::string("you share group conversations"); }));
      }
    }
    const bool history = e.last_interaction != kNoDay;
    const bool qualifies = warmth > 0 || strong_moment || (boost > 0 && history);
    if (qualifies) {
      e.priority = kBandWarm + std::min(kBandWidth, 1.0 + warmth + boost + e.strength * 2.0);
      if (!why.empty()) {
        std::string r = "Warm but silent: ";
        for (size_t i = 0; i < why.size(); ++i) r += (i ? "; " : "") + why[i];
        queue_reason = say([&] { return std::string(r); });
      } else {
        queue_reason = say([&] { return std::string("A good moment to reach out"); });
      }
    } else {
      queue_reason = say([&] { return std::string(e.next_follow_up != kNoDay
                         ? "Next follow-up on " + format_human(e.next_follow_up)
                         : "Nothing to follow up on right now"); });
    }
  }
  e.in_queue = e.priority > 0;
  if (!queue_reason.empty()) e.reasons.push_back(queue_reason);
  for (auto& m : moments) e.reasons.push_back(std::move(m));

  // ---- strength explanation -----------------------------------------------------------------
  if (!with_reasons) {
    e.reasons.clear();
  } else {
    std::string r = "Strength " + whole(e.strength) + "/100: ";
    std::vector<std::string> parts;
    if (s.sent + s.received > 0) {
      std::string p = plural(s.sent, "message", "messages") + " sent and " + std::to_string(s.received) +
                      " received";
      if (s.conversations > 0)
        p += " in " + plural(s.conversations, "conversation", "conversations") +
             (s.group_conversations > 0 ? " (" + std::to_string(s.group_conversations) + " group)" : "");
      parts.push_back(p);
    }
    if (s.logged > 0) parts.push_back(plural(s.logged, "logged interaction", "logged interactions"));
    if (e.last_interaction != kNoDay) parts.push_back("last interaction " + ago(e.last_interaction, today));
    if (s.endorsements_in + s.endorsements_out > 0)
      parts.push_back(plural(s.endorsements_in + s.endorsements_out, "endorsement", "endorsements"));
    if (s.recommendations_in + s.recommendations_out > 0)
      parts.push_back(plural(s.recommendations_in + s.recommendations_out, "recommendation", "recommendations"));
    if (s.invitation_note) parts.push_back("a personal note with their invitation");
    if (s.sent + s.received + s.logged == 0) parts.insert(parts.begin(), "no interaction yet");
    for (size_t i = 0; i < parts.size(); ++i) r += (i ? ", " : "") + parts[i];
    e.reasons.push_back(r);
  }
  return e;
}

std::vector<Evaluation> evaluate_all(const Store& store, Day today, bool with_reasons) {
  std::vector<Evaluation> out;
  out.reserve(store.contacts.size());
  for (const Contact& c : store.contacts) out.push_back(evaluate(store, c, today, with_reasons));
  return out;
}

std::vector<uint32_t> follow_up_queue(const Store& store, const std::vector<Evaluation>& evals) {
  struct Key {
    double priority;
    ContactId id;
    uint32_t index;
  };
  std::vector<Key> keys;
  const size_t n = std::min(evals.size(), store.contacts.size());
  for (uint32_t i = 0; i < n; ++i)
    if (evals[i].in_queue) keys.push_back({evals[i].priority, store.contacts[i].id, i});
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.id < b.id;
  });
  std::vector<uint32_t> out(keys.size());
  for (size_t k = 0; k < keys.size(); ++k) out[k] = keys[k].index;
  return out;
}

}  // namespace rk
