// Quirks of real exports (issue #18): names with commas in plain-text TO cells, spreadsheet
// placeholders, hand-converted headers, semicolon re-saves with shifted columns.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/cells.hpp"
#include "core/import.hpp"
#include "core/recognize.hpp"
#include "core/scoring.hpp"
#include "core/text.hpp"
#include "test_import_helpers.hpp"

using namespace rk;
using namespace rktest;

namespace {
const Day kToday = day(2022, 3, 31);  // within the reply window of the threads below

bool has_detail(const FileReport* f, const std::string& part) {
  if (!f) return false;
  for (const std::string& d : f->details)
    if (d.find(part) != std::string::npos) return true;
  return false;
}

const Conversation& only_conversation(const Store& s, const Contact* c) {
  REQUIRE(c);
  REQUIRE(c->conversations.size() == 1);
  return s.conversations[c->conversations[0]];
}

// Connections of 2021-2022 (no URL column) with commas in names, and the 9-column messages.csv
// of those years (no RECIPIENT PROFILE URLS): TO is plain text. The owner writes their name
// "Femi O SPHRi, CPHR"; the first row is addressed to them before they have written anything.
const char* kCommaConnections =
    "First Name,Last Name,Email Address,Company,Position,Connected On\n"
    "Ann,\"Lee, PhD\",,Uni,Professor,04 Jul 2021\n"
    "Karin,\"Sundgren, PMP, CSM\",,Acme,PM,05 Jul 2021\n"
    "Bob,Ray,,Acme,Dev,06 Jul 2021\n"
    "Cy,Dee,,Acme,Dev,07 Jul 2021\n"
    "Dan,Fox,,Acme,Dev,08 Jul 2021\n";
const char* kCommaMessages =
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
    "k1,,\"Ann Lee, PhD\",https://www.linkedin.com/in/ann-lee,\"Femi O SPHRi, CPHR\",2022-03-01 10:00:00 UTC,,Hi Femi,INBOX\n"
    "k2,,\"Karin Sundgren, PMP, CSM\",https://www.linkedin.com/in/karin-s,\"Femi O SPHRi, CPHR\",2022-03-02 10:00:00 UTC,,Hello,INBOX\n"
    "k1,,\"Femi O SPHRi, CPHR\",https://www.linkedin.com/in/femi-o,\"Ann Lee, PhD\",2022-03-03 10:00:00 UTC,,Hi Ann,INBOX\n"
    "k1,,\"Ann Lee, PhD\",https://www.linkedin.com/in/ann-lee,\"Femi O SPHRi, CPHR\",2022-03-04 10:00:00 UTC,,\"Great, when can we talk about the grant?\",INBOX\n"
    "k3,Team,\"Femi O SPHRi, CPHR\",https://www.linkedin.com/in/femi-o,\"Bob Ray, Cy Dee, Dan Fox\",2022-03-05 10:00:00 UTC,,All,INBOX\n"
    "k3,Team,Bob Ray,https://www.linkedin.com/in/bob-ray,\"Femi O SPHRi, CPHR, Cy Dee, Dan Fox\",2022-03-06 10:00:00 UTC,,Ok,INBOX\n"
    "k4,,\"Femi O SPHRi, CPHR\",https://www.linkedin.com/in/femi-o,\"Karin Sundgren, PMP, CSM\",2022-03-07 10:00:00 UTC,,Thanks,INBOX\n"
    // Not a connection, a comma that is no credential, named in TO before they first write.
    "k5,,\"Femi O SPHRi, CPHR\",https://www.linkedin.com/in/femi-o,\"Lars Berg, Stockholm\",2022-03-08 10:00:00 UTC,,Hej,INBOX\n"
    "k5,,\"Lars Berg, Stockholm\",https://www.linkedin.com/in/lars-berg,\"Femi O SPHRi, CPHR\",2022-03-09 10:00:00 UTC,,Hej hej,INBOX\n";

void check_comma_names(const Store& s) {
  CHECK(s.owner.url_key == "linkedin.com/in/femi-o");
  // No one was made of the pieces of a name.
  for (const char* piece : {"CPHR", "Femi O SPHRi", "Femi O SPHRi, CPHR", "PhD", "PMP", "CSM", "Ann Lee", "Karin Sundgren"}) {
    INFO(piece);
    CHECK(by_name(s, piece) == nullptr);
  }
  const Contact* ann = by_url(s, "linkedin.com/in/ann-lee");
  REQUIRE(ann);
  CHECK(ann->connected);  // the connection "Ann" "Lee, PhD", found by the messages' name
  const Conversation& k1 = only_conversation(s, ann);
  CHECK_FALSE(k1.group);
  CHECK(k1.participants == std::vector<ContactId>{ann->id});
  const Contact* karin = by_url(s, "linkedin.com/in/karin-s");
  REQUIRE(karin);
  REQUIRE(karin->conversations.size() == 2);  // k2 (she wrote) and k4 (the owner wrote to her)
  for (uint32_t ci : karin->conversations) {
    CHECK_FALSE(s.conversations[ci].group);
    CHECK(s.conversations[ci].participants == std::vector<ContactId>{karin->id});
  }
  // So each counts for a status: Ann wrote last, the owner thanked Karin last.
  CHECK(evaluate(s, *ann, kToday).status == Status::AwaitingReply);
  CHECK(evaluate(s, *karin, kToday).status != Status::Silent);
  const Contact* lars = by_url(s, "linkedin.com/in/lars-berg");
  const Conversation& k5 = only_conversation(s, lars);
  CHECK_FALSE(k5.group);
  CHECK(k5.participants == std::vector<ContactId>{lars->id});
  CHECK(by_name(s, "Stockholm") == nullptr);
  // The real group thread of three stays a group of three.
  const Contact* bob = by_url(s, "linkedin.com/in/bob-ray");
  const Conversation& k3 = only_conversation(s, bob);
  CHECK(k3.group);
  CHECK(k3.participants.size() == 3);
  for (const char* n : {"Cy Dee", "Dan Fox"}) {
    INFO(n);
    const Contact* c = by_name(s, n);
    REQUIRE(c);
    CHECK(c->connected);
    CHECK(std::find(k3.participants.begin(), k3.participants.end(), c->id) != k3.participants.end());
  }
}
}  // namespace

