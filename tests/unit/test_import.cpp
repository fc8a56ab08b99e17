// Import of a full (synthetic) 2024 export: every kind of file, contacts, messages, owner.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/identity.hpp"
#include "core/import.hpp"
#include "core/recognize.hpp"
#include "test_import_helpers.hpp"

using namespace rk;
using namespace rktest;

namespace {
const Day kToday = day(2024, 12, 20);
}

TEST_CASE("import: the 2024 export as loose CSVs", "[import]") {
  Store s;
  ImportReport r = import_all(s, kToday, export2024());
  INFO(r.error);
  REQUIRE(r.committed);
  CHECK(r.error.empty());

  // Reports per file, by header.
  REQUIRE(r.files.size() == 9);
  CHECK(file_report(r, "Connections.csv")->kind == FileKind::Connections);
  CHECK(file_report(r, "Connections.csv")->rows == 4);
  CHECK(file_report(r, "Connections.csv")->skipped == 1);
  CHECK(file_report(r, "messages.csv")->kind == FileKind::Messages);
  CHECK(file_report(r, "messages.csv")->rows == 8);
  CHECK(file_report(r, "messages.csv")->skipped == 1);  // the draft
  CHECK(file_report(r, "Invitations.csv")->kind == FileKind::Invitations);
  CHECK(file_report(r, "Endorsement_Received_Info.csv")->kind == FileKind::EndorsementsReceived);
  CHECK(file_report(r, "Endorsement_Given_Info.csv")->kind == FileKind::EndorsementsGiven);
  CHECK(file_report(r, "Recommendations_Received.csv")->kind == FileKind::RecommendationsReceived);
  CHECK(file_report(r, "Recommendations_Given.csv")->kind == FileKind::RecommendationsGiven);
  CHECK(file_report(r, "Profile.csv")->kind == FileKind::Profile);
  CHECK(file_report(r, "Positions.csv")->kind == FileKind::Unused);
  for (const auto& f : r.files) {
    INFO(f.name);
    CHECK(f.errors.empty());
  }

  // Owner from Profile (name) and messages (URL).
  CHECK(s.owner.name() == "Robin Owner");
  CHECK(s.owner.headline == "Engineer at Home");
  CHECK(s.owner.url_key == "linkedin.com/in/robin-owner");
  CHECK(by_url(s, "linkedin.com/in/robin-owner") == nullptr);
  CHECK(by_name(s, "Robin Owner") == nullptr);
  CHECK(by_name(s, "LinkedIn Member") == nullptr);

  // Connections.
  CHECK(s.deleted_connections == 1);
  const Contact* ada = by_url(s, "linkedin.com/in/ada-lovelace");
  REQUIRE(ada);
  CHECK(ada->first_name == "Ada");
  CHECK(ada->last_name == "Lovelace");
  CHECK(ada->email == "ada@example.com");
  CHECK(ada->company == "Analytical Engines");
  CHECK(ada->position == "Programmer");
  CHECK(ada->connected);
  CHECK(ada->connected_on == day(2023, 7, 4));
  CHECK(ada->first_seen == kToday);
  CHECK(ada->url == "https://www.linkedin.com/in/ada-lovelace");
  const Contact* john = by_url(s, "linkedin.com/in/john-smith-42");
  REQUIRE(john);
  CHECK(john->company == "Acme, Inc.");

  // Non-connections who wrote / invited.
  const Contact* rita = by_url(s, "linkedin.com/in/rita-recruiter");
  REQUIRE(rita);
  CHECK_FALSE(rita->connected);
  const Contact* pat = by_url(s, "linkedin.com/in/pat-pending");
  REQUIRE(pat);
  CHECK_FALSE(pat->connected);
  REQUIRE(pat->invitations.size() == 1);
  CHECK(pat->invitations[0].direction == Direction::Incoming);
  CHECK(pat->invitations[0].time == at(2024, 12, 15, 7, 47));
  CHECK(pat->invitations[0].message == "Hi Robin, let's connect");
  REQUIRE(ada->invitations.size() == 1);
  CHECK(ada->invitations[0].direction == Direction::Outgoing);

  // Messages: sorted by time, owner direction, HTML stripped, escaped quotes.
  REQUIRE(ada->conversations.size() == 1);
  const Conversation& c1 = s.conversations[ada->conversations[0]];
  CHECK(c1.key == "c1");
  CHECK_FALSE(c1.group);
  CHECK(c1.participants == std::vector<ContactId>{ada->id});
  REQUIRE(c1.messages.size() == 3);
  CHECK(s.text(s.messages[c1.messages[0]].text) == "First!\nTwo lines");
  CHECK(s.messages[c1.messages[0]].sender == ada->id);
  CHECK(s.text(s.messages[c1.messages[1]].text) == "Hi Robin");
  CHECK(s.text(s.messages[c1.messages[2]].text) == "Hi Ada, \"great\" to hear");
  CHECK(s.messages[c1.messages[2]].sender == kOwner);
  CHECK(s.messages[c1.messages[2]].time == at(2024, 12, 17, 9));
  for (size_t i = 1; i < c1.messages.size(); ++i)
    CHECK(s.messages[c1.messages[i - 1]].time <= s.messages[c1.messages[i]].time);
  REQUIRE(rita->conversations.size() == 1);
  const Conversation& c4 = s.conversations[rita->conversations[0]];
  REQUIRE(c4.messages.size() == 1);
  CHECK(s.text(s.messages[c4.messages[0]].text) == "Hello Robin,\nGreat role & team");
  CHECK(s.text(s.messages[c4.messages[0]].subject) == "Opportunity");

  // Group thread with "Smith, John" among the recipients.
  const Contact* alan = by_url(s, "linkedin.com/in/alan-turing");
  REQUIRE(alan);
  REQUIRE(alan->conversations.size() == 1);
  const Conversation& c2 = s.conversations[alan->conversations[0]];
  CHECK(c2.title == "Project X, phase 2");
  CHECK(c2.group);
  CHECK(c2.participants.size() == 2);
  CHECK(std::count(c2.participants.begin(), c2.participants.end(), john->id) == 1);
  CHECK(std::count(john->conversations.begin(), john->conversations.end(), alan->conversations[0]) == 1);
  CHECK(john->first_name == "John");  // from Connections, not from "Smith, John"

  // "LinkedIn Member": sender kNoContact, no contact; spam kept but flagged.
  bool member_seen = false, spam_seen = false;
  for (const Conversation& cv : s.conversations) {
    if (cv.key == "c3") {
      member_seen = true;
      CHECK(cv.participants.empty());
      REQUIRE(cv.messages.size() == 1);
      CHECK(s.messages[cv.messages[0]].sender == kNoContact);
    }
    if (cv.key == "c5") {
      spam_seen = true;
      CHECK(cv.spam);
    }
  }
  CHECK(member_seen);
  CHECK(spam_seen);

  // Endorsements (URL without scheme) and recommendations (by folded name).
  REQUIRE(alan->endorsements.size() == 1);
  CHECK(alan->endorsements[0].direction == Direction::Incoming);
  CHECK(alan->endorsements[0].skill == "C++");
  CHECK(alan->endorsements[0].day == day(2024, 12, 7));
  REQUIRE(ada->endorsements.size() == 1);
  CHECK(ada->endorsements[0].direction == Direction::Outgoing);
  const Contact* emilie = by_url(s, "linkedin.com/in/emilie-cava");
  REQUIRE(emilie);
  REQUIRE(emilie->recommendations.size() == 1);
  CHECK(emilie->recommendations[0].direction == Direction::Incoming);
  CHECK(emilie->recommendations[0].day == day(2024, 11, 27));
  REQUIRE(john->recommendations.size() == 1);
  CHECK(john->recommendations[0].direction == Direction::Outgoing);

  // Summary.
  Summary sm = summarize(s);
  CHECK(sm.connections == 4);
  CHECK(sm.contacts == 6);  // 4 connections + Rita (wrote) + Pat (invited); not Sam (spam)
  CHECK(sm.conversations == 4);
  CHECK(sm.messages == 7);
  CHECK(sm.invitations == 2);
  CHECK(sm.endorsements == 2);
  CHECK(sm.recommendations == 2);
  CHECK(r.contacts_added == int(s.contacts.size()));
  CHECK(r.contacts_updated == 0);

  // Ids are unique and indexed.
  for (const Contact& c : s.contacts) {
    CHECK(c.id != kNoContact);
    CHECK(c.id != kOwner);
    CHECK(s.find(c.id) == &c);
  }
  CHECK(s.last_import == kToday);
}

