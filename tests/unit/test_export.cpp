// Exports: CSV (formula injection), vCard (escaping, folding), ICS, templates, URL safety.
#include <catch2/catch.hpp>

#include <sstream>

#include "core/export.hpp"
#include "core/text.hpp"
#include "store_builder.hpp"

using namespace rk;
using namespace rk::test;

namespace {

constexpr Day kToday = civil(2025, 6, 1);

std::vector<std::string> split_crlf(const std::string& s) {
  std::vector<std::string> lines;
  size_t i = 0;
  while (i < s.size()) {
    size_t p = s.find("\r\n", i);
    REQUIRE(p != std::string::npos);  // every line ends with CRLF
    lines.push_back(s.substr(i, p - i));
    i = p + 2;
  }
  return lines;
}

// RFC 5545 / 2425 unfolding.
std::string unfold(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

void check_lines(const std::string& doc) {
  CHECK(doc.find('\n') == doc.find("\r\n") + 1);  // no bare LF
  for (size_t i = 0; i < doc.size(); ++i)
    if (doc[i] == '\n') CHECK((i > 0 && doc[i - 1] == '\r'));
  for (const std::string& line : split_crlf(doc)) {
    CHECK(line.size() <= 75);
    CHECK(valid_utf8(line));  // never split inside a UTF-8 sequence
  }
}

}  // namespace

TEST_CASE("csv_cell: formula injection and quoting", "[export]") {
  const std::pair<const char*, const char*> table[] = {
      {"", ""},
      {"plain", "plain"},
      {"=SUM(A1:A2)", "'=SUM(A1:A2)"},
      {"+33 6 12", "'+33 6 12"},
      {"-2", "'-2"},
      {"@cmd", "'@cmd"},
      {"\tx", "'\tx"},
      {"\rx", "\"'\rx\""},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
      {"a=b", "a=b"},
      {"Émilie", "Émilie"},
  };
  for (const auto& [in, out] : table) {
    INFO(in);
    CHECK(csv_cell(in) == out);
  }
}

TEST_CASE("contacts_csv", "[export]") {
  StoreBuilder b;
  ContactId a = b.contact("=cmd", "O'Neil, Jr", "Acme; Inc", "@lead", civil(2021, 3, 4));
  b.user(a).tags = {"vip", "friends"};
  b.user(a).note = "line1\nline2";
  b.received(a, at(2025, 5, 1));
  const Store& s = b.store();
  const auto evals = evaluate_all(s, kToday);
  const std::string csv = contacts_csv(s, evals, {0});
  REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  const std::string body = csv.substr(3);
  CHECK(body.rfind("Name,First name,Last name,Company,Position,Email,Profile URL,Connected on,Status,"
                   "Strength,Last interaction,Next follow-up,Tags,Note\r\n", 0) == 0);
  CHECK(body.find("\"'=cmd O'Neil, Jr\",'=cmd,\"O'Neil, Jr\",Acme; Inc,'@lead,,") != std::string::npos);
  CHECK(body.find(",2021-03-04,awaiting_reply,") != std::string::npos);
  CHECK(body.find(",2025-05-01,2025-07-30,vip; friends,\"line1\nline2\"\r\n") != std::string::npos);
  CHECK(contacts_csv(s, evals, {}) .size() < 200);  // header only
}

TEST_CASE("contacts_vcard: escaping and folding", "[export]") {
  StoreBuilder b;
  ContactId a = b.contact("Zoë", "Núñez; Smith", "Acme, Inc\\Labs", "Head of Product", civil(2021, 3, 4));
  b.get(a).email = "zoe@example.com";
  b.user(a).note = "Met in Lyon,\nlikes coffee; " + std::string(60, 'x') + " — ééééééééééééééééééééééééééééééé";
  b.user(a).tags = {"vip", "a,b"};
  ContactId bad = b.contact("Eve");
  b.get(bad).url = "javascript:alert(1)";
  const std::string v = contacts_vcard(b.store(), {0, 1});
  check_lines(v);
  const std::string u = unfold(v);
  CHECK(u.find("BEGIN:VCARD\r\nVERSION:3.0\r\n") == 0);
  CHECK(u.find("N:Núñez\\; Smith;Zoë;;;\r\n") != std::string::npos);
  CHECK(u.find("FN:Zoë Núñez\\; Smith\r\n") != std::string::npos);
  CHECK(u.find("ORG:Acme\\, Inc\\\\Labs\r\n") != std::string::npos);
  CHECK(u.find("TITLE:Head of Product\r\n") != std::string::npos);
  CHECK(u.find("EMAIL;TYPE=INTERNET:zoe@example.com\r\n") != std::string::npos);
  CHECK(u.find("URL:https://www.linkedin.com/in/Zoë-1\r\n") != std::string::npos);
  CHECK(u.find("CATEGORIES:vip,a\\,b\r\n") != std::string::npos);
  CHECK(u.find("NOTE:Met in Lyon\\,\\nlikes coffee\\; xxxx") != std::string::npos);
  CHECK(u.find("javascript") == std::string::npos);
  CHECK(u.find("END:VCARD\r\nBEGIN:VCARD") != std::string::npos);
  // the long NOTE really was folded
  CHECK(v.find("\r\n ") != std::string::npos);
}

TEST_CASE("followups_ics: structure, dates, escaping, folding", "[export]") {
  StoreBuilder b;
  ContactId due = b.contact("Ana", "Silva, PhD", "Acme", "", civil(2021, 3, 4));
  b.received(due, at(2025, 5, 1));
  ContactId later = b.contact("Bo", "", "", "", civil(2021, 3, 4));
  b.user(later).next_follow_up = civil(2025, 7, 4);
  b.get(later).url = "https://www.linkedin.com/in/bo;x";
  ContactId none = b.contact("Cy", "", "", "", civil(2021, 3, 4));
  b.get(none).url = "http://www.linkedin.com/in/cy";
  const Store& s = b.store();
  const auto evals = evaluate_all(s, kToday);
  const std::string ics = followups_ics(s, evals, {0, 1, 2}, kToday);
  check_lines(ics);
  const std::string u = unfold(ics);
  const auto lines = split_crlf(u);
  REQUIRE(lines.size() > 5);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines[1] == "VERSION:2.0");
  CHECK(u.find("PRODID:-//Rekindle//Follow-ups//EN\r\n") != std::string::npos);
  CHECK(lines.back() == "END:VCALENDAR");
  size_t events = 0, pos = 0;
  while ((pos = u.find("BEGIN:VEVENT\r\n", pos)) != std::string::npos) ++events, ++pos;
  CHECK(events == 3);
  CHECK(u.find("UID:rekindle-1-20250601@") != std::string::npos);
  CHECK(u.find("DTSTAMP:20250601T000000Z\r\n") != std::string::npos);
  CHECK(u.find("DTSTART;VALUE=DATE:20250601\r\nDTEND;VALUE=DATE:20250602\r\n") != std::string::npos);
  CHECK(u.find("DTSTART;VALUE=DATE:20250704\r\n") != std::string::npos);  // the future date
  CHECK(u.find("SUMMARY:Follow up with Ana Silva\\, PhD\r\n") != std::string::npos);
  CHECK(u.find("DESCRIPTION:Ana wrote to you on 1 May 2025 and you never replied\\n") != std::string::npos);
  CHECK(u.find("Profile: https://www.linkedin.com/in/Ana-1") != std::string::npos);
  CHECK(u.find("URL:https://www.linkedin.com/in/Ana-1\r\n") != std::string::npos);
  CHECK(u.find("URL:https://www.linkedin.com/in/bo;x\r\n") != std::string::npos);
  CHECK(u.find("Profile: https://www.linkedin.com/in/bo\\;x") != std::string::npos);  // TEXT escaped
  CHECK(u.find("http://www.linkedin.com/in/cy") == std::string::npos);               // unsafe: left out
  const std::string empty = followups_ics(s, evals, {}, kToday);
  CHECK(empty.find("VEVENT") == std::string::npos);
  CHECK(empty.find("BEGIN:VCALENDAR\r\n") == 0);
}

