// Scripting API JSON: contact objects, query parsing, atomic patches, reports, summary.
#include <catch2/catch.hpp>

#include "core/api.hpp"
#include "store_builder.hpp"

using namespace rk;
using namespace rk::test;
using nlohmann::json;

namespace {
constexpr Day kToday = civil(2025, 6, 1);
}

TEST_CASE("contact_json: every field, null dates", "[api]") {
  StoreBuilder b;
  ContactId ana = b.contact("Ana", "Silva", "Acme", "CTO", civil(2023, 2, 1));
  b.get(ana).email = "ana@example.com";
  b.invitation(ana, Direction::Outgoing, at(2022, 1, 1));
  b.invitation(ana, Direction::Incoming, at(2023, 1, 31), "Hello");
  b.received(ana, at(2025, 5, 1));
  b.user(ana).tags = {"vip"};
  b.user(ana).note = "note";
  ContactId bare = b.contact("Bo", "", "", "", kNoDay, false);
  const Store& s = b.store();
  Evaluation e = evaluate(s, *s.find(ana), kToday);
  json j = contact_json(s, *s.find(ana), e);
  for (const char* k : {"id", "first_name", "last_name", "name", "company", "position", "url", "email",
                        "connected_on", "connected", "score", "priority", "status", "reasons",
                        "last_interaction", "messages_sent", "messages_received", "invitation", "tags",
                        "note", "cadence_days", "next_follow_up", "snoozed_until", "archived",
                        "accepted_and_dark"})
    CHECK(j.contains(k));
  CHECK(j["id"] == ana);
  CHECK(j["name"] == "Ana Silva");
  CHECK(j["email"] == "ana@example.com");
  CHECK(j["connected_on"] == "2023-02-01");
  CHECK(j["connected"] == true);
  CHECK(j["status"] == "awaiting_reply");
  CHECK(j["last_interaction"] == "2025-05-01");
  CHECK(j["messages_received"] == 1);
  CHECK(j["messages_sent"] == 0);
  CHECK(j["invitation"] == "incoming");  // the latest one
  CHECK(j["tags"] == json::array({"vip"}));
  CHECK(j["note"] == "note");
  CHECK(j["cadence_days"] == 90);
  CHECK(j["next_follow_up"] == "2025-07-30");
  CHECK(j["snoozed_until"].is_null());
  CHECK(j["archived"] == false);
  CHECK(j["reasons"].is_array());
  CHECK(j["reasons"].size() == e.reasons.size());
  const double score = j["score"].get<double>();
  CHECK(score == Approx(std::round(e.strength * 10) / 10));
  CHECK(std::fabs(score * 10 - std::round(score * 10)) < 1e-9);

  Evaluation eb = evaluate(s, *s.find(bare), kToday);
  json jb = contact_json(s, *s.find(bare), eb);
  CHECK(jb["connected_on"].is_null());
  CHECK(jb["last_interaction"].is_null());
  CHECK(jb["next_follow_up"].is_null());
  CHECK(jb["invitation"].is_null());
  CHECK(jb["tags"] == json::array());
  CHECK(jb["note"] == "");
  CHECK(jb["priority"] == 0);
}