TEST_CASE("quirks: an owner whose name has a comma keeps one-to-one threads (no Profile.csv)", "[import][quirks]") {
  Store s;
  ImportReport r = import_all(s, kToday, {{"Connections.csv", kCommaConnections}, {"messages.csv", kCommaMessages}});
  REQUIRE(r.committed);
  CHECK(file_report(r, "messages.csv")->rows == 9);
  check_comma_names(s);
  CHECK(s.owner.name() == "Femi O SPHRi, CPHR");
}

TEST_CASE("quirks: an owner whose name has a comma, named by Profile.csv", "[import][quirks]") {
  Store s;
  const std::string profile =
      "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location\n"
      "Femi,\"O SPHRi, CPHR\",,,,HR lead,,,,\n";
  ImportReport r = import_all(s, kToday, {{"Profile.csv", profile}, {"Connections.csv", kCommaConnections},
                                          {"messages.csv", kCommaMessages}});
  REQUIRE(r.committed);
  check_comma_names(s);
}

TEST_CASE("quirks: an owner whose name has a comma, in 2018 messages", "[import][quirks]") {
  const std::string csv =
      "From,To,Date,Subject,Content,Direction,Folder\n"
      "Fay Fisher,\"Femi O SPHRi, CPHR\",2018-01-05 10:00:00 UTC,Hello,Hi Femi,INCOMING,INBOX\n"
      "\"Femi O SPHRi, CPHR\",Fay Fisher,2018-01-05 11:00:00 UTC,RE: Hello,Hi Fay,OUTGOING,SENT\n"
      "Fay Fisher,\"Femi O SPHRi, CPHR\",2018-01-06 10:00:00 UTC,,Thanks,INCOMING,INBOX\n";
  Store s;
  REQUIRE(import_all(s, kToday, {{"messages.csv", csv}}).committed);
  CHECK(s.owner.name() == "Femi O SPHRi, CPHR");
  const Contact* fay = by_name(s, "Fay Fisher");
  const Conversation& cv = only_conversation(s, fay);
  CHECK_FALSE(cv.group);
  CHECK(cv.messages.size() == 3);
  CHECK(by_name(s, "CPHR") == nullptr);
  CHECK(s.contacts.size() == 1);
}

