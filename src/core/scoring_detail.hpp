// Internals shared by the scoring files (scoring.cpp: status, strength, moments, actions;
// scoring_signals.cpp: what the history says; scoring_words.cpp: the sentences;
// scoring_queue.cpp: the queue and Today). Not for use outside src/core/scoring*.cpp.
#pragma once

#include <string>

#include "core/scoring.hpp"
#include "core/words.hpp"

namespace rk::scoring {

// Every number the judgement uses, named in one place (the windows, Today's size and the
// cadence bands are the user's, in Settings). README's "How scoring works" explains them.
struct Policy {
  // Moments: a job change, endorsement or recommendation seen this recently is worth acting on.
  int moment_days = 60;
  int anniversary_window = 7;  // +- days around the connection's anniversary (a year on or more)
  // A personal note with their invitation keeps a new connection worth greeting this many times
  // the greeting window.
  int note_greeting_factor = 3;
  // Nudges: your last message unanswered for at least `nudge_after_days` and at most
  // `nudge_until_days` (after that, a nudge would be odd: write afresh instead).
  int nudge_after_days = 7;
  int nudge_until_days = 90;
  // ...and only for a message that opened something (they never wrote, or it came this long
  // after their last message): a reply of yours that went unanswered may simply have closed
  // the exchange.
  int nudge_opening_gap_days = 14;
  // Fading ties join the queue only if the relationship was real: strength of at least this
  // (a single old message is ~1, a short two-way thread a year ago ~25), unless the user set a
  // cadence, tier or follow-up date for them.
  double fading_min_strength = 15;
  // A tie last touched longer ago than this is dormant: still in the queue (reconnecting is
  // possible) but below every live follow-up, unless the user chose its cadence, tier or date.
  // Without it, years-old threads, past their maximum by years, topped Today.
  int dormant_days = 730;
  double dormant_factor = 0.2;
  // Strength: recency halves roughly every four months; saturation constants of the parts.
  double recency_days = 180, frequency_k = 25, reciprocity_k = 6, depth_k = 10, ties_k = 4;
  // Ranks within a kind of action (0..~1000; higher first).
  double reply_freshness = 100, reply_strength = 0.5;  // fresher and stronger first
  double greet_freshness = 100, greet_note = 60, greet_invited = 20, greet_endorsed = 15;
  double moment_job = 250, moment_recommendation = 200, moment_endorsement = 150, moment_anniversary = 60;
  double followup_user_date = 300, followup_overdue = 60;
  double nudge_freshness = 100, nudge_strength = 0.3;
};
const Policy& policy();

// Facts scan() finds that the public Signals do not carry.
struct Extra {
  int exchanges_1to1 = 0;   // alternations owner<->them inside one-to-one threads
  int exchanges_group = 0;  // same, in group threads (other participants ignored)
  int conversations_1to1 = 0;
  const Invitation* latest_invitation = nullptr;
};
void scan(const Store& store, const Contact& c, Signals& s, Extra& x);
// The owner's one-to-one messages after their last real message (the unanswered run): how many,
// and when the first of them was sent.
struct OwnRun {
  int count = 0;
  Time first = kNoTime;
};
OwnRun own_after_last_in(const Store& store, const Contact& c, Time last_in);

// What choose_action() (scoring_action.cpp) needs from the steps before it.
struct ActionInput {
  const Store& store;
  const Contact& c;
  Day today;
  bool words;
  const Cadence& band;
  Day touch;        // the latest one-to-one or logged touch, either way
  Time own_last;    // the owner's latest one-to-one touch
  bool their_real;  // a real one-to-one message from them
  double boost;     // the moments' boosts
  bool strong_moment;
};
// Sets e.action, e.priority and e.in_queue; returns the queue's reason ("" without words).
std::string choose_action(const ActionInput& in, Evaluation& e);
std::string explain_strength(const Evaluation& e, Day today);

// ---- wording (scoring_words.cpp) -----------------------------------------------------------
std::string who(const Contact& c);        // first name, else name, else "This contact"
std::string who_lower(const Contact& c);  // the same, "this contact" mid-sentence
// Counts and relative dates are core/words.hpp's (rk::plural, rk::relative_day): one wording for
// the reasons and the views alike.
inline std::string ago(Day d, Day today) { return rk::relative_day(d, today); }
std::string whole(double v);
std::string job_change_sentence(const Contact& c, const JobChange& j);

inline int days_between(Day from, Day to) { return int(long(to) - long(from)); }

}  // namespace rk::scoring
