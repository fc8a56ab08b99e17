// Dates: civil-day arithmetic through date.h, and a hand-written scanner for LinkedIn's fixed
// formats (fast enough for a million message rows; no iostreams).
#include "core/dates.hpp"

#include <date/date.h>

#include <cstdio>

namespace rk {

Day days_from_civil(int y, int m, int d) {
  // date.h's conversion is the plain days-from-civil arithmetic: it works for any y/m/d.
  date::year_month_day ymd{date::year{y}, date::month{unsigned(m)}, date::day{unsigned(d)}};
  return Day(date::sys_days(ymd).time_since_epoch().count());
}

void civil_from_days(Day day, int& y, int& m, int& d) {
  date::year_month_day ymd{date::sys_days{date::days{day}}};
  y = int(ymd.year());
  m = int(unsigned(ymd.month()));
  d = int(unsigned(ymd.day()));
}

bool valid_civil(int y, int m, int d) {
  if (y < -30000 || y > 30000 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  return date::year_month_day{date::year{y}, date::month{unsigned(m)}, date::day{unsigned(d)}}.ok();
}

namespace {

struct Scan {
  const char* p;
  const char* e;
  bool end() const { return p >= e; }
  char peek() const { return p < e ? *p : '\0'; }
  bool digit() const { return p < e && *p >= '0' && *p <= '9'; }
  bool alpha() const {
    return p < e && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'));
  }
  void spaces() {
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\xA0')) ++p;
  }
  // Reads 1..maxd digits. Returns digit count (0 if none).
  int num(int& v, int maxd = 4) {
    v = 0;
    int k = 0;
    while (p < e && k < maxd && *p >= '0' && *p <= '9') {
      v = v * 10 + (*p - '0');
      ++p;
      ++k;
    }
    return k;
  }
  bool eat(char c) {
    if (p < e && *p == c) {
      ++p;
      return true;
    }
    return false;
  }
  bool eat_word_ci(const char* w) {
    const char* q = p;
    for (; *w; ++w, ++q) {
      if (q >= e) return false;
      char c = *q;
      if (c >= 'A' && c <= 'Z') c = char(c + 32);
      if (c != *w) return false;
    }
    p = q;
    return true;
  }
};

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

// Month name (3+ letters), optional trailing '.'. Returns 1..12 or 0. English as LinkedIn writes
// it, and the abbreviations spreadsheets in other languages write when they re-save a file
// ("02-okt-18", "3-déc.-20", "15-mrt-19"): none of them names two different months.
int month_name(Scan& s) {
  static const char* const kNames[] = {"january", "february", "march",     "april",
                                       "may",     "june",     "july",      "august",
                                       "september", "october", "november", "december"};
  static const struct { const char* name; int month; } kOther[] = {
      {"ene", 1}, {"gen", 1}, {"janv", 1}, {"jän", 1}, {"fev", 2}, {"fevr", 2}, {"févr", 2}, {"fév", 2},
      {"mrt", 3}, {"mrz", 3}, {"mär", 3}, {"mars", 3}, {"abr", 4}, {"avr", 4}, {"mei", 5}, {"mai", 5},
      {"maj", 5}, {"mag", 5}, {"juin", 6}, {"giu", 6}, {"juil", 7}, {"lug", 7}, {"ago", 8},
      {"août", 8}, {"aout", 8}, {"set", 9}, {"okt", 10}, {"ott", 10}, {"out", 10}, {"dez", 12},
      {"dic", 12}, {"déc", 12}};
  const char* b = s.p;
  while (s.alpha() || (s.p < s.e && static_cast<unsigned char>(*s.p) >= 0x80)) ++s.p;
  size_t n = size_t(s.p - b);
  if (n < 3) {
    s.p = b;
    return 0;
  }
  for (int m = 0; m < 12; ++m) {
    const char* name = kNames[m];
    size_t len = 0;
    while (name[len]) ++len;
    if (n > len) continue;
    bool ok = true;
    for (size_t i = 0; i < n && ok; ++i) ok = lower(b[i]) == name[i];
    if (ok) {
      // 3 letters, the full name, or "Sept".
      if (n == 3 || n == len || (m == 8 && n == 4)) {
        s.eat('.');
        return m + 1;
      }
    }
  }
  for (const auto& o : kOther) {
    size_t len = 0;
    while (o.name[len]) ++len;
    bool ok = len == n;
    for (size_t i = 0; i < n && ok; ++i) ok = lower(b[i]) == o.name[i];
    if (ok) {
      s.eat('.');
      return o.month;
    }
  }
  s.p = b;
  return 0;
}

int expand_year(int y, int digits) {
  if (digits == 2) return y < 70 ? 2000 + y : 1900 + y;
  return y;
}

// Optional time of day after a date: "[T| |, ]H:MM[:SS[.fff]] [AM|PM] [UTC|GMT|Z|+HH:MM]".
bool time_part(Scan& s, long& secs) {
  secs = 0;
  s.spaces();
  if (s.eat(',')) s.spaces();
  if (s.peek() == 'T' && s.p + 1 < s.e && s.p[1] >= '0' && s.p[1] <= '9') ++s.p;
  s.spaces();
  if (s.end()) return true;
  int h = 0, mi = 0, se = 0;
  if (!s.digit()) {
    // Only a zone may follow a bare date.
  } else {
    if (s.num(h, 2) == 0 || !s.eat(':')) return false;
    if (s.num(mi, 2) != 2) return false;
    if (s.eat(':')) {
      if (s.num(se, 2) != 2) return false;
      if (s.eat('.') || s.eat(',')) {
        int frac;
        while (s.digit()) s.num(frac, 9);
      }
    }
    s.spaces();
    bool am = false, pm = false;
    if (s.eat_word_ci("am") || s.eat_word_ci("a.m.")) am = true;
    else if (s.eat_word_ci("pm") || s.eat_word_ci("p.m.")) pm = true;
    if (am || pm) {
      if (h < 1 || h > 12) return false;
      if (am && h == 12) h = 0;
      if (pm && h != 12) h += 12;
    }
    if (h > 23 || mi > 59 || se > 60) return false;
    secs = h * 3600L + mi * 60L + se;
    s.spaces();
  }
  if (s.end()) return true;
  // Zone.
  if (s.eat_word_ci("utc") || s.eat_word_ci("gmt") || s.eat('Z')) {
    s.spaces();
    if (s.end()) return true;
  }
  if (s.peek() == '+' || s.peek() == '-') {
    int sign = s.peek() == '-' ? -1 : 1;
    ++s.p;
    int oh = 0, om = 0;
    int k = s.num(oh, 2);
    if (k != 2) return false;
    if (s.eat(':')) {
      if (s.num(om, 2) != 2) return false;
    } else if (s.digit()) {
      if (s.num(om, 2) != 2) return false;
    }
    if (oh > 14 || om > 59) return false;
    secs -= sign * (oh * 3600L + om * 60L);
    s.spaces();
  }
  return s.end();
}

bool finish(int y, int m, int d, Scan& s, Time& out) {
  if (!valid_civil(y, m, d)) return false;
  long secs = 0;
  if (!time_part(s, secs)) return false;
  out = Time(days_from_civil(y, m, d)) * 86400 + secs;
  return true;
}

}  // namespace

bool parse_time(std::string_view str, Time& out) {
  Scan s{str.data(), str.data() + str.size()};
  s.spaces();
  while (s.e > s.p && (s.e[-1] == ' ' || s.e[-1] == '\t' || s.e[-1] == '\r' || s.e[-1] == '\n'))
    --s.e;
  if (s.end()) return false;
  if (s.digit()) {
    int a = 0;
    int ka = s.num(a, 4);
    if (s.digit()) return false;  // more than 4 digits
    char sep = s.peek();
    if (ka == 4 && (sep == '-' || sep == '/' || sep == '.')) {
      // YYYY-MM-DD, YYYY/MM/DD
      ++s.p;
      int m = 0, d = 0;
      if (s.num(m, 2) == 0 || !s.eat(sep) || s.num(d, 2) == 0) return false;
      return finish(a, m, d, s, out);
    }
    if (ka <= 2 && sep == '/') {
      // M/D/YY or M/D/YYYY (US order, as LinkedIn writes it)
      ++s.p;
      int d = 0, y = 0;
      if (s.num(d, 2) == 0 || !s.eat('/')) return false;
      int ky = s.num(y, 4);
      if (ky != 2 && ky != 4) return false;
      return finish(expand_year(y, ky), a, d, s, out);
    }
    if (ka <= 2 && sep == '.') {
      // D.M.YYYY (European spreadsheet re-saves)
      ++s.p;
      int m = 0, y = 0;
      if (s.num(m, 2) == 0 || !s.eat('.')) return false;
      int ky = s.num(y, 4);
      if (ky != 2 && ky != 4) return false;
      return finish(expand_year(y, ky), m, a, s, out);
    }
    if (ka <= 2 && sep == '-' && s.p + 1 < s.e && s.p[1] >= '0' && s.p[1] <= '9') {
      // D-M-YYYY (Dutch spreadsheet re-saves; LinkedIn never writes a month first with dashes)
      ++s.p;
      int m = 0, y = 0;
      if (s.num(m, 2) == 0 || !s.eat('-')) return false;
      int ky = s.num(y, 4);
      if (ky != 2 && ky != 4) return false;
      return finish(expand_year(y, ky), m, a, s, out);
    }
    if (ka <= 2 && (sep == ' ' || sep == '-')) {
      // "04 Jul 2023", "18-Jun-24"
      ++s.p;
      if (sep == ' ') s.spaces();
      int m = month_name(s);
      if (m == 0) return false;
      if (sep == ' ') {
        s.spaces();
        s.eat(',');
        s.spaces();
      } else if (!s.eat('-')) {
        return false;
      }
      int y = 0;
      int ky = s.num(y, 4);
      if (ky != 2 && ky != 4) return false;
      return finish(expand_year(y, ky), m, a, s, out);
    }
    return false;
  }
  if (s.alpha()) {
    // "Jul 4, 2023", "July 4 2023"
    int m = month_name(s);
    if (m == 0) return false;
    s.spaces();
    int d = 0;
    if (s.num(d, 2) == 0 || s.digit()) return false;
    s.spaces();
    s.eat(',');
    s.spaces();
    int y = 0;
    int ky = s.num(y, 4);
    if (ky != 4 && ky != 2) return false;
    return finish(expand_year(y, ky), m, d, s, out);
  }
  return false;
}

bool parse_day(std::string_view s, Day& out) {
  Time t;
  if (!parse_time(s, t)) return false;
  out = day_of(t);
  return true;
}

std::string format_iso(Day d) {
  if (d == kNoDay) return "";
  int y, m, dd;
  civil_from_days(d, y, m, dd);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
  return buf;
}

std::string format_human(Day d) {
  if (d == kNoDay) return "";
  static const char* const kMon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int y, m, dd;
  civil_from_days(d, y, m, dd);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d %s %d", dd, kMon[m - 1], y);
  return buf;
}

bool parse_iso(std::string_view s, Day& out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k)
    for (size_t i = starts[k]; i < starts[k] + lens[k]; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v[k] = v[k] * 10 + (s[i] - '0');
    }
  if (!valid_civil(v[0], v[1], v[2])) return false;
  out = days_from_civil(v[0], v[1], v[2]);
  return true;
}

}  // namespace rk
