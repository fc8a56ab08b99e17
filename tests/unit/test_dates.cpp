// Tests of dates.hpp: civil arithmetic, LinkedIn date forms, formatting.
#include <catch2/catch.hpp>

#include "core/dates.hpp"

using namespace rk;

static Time T(int y, int m, int d, int h = 0, int mi = 0, int s = 0) {
  return Time(days_from_civil(y, m, d)) * 86400 + h * 3600 + mi * 60 + s;
}

TEST_CASE("civil day arithmetic", "[dates]") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  int y, m, d;
  civil_from_days(days_from_civil(2024, 2, 29), y, m, d);
  CHECK((y == 2024 && m == 2 && d == 29));
  civil_from_days(-1, y, m, d);
  CHECK((y == 1969 && m == 12 && d == 31));
  CHECK(valid_civil(2024, 2, 29));
  CHECK_FALSE(valid_civil(2023, 2, 29));
  CHECK_FALSE(valid_civil(2023, 13, 1));
  CHECK_FALSE(valid_civil(2023, 4, 31));
  CHECK(day_of(-1) == -1);
}

TEST_CASE("parse_time accepts every LinkedIn form", "[dates]") {
  Time t = 0;
  REQUIRE(parse_time("2024-12-16 18:24:37 UTC", t));
  CHECK(t == T(2024, 12, 16, 18, 24, 37));
  REQUIRE(parse_time("2024/12/07 14:51:07 UTC", t));
  CHECK(t == T(2024, 12, 7, 14, 51, 7));
  REQUIRE(parse_time("12/15/24, 7:47 AM", t));
  CHECK(t == T(2024, 12, 15, 7, 47));
  REQUIRE(parse_time("1/8/18, 6:14 PM", t));
  CHECK(t == T(2018, 1, 8, 18, 14));
  REQUIRE(parse_time("11/27/24, 09:51 AM", t));
  CHECK(t == T(2024, 11, 27, 9, 51));
  REQUIRE(parse_time("12/1/24, 12:05 AM", t));
  CHECK(t == T(2024, 12, 1, 0, 5));
  REQUIRE(parse_time("12/1/24, 12:05 PM", t));
  CHECK(t == T(2024, 12, 1, 12, 5));
  REQUIRE(parse_time("04 Jul 2023", t));
  CHECK(t == T(2023, 7, 4));
  REQUIRE(parse_time("4 July 2023", t));
  CHECK(t == T(2023, 7, 4));
  REQUIRE(parse_time("18-Jun-24", t));
  CHECK(t == T(2024, 6, 18));
  REQUIRE(parse_time("2023-07-04", t));
  CHECK(t == T(2023, 7, 4));
  REQUIRE(parse_time("Jul 4, 2023", t));
  CHECK(t == T(2023, 7, 4));
  REQUIRE(parse_time("Sept 4, 2023", t));
  CHECK(t == T(2023, 9, 4));
  REQUIRE(parse_time("  2024-01-02T03:04:05Z ", t));
  CHECK(t == T(2024, 1, 2, 3, 4, 5));
  REQUIRE(parse_time("2024-01-02 03:04:05+02:00", t));
  CHECK(t == T(2024, 1, 2, 1, 4, 5));
  REQUIRE(parse_time("7/4/2023 14:51", t));
  CHECK(t == T(2023, 7, 4, 14, 51));
  REQUIRE(parse_time("04.07.2023", t));
  CHECK(t == T(2023, 7, 4));
  REQUIRE(parse_time("2024-12-16 18:24:37.123 UTC", t));
  CHECK(t == T(2024, 12, 16, 18, 24, 37));
}

TEST_CASE("parse_time reads the dates of European spreadsheet re-saves", "[dates]") {
  Time t = 0;
  struct Case { const char* text; int y, m, d; };
  for (const Case& c : {Case{"02-oct-18", 2018, 10, 2}, Case{"02-OCT-2018", 2018, 10, 2}, Case{"02-okt-18", 2018, 10, 2},
                        Case{"15-mrt-19", 2019, 3, 15}, Case{"1-mei-20", 2020, 5, 1}, Case{"3-déc.-20", 2020, 12, 3},
                        Case{"7-févr.-21", 2021, 2, 7}, Case{"9-Mär-22", 2022, 3, 9}, Case{"4-juil.-23", 2023, 7, 4},
                        Case{"12-dic-17", 2017, 12, 12}, Case{"5-ago-16", 2016, 8, 5}, Case{"6-out-15", 2015, 10, 6},
                        Case{"04-07-2023", 2023, 7, 4}, Case{"4-7-23", 2023, 7, 4}, Case{"13 okt 2021", 2021, 10, 13}}) {
    INFO(c.text);
    REQUIRE(parse_time(c.text, t));
    CHECK(t == T(c.y, c.m, c.d));
  }
  for (const char* bad : {"02-okto-18", "31-04-2023", "02-xyz-18", "02-oct", "4-13-2023"}) {
    INFO(bad);
    CHECK_FALSE(parse_time(bad, t));
  }
}

TEST_CASE("parse_time rejects garbage and leaves out alone", "[dates]") {
  Time t = 42;
  for (const char* bad : {"", "   ", "hello", "2024-13-01", "2023-02-29", "13/45/24, 7:47 AM",
                          "12/15/24, 13:47 PM", "12/15/24, 7:47 XM", "04 Foo 2023", "2024-12-16 25:00:00",
                          "123456", "12/15/2, 7:47", "Jul 2023", "2024-12-16 18:24:37 UTC trailing"}) {
    INFO(bad);
    CHECK_FALSE(parse_time(bad, t));
  }
  CHECK(t == 42);
}

TEST_CASE("parse_day drops the time of day, also before 1970", "[dates]") {
  Day d = 0;
  REQUIRE(parse_day("1/8/18, 6:14 PM", d));
  CHECK(d == days_from_civil(2018, 1, 8));
  REQUIRE(parse_day("1969-12-31 23:00:00 UTC", d));
  CHECK(d == -1);
}

TEST_CASE("formatting and strict ISO parsing", "[dates]") {
  CHECK(format_iso(days_from_civil(2025, 3, 3)) == "2025-03-03");
  CHECK(format_human(days_from_civil(2025, 3, 3)) == "3 Mar 2025");
  CHECK(format_iso(kNoDay) == "");
  CHECK(format_human(kNoDay) == "");
  Day d = 0;
  REQUIRE(parse_iso("2025-03-03", d));
  CHECK(d == days_from_civil(2025, 3, 3));
  CHECK_FALSE(parse_iso("2025-3-03", d));
  CHECK_FALSE(parse_iso("2025-02-30", d));
  CHECK_FALSE(parse_iso("2025/03/03", d));
  CHECK_FALSE(parse_iso(" 2025-03-03", d));
}