TEST_CASE("quirks: TO cells split only between people", "[import][quirks]") {
  auto known = [](std::vector<std::string> names) {
    for (std::string& n : names) n = fold(n);
    return [names](const std::string& folded) {
      return std::find(names.begin(), names.end(), folded) != names.end();
    };
  };
  using V = std::vector<std::string>;
  const auto none = known(std::vector<std::string>{});
  CHECK(split_names("Femi O SPHRi, CPHR", none) == V{"Femi O SPHRi, CPHR"});  // a credential stays
  CHECK(split_names("Karin Sundgren, PMP, CSM", none) == V{"Karin Sundgren, PMP, CSM"});
  CHECK(split_names("Ann Lee, Bob Ray, Cy Dee", none) == V{"Ann Lee", "Bob Ray", "Cy Dee"});
  CHECK(split_names("Ann Lee, PhD, Bob Ray", none) == V{"Ann Lee, PhD", "Bob Ray"});
  CHECK(split_names("  ", none).empty());
  // Known people win: "Smith, John" is one connection, "Lee, Ann" too.
  const auto some = known({"Smith, John", "Ann Lee", "Lee, Ann"});
  CHECK(split_names("Smith, John, Bob Ray", some) == V{"Smith, John", "Bob Ray"});
  CHECK(split_names("Lee, Ann", some) == V{"Lee, Ann"});
  // A credential after a known person is theirs, written out: they are still that person.
  CHECK(split_names("Ann Lee, PMP, Bob Ray", some) == V{"Ann Lee", "Bob Ray"});
  CHECK(is_credential("Ph.D."));
  CHECK(is_credential("SHRM-CP"));
  CHECK_FALSE(is_credential("Bob"));
  CHECK_FALSE(is_credential("Bob Ray"));
}

TEST_CASE("quirks: spreadsheet placeholders are read as empty, and counted", "[import][quirks]") {
  const std::string conn =
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
      "Ann,Able,NULL,N/A,#N/A,<NA>,04 Jul 2023\n"
      "Bea,Best,null,na,NaN,n/a,NULL\n"
      "Na,Nan,https://www.linkedin.com/in/na-nan,,Acme,Dev,05 Jul 2023\n";
  const std::string inv =
      "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
      "Cal Cook,Olly Owner,\"12/15/23, 7:47 AM\",N/A,INCOMING,N/A,N/A\n";
  Store s;
  ImportReport r = import_all(s, kToday, {{"Connections.csv", conn}, {"Invitations.csv", inv}});
  const FileReport* f = file_report(r, "Connections.csv");
  REQUIRE(f);
  CHECK(f->rows == 3);
  CHECK(has_detail(f, "9 cells held a placeholder such as N/A or NULL and were read as empty"));
  CHECK(has_detail(file_report(r, "Invitations.csv"), "2 cells held a placeholder"));
  // Two people, not one "null" profile; no company or position "N/A".
  const Contact* ann = by_name(s, "Ann Able");
  const Contact* bea = by_name(s, "Bea Best");
  REQUIRE(ann);
  REQUIRE(bea);
  CHECK(ann != bea);
  for (const Contact* c : {ann, bea}) {
    CHECK(c->url.empty());
    CHECK(c->url_key.empty());
    CHECK(c->email.empty());
    CHECK(c->company.empty());
    CHECK(c->position.empty());
  }
  CHECK(ann->connected_on == day(2023, 7, 4));
  CHECK(bea->connected_on == kNoDay);
  // Names are never placeholders: "Na Nan" is a person.
  CHECK(by_url(s, "linkedin.com/in/na-nan")->name() == "Na Nan");
  // A message text is kept as written.
  const Contact* cal = by_name(s, "Cal Cook");
  REQUIRE(cal);
  REQUIRE(cal->invitations.size() == 1);
  CHECK(cal->invitations[0].message == "N/A");
  CHECK(cal->url.empty());
}

