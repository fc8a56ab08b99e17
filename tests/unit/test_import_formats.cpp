// Import of every format generation and CSV quirk, file by file.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/import.hpp"
#include "core/recognize.hpp"
#include "test_import_helpers.hpp"

using namespace rk;
using namespace rktest;

namespace {
const Day kToday = day(2024, 12, 20);
const char* kPreamble =
    "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are "
    "missing. You will only see email addresses for connections who have allowed their connections to see "
    "or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
    "You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\n";

std::string utf16le(const std::string& ascii_or_utf8) {
  // Test helper: encodes UTF-8 (BMP only) as UTF-16LE with a BOM.
  std::string out("\xFF\xFE", 2);
  const auto* p = reinterpret_cast<const unsigned char*>(ascii_or_utf8.data());
  size_t n = ascii_or_utf8.size();
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    if (p[i] < 0x80) cp = p[i++];
    else if ((p[i] & 0xE0) == 0xC0) { cp = ((p[i] & 0x1F) << 6) | (p[i + 1] & 0x3F); i += 2; }
    else { cp = ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F); i += 3; }
    out.push_back(char(cp & 0xFF));
    out.push_back(char(cp >> 8));
  }
  return out;
}
}  // namespace

TEST_CASE("formats: Connections 2021-2023 (preamble, no URL)", "[import]") {
  Store s;
  std::string csv = std::string(kPreamble) +
                    "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                    "Grace,Hopper,,US Navy,Rear Admiral,04 Jul 2022\n"
                    "Linus,Torvalds,linus@example.com,,,\"18 Jun 2021\"\n";
  ImportReport r = import_all(s, kToday, {{"Connections.csv", csv}});
  REQUIRE(r.committed);
  REQUIRE(s.contacts.size() == 2);
  const Contact* g = by_name(s, "Grace Hopper");
  REQUIRE(g);
  CHECK(g->connected);
  CHECK(g->url_key.empty());
  CHECK(g->connected_on == day(2022, 7, 4));
  CHECK(summarize(s).contacts == 2);
  CHECK(file_report(r, "Connections.csv")->rows == 2);
}

TEST_CASE("formats: Connections 2018 (no preamble, US dates with time)", "[import]") {
  Store s;
  std::string csv =
      "First Name,Last Name,Email Address,Company,Position,Connected On\r\n"
      "Ken,Thompson,,Bell Labs,Researcher,\"1/8/18, 6:14 PM\"\r\n"
      "Dennis,Ritchie,,Bell Labs,Researcher,\"12/31/17, 11:59 PM\"";
  ImportReport r = import_all(s, kToday, {{"Connections.csv", csv}});
  REQUIRE(s.contacts.size() == 2);
  CHECK(by_name(s, "Ken Thompson")->connected_on == day(2018, 1, 8));
  CHECK(by_name(s, "Dennis Ritchie")->connected_on == day(2017, 12, 31));
  CHECK(file_report(r, "Connections.csv")->errors.empty());
}

TEST_CASE("formats: a Connections file with only the preamble gives 0 rows and no error", "[import]") {
  for (std::string csv : {std::string(kPreamble) +
                              "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
                          std::string(kPreamble)}) {
    Store s;
    ImportReport r = import_all(s, kToday, {{"Connections.csv", csv}});
    const FileReport* f = file_report(r, "Connections.csv");
    REQUIRE(f);
    CHECK(f->kind == FileKind::Connections);
    CHECK(f->rows == 0);
    CHECK(f->errors.empty());
    CHECK(r.error.empty());
    CHECK(s.contacts.empty());
  }
}

