#include "core/charts.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/dates.hpp"
#include "core/text.hpp"
#include "core/words.hpp"

namespace rk {

namespace {
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// Adds one count to a growing series (a or b), extending it at either end.
void bump(MonthSeries& s, MonthIndex m, bool second) {
  if (m < 0) return;
  if (s.a.empty()) {
    s.first = m;
    s.a.assign(1, 0);
    s.b.assign(1, 0);
  } else if (m < s.first) {
    size_t grow = size_t(s.first - m);
    s.a.insert(s.a.begin(), grow, 0);
    s.b.insert(s.b.begin(), grow, 0);
    s.first = m;
  } else if (size_t(m - s.first) >= s.a.size()) {
    s.a.resize(size_t(m - s.first) + 1, 0);
    s.b.resize(size_t(m - s.first) + 1, 0);
  }
  (second ? s.b : s.a)[size_t(m - s.first)]++;
}
}  // namespace

MonthIndex month_of_day(Day d) {
  if (d == kNoDay) return -1;
  int y, m, dd;
  civil_from_days(d, y, m, dd);
  if (y < 0) return -1;
  return y * 12 + (m - 1);
}

std::string month_label(MonthIndex m) {
  if (m < 0) return "";
  return std::string(kMonths[m % 12]) + " " + std::to_string(m / 12);
}

int MonthSeries::total_a() const {
  int t = 0;
  for (int v : a) t += v;
  return t;
}
int MonthSeries::total_b() const {
  int t = 0;
  for (int v : b) t += v;
  return t;
}

Bars to_bars(const MonthSeries& s, int max_bars, Day as_of) {
  Bars out;
  if (s.a.empty()) return out;
  if (max_bars < 1) max_bars = 1;
  const int n = int(s.a.size());
  int per = 1;
  if (n > max_bars) per = 3;
  // Quarters or years start on calendar boundaries, so the first bar may be partial.
  auto bars_for = [&](int p) {
    int start = floor_div(s.first, p) * p;
    int end = s.first + n - 1;
    return floor_div(end, p) - floor_div(start, p) + 1;
  };
  if (per == 3 && bars_for(3) > max_bars) per = 12;
  while (per >= 12 && bars_for(per) > max_bars) per += 12;
  out.months_per_bar = per;
  out.period = per == 1 ? "month" : per == 3 ? "quarter" : per == 12 ? "year" : std::to_string(per / 12) + " years";
  int start = floor_div(s.first, per) * per;
  int count = bars_for(per);
  out.a.assign(size_t(count), 0);
  out.b.assign(size_t(count), 0);
  for (int i = 0; i < n; ++i) {
    int bar = (s.first + i - start) / per;
    out.a[size_t(bar)] += s.a[size_t(i)];
    out.b[size_t(bar)] += i < int(s.b.size()) ? s.b[size_t(i)] : 0;
  }
  for (int k = 0; k < count; ++k) {
    int m = start + k * per;
    if (per == 1) out.labels.push_back(month_label(m));
    else if (per == 3) out.labels.push_back("Q" + std::to_string((m % 12) / 3 + 1) + " " + std::to_string(m / 12));
    else if (per == 12) out.labels.push_back(std::to_string(m / 12));
    else out.labels.push_back(std::to_string(m / 12) + "-" + std::to_string((m + per - 1) / 12));
    const int next = m + per;  // the month after the bar
    out.from.push_back(days_from_civil(m / 12, m % 12 + 1, 1));
    out.to.push_back(days_from_civil(next / 12, next % 12 + 1, 1) - 1);
  }
  out.partial_last = as_of != kNoDay && as_of >= out.from.back() && as_of < out.to.back();
  return out;
}

std::vector<Ranked> rank_labels(const std::vector<std::string>& labels, size_t top) {
  struct Entry {
    int count = 0;
    std::unordered_map<std::string, int> spellings;
    size_t first_seen = 0;
  };
  std::unordered_map<std::string, Entry> groups;
  size_t order = 0;
  for (const std::string& l : labels) {
    std::string_view t = trim(l);
    if (t.empty()) continue;
    std::string key = fold(t);
    if (key.empty()) continue;
    auto [it, inserted] = groups.try_emplace(key);
    if (inserted) it->second.first_seen = order++;
    it->second.count++;
    it->second.spellings[std::string(t)]++;
  }
  std::vector<std::pair<const std::string*, const Entry*>> all;
  all.reserve(groups.size());
  for (const auto& g : groups) all.emplace_back(&g.first, &g.second);
  std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
    if (x.second->count != y.second->count) return x.second->count > y.second->count;
    return *x.first < *y.first;
  });
  std::vector<Ranked> out;
  for (size_t i = 0; i < all.size() && i < top; ++i) {
    const Entry& e = *all[i].second;
    const std::string* best = nullptr;
    int best_n = -1;
    for (const auto& sp : e.spellings) {
      if (sp.second > best_n || (sp.second == best_n && sp.first < *best)) {
        best = &sp.first;
        best_n = sp.second;
      }
    }
    out.push_back({*best, e.count});
  }
  return out;
}