TEST_CASE("quirks: files are recognised by the columns they must have, under their other names", "[import][quirks]") {
  Store s;
  const std::string inv =
      "From,To,Date Sent,Message,Direction\n"
      "Ivy Irwin,Olly Owner,\"12/15/21, 7:47 AM\",,INCOMING\n"
      "Olly Owner,Jon Jones,\"1/2/22, 12:01 PM\",\"Hello Jon\",OUTGOING\n";
  ImportReport r = import_all(s, kToday, {{"invitations_converted.csv", inv}});
  const FileReport* f = file_report(r, "invitations_converted.csv");
  REQUIRE(f);
  CHECK(f->kind == FileKind::Invitations);
  CHECK(f->errors.empty());
  CHECK(f->rows == 2);
  CHECK(has_detail(f, "no inviterProfileUrl, inviteeProfileUrl columns in this file"));
  REQUIRE(by_name(s, "Jon Jones"));
  CHECK(by_name(s, "Jon Jones")->invitations.at(0).time == at(2022, 1, 2, 12, 1));

  // URN columns are the same columns: nothing reported missing.
  Recognition urn = recognize("Invitations.csv",
                              "From,To,Sent At,Message,Direction,inviterProfileUrn,inviteeProfileUrn\n"
                              "Kim Kent,Olly Owner,\"11/1/24, 8:00 PM\",,INCOMING,urn:li:fsd_profile:A,urn:li:fsd_profile:B\n");
  CHECK(urn.kind == FileKind::Invitations);
  CHECK(urn.missing.empty());
  CHECK(urn.col[cInviterUrl] == 5);
  // A Connections file of 2021-2023 says it has no URL column; the 9-column messages file, no
  // recipient URLs.
  Recognition conn = recognize("Connections.csv", kCommaConnections);
  CHECK(conn.kind == FileKind::Connections);
  CHECK(conn.missing == std::vector<std::string>{"URL"});
  Recognition msgs = recognize("messages.csv", kCommaMessages);
  CHECK(msgs.kind == FileKind::Messages);
  CHECK(msgs.missing == std::vector<std::string>{"RECIPIENT PROFILE URLS"});
  // Without a required column, still not a LinkedIn file.
  CHECK(recognize("x.csv", "From,To,Message,Direction\nA,B,C,INCOMING\n").kind == FileKind::Unknown);
}

TEST_CASE("quirks: the separator comes from the header line, outside quotes", "[import][quirks][csv]") {
  CHECK(separator_order("First Name;Last Name;URL;Company\nA;B;C;D\n")[0] == ';');
  CHECK(separator_order("First Name\tLast Name\tURL\nA\tB\tC\n")[0] == '\t');
  CHECK(separator_order("a,b,c\n")[0] == ',');
  // Commas inside quoted cells do not count; the header's semicolons do.
  CHECK(separator_order("\"Notes: a, b, c, d, e, f, g\"\nFirst Name;Last Name;Connected On\n")[0] == ';');
  CHECK(separator_order("\"x;y;z;w\",a,b\n")[0] == ',');
}

