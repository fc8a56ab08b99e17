// Dates and times as LinkedIn exports write them, and as Rekindle shows them.
#pragma once

#include <string>
#include <string_view>

#include "model.hpp"

namespace rk {

Day days_from_civil(int y, int m, int d);  // proleptic Gregorian; no validation
void civil_from_days(Day day, int& y, int& m, int& d);
bool valid_civil(int y, int m, int d);

// Parses every date/time form seen in LinkedIn exports since 2018, e.g.
//   "2024-12-16 18:24:37 UTC", "2024/12/07 14:51:07 UTC", "12/15/24, 7:47 AM", "1/8/18, 6:14 PM",
//   "11/27/24, 09:51 AM", "04 Jul 2023", "18-Jun-24", "2023-07-04", "Jul 4, 2023",
// and spreadsheet re-saves: "4.7.2023", "04-07-2023" (day first), "02-okt-18", "3-déc.-20".
// Times without a zone are taken as UTC. Returns false (and leaves `out` alone) on anything else.
bool parse_time(std::string_view s, Time& out);
bool parse_day(std::string_view s, Day& out);  // same forms, time of day dropped

std::string format_iso(Day d);    // "2025-03-03"; "" for kNoDay
std::string format_human(Day d);  // "3 Mar 2025"; "" for kNoDay
bool parse_iso(std::string_view s, Day& out);  // strict "YYYY-MM-DD"

}  // namespace rk
