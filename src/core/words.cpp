#include "core/words.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/dates.hpp"

namespace rk {

std::string thousands(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  for (int i = int(digits.size()) - 3; i > 0; i -= 3) digits.insert(size_t(i), ",");
  return n < 0 ? "-" + digits : digits;
}

std::string plural(long long n, const char* one, const char* many) {
  return thousands(n) + " " + (n == 1 || n == -1 ? one : many);
}

std::string duration(int days) {
  const long d = std::labs(long(days));
  if (d < 45) return plural(d, "day", "days");
  // Average month and year lengths: the unit is rounded, so 548 days is "2 years", never "18 months".
  const long months = long(std::floor(double(d) / 30.4375 + 0.5));
  if (months < 18) return plural(months, "month", "months");
  return plural(std::max(2L, long(std::floor(double(d) / 365.25 + 0.5))), "year", "years");
}

std::string relative_day(Day d, Day today) {
  if (d == kNoDay || today == kNoDay) return "";
  const long diff = long(today) - long(d);
  if (diff == 0) return "today";
  if (diff == 1) return "yesterday";
  if (diff == -1) return "tomorrow";
  return diff > 0 ? duration(int(diff)) + " ago" : "in " + duration(int(-diff));
}

std::string date_and_relative(Day d, Day today) {
  if (d == kNoDay) return "";
  const std::string rel = relative_day(d, today);
  return rel.empty() ? format_human(d) : format_human(d) + " (" + rel + ")";
}

std::string month_year(Day d) {
  static const char* const kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
  if (d == kNoDay) return "";
  int y, m, dd;
  civil_from_days(d, y, m, dd);
  return std::string(kNames[(m - 1) % 12]) + " " + std::to_string(y);
}

std::string elapsed(double seconds) {
  if (!(seconds >= 0)) seconds = 0;
  if (seconds < 5) return "just now";
  if (seconds < 60) return plural(long(seconds), "second", "seconds") + " ago";
  if (seconds < 3600) return plural(long(seconds / 60), "minute", "minutes") + " ago";
  if (seconds < 86400) return plural(long(seconds / 3600), "hour", "hours") + " ago";
  return plural(long(seconds / 86400), "day", "days") + " ago";
}

}  // namespace rk

namespace rk {

std::string group_messages(int sent, int received, int conversations) {
  const std::string where = conversations == 1 ? "a group conversation" : thousands(conversations) + " group conversations";
  if (sent <= 0 && received <= 0) return "you share " + (conversations == 1 ? std::string("a group conversation") : where);
  std::string what;
  if (sent > 0) what = thousands(sent) + " sent";
  if (received > 0) what += (what.empty() ? "" : " and ") + thousands(received) + " received";
  return what + " in " + where;
}

std::string message_counts(int sent_1to1, int received_1to1, int sent_group, int received_group, int group_conversations) {
  std::string r = sent_1to1 > 0 || received_1to1 > 0
                      ? thousands(sent_1to1) + " sent, " + thousands(received_1to1) + " received one-to-one"
                      : std::string(group_conversations > 0 ? "No one-to-one message" : "No message either way");
  if (group_conversations > 0) r += "; " + group_messages(sent_group, received_group, group_conversations);
  return r;
}

}  // namespace rk