TEST_CASE("formats: messages 2021-2023 (9 columns) and owner without Profile", "[import]") {
  Store s;
  std::string csv =
      "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
      "k1,,Bea Baker,https://www.linkedin.com/in/bea-baker,Olly Owner,2022-03-01 10:00:00 UTC,,Hi,INBOX\n"
      "k1,,Olly Owner,https://www.linkedin.com/in/olly-owner,Bea Baker,2022-03-01 11:00:00 UTC,,Hello,INBOX\n"
      "k2,,Cal Cook,https://www.linkedin.com/in/cal-cook,Olly Owner,2022-03-02 10:00:00 UTC,,Yo,INBOX\n"
      "k2,,Olly Owner,https://www.linkedin.com/in/olly-owner,Cal Cook,2022-03-02 12:00:00 UTC,,Hey,INBOX\n"
      "k3,,Olly Owner,https://www.linkedin.com/in/olly-owner,Dee Dale,2022-03-03 12:00:00 UTC,,Ping,SENT\n";
  ImportReport r = import_all(s, kToday, {{"messages.csv", csv}});
  REQUIRE(r.committed);
  CHECK(s.owner.name() == "Olly Owner");
  CHECK(s.owner.url_key == "linkedin.com/in/olly-owner");
  CHECK(by_name(s, "Olly Owner") == nullptr);
  const Contact* bea = by_url(s, "linkedin.com/in/bea-baker");
  REQUIRE(bea);
  REQUIRE(bea->conversations.size() == 1);
  const Conversation& k1 = s.conversations[bea->conversations[0]];
  REQUIRE(k1.messages.size() == 2);
  CHECK(s.messages[k1.messages[0]].sender == bea->id);
  CHECK(s.messages[k1.messages[1]].sender == kOwner);
  CHECK(k1.participants == std::vector<ContactId>{bea->id});
  // Dee only received a message: a contact without URL, not counted in the summary.
  const Contact* dee = by_name(s, "Dee Dale");
  REQUIRE(dee);
  CHECK(dee->url_key.empty());
  Summary sm = summarize(s);
  CHECK(sm.contacts == 2);
  CHECK(sm.connections == 0);
  CHECK(sm.messages == 5);
  CHECK(sm.conversations == 3);
}

TEST_CASE("formats: messages 2018 (From,To,Date,Subject,Content,Direction,Folder)", "[import]") {
  Store s;
  std::string csv =
      "From,To,Date,Subject,Content,Direction,Folder\n"
      "Fay Fisher,Olly Owner,2018-01-05 10:00:00 UTC,Hello,Hi Olly,INCOMING,INBOX\n"
      "Olly Owner,Fay Fisher,2018-01-05 11:00:00 UTC,RE: Hello,Hi Fay,OUTGOING,SENT\n"
      "Gus Grant,Olly Owner,2018-01-06 10:00:00 UTC,,Hey,INCOMING,INBOX\n"
      "Olly Owner,Fay Fisher,2018-01-07 09:00:00 UTC,,Again,OUTGOING,SENT\n";
  ImportReport r = import_all(s, kToday, {{"messages.csv", csv}});
  REQUIRE(r.committed);
  CHECK(file_report(r, "messages.csv")->kind == FileKind::Messages);
  CHECK(s.owner.name() == "Olly Owner");
  const Contact* fay = by_name(s, "Fay Fisher");
  REQUIRE(fay);
  REQUIRE(fay->conversations.size() == 1);
  const Conversation& cv = s.conversations[fay->conversations[0]];
  CHECK_FALSE(cv.key.empty());
  REQUIRE(cv.messages.size() == 3);
  CHECK(s.messages[cv.messages[0]].sender == fay->id);
  CHECK(s.messages[cv.messages[1]].sender == kOwner);
  CHECK(s.messages[cv.messages[2]].sender == kOwner);
  CHECK(s.conversations.size() == 2);
  CHECK(by_name(s, "Olly Owner") == nullptr);
}