// A European spreadsheet re-save: ';' between cells, "02-oct-18" dates, a name with an unquoted
// ';' in it that shifts that row's columns, and a profile URL that landed in Position.
TEST_CASE("quirks: a semicolon re-save is read, and rows with shifted columns are skipped and told", "[import][quirks]") {
  const std::string conn =
      "Notes:;;;;;;\n"
      "\"When exporting your connection data, you may notice that some of the email addresses are missing.\";;;;;;\n"
      ";;;;;;\n"
      "First Name;Last Name;URL;Email Address;Company;Position;Connected On\n"
      "Mia;Moss;https://www.linkedin.com/in/mia-moss;;\"Moss; Co\";CEO;02-oct-18\n"
      "Jean;Pierre;;;;https://www.linkedin.com/in/jp-dupont;15-mrt-19\n"
      "Ana;Lopez; PhD;https://www.linkedin.com/in/ana-lopez;;Uni;Prof\n"
      "Tom;Tan;https://www.linkedin.com/in/tom-tan;;Tan BV;CTO;04-07-2019\n";
  Store s;
  ImportReport r = import_all(s, kToday, {{"Connections.csv", conn}});
  const FileReport* f = file_report(r, "Connections.csv");
  REQUIRE(f);
  CHECK(f->kind == FileKind::Connections);
  CHECK(f->errors.empty());
  CHECK(f->rows == 2);
  CHECK(f->skipped == 2);
  CHECK(has_detail(f, "line 6: a profile URL outside the URL column"));
  CHECK(has_detail(f, "line 7: a URL column holds \"PhD\""));
  CHECK(has_detail(f, "2 rows were skipped: a URL column held no URL"));
  REQUIRE(s.contacts.size() == 2);
  const Contact* mia = by_url(s, "linkedin.com/in/mia-moss");
  REQUIRE(mia);
  CHECK(mia->company == "Moss; Co");
  CHECK(mia->connected_on == day(2018, 10, 2));
  CHECK(by_url(s, "linkedin.com/in/tom-tan")->connected_on == day(2019, 7, 4));
  for (const Contact& c : s.contacts) CHECK(c.position.find("linkedin") == std::string::npos);

  // The same shift in messages: the row is skipped, not filed under a sender called "Smith".
  const std::string msgs =
      "CONVERSATION ID;CONVERSATION TITLE;FROM;SENDER PROFILE URL;TO;DATE;SUBJECT;CONTENT;FOLDER\n"
      "k1;;Mia Moss;https://www.linkedin.com/in/mia-moss;Olly Owner;02-oct-18;;Hej;INBOX\n"
      "k2;;Jo;Smith;https://www.linkedin.com/in/jo;Olly Owner;03-oct-18;Hi;INBOX\n";
  Store m;
  ImportReport rm = import_all(m, kToday, {{"messages.csv", msgs}});
  const FileReport* fm = file_report(rm, "messages.csv");
  REQUIRE(fm);
  CHECK(fm->rows == 1);
  CHECK(fm->skipped == 1);
  CHECK(has_detail(fm, "a URL column holds \"Smith\""));
  CHECK(summarize(m).messages == 1);
  CHECK(m.texts.find("Hi") == std::string::npos);  // the skipped row's text was not kept
}

TEST_CASE("quirks: what counts as a URL in a URL column", "[import][quirks]") {
  for (const char* ok : {"https://www.linkedin.com/in/a", "www.linkedin.com/in/a", "linkedin.com/in/a",
                         "urn:li:fsd_profile:ACoA", "javascript:alert(1)", "http://x.example/p"})
    CHECK(looks_like_url(ok));
  for (const char* bad : {"Lopez", " PhD", "02-oct-18", "a@b.example", "Acme Inc.", "CEO: Acme", "Moss; Co"})
    CHECK_FALSE(looks_like_url(bad));
  for (const char* p : {"NULL", "n/a", "#N/A", "<NA>", "NA", "nan", " NaN "}) CHECK(is_placeholder_cell(p));
  for (const char* p : {"", "Nana", "N", "none", "0"}) CHECK_FALSE(is_placeholder_cell(p));
}
