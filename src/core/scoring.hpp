// Relationship scoring: per-contact signals, one status, strength, priority and reasons.
#pragma once

#include <string>
#include <vector>

#include "model.hpp"

namespace rk {

enum class Status : uint8_t { AwaitingReply = 0, Unanswered, Silent, Fading, Active };
constexpr int kStatusCount = 5;
const char* status_name(Status s);   // API values: "awaiting_reply", "unanswered", "silent", ...
const char* status_label(Status s);  // for people: "Awaiting your reply", ...
bool parse_status(const std::string& s, Status& out);

// What to do about a contact now: the kinds of action the follow-up queue mixes (README, "How
// scoring works"). A contact has at most one: the first that applies, in this order.
enum class Action : uint8_t { None = 0, Reply, Greet, Moment, FollowUp, Nudge };
constexpr int kActionCount = 6;  // including None
const char* action_name(Action a);   // API values: "reply", "greet", "moment", "follow_up", "nudge" ("" for None)
const char* action_label(Action a);  // for people: "Replies owed", "New connections", ...
bool parse_action(const std::string& s, Action& out);

struct Signals {
  int sent = 0, received = 0;            // messages, one-to-one and group, spam excluded
  int sent_1to1 = 0, received_1to1 = 0;
  int conversations = 0, group_conversations = 0;
  // their messages (1:1); last_in is their last real message: LinkedIn's rows written in their
  // name at the end of a thread ("Ana accepted your invitation", InMail, sponsored) are skipped
  // and counted in system_in
  Time first_in = kNoTime, last_in = kNoTime;
  int system_in = 0;
  bool last_in_closing = false;  // their last real message only thanks, acknowledges or closes
  const char* last_in_what = "";  // what it was ("a thank-you"), see closing.hpp
  Time first_out = kNoTime, last_out = kNoTime;  // the owner's messages (1:1)
  Time last_any = kNoTime;                       // any message incl. group threads
  Day last_logged = kNoDay;                      // last logged interaction
  int logged = 0;
  double reply_rate_in = 0, reply_rate_out = 0;  // share of their/your turns answered
  double reply_days_in = -1, reply_days_out = -1;  // median latency in days, -1 unknown
  int endorsements_in = 0, endorsements_out = 0, recommendations_in = 0, recommendations_out = 0;
  bool invited_by_them = false, invited_by_owner = false, invitation_note = false;
};

struct Evaluation {
  Status status = Status::Silent;
  Action action = Action::None;    // the kind of action, None when not in the queue
  bool accepted_and_dark = false;  // they invited, the owner accepted, nothing since
  double strength = 0;             // 0..100
  double priority = 0;             // rank within its kind of action, higher first; 0 = not in the queue
  bool in_queue = false;           // not archived, not snoozed, something worth doing
  Day last_interaction = kNoDay;   // latest message either way or logged interaction
  Day next_follow_up = kNoDay;     // user's date, else last interaction + cadence
  int cadence_days = 0;            // effective cadence: the target of the band
  int cadence_max_days = 0;        // and its maximum (past it: overdue)
  std::vector<std::string> reasons;  // plain-language sentences, never empty
  Signals signals;
};

Signals compute_signals(const Store& store, const Contact& c);
// Without `with_reasons`, Evaluation::reasons stays empty (everything else is the same): the
// sentences are most of the cost, and only the contacts on screen need them.
Evaluation evaluate(const Store& store, const Contact& c, Day today, bool with_reasons = true);
// One evaluation per store.contacts entry, same order.
std::vector<Evaluation> evaluate_all(const Store& store, Day today, bool with_reasons = true);
// The follow-up queue: indices (store.contacts order) of the contacts in the queue. Its first
// Settings::today_size entries are Today: the kinds of action take turns (replies, greetings,
// moments, follow-ups, one nudge at most), each kind's best first, so no kind floods it; the
// rest follows in the same turns (nudges without the limit). Within a kind: priority, ties by
// contact id. Sorted as packed keys, not through the two tables: a comparison sort reaching
// into Contact and Evaluation records for 30,000 contacts cost tens of milliseconds in a frame.
// `today_out` (optional): how many of its first entries are Today.
std::vector<uint32_t> follow_up_queue(const Store& store, const std::vector<Evaluation>& evals,
                                      size_t* today_out = nullptr);

// A contact's cadence band: its own cadence, else its tier's, else the first of its tags with a
// cadence, else the default.
struct Cadence {
  int target_days = 90, max_days = 180;
  enum class From : uint8_t { Default, Contact, Tier, Tag } from = From::Default;
  const std::string* name = nullptr;  // the tier's or tag's name (in Settings), else null
  bool chosen() const { return from != From::Default; }  // the user's choice, not the default
  // "your cadence for Ana", "the Close tier", "the tag \"vip\"", "the default cadence" (for reasons;
  // only made when asked: scoring 30,000 contacts must not build 30,000 of these).
  std::string source(const Contact& c) const;
};
Cadence effective_band(const Store& store, const Contact& c);
int effective_cadence(const Store& store, const Contact& c);  // effective_band().target_days

}  // namespace rk
