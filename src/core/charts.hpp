// Dashboard aggregations: totals, status breakdown, per-month series and top lists, computed
// once per data revision from the Store and its evaluations. Plain C++ (tested natively); the
// Dashboard view only draws what this returns.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model.hpp"
#include "scoring.hpp"

namespace rk {

// Months as a running index: year * 12 + (month - 1).
using MonthIndex = int32_t;
MonthIndex month_of_day(Day d);  // kNoDay -> -1
std::string month_label(MonthIndex m);  // "Mar 2025"

// One or two values per consecutive month (every month between first and last, zeros included).
struct MonthSeries {
  MonthIndex first = 0;      // month of a[0]
  std::vector<int> a, b;     // same length; b may be all zeros (single series)
  bool empty() const { return a.empty(); }
  int total_a() const;
  int total_b() const;
};

// A series regrouped so it has at most `max_bars` bars (months, quarters or years, whichever
// is the finest that fits), every period between the first and the last one (empty periods are
// bars of 0: the time axis is proportional). Labels name each bar ("Mar 2025", "Q1 2025",
// "2025"); `period` names the bucket for the chart's title ("month", "quarter", "year",
// "2 years"), so the title says what the bars are.
struct Bars {
  std::vector<int> a, b;
  std::vector<std::string> labels;
  std::vector<Day> from, to;  // each bar's first and last day
  int months_per_bar = 1;     // 1, 3 or 12 (or a multiple of 12 for very long ranges)
  std::string period;         // "month", "quarter", "year", "N years"
  // The data ends (`as_of`) before the last bar's period does: its count is not comparable to
  // the others' (a chart must not show it as a drop).
  bool partial_last = false;
};
Bars to_bars(const MonthSeries& s, int max_bars, Day as_of = kNoDay);

struct Ranked {
  std::string label;  // the most common spelling
  int count = 0;
};

struct DashboardStats {
  size_t contacts = 0, connections = 0, archived = 0;
  size_t conversations = 0;  // spam excluded
  size_t messages_sent = 0, messages_received = 0;
  size_t invitations_received = 0, invitations_sent = 0;
  size_t endorsements = 0, recommendations = 0;
  size_t in_queue = 0, due = 0;  // due: in the queue with next_follow_up <= today
  std::array<int, kStatusCount> status{};  // archived contacts excluded
  size_t accepted = 0;           // invitations from them that the owner accepted (now connected)
  size_t accepted_and_dark = 0;  // ... and nothing since
  size_t never_messaged = 0;     // connections with no message either way
  // Both series run to the month of `as_of`, so months without data show as empty.
  MonthSeries connections_per_month;  // a: connections added (by Connected On)
  MonthSeries messages_per_month;     // a: sent by the owner, b: received (spam excluded)
  Day as_of = kNoDay;  // export_as_of(): the newest dated thing in the export
  // Who the contacts are: connections, and the others by what brought them in (first match:
  // messages, their invitation or yours, endorsements or recommendations).
  size_t others_messaged = 0, others_invited = 0, others_endorsed = 0;
  std::vector<Ranked> top_companies, top_positions;
};

// `today` decides what is due. `top` caps the ranked lists.
DashboardStats compute_dashboard(const Store& s, const std::vector<Evaluation>& evals, Day today,
                                 size_t top = 10);

// The newest message, connection, invitation, endorsement or recommendation in the data
// (what the user logs by hand excluded): how fresh the export is, at the latest. kNoDay if none.
Day export_as_of(const Store& s);
// A notice when that is long before today ("The newest message or connection in this export is
// from March 2025 ..."): statuses and the queue then describe the past. "" when fresh enough.
std::string stale_export_notice(const Store& s, Day today, int stale_days = 60);

// Top-N of labels compared case- and accent-insensitively (rk::fold); empty labels ignored.
std::vector<Ranked> rank_labels(const std::vector<std::string>& labels, size_t top);

}  // namespace rk