TEST_CASE("import: the same export as a zip with a sub-folder, stored and deflate", "[import][zip]") {
  std::vector<ZipItem> items;
  bool deflate = false;
  for (const auto& f : export2024()) {
    items.push_back({"Basic_LinkedInDataExport_12-20-2024/" + f.first, f.second, deflate});
    deflate = !deflate;
  }
  items.push_back({"Basic_LinkedInDataExport_12-20-2024/", "", false});  // a folder entry
  items.push_back({"__MACOSX/._Connections.csv", "junk", true});
  items.push_back({"Basic_LinkedInDataExport_12-20-2024/Some_New_File.csv", "Alpha,Beta\n1,2\n", true});
  Store zs, ls;
  ImportReport zr = import_all(zs, kToday, {{"Basic_LinkedInDataExport_12-20-2024.zip", make_zip(items)}});
  import_all(ls, kToday, export2024());
  REQUIRE(zr.committed);
  CHECK(file_report(zr, "Connections.csv") != nullptr);
  CHECK(file_report(zr, "._Connections.csv") == nullptr);
  const FileReport* nf = file_report(zr, "Some_New_File.csv");
  REQUIRE(nf);
  CHECK(nf->kind == FileKind::Unused);  // unknown CSV inside a LinkedIn export: not an error
  CHECK(nf->errors.empty());
  Summary a = summarize(zs), b = summarize(ls);
  CHECK(a.contacts == b.contacts);
  CHECK(a.messages == b.messages);
  CHECK(a.conversations == b.conversations);
  CHECK(a.recommendations == b.recommendations);
  CHECK(zs.owner.url_key == ls.owner.url_key);
}

