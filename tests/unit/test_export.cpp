// Exports: CSV (formula injection), vCard (escaping, folding), ICS, templates, URL safety.
#include <catch2/catch.hpp>

#include <set>
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


// A tiny iCalendar reader for the tests: unfolds, splits "NAME;PARAMS:VALUE" lines and nests
// BEGIN/END components. FAILs on anything malformed.
struct Prop {
  std::string name, params, value;
};
struct Comp {
  std::string name;
  std::vector<Prop> props;
  std::vector<Comp> children;
  std::vector<const Prop*> all(const std::string& n) const {
    std::vector<const Prop*> r;
    for (const Prop& p : props)
      if (p.name == n) r.push_back(&p);
    return r;
  }
  // The single property `n` ("" and a failed check when absent or repeated).
  std::string one(const std::string& n) const {
    const auto r = all(n);
    INFO(name << " " << n);
    CHECK(r.size() == 1);
    return r.size() == 1 ? r[0]->value : std::string();
  }
  bool has(const std::string& n) const { return !all(n).empty(); }
};

Comp parse_ics(const std::string& doc) {
  std::vector<Comp> stack(1);
  for (const std::string& line : split_crlf(unfold(doc))) {
    const size_t colon = line.find(':');
    REQUIRE(colon != std::string::npos);
    Prop p;
    p.name = line.substr(0, colon);
    p.value = line.substr(colon + 1);
    const size_t semi = p.name.find(';');
    if (semi != std::string::npos) {
      p.params = p.name.substr(semi + 1);
      p.name.resize(semi);
    }
    if (p.name == "BEGIN") {
      stack.push_back(Comp{p.value, {}, {}});
    } else if (p.name == "END") {
      REQUIRE(stack.size() > 1);
      REQUIRE(stack.back().name == p.value);
      Comp done = std::move(stack.back());
      stack.pop_back();
      stack.back().children.push_back(std::move(done));
    } else {
      REQUIRE(stack.size() > 1);  // no property outside a component
      stack.back().props.push_back(std::move(p));
    }
  }
  REQUIRE(stack.size() == 1);
  REQUIRE(stack[0].children.size() == 1);
  return stack[0].children[0];
}

// RFC 5545 TEXT unescaping; a backslash before anything else is a writer bug.
std::string unescape(const std::string& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '\\') {
      CHECK(v[i] != ';');  // unescaped separators would split the value
      CHECK(v[i] != ',');
      out += v[i];
      continue;
    }
    REQUIRE(i + 1 < v.size());
    const char n = v[++i];
    if (n == 'n' || n == 'N') out += '\n';
    else if (n == '\\' || n == ';' || n == ',') out += n;
    else FAIL("bad escape \\" << n);
  }
  return out;
}

std::vector<Comp> events_of(const Comp& cal) {
  std::vector<Comp> r;
  for (const Comp& c : cal.children)
    if (c.name == "VEVENT") r.push_back(c);
  return r;
}

