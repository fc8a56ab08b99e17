// The follow-up queue and Today: the kinds of action take turns so that no kind floods the top.
#include <algorithm>
#include <array>

#include "core/scoring.hpp"

namespace rk {

namespace {

// The order in which the kinds take their turns.
constexpr std::array<Action, 5> kTurns = {Action::Reply, Action::Greet, Action::Moment, Action::FollowUp, Action::Nudge};
constexpr size_t kNudgesInToday = 1;

}  // namespace

std::vector<uint32_t> follow_up_queue(const Store& store, const std::vector<Evaluation>& evals, size_t* today_out) {
  struct Key {
    double priority;
    ContactId id;
    uint32_t index;
  };
  std::array<std::vector<Key>, kActionCount> kinds;
  const size_t n = std::min(evals.size(), store.contacts.size());
  for (uint32_t i = 0; i < n; ++i)
    if (evals[i].in_queue && evals[i].action != Action::None)
      kinds[size_t(evals[i].action)].push_back({evals[i].priority, store.contacts[i].id, i});
  size_t total = 0;
  for (auto& k : kinds) {
    std::sort(k.begin(), k.end(), [](const Key& a, const Key& b) {
      if (a.priority != b.priority) return a.priority > b.priority;
      return a.id < b.id;
    });
    total += k.size();
  }
  const size_t today = size_t(std::clamp(store.settings.today_size, 1, 100));
  std::vector<uint32_t> out;
  out.reserve(total);
  std::array<size_t, kActionCount> next{};
  size_t nudges = 0;
  bool today_set = false;
  while (out.size() < total) {
    for (Action a : kTurns) {
      const auto& k = kinds[size_t(a)];
      size_t& at = next[size_t(a)];
      if (at >= k.size()) continue;
      // Today holds one nudge at most: a nudge is the weakest reason to write.
      if (a == Action::Nudge && out.size() < today && nudges >= kNudgesInToday) continue;
      if (a == Action::Nudge) ++nudges;
      out.push_back(k[at++].index);
    }
    // Only nudges left and Today not full: Today ends here, the rest of them follow it.
    bool others = false;
    for (Action a : kTurns)
      if (a != Action::Nudge && next[size_t(a)] < kinds[size_t(a)].size()) others = true;
    if (!others && out.size() < today && nudges >= kNudgesInToday) {
      if (today_out) *today_out = out.size();
      today_set = true;
      const auto& k = kinds[size_t(Action::Nudge)];
      for (size_t& at = next[size_t(Action::Nudge)]; at < k.size();) out.push_back(k[at++].index);
    }
  }
  if (today_out && !today_set) *today_out = std::min(out.size(), today);
  return out;
}

}  // namespace rk