TEST_CASE("import: Importer works in slices and reports progress", "[import]") {
  Store s;
  Importer imp(s, kToday);
  for (auto& f : export2024()) imp.add_file(f.first, f.second);
  CHECK(imp.progress() == 0.0f);
  int steps = 0;
  float last = 0.0f;
  while (!imp.step(0.0)) {
    ++steps;
    CHECK(imp.progress() >= last);
    last = imp.progress();
    CHECK_FALSE(imp.phase().empty());
    REQUIRE(steps < 10000);
  }
  CHECK(steps > 1);
  CHECK(imp.done());
  CHECK(imp.progress() == 1.0f);
  CHECK(imp.report().committed);
  CHECK(summarize(s).connections == 4);
}

TEST_CASE("import: cancel leaves the store untouched", "[import]") {
  Store s;
  import_all(s, kToday, {{"Connections.csv", fixture("export2024/Connections.csv")}});
  const size_t before = s.contacts.size();
  s.user_of(s.contacts[0].id).note = "keep me";
  Importer imp(s, kToday + 1);
  for (auto& f : export2024()) imp.add_file(f.first, f.second);
  imp.step(0.0);
  imp.cancel();
  while (!imp.step(5.0)) {
  }
  CHECK(imp.report().cancelled);
  CHECK_FALSE(imp.report().committed);
  CHECK(s.contacts.size() == before);
  CHECK(s.messages.empty());
  CHECK(s.last_import == kToday);
  CHECK(s.user_of(s.contacts[0].id).note == "keep me");
}