// The event whose UID starts with "rekindle-<id>-", or a failed check.
Comp event_for(const Comp& cal, ContactId id) {
  const std::string prefix = "rekindle-" + std::to_string(id) + "-";
  std::vector<Comp> found;
  for (const Comp& e : events_of(cal))
    if (e.one("UID").rfind(prefix, 0) == 0) found.push_back(e);
  INFO("contact " << id);
  REQUIRE(found.size() == 1);
  return found[0];
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

// ---- calendar (.ics) --------------------------------------------------------------------------

namespace {

// One contact per situation the calendar must place (today is 1 Jun 2025).
struct Situations {
  StoreBuilder b;
  ContactId awaiting, overdue, planned, snoozed, snoozed_planned, archived, derived, undated;
  Situations() {
    b.store().owner.url_key = "in/owner-one";
    awaiting = b.contact("Ana", "Silva", "Acme", "Head of Sales");  // wrote 1 May, no reply
    b.received(awaiting, at(2025, 5, 1));
    overdue = b.contact("Bo");
    b.user(overdue).next_follow_up = civil(2025, 5, 20);
    planned = b.contact("Cy");
    b.user(planned).next_follow_up = civil(2025, 7, 4);
    snoozed = b.contact("Di");
    b.user(snoozed).snoozed_until = civil(2025, 6, 15);
    snoozed_planned = b.contact("Ed");
    b.user(snoozed_planned).snoozed_until = civil(2025, 6, 15);
    b.user(snoozed_planned).next_follow_up = civil(2025, 8, 1);
    archived = b.contact("Fay");
    b.user(archived).archived = true;
    b.user(archived).next_follow_up = civil(2025, 7, 10);
    derived = b.contact("Gus");  // a conversation both ways in May: next touch after the cadence
    b.received(derived, at(2025, 5, 20));
    b.sent(derived, at(2025, 5, 21));
    undated = b.contact("Hal");
  }
  const Store& s() const { return b.store(); }
  uint32_t row(ContactId id) const { return s().index.at(id); }
};

std::vector<uint32_t> all_rows(const Store& s) {
  std::vector<uint32_t> r(s.contacts.size());
  for (uint32_t i = 0; i < r.size(); ++i) r[i] = i;
  return r;
}

}  // namespace

TEST_CASE("calendar_day: each follow-up on its own day", "[export][ics]") {
  Situations x;
  const auto evals = evaluate_all(x.s(), kToday);
  auto day = [&](ContactId id) { return calendar_day(x.s(), x.s().contacts[x.row(id)], evals[x.row(id)], kToday); };
  REQUIRE(evals[x.row(x.awaiting)].in_queue);
  REQUIRE(evals[x.row(x.awaiting)].next_follow_up > kToday);  // derived date later, but due now
  CHECK(day(x.awaiting) == kToday);
  CHECK(day(x.overdue) == kToday);
  CHECK(day(x.planned) == civil(2025, 7, 4));
  CHECK(day(x.snoozed) == civil(2025, 6, 15));
  CHECK(day(x.snoozed_planned) == civil(2025, 8, 1));  // back in the queue only on the user's day
  CHECK(day(x.archived) == kNoDay);
  REQUIRE_FALSE(evals[x.row(x.derived)].in_queue);
  REQUIRE(evals[x.row(x.derived)].next_follow_up == civil(2025, 8, 19));
  CHECK(day(x.derived) == civil(2025, 8, 19));
  CHECK(day(x.undated) == kToday);
  // A snooze that ended is no snooze; a follow-up date of today is today.
  x.b.user(x.snoozed).snoozed_until = civil(2025, 6, 1);
  x.b.user(x.planned).next_follow_up = kToday;
  const auto later = evaluate_all(x.s(), kToday);
  CHECK(calendar_day(x.s(), x.s().contacts[x.row(x.snoozed)], later[x.row(x.snoozed)], kToday) == kToday);
  CHECK(calendar_day(x.s(), x.s().contacts[x.row(x.planned)], later[x.row(x.planned)], kToday) == kToday);
}

TEST_CASE("followups_ics: calendar, dates and descriptions", "[export][ics]") {
  Situations x;
  const ContactId unsafe = x.b.contact("Ivo", "", "", "Founder");
  x.b.get(unsafe).url = "http://www.linkedin.com/in/ivo";
  const auto evals = evaluate_all(x.s(), kToday);
  std::vector<uint32_t> rows = all_rows(x.s());
  rows.push_back(x.row(x.planned));  // repeated: still one event
  rows.push_back(9999);              // out of range: ignored
  const std::string ics = followups_ics(x.s(), evals, rows, kToday);
  check_lines(ics);
  CHECK(ics == followups_ics(x.s(), evals, rows, kToday));  // reproducible
  const Comp cal = parse_ics(ics);
  CHECK(cal.name == "VCALENDAR");
  CHECK(cal.one("VERSION") == "2.0");
  CHECK(cal.one("PRODID") == "-//Rekindle//Follow-ups//EN");
  CHECK(cal.one("CALSCALE") == "GREGORIAN");
  CHECK(cal.one("METHOD") == "PUBLISH");
  CHECK(cal.one("X-WR-CALNAME") == "Rekindle follow-ups");
  CHECK(events_of(cal).size() == 8);  // 9 contacts, the archived one left out
  for (const Comp& e : events_of(cal)) CHECK(e.one("UID").find("rekindle-" + std::to_string(x.archived) + "-") != 0);
  const std::pair<ContactId, const char*> dates[] = {
      {x.awaiting, "20250601"}, {x.overdue, "20250601"},        {x.planned, "20250704"},
      {x.snoozed, "20250615"},  {x.snoozed_planned, "20250801"}, {x.derived, "20250819"},
      {x.undated, "20250601"},  {unsafe, "20250601"}};
  for (const auto& [id, date] : dates) {
    const Comp e = event_for(cal, id);
    INFO("contact " << id);
    CHECK(e.one("DTSTART") == date);
    CHECK(e.all("DTSTART")[0]->params == "VALUE=DATE");
    CHECK(e.all("DTEND")[0]->params == "VALUE=DATE");
    CHECK(e.one("DTSTAMP") == "20250601T000000Z");
    CHECK(e.one("LAST-MODIFIED") == "20250601T000000Z");
    CHECK(e.one("TRANSP") == "TRANSPARENT");
  }
  CHECK(event_for(cal, x.planned).one("DTEND") == "20250705");
  CHECK(event_for(cal, x.overdue).one("DTEND") == "20250602");
  const Comp ana = event_for(cal, x.awaiting);
  CHECK(unescape(ana.one("SUMMARY")) == "Follow up with Ana Silva");
  // Reasons one per line, then the role, then the profile.
  std::string want;
  for (const std::string& r : evals[x.row(x.awaiting)].reasons) want += r + "\n";
  want += "Head of Sales at Acme\nProfile: https://www.linkedin.com/in/Ana-1";
  CHECK(unescape(ana.one("DESCRIPTION")) == want);
  CHECK(want.rfind("Ana wrote to you on 1 May 2025 and you never replied\n", 0) == 0);
  CHECK(ana.one("URL") == "https://www.linkedin.com/in/Ana-1");
  const Comp ivo = event_for(cal, unsafe);
  CHECK_FALSE(ivo.has("URL"));  // not an https LinkedIn URL: neither linked nor mentioned
  CHECK(unescape(ivo.one("DESCRIPTION")).find("Founder") != std::string::npos);
  CHECK(ics.find("http://www.linkedin.com/in/ivo") == std::string::npos);
  const std::string empty = followups_ics(x.s(), evals, {}, kToday);
  CHECK(empty.find("VEVENT") == std::string::npos);
  CHECK(parse_ics(empty).one("METHOD") == "PUBLISH");
}

TEST_CASE("followups_ics: escaping and folding", "[export][ics]") {
  StoreBuilder b;
  // A comma, a semicolon, a backslash, a newline, CJK (3 octets) and emoji (4 octets): well over
  // 75 octets once escaped, with multi-byte sequences wherever a fold may fall.
  const std::string first = "Zoë, \"Z\"; O'Brien\\Ops\n李小龍";
  std::string last;
  for (int i = 0; i < 12; ++i) last += "山田太郎🙂";
  const ContactId z = b.contact(first, last, "Acme; Inc, 東京", "CTO");
  b.get(z).url = "https://www.linkedin.com/in/zoe-" + std::string(80, 'x') + ";y,z";
  b.user(z).next_follow_up = civil(2025, 6, 20);
  const auto evals = evaluate_all(b.store(), kToday);
  const std::string ics = followups_ics(b.store(), evals, {0}, kToday);
  check_lines(ics);  // every physical line <= 75 octets, CRLF, valid UTF-8 on its own
  // The long lines were folded, and the folds used the room they had (a fold backs off at most
  // 3 octets to stay out of a UTF-8 sequence).
  size_t folded = 0;
  for (const std::string& line : split_crlf(ics)) {
    if (!line.empty() && line[0] == ' ') ++folded;
  }
  CHECK(folded >= 6);
  const auto lines = split_crlf(ics);
  for (size_t i = 0; i + 1 < lines.size(); ++i)
    if (lines[i + 1].rfind(' ', 0) == 0) CHECK(lines[i].size() >= 72);
  const Comp e = event_for(parse_ics(ics), z);
  const std::string name = first + " " + last;
  CHECK(unescape(e.one("SUMMARY")) == "Follow up with " + name);
  CHECK(e.one("SUMMARY").find("Zoë\\, \"Z\"\\; O'Brien\\\\Ops\\n李小龍") != std::string::npos);
  const std::string desc = unescape(e.one("DESCRIPTION"));
  CHECK(desc.find("\nCTO at Acme; Inc, 東京\nProfile: " + b.get(z).url) != std::string::npos);
  CHECK(e.one("URL") == b.get(z).url);  // a URI: kept as is
  REQUIRE(e.children.size() == 1);
  CHECK(unescape(e.children[0].one("DESCRIPTION")) == "Follow up with " + name);
  // No name at all: the email, else a placeholder.
  StoreBuilder nb;
  const ContactId mail = nb.contact("");
  nb.get(mail).email = "x@example.com";
  nb.contact("");
  const Comp cal = parse_ics(followups_ics(nb.store(), evaluate_all(nb.store(), kToday), {0, 1}, kToday));
  CHECK(unescape(events_of(cal).at(0).one("SUMMARY")) == "Follow up with x@example.com");
  CHECK(unescape(events_of(cal).at(1).one("SUMMARY")) == "Follow up with a contact");
}

TEST_CASE("followups_ics: one 9:00 reminder per event", "[export][ics]") {
  Situations x;
  const auto evals = evaluate_all(x.s(), kToday);
  const Comp cal = parse_ics(followups_ics(x.s(), evals, all_rows(x.s()), kToday));
  REQUIRE(events_of(cal).size() == 7);
  for (const Comp& e : events_of(cal)) {
    INFO(e.one("UID"));
    REQUIRE(e.children.size() == 1);
    const Comp& alarm = e.children[0];
    CHECK(alarm.name == "VALARM");
    CHECK(alarm.one("ACTION") == "DISPLAY");
    CHECK(alarm.one("TRIGGER") == "PT9H");  // from the all-day start: 9:00 local time
    CHECK(alarm.all("TRIGGER")[0]->params.empty());  // relative to the start, not the end
    CHECK(alarm.one("DESCRIPTION") == e.one("SUMMARY"));
  }
}

TEST_CASE("followups_ics: stable UIDs, a later export wins", "[export][ics]") {
  Situations x;
  const auto evals = evaluate_all(x.s(), kToday);
  const auto rows = all_rows(x.s());
  const Comp first = parse_ics(followups_ics(x.s(), evals, rows, kToday));
  // Twenty days on: Cy's planned date moved earlier, Bo got a later one, Di's snooze ended.
  const Day today2 = kToday + 20;
  x.b.user(x.planned).next_follow_up = civil(2025, 6, 25);
  x.b.user(x.overdue).next_follow_up = civil(2025, 9, 1);
  const auto evals2 = evaluate_all(x.s(), today2);
  const Comp second = parse_ics(followups_ics(x.s(), evals2, rows, today2));
  std::set<std::string> uids;
  for (ContactId id : {x.awaiting, x.overdue, x.planned, x.snoozed, x.snoozed_planned, x.derived, x.undated}) {
    INFO("contact " << id);
    const Comp a = event_for(first, id), b = event_for(second, id);
    CHECK(a.one("UID") == b.one("UID"));
    // rekindle-<contact id>-<16 hex digits of the owner>@rekindle.local
    const std::string uid = a.one("UID"), prefix = "rekindle-" + std::to_string(id) + "-";
    REQUIRE(uid.size() == prefix.size() + 16 + 15);
    CHECK(uid.compare(0, prefix.size(), prefix) == 0);
    CHECK(uid.find_first_not_of("0123456789abcdef", prefix.size()) == prefix.size() + 16);
    CHECK(uid.substr(prefix.size() + 16) == "@rekindle.local");
    uids.insert(a.one("UID"));
    CHECK(std::stoll(b.one("SEQUENCE")) > std::stoll(a.one("SEQUENCE")));  // even when moved earlier
    CHECK(b.one("DTSTAMP") == "20250621T000000Z");
  }
  CHECK(uids.size() == 7);  // distinct across contacts
  CHECK(event_for(first, x.planned).one("DTSTART") == "20250704");
  CHECK(event_for(second, x.planned).one("DTSTART") == "20250625");
  CHECK(event_for(second, x.overdue).one("DTSTART") == "20250901");
  CHECK(event_for(second, x.snoozed).one("DTSTART") == "20250621");
  CHECK(event_for(second, x.snoozed_planned).one("DTSTART") == "20250801");
  // Within one day, a later date is the newer version; SEQUENCE stays a 32-bit INTEGER.
  const auto seq = [](const Comp& cal, ContactId id) { return std::stoll(event_for(cal, id).one("SEQUENCE")); };
  CHECK(seq(first, x.planned) > seq(first, x.overdue));
  CHECK(seq(first, x.derived) <= 2147483647LL);
  CHECK(seq(first, x.overdue) >= 0);
  // Another owner's export of the same contacts: other UIDs, so the two never overwrite each other.
  x.b.store().owner.url_key = "in/owner-two";
  const Comp other = parse_ics(followups_ics(x.s(), evals2, rows, today2));
  CHECK(event_for(other, x.planned).one("UID") != event_for(second, x.planned).one("UID"));
  // Without a profile key the owner's name identifies them.
  x.b.store().owner.url_key.clear();
  x.b.store().owner.first_name = "Olga";
  const std::string by_name = event_for(parse_ics(followups_ics(x.s(), evals2, rows, today2)), x.planned).one("UID");
  x.b.store().owner.first_name = "Oleg";
  CHECK(event_for(parse_ics(followups_ics(x.s(), evals2, rows, today2)), x.planned).one("UID") != by_name);
}

TEST_CASE("calendar_rows: the queue, then planned and snoozed contacts", "[export][ics]") {
  Situations x;
  const ContactId past = x.b.contact("Jo");  // a date the user set that has passed: in the queue
  x.b.user(past).next_follow_up = civil(2025, 5, 1);
  const ContactId woke = x.b.contact("Kim");  // snooze over, nothing due
  x.b.user(woke).snoozed_until = civil(2025, 5, 30);
  const ContactId archived_snoozed = x.b.contact("Lu");
  x.b.user(archived_snoozed).snoozed_until = civil(2025, 6, 10);
  x.b.user(archived_snoozed).archived = true;
  x.b.user(x.undated).note = "user data, no date";
  const auto evals = evaluate_all(x.s(), kToday);
  const std::vector<uint32_t> queue = follow_up_queue(x.s(), evals);
  REQUIRE(queue.size() >= 2);
  const auto rows = calendar_rows(x.s(), evals, queue, kToday);
  // The queue first, in its order; then by calendar day: Di 15 Jun, Cy 4 Jul, Ed 1 Aug.
  std::vector<uint32_t> want = queue;
  for (ContactId id : {x.snoozed, x.planned, x.snoozed_planned}) want.push_back(x.row(id));
  CHECK(rows == want);
  // What the UI passes (a selection, maybe with an archived or repeated row) is cleaned the same way.
  const std::vector<uint32_t> picked = {x.row(x.archived), x.row(x.derived), x.row(x.derived), 999,
                                        x.row(x.planned)};
  CHECK(calendar_rows(x.s(), evals, picked, kToday) ==
        std::vector<uint32_t>{x.row(x.derived), x.row(x.planned), x.row(x.snoozed), x.row(x.snoozed_planned)});
  // Nothing queued, nothing planned: nothing to export.
  StoreBuilder quiet;
  quiet.contact("Max");
  const auto qe = evaluate_all(quiet.store(), kToday);
  CHECK(calendar_rows(quiet.store(), qe, follow_up_queue(quiet.store(), qe), kToday).empty());
  // The rows give an .ics with one event each.
  const Comp cal = parse_ics(followups_ics(x.s(), evals, rows, kToday));
  CHECK(events_of(cal).size() == rows.size());
}

TEST_CASE("mailto_url: plain addresses only, nothing that adds headers or recipients", "[export]") {
  CHECK(mailto_url("ana.silva+work@example.co.uk") == "mailto:ana.silva+work@example.co.uk");
  CHECK(mailto_url("p25@example.com") == "mailto:p25@example.com");
  for (const char* bad : {"", "@example.com", "ana@", "ana@localhost", "ana@@example.com", "a@b@example.com",
                          "ana@example.com?subject=hi", "ana@example.com&cc=x@y.z", "ana%0Abcc@example.com",
                          "ana@example.com,bob@example.com", "ana bob@example.com", "javascript:alert(1)@x.com",
                          "ana@.example.com", "ana@example..com", "ana@example.com.", "\"ana\"@example.com",
                          "ana@exa/mple.com", "ana;x@example.com", "ana\n@example.com"}) {
    INFO(bad);
    CHECK(mailto_url(bad).empty());
  }
}
