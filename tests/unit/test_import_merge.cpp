// Re-import of newer exports over a Store: stable ids, no duplicates, user data kept, job changes.
#include <catch2/catch.hpp>

#include <map>

#include "core/import.hpp"
#include "test_import_helpers.hpp"

using namespace rk;
using namespace rktest;

namespace {
const Day kToday = day(2024, 12, 20);

std::string replace_all(std::string s, const std::string& a, const std::string& b) {
  for (size_t p = s.find(a); p != std::string::npos; p = s.find(a, p + b.size())) s.replace(p, a.size(), b);
  return s;
}
}  // namespace

TEST_CASE("merge: re-importing the same export adds nothing and keeps user data", "[import]") {
  Store s;
  import_all(s, kToday, export2024());
  const Summary before = summarize(s);
  std::map<std::string, ContactId> ids;
  for (const Contact& c : s.contacts) ids[c.url_key + "|" + c.name()] = c.id;
  const Contact* ada = by_url(s, "linkedin.com/in/ada-lovelace");
  REQUIRE(ada);
  const ContactId ada_id = ada->id;
  s.user_of(ada_id).note = "met at the conference";
  s.user_of(ada_id).tags = {"friends"};
  s.user_of(ada_id).cadence_days = 30;
  const size_t contacts = s.contacts.size(), messages = s.messages.size(), convs = s.conversations.size();

  ImportReport r = import_all(s, kToday + 30, export2024());
  REQUIRE(r.committed);
  CHECK(r.contacts_added == 0);
  CHECK(r.contacts_updated == 0);
  CHECK(s.contacts.size() == contacts);
  CHECK(s.messages.size() == messages);
  CHECK(s.conversations.size() == convs);
  for (const Contact& c : s.contacts) CHECK(ids[c.url_key + "|" + c.name()] == c.id);
  const Summary after = summarize(s);
  CHECK(after.contacts == before.contacts);
  CHECK(after.invitations == before.invitations);
  CHECK(after.endorsements == before.endorsements);
  CHECK(after.recommendations == before.recommendations);
  CHECK(s.user_of(ada_id).note == "met at the conference");
  CHECK(s.user_of(ada_id).tags == std::vector<std::string>{"friends"});
  CHECK(s.user_of(ada_id).cadence_days == 30);
  CHECK(by_url(s, "linkedin.com/in/ada-lovelace")->first_seen == kToday);
  CHECK(by_url(s, "linkedin.com/in/ada-lovelace")->job_changes.empty());
  CHECK(s.last_import == kToday + 30);
}

TEST_CASE("merge: dropping the zip and its loose files together gives no duplicates", "[import]") {
  std::vector<ZipItem> items;
  for (const auto& f : export2024()) items.push_back({"Export/" + f.first, f.second, true});
  Files both = export2024();
  both.emplace_back("Complete_LinkedInDataExport_12-20-2024.zip", make_zip(items));
  Store a, b;
  import_all(a, kToday, both);
  import_all(b, kToday, export2024());
  CHECK(a.contacts.size() == b.contacts.size());
  CHECK(a.messages.size() == b.messages.size());
  Summary sa = summarize(a), sb = summarize(b);
  CHECK(sa.invitations == sb.invitations);
  CHECK(sa.endorsements == sb.endorsements);
  CHECK(sa.recommendations == sb.recommendations);
}

TEST_CASE("merge: a newer export updates people, records job changes and appends messages", "[import]") {
  Store s;
  import_all(s, kToday, export2024());
  const ContactId ada_id = by_url(s, "linkedin.com/in/ada-lovelace")->id;
  s.user_of(ada_id).note = "keep";

  Files newer = export2024();
  for (auto& f : newer) {
    if (f.first == "Connections.csv") {
      f.second = replace_all(f.second, "Analytical Engines,Programmer", "Babbage & Co,Chief Programmer");
      // Same person, URL written differently; a brand-new connection.
      f.second = replace_all(f.second, "https://www.linkedin.com/in/alan-turing", "http://linkedin.com/in/Alan-Turing/");
      f.second += "Nia,New,https://www.linkedin.com/in/nia-new,,Newco,Analyst,19 Jan 2025\n";
    }
    if (f.first == "messages.csv")
      f.second += "c1,,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,Robin Owner,"
                  "https://www.linkedin.com/in/robin-owner,2025-01-02 10:00:00 UTC,,New job!,INBOX,,false,false\n";
  }
  ImportReport r = import_all(s, kToday + 31, newer);
  REQUIRE(r.committed);
  CHECK(r.contacts_added == 1);
  CHECK(r.contacts_updated == 2);  // Ada (job, message) and Alan (URL form)
  const Contact* ada = by_url(s, "linkedin.com/in/ada-lovelace");
  REQUIRE(ada);
  CHECK(ada->id == ada_id);
  CHECK(ada->company == "Babbage & Co");
  REQUIRE(ada->job_changes.size() == 1);
  CHECK(ada->job_changes[0].seen_on == kToday + 31);
  CHECK(ada->job_changes[0].old_company == "Analytical Engines");
  CHECK(ada->job_changes[0].old_position == "Programmer");
  CHECK(ada->job_changes[0].new_company == "Babbage & Co");
  CHECK(ada->job_changes[0].new_position == "Chief Programmer");
  CHECK(s.user_of(ada_id).note == "keep");
  const Conversation& c1 = s.conversations[ada->conversations.at(0)];
  REQUIRE(c1.messages.size() == 4);
  CHECK(s.text(s.messages[c1.messages.back()].text) == "New job!");
  CHECK(s.messages[c1.messages.back()].conversation == ada->conversations[0]);
  CHECK(by_url(s, "linkedin.com/in/alan-turing")->job_changes.empty());
  const Contact* nia = by_url(s, "linkedin.com/in/nia-new");
  REQUIRE(nia);
  CHECK(nia->first_seen == kToday + 31);
  CHECK(nia->job_changes.empty());
  CHECK(summarize(s).connections == 5);
}

