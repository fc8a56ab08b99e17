// Relationship scoring: one status, strength, the kind of action worth taking now and its rank,
// and the plain-language reasons. README's "How scoring works" is the plain-language version;
// every number is named in scoring::Policy (scoring_detail.hpp) or is the user's, in Settings.
//
// Decisions worth knowing:
//  - Status is judged on one-to-one threads plus logged interactions. A logged interaction is a
//    two-way touch placed at the END of its day (23:59:59 UTC): it answers anything they wrote
//    that day.
//  - Two messages with the exact same timestamp: the owner's counts as the later one (we never
//    claim the user "went dark" on ambiguous data).
//  - They wrote last: awaiting your reply only within the reply window, and only if their last
//    message asks for an answer (not "Thanks!", not LinkedIn's own rows). An older unanswered
//    message is history: the relationship is fading. A closing note settles the exchange.
//  - fading vs active: fading when (today - last one-to-one/logged touch) > the band's target;
//    on the target day itself the contact is still active but its follow-up is due.
#include "core/scoring.hpp"

#include <algorithm>
#include <cmath>

#include "core/dates.hpp"
#include "core/scoring_detail.hpp"
#include "core/text.hpp"

namespace rk {

using namespace scoring;

const Policy& scoring::policy() {
  static const Policy p;
  return p;
}

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

const char* action_name(Action a) {
  switch (a) {
    case Action::None: return "";
    case Action::Reply: return "reply";
    case Action::Greet: return "greet";
    case Action::Moment: return "moment";
    case Action::FollowUp: return "follow_up";
    case Action::Nudge: return "nudge";
  }
  return "";
}

const char* action_label(Action a) {
  switch (a) {
    case Action::None: return "Nothing to do";
    case Action::Reply: return "Replies owed";
    case Action::Greet: return "New connections";
    case Action::Moment: return "Moments";
    case Action::FollowUp: return "Follow-ups due";
    case Action::Nudge: return "Nudges";
  }
  return "";
}

bool parse_action(const std::string& s, Action& out) {
  for (int i = 1; i < kActionCount; ++i) {
    if (iequals_ascii(s, action_name(Action(i)))) {
      out = Action(i);
      return true;
    }
  }
  return false;
}

namespace {

Cadence band_of_target(int target, Cadence::From from, const std::string* name) {
  Cadence c;
  c.target_days = target;
  c.max_days = std::max(target, 2 * target);
  c.from = from;
  c.name = name;
  return c;
}

}  // namespace

std::string Cadence::source(const Contact& c) const {
  switch (from) {
    case From::Contact: return "your cadence for " + scoring::who(c);
    case From::Tier: return "the " + (name ? *name : std::string()) + " tier";
    case From::Tag: return "the tag \"" + (name ? *name : std::string()) + "\"";
    case From::Default: break;
  }
  return "the default cadence";
}

Cadence effective_band(const Store& store, const Contact& c) {
  const Settings& st = store.settings;
  const UserData* u = store.user_if(c.id);
  if (u && u->cadence_days > 0) return band_of_target(u->cadence_days, Cadence::From::Contact, nullptr);
  if (u && u->tier > 0 && size_t(u->tier) <= st.tiers.size()) {
    const Tier& t = st.tiers[size_t(u->tier - 1)];
    if (t.target_days > 0) {
      Cadence b = band_of_target(t.target_days, Cadence::From::Tier, &t.name);
      b.max_days = std::max(t.target_days, t.max_days);
      return b;
    }
  }
  if (u) {
    const auto& tc = st.tag_cadence_days;
    for (const std::string& t : u->tags) {
      auto it = tc.find(t);
      if (it != tc.end() && it->second > 0) return band_of_target(it->second, Cadence::From::Tag, &it->first);
    }
    // Second chance: the same tag written with another case or accents.
    if (!tc.empty()) {
      for (const std::string& t : u->tags) {
        const std::string ft = fold(t);
        for (const auto& kv : tc)
          if (kv.second > 0 && fold(kv.first) == ft) return band_of_target(kv.second, Cadence::From::Tag, &kv.first);
      }
    }
  }
  Cadence d;
  d.target_days = st.default_cadence_days > 0 ? st.default_cadence_days : 90;
  d.max_days = std::max(d.target_days, st.default_cadence_max_days);
  return d;
}

int effective_cadence(const Store& store, const Contact& c) { return effective_band(store, c).target_days; }

Signals compute_signals(const Store& store, const Contact& c) {
  Signals s;
  Extra x;
  scan(store, c, s, x);
  return s;
}

}  // namespace rk
