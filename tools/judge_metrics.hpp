// What the follow-up judgement shows its owner, measured: used by the realistic-profile tests
// (tests/unit/test_judgement.cpp) and by tools/judge.cpp, which prints the same figures and the
// top of the queue for any export, to be read as the person it belongs to.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "core/session.hpp"

namespace rkjudge {

struct Metrics {
  size_t contacts = 0, with_messages = 0, awaiting = 0;
  int oldest_awaiting_days = -1;      // age of the oldest awaiting reply's last message
  size_t awaiting_closing = 0;        // awaiting replies whose last message is a closing note
  size_t queue = 0, today = 0;
  size_t top = 0, top_recent = 0;     // of the queue's first 20: in touch or connected within a year
  size_t new_silent = 0, new_silent_queued = 0, new_silent_today = 0;  // connected <= 30 days, no message
  size_t kinds_present = 0, kinds_in_today = 0;
  size_t per_kind[rk::kActionCount] = {};
  size_t per_kind_today[rk::kActionCount] = {};
  double awaiting_share() const { return with_messages ? double(awaiting) / double(with_messages) : 0; }
};

inline Metrics measure(const rk::Session& s) {
  Metrics m;
  const rk::Store& st = s.store;
  const auto& q = s.queue();
  m.contacts = st.contacts.size();
  m.queue = q.size();
  m.today = s.today_count();
  for (size_t i = 0; i < st.contacts.size(); ++i) {
    const rk::Contact& c = st.contacts[i];
    const rk::Evaluation& e = s.evals[i];
    const bool messages = e.signals.sent + e.signals.received > 0;
    m.with_messages += messages;
    if (e.status == rk::Status::AwaitingReply) {
      ++m.awaiting;
      const int age = int(s.today - rk::day_of(e.signals.last_in));
      m.oldest_awaiting_days = std::max(m.oldest_awaiting_days, age);
      m.awaiting_closing += e.signals.last_in_closing;
    }
    const uint32_t place = s.queue_place(uint32_t(i));
    const rk::UserData* u = st.user_if(c.id);
    const bool parked = u && (u->archived || (u->snoozed_until != rk::kNoDay && u->snoozed_until > s.today));
    if (c.connected && c.connected_on != rk::kNoDay && s.today - c.connected_on <= 30 && s.today >= c.connected_on &&
        !messages && !parked) {
      ++m.new_silent;
      m.new_silent_queued += place > 0;
      m.new_silent_today += place > 0 && place <= m.today;
    }
    if (place > 0) {
      ++m.per_kind[size_t(e.action)];
      if (place <= m.today) ++m.per_kind_today[size_t(e.action)];
    }
  }
  for (size_t k = 0; k < q.size() && k < 20; ++k) {
    const rk::Contact& c = st.contacts[q[k]];
    const rk::Evaluation& e = s.evals[q[k]];
    ++m.top;
    const bool touch = e.last_interaction != rk::kNoDay && s.today - e.last_interaction <= 365;
    const bool connected = c.connected_on != rk::kNoDay && s.today - c.connected_on <= 365;
    m.top_recent += touch || connected;
  }
  for (int k = 1; k < rk::kActionCount; ++k) {
    m.kinds_present += m.per_kind[k] > 0;
    m.kinds_in_today += m.per_kind_today[k] > 0;
  }
  return m;
}

// What issue #14 requires of the judgement on a realistic export; empty when all holds.
inline std::vector<std::string> failures(const Metrics& m, int reply_window_days) {
  std::vector<std::string> out;
  auto need = [&](bool ok, const std::string& what) {
    if (!ok) out.push_back(what);
  };
  need(m.awaiting_share() < 0.15, "15 % or more of the contacts with messages are awaiting a reply");
  need(m.oldest_awaiting_days <= reply_window_days, "a reply owed is older than the reply window");
  need(m.awaiting_closing == 0, "a thread ending with a closing note is awaiting a reply");
  need(2 * m.top_recent >= m.top, "fewer than half of the top 20 were in touch or connected within a year");
  need(m.new_silent_queued == m.new_silent, "a new connection without a message is not in the queue");
  need(m.new_silent == 0 || m.new_silent_today > 0, "no new connection is in Today");
  need(m.kinds_in_today == m.kinds_present, "a kind of action present in the queue is missing from Today");
  need(m.today <= 10, "Today holds more than 10 actions");
  return out;
}

}  // namespace rkjudge