TEST_CASE("formats: invitations without URLs and with URN columns", "[import]") {
  Store s;
  std::string a =
      "From,To,Sent At,Message,Direction\n"
      "Ivy Irwin,Olly Owner,\"12/15/24, 7:47 AM\",,INCOMING\n"
      "Olly Owner,Jon Jones,\"1/2/23, 12:01 PM\",\"Hello Jon\",OUTGOING\n";
  std::string b =
      "From,To,Sent At,Message,Direction,inviterProfileUrn,inviteeProfileUrn\n"
      "Kim Kent,Olly Owner,\"11/1/24, 8:00 PM\",,INCOMING,urn:li:fsd_profile:ACoAAA1,urn:li:fsd_profile:ACoAAA2\n";
  ImportReport r = import_all(s, kToday, {{"Invitations.csv", a}, {"Invitations (1).csv", b}});
  CHECK(file_report(r, "Invitations.csv")->rows == 2);
  CHECK(file_report(r, "Invitations (1).csv")->rows == 1);
  const Contact* jon = by_name(s, "Jon Jones");
  REQUIRE(jon);
  REQUIRE(jon->invitations.size() == 1);
  CHECK(jon->invitations[0].direction == Direction::Outgoing);
  CHECK(jon->invitations[0].time == at(2023, 1, 2, 12, 1));
  CHECK(jon->invitations[0].message == "Hello Jon");
  const Contact* kim = by_name(s, "Kim Kent");
  REQUIRE(kim);
  CHECK(kim->url_key.empty());
  CHECK(kim->invitations[0].time == at(2024, 11, 1, 20, 0));
}

TEST_CASE("formats: UTF-16LE with BOM and tab separators", "[import][csv]") {
  std::string csv = utf16le(
      "First Name\tLast Name\tEmail Address\tCompany\tPosition\tConnected On\r\n"
      "Zoë\tŁukasz-Wójcik\t\tKraków, Ltd\tDev\t1/8/18, 6:14 PM\r\n"
      "Иван\tПетров\t\tЯндекс\tИнженер\t2/9/18, 7:00 AM\r\n");
  Store s;
  ImportReport r = import_all(s, kToday, {{"Connections.csv", csv}});
  const FileReport* f = file_report(r, "Connections.csv");
  REQUIRE(f);
  CHECK(f->kind == FileKind::Connections);
  CHECK(f->rows == 2);
  const Contact* z = by_name(s, "Zoë Łukasz-Wójcik");
  REQUIRE(z);
  CHECK(z->company == "Kraków, Ltd");
  CHECK(z->connected_on == day(2018, 1, 8));
  CHECK(by_name(s, "Иван Петров") != nullptr);
}

TEST_CASE("formats: Excel re-save with BOM, semicolons and 18-Jun-24 dates", "[import][csv]") {
  std::string csv =
      "\xEF\xBB\xBF" "First Name;Last Name;URL;Email Address;Company;Position;Connected On\r\n"
      "Mia;Moss;https://www.linkedin.com/in/mia-moss;;\"Moss; Co\";CEO;18-Jun-24\r\n";
  Store s;
  ImportReport r = import_all(s, kToday, {{"Connections.csv", csv}});
  REQUIRE(s.contacts.size() == 1);
  CHECK(s.contacts[0].first_name == "Mia");
  CHECK(s.contacts[0].company == "Moss; Co");
  CHECK(s.contacts[0].connected_on == day(2024, 6, 18));
  CHECK(file_report(r, "Connections.csv")->errors.empty());
}

TEST_CASE("formats: names in any script match across files by folded name", "[import]") {
  std::string conn =
      "First Name,Last Name,Email Address,Company,Position,Connected On\n"
      "Søren,Østergaard,,,,04 Jul 2022\n"
      "美咲,佐藤,,,,04 Jul 2022\n";
  std::string recs =
      "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
      "SØREN,østergaard,,,Great,\"11/27/24, 09:51 AM\",VISIBLE\n"
      "美咲,佐藤,,,素晴らしい,\"11/27/24, 09:51 AM\",VISIBLE\n";
  Store s;
  import_all(s, kToday, {{"Connections.csv", conn}, {"Recommendations_Received.csv", recs}});
  REQUIRE(s.contacts.size() == 2);
  CHECK(s.contacts[0].recommendations.size() == 1);
  CHECK(s.contacts[1].recommendations.size() == 1);
}