TEST_CASE("import: kind names", "[import]") {
  CHECK(std::string(kind_name(FileKind::Connections)) == "connections");
  CHECK(std::string(kind_name(FileKind::Messages)) == "messages");
  CHECK(std::string(kind_name(FileKind::Unused)) == "unused");
  CHECK(std::string(kind_name(FileKind::Unknown)) == "unknown");
  CHECK(std::string(kind_name(FileKind::EndorsementsReceived)) == "endorsements_received");
}

TEST_CASE("identity: url keys", "[import]") {
  const std::string k = "linkedin.com/in/jane-doe";
  CHECK(url_key("https://www.linkedin.com/in/jane-doe") == k);
  CHECK(url_key("http://linkedin.com/in/Jane-Doe/") == k);
  CHECK(url_key("www.linkedin.com/in/jane-doe") == k);
  CHECK(url_key("linkedin.com/in/jane-doe?trk=abc#x") == k);
  CHECK(url_key("https://uk.linkedin.com/in/jane%2Ddoe/en") == k);
  CHECK(url_key(" HTTPS://WWW.LINKEDIN.COM/IN/JANE-DOE ") == k);
  CHECK(url_key("https://www.linkedin.com/in/j%C3%A9r%C3%B4me") == "linkedin.com/in/j\xC3\xA9r\xC3\xB4me");
  CHECK(url_key("https://www.linkedin.com/in/J%C3%89R%C3%94ME") == "linkedin.com/in/j\xC3\xA9r\xC3\xB4me");
  CHECK(url_key("") == "");
  CHECK(url_key("urn:li:fsd_profile:ACoAAA") == "");
  CHECK(url_key("https://www.linkedin.com/in/") == "");
  CHECK(url_key("https://example.com/Page/") == "example.com/page");
  CHECK(name_key("  \xC3\x89milie ", "\xC3\x87" "ava") == "emilie cava");
  CHECK(is_placeholder_name("LinkedIn Member"));
  CHECK_FALSE(is_placeholder_name("LinkedIn Members"));
}

TEST_CASE("import: UTF-8 is checked piece by piece while a big zip entry inflates", "[import][zip]") {
  // A messages.csv of several MB (several inflate pieces) with multi-byte letters everywhere, so
  // sequences straddle the pieces: valid text imports unchanged; one stray byte near the end is
  // still found (and replaced), however far from the first piece it is.
  std::string csv = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n";
  const std::string body = "Zo\xC3\xAB \xE2\x80\x94 \xE5\xBC\xA0\xE4\xBC\x9F \xF0\x9F\x99\x82 caf\xC3\xA9";
  for (int i = 0; csv.size() < (size_t(3) << 20) + 12345; ++i) {
    csv += "c" + std::to_string(i % 500) + ",,Ana P\xC3\xA9rez,https://www.linkedin.com/in/ana,Me,https://www.linkedin.com/in/me," +
           "2024-01-0" + std::to_string(1 + i % 9) + " 10:00:00 UTC,," + body + std::to_string(i) + ",INBOX\n";
  }
  Store good, bad;
  ImportReport g = import_all(good, kToday, {{"export.zip", make_zip({{"messages.csv", csv, true}})}});
  REQUIRE(g.committed);
  REQUIRE(good.messages.size() > 20000);
  const std::string last_good(good.text(good.messages.back().text));
  CHECK(last_good.find(body) == 0);
  size_t replaced = 0;
  for (const Message& m : good.messages) replaced += good.text(m.text).find("\xEF\xBF\xBD") != std::string_view::npos;
  CHECK(replaced == 0);

  std::string broken = csv;
  const size_t at = broken.rfind("caf\xC3\xA9");
  REQUIRE(at != std::string::npos);
  broken[at + 3] = '\xFF';  // "caf" + a stray byte + a continuation byte
  ImportReport b = import_all(bad, kToday, {{"export.zip", make_zip({{"messages.csv", broken, true}})}});
  REQUIRE(b.committed);
  REQUIRE(bad.messages.size() == good.messages.size());
  size_t bad_texts = 0;
  for (const Message& m : bad.messages) bad_texts += bad.text(m.text).find("\xEF\xBF\xBD") != std::string_view::npos;
  CHECK(bad_texts == 1);
}