TEST_CASE("fill_template", "[export]") {
  Contact c;
  c.first_name = "Ana";
  c.last_name = "Silva";
  c.company = "Globex";
  c.position = "Head of Product";
  CHECK(fill_template("Hi {first_name}, congrats on {position} at {company}!", c) ==
        "Hi Ana, congrats on Head of Product at Globex!");
  CHECK(fill_template("{name} / {last_name}", c) == "Ana Silva / Silva");
  CHECK(fill_template("{unknown} {first_name", c) == "{unknown} {first_name");
  CHECK(fill_template("{{first_name}}", c) == "{Ana}");
  CHECK(fill_template("", c) == "");
  Contact evil;
  evil.first_name = "{last_name}";
  evil.last_name = "X";
  CHECK(fill_template("{first_name}", evil) == "{last_name}");  // values are never re-expanded
}

TEST_CASE("is_safe_profile_url", "[export]") {
  const std::pair<const char*, bool> table[] = {
      {"https://www.linkedin.com/in/ana-silva", true},
      {"https://linkedin.com/in/ana", true},
      {"HTTPS://WWW.LINKEDIN.COM/in/ana", true},
      {"https://fr.linkedin.com/in/ana?x=1#y", true},
      {"https://www.linkedin.com", true},
      {"https://www.linkedin.com:443/in/ana", true},
      {"http://www.linkedin.com/in/ana", false},
      {"javascript:alert(1)", false},
      {"JavaScript://www.linkedin.com/%0aalert(1)", false},
      {"data:text/html,hi", false},
      {"https://linkedin.com.evil.org/in/ana", false},
      {"https://evil.org/linkedin.com", false},
      {"https://evillinkedin.com/in/ana", false},
      {"https://www.linkedin.com@evil.org/", false},
      {"https://user:pw@www.linkedin.com/in/ana", false},
      {"https://www.linkedin.com:8080/in/ana", false},
      {"https://www.linkedin.com/in/ana silva", false},
      {"https://www.linkedin.com/in/ana\n", false},
      {" https://www.linkedin.com/in/ana", false},
      {"https://www.linkedin.com\\@evil.org", false},
      {"https://.linkedin.com/in/ana", false},
      {"https://", false},
      {"", false},
      {"//www.linkedin.com/in/ana", false},
      {"https://xn--linkedn-.com/in/ana", false},
      {"https://www.linkedin.com./in/ana", false},
  };
  for (const auto& [url, ok] : table) {
    INFO(url);
    CHECK(is_safe_profile_url(url) == ok);
  }
}