TEST_CASE("quirks: a truncated file keeps every good row and says where it broke", "[import]") {
  std::string full = fixture("export2024/messages.csv");
  // Cut in the middle of the HTML message (inside its quoted field).
  size_t cut = full.find("Great role");
  REQUIRE(cut != std::string::npos);
  Store s;
  ImportReport r = import_all(s, kToday, {{"messages.csv", full.substr(0, cut)}});
  const FileReport* f = file_report(r, "messages.csv");
  REQUIRE(f);
  REQUIRE(f->errors.size() == 1);
  CHECK(f->errors[0].find("line 10") != std::string::npos);
  CHECK(f->errors[0].find("cut short") != std::string::npos);
  CHECK(f->rows == 6);
  CHECK(f->skipped == 2);  // the draft and the cut row
  CHECK(r.committed);
  CHECK(summarize(s).messages == 6);
}

TEST_CASE("quirks: a row cut short (no quote open) is skipped with its line number", "[import]") {
  std::string csv =
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
      "Ann,Able,https://www.linkedin.com/in/ann,,A,B,04 Jul 2023\n"
      "Bob,Bean,https://www.linkedin.com/in/bob,,A,B,04 Jul 2023\n"
      "Cat,Cole,https://www.linkedin.com/in/cat,,A";
  Store s;
  ImportReport r = import_all(s, kToday, {{"Connections.csv", csv}});
  const FileReport* f = file_report(r, "Connections.csv");
  CHECK(f->rows == 2);
  CHECK(f->skipped == 1);
  REQUIRE(f->details.size() == 1);
  CHECK(f->details[0].find("line 4") == 0);
  CHECK(s.contacts.size() == 2);
}

TEST_CASE("quirks: details are capped", "[import]") {
  std::string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  for (int i = 0; i < 60; ++i) csv += "only,three,fields\n";
  csv += "Ok,Row,https://www.linkedin.com/in/ok,,,,04 Jul 2023\n";
  Store s;
  ImportReport r = import_all(s, kToday, {{"Connections.csv", csv}});
  const FileReport* f = file_report(r, "Connections.csv");
  CHECK(f->rows == 1);
  CHECK(f->skipped == 60);
  REQUIRE(f->details.size() == 51);
  CHECK(f->details[0].find("line 2:") == 0);
  CHECK(f->details.back() == "and 10 more");
}

TEST_CASE("quirks: empty, binary and foreign files are rejected with a reason", "[import]") {
  Store s;
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", 28);
  ImportReport r = import_all(s, kToday,
                              {{"Connections.csv", ""},
                               {"photo.png", png},
                               {"budget.csv", "Item,Cost\nCoffee,3\n"},
                               {"notes.txt", "just some words\n"}});
  CHECK_FALSE(r.committed);
  CHECK_FALSE(r.error.empty());
  REQUIRE(r.files.size() == 4);
  for (const auto& f : r.files) {
    INFO(f.name);
    CHECK(f.kind == FileKind::Unknown);
    REQUIRE(f.errors.size() == 1);
  }
  CHECK(r.files[0].errors[0].find("empty") != std::string::npos);
  CHECK(r.files[1].errors[0].find("binary") != std::string::npos);
  CHECK(r.files[2].errors[0].find("Item,Cost") != std::string::npos);
  CHECK(s.contacts.empty());
  CHECK(s.last_import == kNoDay);
}

TEST_CASE("quirks: recognition uses headers, not names", "[import]") {
  Recognition a = recognize("export (3).csv", fixture("export2024/messages.csv"));
  CHECK(a.kind == FileKind::Messages);
  Recognition b = recognize("x.csv", fixture("export2024/Connections.csv"));
  CHECK(b.kind == FileKind::Connections);
  CHECK(b.data_line == 5);
  Recognition c = recognize("Skills.csv", "Name\nC++\n");
  CHECK(c.kind == FileKind::Unused);
  Recognition d = recognize("Recs.csv", fixture("export2024/Recommendations_Given.csv"));
  CHECK(d.kind == FileKind::RecommendationsReceived);
  CHECK_FALSE(d.note.empty());
  Recognition e = recognize("Profile.csv", fixture("export2024/Profile.csv"));
  CHECK(e.kind == FileKind::Profile);
}