TEST_CASE("query_from_json", "[api]") {
  Query q;
  std::string err;
  REQUIRE(query_from_json(json::parse(R"({"query":"acme","status":"fading","tag":"vip","sort":"name",
      "limit":10,"company":"Acme","year":2021,"connected":true,"descending":true})"), q, err));
  CHECK(q.text == "acme");
  REQUIRE(q.status);
  CHECK(*q.status == Status::Fading);
  CHECK(q.tag == "vip");
  CHECK(q.sort == SortKey::Name);
  CHECK(q.limit == 10);
  CHECK(q.company == "Acme");
  CHECK(q.year_connected == 2021);
  CHECK(q.connected == 1);
  CHECK(q.descending);

  REQUIRE(query_from_json(json::object(), q, err));
  CHECK(q.sort == SortKey::Priority);
  CHECK_FALSE(q.status);
  CHECK(q.limit == 0);
  REQUIRE(query_from_json(json(nullptr), q, err));
  REQUIRE(query_from_json(json::parse(R"({"status":null,"connected":false})"), q, err));
  CHECK(q.connected == 0);

  const char* bad[] = {R"({"status":"dormant"})", R"({"sort":"age"})", R"({"limit":-1})",
                       R"({"limit":2.5})", R"({"limit":"5"})", R"({"query":5})",
                       R"({"connected":"yes"})", R"({"descending":1})", R"({"stauts":"fading"})",
                       R"([1,2])", R"({"year":"2021"})"};
  for (const char* b : bad) {
    INFO(b);
    Query before;
    before.text = "keep";
    err.clear();
    CHECK_FALSE(query_from_json(json::parse(b), before, err));
    CHECK_FALSE(err.empty());
    CHECK(before.text == "keep");
  }
}

TEST_CASE("apply_patch validates everything before changing anything", "[api]") {
  StoreBuilder b;
  ContactId id = b.contact("Ana");
  Store& s = b.store();
  std::string err;

  SECTION("a full valid patch") {
    REQUIRE(apply_patch(s, id, json::parse(R"({"note":"Met in Lyon","tags":[" vip ","VIP","", "friends"],
        "cadence_days":30,"next_follow_up":"2025-07-01","snoozed_until":"2025-06-10","archived":true})"), err));
    const UserData* u = s.user_if(id);
    REQUIRE(u);
    CHECK(u->note == "Met in Lyon");
    CHECK(u->tags == std::vector<std::string>{"vip", "friends"});
    CHECK(u->cadence_days == 30);
    CHECK(u->next_follow_up == civil(2025, 7, 1));
    CHECK(u->snoozed_until == civil(2025, 6, 10));
    CHECK(u->archived);

    REQUIRE(apply_patch(s, id, json::parse(R"({"cadence_days":null,"next_follow_up":null,
        "snoozed_until":null,"archived":false,"note":"","tags":[]})"), err));
    CHECK(s.user_if(id) == nullptr);  // nothing left: the entry is dropped
  }
  SECTION("one bad key changes nothing") {
    s.user_of(id).note = "old";
    const char* bad[] = {
        R"({"note":"new","cadence_days":0})",
        R"({"note":"new","cadence_days":3651})",
        R"({"note":"new","cadence_days":"30"})",
        R"({"note":"new","cadence_days":12.5})",
        R"({"note":"new","tags":"vip"})",
        R"({"note":"new","tags":["ok",3]})",
        R"({"note":"new","next_follow_up":"2025-02-30"})",
        R"({"note":"new","next_follow_up":"1/7/2025"})",
        R"({"note":"new","snoozed_until":20250101})",
        R"({"note":"new","archived":"yes"})",
        R"({"note":"new","colour":"red"})",
        R"({"note":5})",
        R"("note")",
    };
    for (const char* p : bad) {
      INFO(p);
      err.clear();
      CHECK_FALSE(apply_patch(s, id, json::parse(p), err));
      CHECK_FALSE(err.empty());
      CHECK(s.user_if(id)->note == "old");
      CHECK(s.user_if(id)->cadence_days == 0);
      CHECK(s.user_if(id)->tags.empty());
    }
  }
  SECTION("unknown contact") {
    CHECK_FALSE(apply_patch(s, 9999, json::parse(R"({"note":"x"})"), err));
    CHECK(s.user.empty());
  }
}

TEST_CASE("mark_contacted logs an interaction", "[api]") {
  StoreBuilder b;
  ContactId id = b.contact("Ana");
  b.received(id, at(2025, 5, 1));
  Store& s = b.store();
  std::string err;
  REQUIRE(evaluate(s, *s.find(id), kToday).status == Status::AwaitingReply);
  s.user_of(id).next_follow_up = kToday - 2;
  REQUIRE(mark_contacted(s, id, kToday, err));
  REQUIRE(s.user_if(id)->interactions.size() == 1);
  CHECK(s.user_if(id)->interactions[0].day == kToday);
  CHECK(s.user_if(id)->interactions[0].kind == "contacted");
  CHECK(s.user_if(id)->next_follow_up == kNoDay);  // the planned follow-up is done
  Evaluation e = evaluate(s, *s.find(id), kToday);
  CHECK(e.status == Status::Active);
  CHECK(e.next_follow_up == kToday + 90);
  CHECK_FALSE(mark_contacted(s, 12345, kToday, err));
  CHECK_FALSE(mark_contacted(s, id, kNoDay, err));
}

TEST_CASE("report_json", "[api]") {
  ImportReport r;
  FileReport f;
  f.name = "Connections.csv";
  f.kind = FileKind::Connections;
  f.rows = 10;
  f.skipped = 2;
  f.errors = {"bad header"};
  f.details = {"line 4: no name"};
  r.files.push_back(f);
  r.contacts_added = 8;
  r.contacts_updated = 2;
  json j = report_json(r);
  REQUIRE(j["files"].size() == 1);
  CHECK(j["files"][0]["name"] == "Connections.csv");
  CHECK(j["files"][0]["kind"] == kind_name(FileKind::Connections));
  CHECK(j["files"][0]["rows"] == 10);
  CHECK(j["files"][0]["skipped"] == 2);
  CHECK(j["files"][0]["errors"] == json::array({"bad header"}));
  CHECK(j["files"][0]["details"] == json::array({"line 4: no name"}));
  CHECK(j["contacts_added"] == 8);
  CHECK(j["contacts_updated"] == 2);
  CHECK(j["cancelled"] == false);
  CHECK(j["error"].is_null());
  r.error = "nothing to import";
  CHECK(report_json(r)["error"] == "nothing to import");
}

TEST_CASE("report_from_json reads back what report_json wrote (the import worker's report)", "[api]") {
  ImportReport r;
  for (int k = int(FileKind::Unknown); k <= int(FileKind::Profile); ++k) {
    FileReport f;
    f.name = std::string("file") + std::to_string(k) + ".csv";
    f.kind = FileKind(k);
    f.rows = size_t(k) * 1000 + 1;
    f.skipped = size_t(k);
    if (k % 2) f.errors = {"problem " + std::to_string(k)};
    f.details = {"line " + std::to_string(k) + ": détail"};
    r.files.push_back(f);
  }
  r.contacts_added = 30000;
  r.contacts_updated = 17;
  r.committed = true;
  ImportReport back;
  REQUIRE(report_from_json(json::parse(report_json(r).dump()), back));
  CHECK(report_json(back) == report_json(r));
  REQUIRE(back.files.size() == r.files.size());
  CHECK(back.files[3].kind == FileKind(3));
  CHECK(back.committed);
  CHECK(back.error.empty());

  r.committed = false;
  r.cancelled = true;
  r.error = "The zip is damaged.";
  REQUIRE(report_from_json(report_json(r), back));
  CHECK(back.cancelled);
  CHECK(!back.committed);
  CHECK(back.error == "The zip is damaged.");

  // Not a report: refused, the target left as it was.
  CHECK(!report_from_json(json::parse("[1,2]"), back));
  CHECK(!report_from_json(json::parse(R"({"files": 3})"), back));
  CHECK(!report_from_json(json::parse(R"({"files": [7]})"), back));
  CHECK(back.error == "The zip is damaged.");
  // Unknown kinds and odd fields degrade instead of throwing.
  REQUIRE(report_from_json(json::parse(R"({"files": [{"name": "x", "kind": "bogus", "rows": 2, "errors": [1, "e"]}]})"), back));
  CHECK(back.files[0].kind == FileKind::Unknown);
  CHECK(back.files[0].errors == std::vector<std::string>{"e"});
  CHECK(!report_from_json(json::parse(R"({"files": [{"rows": "many"}]})"), back));
  CHECK(back.files[0].name == "x");
}

TEST_CASE("summary_json counts statuses over the counted contacts", "[api]") {
  StoreBuilder b;
  ContactId a = b.contact("A", "", "", "", civil(2020, 1, 1));
  b.received(a, at(2025, 5, 1));                                  // awaiting
  ContactId u = b.contact("U", "", "", "", civil(2020, 1, 1));
  b.sent(u, at(2025, 5, 1));                                      // unanswered
  b.contact("S", "", "", "", civil(2020, 1, 1));                  // silent
  ContactId w = b.contact("W", "", "", "", kNoDay, false);        // not connected, wrote
  b.received(w, at(2025, 5, 2));
  ContactId o = b.contact("O", "", "", "", kNoDay, false);        // not connected, only written to
  b.sent(o, at(2025, 5, 2));
  ContactId x = b.contact("X", "", "", "", kNoDay, false);        // not connected, no URL, wrote
  b.get(x).url_key.clear();
  b.received(x, at(2025, 5, 2));
  const Store& s = b.store();
  const auto evals = evaluate_all(s, kToday);
  json j = summary_json(s, evals);
  for (const char* k : {"contacts", "connections", "messages", "conversations", "invitations",
                        "endorsements", "recommendations", "statuses"})
    CHECK(j.contains(k));
  const json& st = j["statuses"];
  CHECK(st["awaiting_reply"] == 2);
  CHECK(st["unanswered"] == 1);
  CHECK(st["silent"] == 1);
  CHECK(st["fading"] == 0);
  CHECK(st["active"] == 0);
  size_t total = 0;
  for (auto& [k, v] : st.items()) total += v.get<size_t>();
  CHECK(total == j["contacts"].get<size_t>());
  CHECK(j["contacts"] == 4);
  CHECK(j["connections"] == 3);
}
