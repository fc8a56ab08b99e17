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

struct Signals {
  int sent = 0, received = 0;            // messages, one-to-one and group, spam excluded
  int sent_1to1 = 0, received_1to1 = 0;
  int conversations = 0, group_conversations = 0;
  Time first_in = kNoTime, last_in = kNoTime;    // their messages (1:1)
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
  bool accepted_and_dark = false;  // they invited, the owner accepted, nothing since
  double strength = 0;             // 0..100
  double priority = 0;             // higher first; 0 = not in the queue
  bool in_queue = false;           // not archived, not snoozed, something worth doing
  Day last_interaction = kNoDay;   // latest message either way or logged interaction
  Day next_follow_up = kNoDay;     // user's date, else last interaction + cadence
  int cadence_days = 0;            // effective cadence
  std::vector<std::string> reasons;  // plain-language sentences, never empty
  Signals signals;
};

Signals compute_signals(const Store& store, const Contact& c);
// Without `with_reasons`, Evaluation::reasons stays empty (everything else is the same): the
// sentences are most of the cost, and only the contacts on screen need them.
Evaluation evaluate(const Store& store, const Contact& c, Day today, bool with_reasons = true);
// One evaluation per store.contacts entry, same order.
std::vector<Evaluation> evaluate_all(const Store& store, Day today, bool with_reasons = true);
// The follow-up queue: indices (store.contacts order) of the contacts in the queue, highest
// priority first, ties by contact id. Sorted as packed keys, not through the two tables: a
// comparison sort reaching into Contact and Evaluation records for 30,000 contacts cost tens of
// milliseconds in a frame.
std::vector<uint32_t> follow_up_queue(const Store& store, const std::vector<Evaluation>& evals);
int effective_cadence(const Store& store, const Contact& c);

}  // namespace rk