DashboardStats compute_dashboard(const Store& s, const std::vector<Evaluation>& evals, Day today,
                                 size_t top) {
  DashboardStats d;
  d.contacts = s.contacts.size();
  std::vector<std::string> companies, positions;
  companies.reserve(s.contacts.size());
  positions.reserve(s.contacts.size());
  for (size_t i = 0; i < s.contacts.size(); ++i) {
    const Contact& c = s.contacts[i];
    const Evaluation* e = i < evals.size() ? &evals[i] : nullptr;
    const UserData* u = s.user_if(c.id);
    bool archived = u && u->archived;
    if (c.connected) {
      d.connections++;
      bump(d.connections_per_month, month_of_day(c.connected_on), false);
      companies.push_back(c.company);
      positions.push_back(c.position);
    }
    if (!c.connected) {
      if (!c.conversations.empty()) d.others_messaged++;
      else if (!c.invitations.empty()) d.others_invited++;
      else if (!c.endorsements.empty() || !c.recommendations.empty()) d.others_endorsed++;
    }
    if (archived) d.archived++;
    for (const Invitation& inv : c.invitations)
      (inv.direction == Direction::Incoming ? d.invitations_received : d.invitations_sent)++;
    d.endorsements += c.endorsements.size();
    d.recommendations += c.recommendations.size();
    if (!e) continue;
    if (!archived) d.status[size_t(e->status)]++;
    if (e->in_queue) {
      d.in_queue++;
      if (e->next_follow_up != kNoDay && e->next_follow_up <= today) d.due++;
    }
    if (e->signals.invited_by_them && c.connected) d.accepted++;
    if (e->accepted_and_dark) d.accepted_and_dark++;
    if (c.connected && e->signals.sent == 0 && e->signals.received == 0) d.never_messaged++;
  }
  for (const Conversation& cv : s.conversations) {
    if (cv.spam) continue;
    d.conversations++;
    for (uint32_t mi : cv.messages) {
      if (mi >= s.messages.size()) continue;
      const Message& m = s.messages[mi];
      bool mine = m.sender == kOwner;
      (mine ? d.messages_sent : d.messages_received)++;
      bump(d.messages_per_month, month_of_day(day_of(m.time)), !mine);
    }
  }
  d.as_of = export_as_of(s);
  // Up to the data's end: a quiet last stretch shows as empty months, not as a shorter axis.
  for (MonthSeries* ms : {&d.connections_per_month, &d.messages_per_month}) {
    const MonthIndex last = month_of_day(d.as_of);
    if (!ms->empty() && last >= ms->first && size_t(last - ms->first) >= ms->a.size()) {
      ms->a.resize(size_t(last - ms->first) + 1, 0);
      ms->b.resize(size_t(last - ms->first) + 1, 0);
    }
  }
  d.top_companies = rank_labels(companies, top);
  d.top_positions = rank_labels(positions, top);
  return d;
}

Day export_as_of(const Store& s) {
  Day best = kNoDay;
  auto see = [&](Day d) {
    if (d != kNoDay && (best == kNoDay || d > best)) best = d;
  };
  for (const Message& m : s.messages)
    if (m.time != kNoTime) see(day_of(m.time));
  for (const Contact& c : s.contacts) {
    see(c.connected_on);
    for (const Invitation& inv : c.invitations)
      if (inv.time != kNoTime) see(day_of(inv.time));
    for (const Endorsement& e : c.endorsements) see(e.day);
    for (const Recommendation& r : c.recommendations) see(r.day);
  }
  return best;
}

std::string stale_export_notice(const Store& s, Day today, int stale_days) {
  const Day as_of = export_as_of(s);
  if (as_of == kNoDay || today == kNoDay || long(today) - long(as_of) < stale_days) return "";
  return "The newest message or connection in this export is from " + month_year(as_of) + " (" +
         relative_day(as_of, today) + "). If your export is that old, download a fresh one from LinkedIn to see "
         "who is waiting now.";
}

}  // namespace rk
