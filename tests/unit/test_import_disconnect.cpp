// People who are no longer connections: present in an earlier Connections.csv, missing from a
// newer full one (issue #18, item 5).
#include <catch2/catch.hpp>

#include "core/api.hpp"
#include "core/import.hpp"
#include "core/query.hpp"
#include "core/scoring.hpp"
#include "test_import_helpers.hpp"

using namespace rk;
using namespace rktest;

namespace {
const Day kToday = day(2024, 12, 20);

const char* kHeader = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
// Five connections, one row each.
const char* kRows[] = {
    "Ada,Able,https://www.linkedin.com/in/ada-able,,Acme,Dev,04 Jul 2021\n",
    "Ben,Bell,https://www.linkedin.com/in/ben-bell,,Acme,Dev,05 Jul 2021\n",
    "Cat,Cole,https://www.linkedin.com/in/cat-cole,,Acme,Dev,06 Jul 2021\n",
    "Dev,Dunn,https://www.linkedin.com/in/dev-dunn,,Acme,Dev,07 Jul 2021\n",
    "Eve,Eddy,https://www.linkedin.com/in/eve-eddy,,Acme,Dev,08 Jul 2024\n",
};

std::string connections(std::initializer_list<int> who) {
  std::string csv = kHeader;
  for (int i : who) csv += kRows[i];
  return csv;
}

const char* kMessages =
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
    "c1,,Ben Bell,https://www.linkedin.com/in/ben-bell,Olly Owner,https://www.linkedin.com/in/olly,2024-03-01 10:00:00 UTC,,Hi,INBOX\n"
    "c1,,Olly Owner,https://www.linkedin.com/in/olly,Ben Bell,https://www.linkedin.com/in/ben-bell,2024-03-02 10:00:00 UTC,,Hey,INBOX\n";

// An export as LinkedIn sends it: a zip whose name carries the export date.
Files export_zip(const std::string& date, const std::string& conn, const std::string& msgs = kMessages) {
  return {{"Basic_LinkedInDataExport_" + date + ".zip",
           make_zip({{"Connections.csv", conn, true}, {"messages.csv", msgs, true}})}};
}

const Contact& who(const Store& s, const char* slug) {
  const Contact* c = by_url(s, std::string("linkedin.com/in/") + slug);
  REQUIRE(c);
  return *c;
}

bool has_detail(const ImportReport& r, const std::string& file, const std::string& part) {
  const FileReport* f = file_report(r, file);
  if (f)
    for (const std::string& d : f->details)
      if (d.find(part) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("disconnect: a newer export without three connections, then one listing one again", "[import][disconnect]") {
  Store s;
  REQUIRE(import_all(s, day(2024, 8, 1), export_zip("08-01-2024", connections({0, 1, 2, 3, 4}))).committed);
  CHECK(summarize(s).connections == 5);
  const ContactId ben = who(s, "ben-bell").id;
  s.user_of(ben).note = "met in Lisbon";
  s.user_of(ben).tags = {"friends"};

  // Ben, Cat and Dev are gone from the export of 30 Oct.
  ImportReport r = import_all(s, day(2024, 11, 2), export_zip("10-30-2024", connections({0, 4})));
  REQUIRE(r.committed);
  CHECK(has_detail(r, "Connections.csv", "3 people are no longer in your connections"));
  for (const char* slug : {"ben-bell", "cat-cole", "dev-dunn"}) {
    INFO(slug);
    CHECK_FALSE(who(s, slug).connected);
    CHECK(who(s, slug).disconnected_on == day(2024, 10, 30));
    CHECK(who(s, slug).connected_on != kNoDay);  // when they connected stays known
  }
  for (const char* slug : {"ada-able", "eve-eddy"}) {
    INFO(slug);
    CHECK(who(s, slug).connected);
    CHECK(who(s, slug).disconnected_on == kNoDay);
  }
  CHECK(summarize(s).connections == 2);
  // History, notes and tags stay; the scripting API and the query say so.
  const Contact& b = who(s, "ben-bell");
  CHECK(b.id == ben);
  CHECK(b.conversations.size() == 1);
  CHECK(s.user_of(ben).note == "met in Lisbon");
  CHECK(s.user_of(ben).tags == std::vector<std::string>{"friends"});
  const Evaluation e = evaluate(s, b, kToday);
  CHECK(contact_json(s, b, e)["disconnected_on"] == "2024-10-30");
  CHECK(contact_json(s, b, e)["connected"] == false);
  CHECK(contact_json(s, who(s, "ada-able"), e)["disconnected_on"].is_null());
  Query q;
  q.connected = 0;
  SearchIndex index;
  index.rebuild(s);
  CHECK(run_query(s, evaluate_all(s, kToday), index, q).size() == 3);

  // A loose messages.csv never disconnects anyone (it says nothing about connections).
  ImportReport loose = import_all(s, day(2024, 11, 5), {{"messages.csv", kMessages}});
  REQUIRE(loose.committed);
  CHECK(summarize(s).connections == 2);
  CHECK(who(s, "ada-able").connected);

  // The export of 15 Dec lists Cat again: connected again; Ben and Dev stay as they were.
  ImportReport again = import_all(s, kToday, export_zip("12-15-2024", connections({0, 2, 4})));
  CHECK(has_detail(again, "Connections.csv", "1 person is in your connections again"));
  CHECK_FALSE(has_detail(again, "Connections.csv", "no longer in your connections"));
  CHECK(who(s, "cat-cole").connected);
  CHECK(who(s, "cat-cole").disconnected_on == kNoDay);
  CHECK(who(s, "ben-bell").disconnected_on == day(2024, 10, 30));
  CHECK(who(s, "dev-dunn").disconnected_on == day(2024, 10, 30));
  CHECK(summarize(s).connections == 3);
  CHECK(s.contacts.size() == 5);
}

TEST_CASE("disconnect: loose CSVs date it by the import day; a damaged Connections.csv disconnects nobody",
          "[import][disconnect]") {
  Store s;
  import_all(s, day(2024, 8, 1), {{"Connections.csv", connections({0, 1, 2, 3, 4})}});
  // Cut short inside a quoted field after Eve's row: the rest is unknown, not gone.
  ImportReport cut = import_all(s, day(2024, 9, 1), {{"Connections.csv", connections({4}) + "\"Ben,Be"}});
  CHECK_FALSE(file_report(cut, "Connections.csv")->errors.empty());
  CHECK(has_detail(cut, "Connections.csv", "nobody is marked as no longer connected"));
  CHECK(summarize(s).connections == 5);
  // A row that cannot be read: the same.
  ImportReport bad = import_all(s, day(2024, 9, 2), {{"Connections.csv", connections({4}) + "only,three,fields\n"}});
  CHECK(file_report(bad, "Connections.csv")->skipped == 1);
  CHECK(has_detail(bad, "Connections.csv", "nobody is marked as no longer connected"));
  CHECK(summarize(s).connections == 5);
  // Only the preamble: no list to judge by.
  import_all(s, day(2024, 9, 3), {{"Connections.csv", "Notes:\n\"x\"\n\n"}});
  CHECK(summarize(s).connections == 5);
  // A whole file without Dev, dropped loose: since the import day.
  ImportReport r = import_all(s, day(2024, 9, 4), {{"Connections.csv", connections({0, 1, 2, 4})}});
  CHECK(has_detail(r, "Connections.csv", "1 person is no longer in your connections"));
  CHECK(who(s, "dev-dunn").disconnected_on == day(2024, 9, 4));
}

TEST_CASE("disconnect: an older export imported later leaves newer connections alone", "[import][disconnect]") {
  Store s;
  import_all(s, day(2024, 8, 1), export_zip("08-01-2024", connections({0, 1, 2, 3, 4})));
  // An export of January 2022 (its latest connection: Dev, July 2021) lacks Eve, who connected
  // in 2024: she was not there yet. Cat, connected before Dev and not in it, is gone by its word.
  ImportReport r = import_all(s, day(2024, 8, 2), export_zip("01-10-2022", connections({0, 1, 3})));
  CHECK(has_detail(r, "Connections.csv", "1 person is no longer in your connections"));
  CHECK(who(s, "eve-eddy").connected);
  CHECK_FALSE(who(s, "cat-cole").connected);
  CHECK(who(s, "cat-cole").disconnected_on == day(2022, 1, 10));
  // An even older one listing only Cat neither undoes that nor disconnects anyone.
  ImportReport older = import_all(s, day(2024, 8, 3), export_zip("06-01-2021", connections({2})));
  CHECK_FALSE(has_detail(older, "Connections.csv", "connections"));
  CHECK_FALSE(who(s, "cat-cole").connected);
  CHECK(summarize(s).connections == 4);
  // A newer one does.
  ImportReport newer = import_all(s, day(2024, 8, 4), export_zip("08-04-2024", connections({0, 1, 2, 3, 4})));
  CHECK(has_detail(newer, "Connections.csv", "1 person is in your connections again"));
  CHECK(who(s, "cat-cole").connected);
  CHECK(who(s, "cat-cole").disconnected_on == kNoDay);
}
