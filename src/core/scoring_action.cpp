// The kind of action worth taking about a contact now, its rank within that kind, and the
// sentence that says why. The first kind that applies wins: a reply owed, a new connection to
// greet, a moment, a follow-up due, a nudge. Archived, snoozed and planned contacts get none.
#include <algorithm>
#include <cmath>

#include "core/dates.hpp"
#include "core/scoring_detail.hpp"

namespace rk::scoring {

namespace {

// A freshness factor: 1 today, 0 at the end of the window.
double fresh(int age, int window) { return window <= 0 ? 0 : std::clamp(1.0 - double(age) / window, 0.0, 1.0); }

bool reply(const ActionInput& in, Evaluation& e, std::string& why) {
  if (e.status != Status::AwaitingReply) return false;
  const Policy& p = policy();
  const Day d = day_of(e.signals.last_in);
  const int waited = d != kNoDay ? std::max(0, days_between(d, in.today)) : 0;
  e.action = Action::Reply;
  e.priority = 1 + p.reply_freshness * fresh(waited, in.store.settings.reply_window_days) + p.reply_strength * e.strength;
  if (in.words) why = waited == 0 ? "Waiting for your reply since today" : "Waiting for your reply for " + plural(waited, "day", "days");
  return true;
}

bool greet(const ActionInput& in, Evaluation& e, std::string& why) {
  const Contact& c = in.c;
  const Signals& s = e.signals;
  if (e.status != Status::Silent || !c.connected || c.connected_on == kNoDay) return false;
  const Policy& p = policy();
  const int age = days_between(c.connected_on, in.today);
  const int window = std::max(1, in.store.settings.greeting_window_days);
  const int reach = s.invitation_note ? window * p.note_greeting_factor : window;
  if (age < 0 || age > reach) return false;
  e.action = Action::Greet;
  e.priority = 1 + p.greet_freshness * fresh(age, reach) + (s.invitation_note ? p.greet_note : 0) +
               (s.invited_by_them ? p.greet_invited : 0) + (s.endorsements_in > 0 ? p.greet_endorsed : 0) + in.boost * 0.1;
  if (in.words) {
    const std::string n = who(c);
    why = "You connected with " + n + " " + (age == 0 ? std::string("today") : ago(c.connected_on, in.today)) +
          " and haven't said hello";
    if (s.invitation_note) why += " — " + n + "'s invitation had a personal note";
    else if (s.invited_by_them) why += " — " + n + " reached out first";
  }
  return true;
}

bool moment(const ActionInput& in, Evaluation& e, std::string&) {
  // An anniversary alone is a reason only with people you have been in touch with.
  if (!in.strong_moment && !(in.boost > 0 && e.last_interaction != kNoDay)) return false;
  e.action = Action::Moment;
  e.priority = 1 + in.boost + e.strength;
  // (The reason is the moment itself: evaluate() puts it first.)
  return true;
}

bool follow_up(const ActionInput& in, Evaluation& e, std::string& why) {
  const UserData* u = in.store.user_if(in.c.id);
  const bool user_date = u && u->next_follow_up != kNoDay;
  const bool due = e.status == Status::Fading || (e.next_follow_up != kNoDay && e.next_follow_up <= in.today);
  if (!due) return false;
  const Policy& p = policy();
  // A lapsed one-off message is not a relationship to keep up: only real ties, or people the
  // user asked to follow (a date, a cadence, a tier or a tag with a cadence).
  const bool chosen = user_date || in.band.chosen();
  if (!chosen && e.strength < p.fading_min_strength) return false;
  // The day it became due: the user's date, else the last touch + the target; overdue past
  // the maximum.
  Day due_day = e.next_follow_up;
  if (!user_date && e.status == Status::Fading && in.touch != kNoDay) due_day = in.touch + in.band.target_days;
  const int late = due_day != kNoDay ? std::max(0, days_between(due_day, in.today)) : 0;
  const int since = in.touch != kNoDay ? days_between(in.touch, in.today) : 0;
  const bool overdue = !user_date && in.touch != kNoDay && since > in.band.max_days;
  const bool dormant = !chosen && in.touch != kNoDay && since > p.dormant_days;
  e.action = Action::FollowUp;
  e.priority = 1 + e.strength + (user_date ? p.followup_user_date : 0) + (overdue ? p.followup_overdue : 0);
  if (dormant) e.priority = 1 + e.strength * p.dormant_factor;
  if (!in.words) return true;
  if (user_date) why = late == 0 ? "The follow-up you planned is today" : "The follow-up you planned for " + format_human(due_day) + " has passed";
  else if (late == 0) why = "Follow-up due today";
  else if (overdue)
    why = std::string(dormant ? "Dormant" : "Overdue") + ": last in touch " + ago(in.touch, in.today) + ", past the " +
          std::to_string(in.band.max_days) + "-day maximum of " + in.band.source(in.c);
  else
    why = "Follow-up due since " + date_and_relative(due_day, in.today) + "; " + in.band.source(in.c) +
          " aims at every " + plural(in.band.target_days, "day", "days");
  return true;
}

bool nudge(const ActionInput& in, Evaluation& e, std::string& why) {
  const Signals& s = e.signals;
  if (s.sent_1to1 == 0 || s.last_out == kNoTime || s.last_out != in.own_last) return false;  // a log came after
  if (in.their_real && s.last_in != kNoTime && s.last_in > s.last_out) return false;
  const Policy& p = policy();
  const int age = days_between(day_of(s.last_out), in.today);
  if (age < p.nudge_after_days || age > p.nudge_until_days) return false;
  const Time since = in.their_real ? s.last_in : kNoTime;
  const OwnRun run = own_after_last_in(in.store, in.c, since);
  if (since != kNoTime && (run.first == kNoTime || run.first - since < Time(p.nudge_opening_gap_days) * 86400))
    return false;  // your reply may simply have closed the exchange
  const int nudges = run.count - 1;
  if (nudges >= std::max(0, in.store.settings.nudge_limit)) return false;
  e.action = Action::Nudge;
  e.priority = 1 + p.nudge_freshness * fresh(age - p.nudge_after_days, p.nudge_until_days) + p.nudge_strength * e.strength;
  if (in.words) {
    why = "You wrote to " + who_lower(in.c) + " " + ago(day_of(s.last_out), in.today) + " and haven't heard back";
    why += nudges > 0 ? " (you have nudged " + (nudges == 1 ? std::string("once") : plural(nudges, "time", "times")) +
                            "): one last friendly nudge is fine"
                      : ": a short, friendly nudge is fine";
  }
  return true;
}

}  // namespace

std::string choose_action(const ActionInput& in, Evaluation& e) {
  std::string why;
  const UserData* u = in.store.user_if(in.c.id);
  const bool archived = u && u->archived;
  const bool snoozed = u && u->snoozed_until != kNoDay && u->snoozed_until > in.today;
  const bool planned = u && u->next_follow_up != kNoDay && u->next_follow_up > in.today;
  if (archived || snoozed || planned) {
    if (!in.words) return why;
    if (archived) return "Archived: kept out of the follow-up queue";
    if (snoozed) return "Snoozed until " + format_human(u->snoozed_until);
    return "Follow-up planned for " + format_human(u->next_follow_up) + "; out of the queue until then";
  }
  if (reply(in, e, why) || greet(in, e, why) || moment(in, e, why) || follow_up(in, e, why) || nudge(in, e, why)) {
    e.in_queue = true;
    return why;
  }
  if (in.words)
    why = e.next_follow_up != kNoDay ? "Next follow-up on " + format_human(e.next_follow_up) : "Nothing to follow up on right now";
  return why;
}

std::string explain_strength(const Evaluation& e, Day today) {
  const Signals& s = e.signals;
  std::vector<std::string> parts;
  if (s.sent + s.received > 0) {
    std::string p = plural(s.sent, "message", "messages") + " sent and " + std::to_string(s.received) + " received";
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
  std::string r = "Strength " + whole(e.strength) + "/100: ";
  for (size_t i = 0; i < parts.size(); ++i) r += (i ? ", " : "") + parts[i];
  return r;
}

}  // namespace rk::scoring