TEST_CASE("merge: a person known by name gets their URL later, and a non-connection becomes one", "[import]") {
  Store s;
  import_all(s, kToday,
             {{"Recommendations_Received.csv",
               "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
               "Quinn,Quill,,,Nice,\"11/27/24, 09:51 AM\",VISIBLE\n"},
              {"messages.csv", fixture("export2024/messages.csv")}});
  REQUIRE(by_name(s, "Quinn Quill"));
  const ContactId q = by_name(s, "Quinn Quill")->id;
  const ContactId rita = by_url(s, "linkedin.com/in/rita-recruiter")->id;
  CHECK_FALSE(by_url(s, "linkedin.com/in/rita-recruiter")->connected);
  ImportReport r = import_all(s, kToday + 1,
             {{"Connections.csv",
               "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
               "Quinn,Quill,https://www.linkedin.com/in/quinn,,Q Inc,Boss,04 Jul 2023\n"
               "Rita,Recruiter,https://www.linkedin.com/in/rita-recruiter,,Hire Co,Recruiter,05 Jul 2023\n"}});
  CHECK(r.contacts_added == 0);
  CHECK(r.contacts_updated == 2);
  const Contact* qc = by_url(s, "linkedin.com/in/quinn");
  REQUIRE(qc);
  CHECK(qc->id == q);
  CHECK(qc->connected);
  CHECK(qc->recommendations.size() == 1);
  CHECK(qc->job_changes.empty());  // was not a connection before: no job change
  const Contact* rc = by_url(s, "linkedin.com/in/rita-recruiter");
  CHECK(rc->id == rita);
  CHECK(rc->connected);
  CHECK(rc->job_changes.empty());
}

TEST_CASE("merge: namesakes without URLs stay apart, also on re-import", "[import]") {
  std::string csv =
      "First Name,Last Name,Email Address,Company,Position,Connected On\n"
      "John,Smith,,Alpha,Dev,04 Jul 2022\n"
      "John,Smith,,Beta,Ops,05 Jul 2022\n";
  Store s;
  ImportReport r1 = import_all(s, kToday, {{"Connections.csv", csv}});
  CHECK(r1.contacts_added == 2);
  ImportReport r2 = import_all(s, kToday, {{"Connections.csv", csv}});
  CHECK(r2.contacts_added == 0);
  CHECK(s.contacts.size() == 2);
  CHECK(summarize(s).connections == 2);
}

TEST_CASE("merge: a failed import changes nothing", "[import]") {
  Store s;
  import_all(s, kToday, export2024());
  const size_t contacts = s.contacts.size(), messages = s.messages.size();
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  ImportReport r = import_all(s, kToday + 5, {{"messages.csv", png}, {"Connections.csv", ""}});
  CHECK_FALSE(r.committed);
  CHECK_FALSE(r.error.empty());
  CHECK(s.contacts.size() == contacts);
  CHECK(s.messages.size() == messages);
  CHECK(s.last_import == kToday);
}

TEST_CASE("merge: spam conversations are kept but not counted", "[import]") {
  Store s;
  import_all(s, kToday, export2024());
  const Contact* sam = by_url(s, "linkedin.com/in/sam-spammer");
  REQUIRE(sam);
  REQUIRE(sam->conversations.size() == 1);
  CHECK(s.conversations[sam->conversations[0]].spam);
  Summary sm = summarize(s);
  size_t all_messages = s.messages.size();
  CHECK(sm.messages == all_messages - 1);
  CHECK(sm.conversations == s.conversations.size() - 1);
}

TEST_CASE("merge: without a Profile the owner found first stays on re-import", "[import]") {
  Files only_messages = {{"messages.csv", fixture("export2024/messages.csv")}};
  Store s;
  ImportReport r1 = import_all(s, kToday, only_messages);
  REQUIRE(r1.committed);
  CHECK(s.owner.url_key == "linkedin.com/in/robin-owner");
  const size_t contacts = s.contacts.size();
  ImportReport r2 = import_all(s, kToday + 1, {{"messages.csv", fixture("export2024/messages.csv")}});
  CHECK(r2.contacts_added == 0);
  CHECK(s.contacts.size() == contacts);
  CHECK(s.owner.url_key == "linkedin.com/in/robin-owner");
  CHECK(by_url(s, "linkedin.com/in/robin-owner") == nullptr);
}
