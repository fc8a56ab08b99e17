// core/words: one wording for dates, durations and counts across views and reasons.
#include <catch2/catch.hpp>

#include "core/words.hpp"
#include "store_builder.hpp"

using namespace rk;
using namespace rk::test;

TEST_CASE("plural and thousands", "[words]") {
  CHECK(plural(0, "event", "events") == "0 events");
  CHECK(plural(1, "event", "events") == "1 event");
  CHECK(plural(2, "message", "messages") == "2 messages");
  CHECK(plural(4215, "connection", "connections") == "4,215 connections");
  CHECK(thousands(1234567) == "1,234,567");
  CHECK(thousands(999) == "999");
  CHECK(thousands(-1000) == "-1,000");
}

TEST_CASE("duration: one unit, never '1 days' or '24 months'", "[words]") {
  CHECK(duration(0) == "0 days");
  CHECK(duration(1) == "1 day");
  CHECK(duration(7) == "7 days");
  CHECK(duration(30) == "30 days");
  CHECK(duration(44) == "44 days");
  CHECK(duration(45) == "1 month");
  CHECK(duration(61) == "2 months");
  CHECK(duration(91) == "3 months");
  CHECK(duration(365) == "12 months");
  CHECK(duration(500) == "16 months");
  CHECK(duration(548) == "2 years");  // past 17 months: years, so 24 months is "2 years"
  CHECK(duration(730) == "2 years");
  CHECK(duration(1400) == "4 years");
  CHECK(duration(-30) == "30 days");
  // Monotonic: a longer span never reads shorter.
  auto rank = [](const std::string& s) {
    const double n = std::stod(s);
    return s.find("year") != std::string::npos ? n * 365.25 : s.find("month") != std::string::npos ? n * 30.44 : n;
  };
  for (int d = 1; d < 4000; ++d) CHECK(rank(duration(d)) >= rank(duration(d - 1)) - 16);
}

TEST_CASE("relative_day and date_and_relative", "[words]") {
  const Day today = civil(2026, 11, 25);
  CHECK(relative_day(today, today) == "today");
  CHECK(relative_day(today - 1, today) == "yesterday");
  CHECK(relative_day(today + 1, today) == "tomorrow");
  CHECK(relative_day(today - 3, today) == "3 days ago");
  CHECK(relative_day(today + 7, today) == "in 7 days");
  CHECK(relative_day(today + 40, today) == "in 40 days");
  CHECK(relative_day(today + 70, today) == "in 2 months");
  CHECK(relative_day(civil(2023, 1, 22), today) == "4 years ago");
  CHECK(relative_day(kNoDay, today).empty());
  CHECK(date_and_relative(civil(2023, 1, 22), today) == "22 Jan 2023 (4 years ago)");
  CHECK(date_and_relative(today, today) == "25 Nov 2026 (today)");
  CHECK(date_and_relative(kNoDay, today).empty());
  CHECK(month_year(civil(2025, 3, 9)) == "March 2025");
}

TEST_CASE("elapsed seconds", "[words]") {
  CHECK(elapsed(0.4) == "just now");
  CHECK(elapsed(1) == "just now");
  CHECK(elapsed(40) == "40 seconds ago");
  CHECK(elapsed(61) == "1 minute ago");
  CHECK(elapsed(150) == "2 minutes ago");
  CHECK(elapsed(3600) == "1 hour ago");
  CHECK(elapsed(-5) == "just now");
}

TEST_CASE("message counts never contradict a silent status", "[words]") {
  CHECK(message_counts(12, 9, 0, 0, 0) == "12 sent, 9 received one-to-one");
  CHECK(message_counts(0, 0, 0, 0, 0) == "No message either way");
  // Silent (no one-to-one message) but they wrote in a group: said as such.
  CHECK(message_counts(0, 0, 0, 3, 1) == "No one-to-one message; 3 received in a group conversation");
  CHECK(message_counts(2, 1, 1, 3, 2) == "2 sent, 1 received one-to-one; 1 sent and 3 received in 2 group conversations");
  CHECK(message_counts(0, 0, 0, 0, 2) == "No one-to-one message; you share 2 group conversations");
  CHECK(group_messages(0, 0, 1) == "you share a group conversation");
}
