// evaluate(): a contact's status, strength, moments, the kind of action worth taking now with
// its rank, and the reasons, each step a function of its own. See scoring.cpp for the rules.
#include <algorithm>
#include <cmath>

#include "core/dates.hpp"
#include "core/scoring_detail.hpp"
#include "core/text.hpp"

namespace rk {

using namespace scoring;

namespace {

// One evaluation in the making: the inputs and what the steps found so far.
struct Eval {
  const Store& store;
  const Contact& c;
  const Day today;
  const bool words;  // build the sentences (most of the cost; only asked for what is shown)
  const UserData* u;
  Evaluation& e;
  Extra x;
  Cadence band;
  std::string name, lname;  // "Ana" / "this contact" (empty without words)
  Time own_last = kNoTime;  // the owner's latest one-to-one touch (logged: end of its day)
  Day touch = kNoDay;       // the latest one-to-one or logged touch, either way
  bool their_real = false;  // a real one-to-one message from them
  std::vector<std::string> moments;
  double boost = 0;
  bool strong_moment = false;

  Eval(const Store& st, const Contact& ct, Day t, bool w, Evaluation& ev)
      : store(st), c(ct), today(t), words(w), u(st.user_if(ct.id)), e(ev), band(effective_band(st, ct)) {}
  template <typename F>
  std::string say(F make) const { return words ? std::string(make()) : std::string(); }
  const Settings& settings() const { return store.settings; }
};

std::string on_day(Day d) { return d != kNoDay ? " on " + format_human(d) : std::string(); }

void find_touches(Eval& v) {
  const Signals& s = v.e.signals;
  v.own_last = s.last_out;
  if (s.last_logged != kNoDay) {
    const Time lt = Time(s.last_logged) * 86400 + 86399;
    if (v.own_last == kNoTime || lt > v.own_last) v.own_last = lt;
  }
  v.their_real = s.received_1to1 - s.system_in > 0;
  v.touch = s.last_logged;
  for (Day d : {day_of(s.last_in), day_of(s.last_out)})
    if (d != kNoDay && (v.touch == kNoDay || d > v.touch)) v.touch = d;
  v.e.last_interaction = s.last_logged;
  if (s.last_any != kNoTime && (v.e.last_interaction == kNoDay || day_of(s.last_any) > v.e.last_interaction))
    v.e.last_interaction = day_of(s.last_any);
}

// Both have been in touch (or their last word closed the exchange): active within the band's
// target, fading past it.
std::string status_by_touch(Eval& v) {
  Evaluation& e = v.e;
  const Signals& s = e.signals;
  const int age = v.touch != kNoDay ? days_between(v.touch, v.today) : 0;
  const bool fading = v.touch != kNoDay && age > v.band.target_days;
  e.status = fading ? Status::Fading : Status::Active;
  return v.say([&] {
    const std::string what = (s.logged > 0 && v.touch == s.last_logged) ? "Last logged interaction" : "Last one-to-one exchange";
    const std::string when = v.touch != kNoDay ? " on " + format_human(v.touch) + " (" + ago(v.touch, v.today) + ")" : "";
    return what + when + (fading ? ", longer than the " : ", within the ") + std::to_string(v.band.target_days) +
           "-day cadence";
  });
}

std::string silent_reason(Eval& v) {
  const Contact& c = v.c;
  const Invitation* inv = v.x.latest_invitation;
  const Day cday = c.connected_on != kNoDay ? c.connected_on : (inv && inv->time != kNoTime ? day_of(inv->time) : kNoDay);
  if (c.connected && inv && inv->direction == Direction::Incoming) v.e.accepted_and_dark = true;
  if (!v.words) return std::string();
  const std::string since = cday != kNoDay ? " on " + date_and_relative(cday, v.today) : "";
  std::string r;
  if (c.connected && inv && inv->direction == Direction::Incoming)
    r = "Connected" + since + " after " + v.name + "'s invitation" +
        (trim(inv->message).empty() ? "" : " with a personal note") + "; no one-to-one message since";
  else if (c.connected && inv)
    r = "Connected" + since + " after your invitation; no one-to-one message since";
  else if (c.connected)
    r = "Connected" + since + "; no one-to-one message either way";
  else if (inv && inv->direction == Direction::Outgoing)
    r = "You invited " + v.lname + (inv->time != kNoTime ? on_day(day_of(inv->time)) : "") + "; not connected yet and no one-to-one message";
  else if (inv)
    r = v.name + " invited you" + (inv->time != kNoTime ? on_day(day_of(inv->time)) : "") + "; not connected and no one-to-one message";
  else
    r = "Not a connection and no one-to-one message";
  // Silent means no one-to-one message: group messages are said as such, never denied.
  const Signals& sg = v.e.signals;
  if (sg.group_conversations > 0)
    r += "; " + group_messages(sg.sent - sg.sent_1to1, sg.received - sg.received_1to1, sg.group_conversations);
  return r;
}

// They wrote last: awaiting your reply within the reply window unless their message closed the
// exchange; past the window the unanswered message is history and the relationship is fading.
std::string status_they_wrote_last(Eval& v) {
  Evaluation& e = v.e;
  const Signals& s = e.signals;
  const Day last_in_day = day_of(s.last_in);
  const bool replied_before = s.sent_1to1 > 0 || s.logged > 0;
  if (s.last_in_closing) {
    const std::string settled = status_by_touch(v);
    return v.say([&] {
      return v.name + "'s last message" + (last_in_day != kNoDay ? ", on " + format_human(last_in_day) + "," : "") +
             " was " + s.last_in_what + ": no reply needed. " + settled;
    });
  }
  const int window = std::max(1, v.settings().reply_window_days);
  const bool fresh = last_in_day != kNoDay && days_between(last_in_day, v.today) <= window;
  e.status = fresh ? Status::AwaitingReply : Status::Fading;
  return v.say([&] {
    std::string r = v.name + " wrote to you" + on_day(last_in_day);
    if (!fresh && last_in_day != kNoDay) r += " (" + ago(last_in_day, v.today) + ")";
    r += replied_before ? " and you have not replied since" : " and you never replied";
    if (!fresh)
      r += "; that is past the " + std::to_string(window) + "-day reply window, so the thread has gone quiet";
    return r;
  });
}

std::string judge_status(Eval& v) {
  Evaluation& e = v.e;
  const Signals& s = e.signals;
  const bool own_any = s.sent_1to1 > 0 || s.logged > 0;
  const bool they_last = v.their_real && (!own_any || (s.last_in != kNoTime && s.last_in > v.own_last));
  if (they_last) return status_they_wrote_last(v);
  if (s.sent_1to1 > 0 && !v.their_real && s.logged == 0) {
    e.status = Status::Unanswered;
    const Day d = day_of(s.last_out);
    return v.say([&] {
      if (s.sent_1to1 > 1)
        return "You wrote to " + v.lname + " " + std::to_string(s.sent_1to1) + " times" +
               (d != kNoDay ? ", last on " + format_human(d) + "," : "") + " and " + v.lname + " never replied";
      return "You wrote to " + v.lname + on_day(d) + " and " + v.lname + " never replied";
    });
  }
  if (!own_any && !v.their_real) {
    e.status = Status::Silent;
    return silent_reason(v);
  }
  return status_by_touch(v);
}

// Each part is 0..1 and can only grow when an interaction is added (monotone).
double strength_of(const Eval& v) {
  const Policy& p = policy();
  const Signals& s = v.e.signals;
  const Extra& x = v.x;
  const Weights& w = v.settings().weights;
  double recency = 0;
  if (v.e.last_interaction != kNoDay)
    recency = std::exp(-std::max(0, days_between(v.e.last_interaction, v.today)) / p.recency_days);
  auto saturate = [](double n, double k) { return n <= 0 ? 0 : 1.0 - std::exp(-n / k); };
  const double frequency = saturate(s.sent + s.received + 2.0 * s.logged, p.frequency_k);
  const double reciprocity = saturate(std::min(s.sent, s.received) + s.logged, p.reciprocity_k);
  const double depth = saturate(x.exchanges_1to1 + 0.5 * x.exchanges_group + s.logged + 0.5 * x.conversations_1to1 +
                                    0.25 * s.group_conversations, p.depth_k);
  const double ties = saturate(s.endorsements_in + s.endorsements_out +
                                   3.0 * (s.recommendations_in + s.recommendations_out) + (s.invitation_note ? 1 : 0),
                               p.ties_k);
  auto pos = [](double d) { return std::max(0.0, d); };
  const double wsum = pos(w.recency) + pos(w.frequency) + pos(w.reciprocity) + pos(w.depth) + pos(w.ties);
  double strength = 0;
  if (wsum > 0)
    strength = 100.0 * (pos(w.recency) * recency + pos(w.frequency) * frequency + pos(w.reciprocity) * reciprocity +
                        pos(w.depth) * depth + pos(w.ties) * ties) / wsum;
  strength = std::min(100.0, std::max(0.0, strength));
  return std::isfinite(strength) ? strength : 0;
}

// The latest of `items` (by `day_of_item`) within the moment window, or null.
template <typename T, typename DayOf, typename Keep>
const T* latest_recent(const std::vector<T>& items, Day today, DayOf day_of_item, Keep keep) {
  const T* best = nullptr;
  for (const T& it : items) {
    const Day d = day_of_item(it);
    if (!keep(it) || d == kNoDay) continue;
    const int age = days_between(d, today);
    if (age >= 0 && age <= policy().moment_days && (!best || d >= day_of_item(*best))) best = &it;
  }
  return best;
}

// Anniversary of the connection within the window around today, at least one year on: years.
int anniversary_years(Day connected_on, Day today) {
  const int window = policy().anniversary_window;
  if (connected_on == kNoDay || today == kNoDay || today - connected_on < 365 - window) return 0;
  int y, m, d, ty, tm, td;
  civil_from_days(connected_on, y, m, d);
  civil_from_days(today, ty, tm, td);
  for (int Y = ty - 1; Y <= ty + 1; ++Y) {
    if (Y - y < 1) continue;
    int dd = d;
    if (!valid_civil(Y, m, dd)) dd = 28;  // 29 Feb in a common year
    if (std::abs(long(days_from_civil(Y, m, dd)) - long(today)) <= window) return Y - y;
  }
  return 0;
}

void find_moments(Eval& v) {
  const Policy& p = policy();
  const Contact& c = v.c;
  if (const JobChange* jc = latest_recent(c.job_changes, v.today, [](const JobChange& j) { return j.seen_on; },
                                          [](const JobChange&) { return true; })) {
    v.moments.push_back(v.say([&] { return job_change_sentence(c, *jc); }));
    v.boost += p.moment_job;
    v.strong_moment = true;
  }
  auto incoming = [](const auto& it) { return it.direction == Direction::Incoming; };
  if (const Recommendation* rec = latest_recent(c.recommendations, v.today, [](const Recommendation& r) { return r.day; }, incoming)) {
    v.moments.push_back(v.say([&] { return v.name + " recommended you on " + format_human(rec->day) + " — a good moment to say thanks"; }));
    v.boost += p.moment_recommendation;
    v.strong_moment = true;
  }
  if (const Endorsement* en = latest_recent(c.endorsements, v.today, [](const Endorsement& d) { return d.day; }, incoming)) {
    v.moments.push_back(v.say([&] {
      return v.name + " endorsed you" + (en->skill.empty() ? "" : " for " + en->skill) + " on " + format_human(en->day) +
             " — a good moment to say thanks";
    }));
    v.boost += p.moment_endorsement;
    v.strong_moment = true;
  }
  if (const int years = anniversary_years(c.connected_on, v.today)) {
    v.moments.push_back(v.say([&] {
      return plural(years, "year", "years") + " since you connected (" + format_human(c.connected_on) +
             ") — an easy reason to check in";
    }));
    v.boost += p.moment_anniversary;
  }
}

}  // namespace


Evaluation evaluate(const Store& store, const Contact& c, Day today, bool with_reasons) {
  Evaluation e;
  Eval v(store, c, today, with_reasons, e);
  scan(store, c, e.signals, v.x);
  e.cadence_days = v.band.target_days;
  e.cadence_max_days = v.band.max_days;
  if (with_reasons) {
    v.name = who(c);
    v.lname = who_lower(c);
  }
  find_touches(v);
  e.reasons.push_back(judge_status(v));
  e.strength = strength_of(v);
  const bool user_date = v.u && v.u->next_follow_up != kNoDay;
  if (user_date) e.next_follow_up = v.u->next_follow_up;
  else if (e.last_interaction != kNoDay) e.next_follow_up = e.last_interaction + e.cadence_days;
  find_moments(v);
  const ActionInput in{store, c, today, with_reasons, v.band, v.touch, v.own_last, v.their_real, v.boost, v.strong_moment};
  std::string queue_reason = choose_action(in, e);
  if (e.action == Action::Moment && !v.moments.empty()) {  // the moment is the reason to write now
    queue_reason = std::move(v.moments.front());
    v.moments.erase(v.moments.begin());
  }
  if (!queue_reason.empty()) e.reasons.push_back(std::move(queue_reason));
  for (auto& m : v.moments) e.reasons.push_back(std::move(m));
  if (with_reasons) e.reasons.push_back(explain_strength(e, today));
  else e.reasons.clear();
  return e;
}

std::vector<Evaluation> evaluate_all(const Store& store, Day today, bool with_reasons) {
  std::vector<Evaluation> out;
  out.reserve(store.contacts.size());
  for (const Contact& c : store.contacts) out.push_back(evaluate(store, c, today, with_reasons));
  return out;
}

}  // namespace rk
