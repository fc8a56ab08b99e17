// The follow-up judgement through the API's shapes and the Session: kinds of action in contact
// objects, the "action" filter, tiers in patches, per-kind templates, and the priority sort
// that returns Today first, then the rest of the queue, then everyone else.
#include <catch2/catch.hpp>

#include "core/api.hpp"
#include "core/session.hpp"
#include "core/templates.hpp"
#include "store_builder.hpp"

using namespace rk;
using namespace rk::test;
using nlohmann::json;

namespace {
constexpr Day kToday = civil(2025, 6, 1);
}

TEST_CASE("contact_json: action, place in the queue, Today, tier and band", "[api][followups]") {
  StoreBuilder b;
  ContactId ana = b.contact("Ana", "Silva", "Acme", "CTO", kToday - 4);
  ContactId bo = b.contact("Bo", "", "", "", civil(2020, 1, 1));
  b.user(bo).tier = 1;
  const Store& s = b.store();
  const Evaluation ea = evaluate(s, *s.find(ana), kToday);
  json j = contact_json(s, *s.find(ana), ea, 3, true);
  CHECK(j["action"] == "greet");
  CHECK(j["queue_place"] == 3);
  CHECK(j["today"] == true);
  CHECK(j["tier"].is_null());
  CHECK(j["cadence_max_days"] == 180);
  const Evaluation eb = evaluate(s, *s.find(bo), kToday);
  json k = contact_json(s, *s.find(bo), eb);
  CHECK(k["action"].is_null());
  CHECK(k["queue_place"].is_null());
  CHECK(k["today"] == false);
  CHECK(k["tier"] == "Close");
  CHECK(k["cadence_days"] == 30);
  CHECK(k["cadence_max_days"] == 60);
}

TEST_CASE("apply_patch: tier by name (any case), null clears it, unknown names refused", "[api][followups]") {
  StoreBuilder b;
  ContactId ana = b.contact("Ana");
  Store& s = b.store();
  std::string err;
  REQUIRE(apply_patch(s, ana, json{{"tier", "regular"}}, err));
  CHECK(s.user_if(ana)->tier == 2);
  CHECK_FALSE(apply_patch(s, ana, json{{"tier", "Best friends"}, {"note", "x"}}, err));
  CHECK(err == "tier must be one of Close, Regular, Acquaintance, or null");
  CHECK(s.user_if(ana)->note.empty());  // nothing changed
  CHECK_FALSE(apply_patch(s, ana, json{{"tier", 2}}, err));
  REQUIRE(apply_patch(s, ana, json{{"tier", nullptr}}, err));
  CHECK(s.user_if(ana) == nullptr);  // nothing left: the entry goes
}

TEST_CASE("query_from_json: action", "[api][followups]") {
  Query q;
  std::string err;
  REQUIRE(query_from_json(json{{"action", "nudge"}}, q, err));
  CHECK(q.action == Action::Nudge);
  CHECK_FALSE(query_from_json(json{{"action", "call"}}, q, err));
  CHECK(err == "action must be one of reply, greet, moment, follow_up, nudge");
}

TEST_CASE("Session: priority sort is Today, then the rest of the queue, then the others", "[api][followups][session]") {
  Session s;
  StoreBuilder b;
  std::vector<ContactId> replies;
  for (int i = 0; i < 6; ++i) {
    replies.push_back(b.contact("R" + std::to_string(i), "", "", "", civil(2020, 1, 1)));
    b.received(replies.back(), at_day(kToday - 1 - i));
  }
  ContactId greet = b.contact("G", "", "", "", kToday - 3);
  ContactId idle = b.contact("Idle", "", "", "", civil(2020, 3, 1));
  ContactId nudge = b.contact("N", "", "", "", civil(2020, 1, 1));
  b.sent(nudge, at_day(kToday - 9));
  s.store = b.store();
  s.store.settings.today_size = 4;
  s.set_today(kToday);
  const auto& q = s.queue();
  REQUIRE(q.size() == 8);
  CHECK(s.today_count() == 4);
  Query all;
  all.sort = SortKey::Priority;
  const auto rows = run_query(s.store, s.evals, s.search_index(), all, &q);
  REQUIRE(rows.size() == s.store.contacts.size());
  for (size_t k = 0; k < q.size(); ++k) CHECK(rows[k] == q[k]);
  CHECK(s.store.contacts[rows.back()].id == idle);
  CHECK(s.queue_place(uint32_t(s.index_of(greet))) == 2);
  CHECK(s.queue_place(uint32_t(s.index_of(idle))) == 0);
  // Filtering by kind keeps the queue's order.
  Query replies_only = all;
  replies_only.action = Action::Reply;
  const auto r = run_query(s.store, s.evals, s.search_index(), replies_only, &q);
  REQUIRE(r.size() == 6);
  for (size_t k = 0; k < r.size(); ++k) CHECK(s.store.contacts[r[k]].id == replies[k]);
  // Done on the first action: the next one moves up into Today.
  std::string err;
  REQUIRE(mark_contacted(s.store, replies[0], kToday, err));
  s.touched(replies[0]);
  CHECK(s.queue().size() == 7);
  CHECK(s.store.contacts[s.queue()[0]].id == replies[1]);
}

TEST_CASE("Session: texts arriving after the data re-judge their last messages", "[followups][session]") {
  StoreBuilder b;
  ContactId ana = b.contact("Ana", "", "", "", civil(2020, 1, 1));
  b.sent(ana, at_day(kToday - 6));
  b.message(b.dm_conversation(ana), ana, at_day(kToday - 5), "Thank you so much!");
  for (int i = 0; i < 300; ++i) b.contact("Other " + std::to_string(i));  // more than one slice
  Session s;
  s.store = b.store();
  const std::string texts = s.store.texts;
  s.store.texts.clear();  // as after a reload, before the texts are read
  s.set_today(kToday);
  CHECK(s.evals[0].status == Status::AwaitingReply);  // nothing to read yet
  s.store.texts = texts;
  const uint64_t rev = s.revision;
  s.texts_attached();
  CHECK(s.evals[0].status == Status::AwaitingReply);  // re-judged a slice at a time, from the next frame
  CHECK_FALSE(s.rejudge(0));  // one slice of 64 contacts...
  while (!s.rejudge(0)) {
  }
  CHECK(s.revision > rev);
  CHECK(s.evals[0].status == Status::Active);
  CHECK(s.evals[0].signals.last_in_closing);
  CHECK(s.rejudge(0));  // nothing left
}

TEST_CASE("templates: one per kind of action, the user's first, any-kind as the fallback", "[followups]") {
  Settings st;
  for (int k = 1; k < kActionCount; ++k) {
    const Template* t = template_for(st, Action(k));
    REQUIRE(t);
    CHECK(t->kind == action_name(Action(k)));
  }
  CHECK(template_for(st, Action::Reply)->body.find("{first_name}") != std::string::npos);
  st.templates = {{"Mine", "Hello {name}", ""}, {"Greeting", "Welcome {first_name}", "greet"}};
  CHECK(template_for(st, Action::Greet)->name == "Greeting");
  CHECK(template_for(st, Action::Reply)->name == "Mine");
  st.templates = {{"Only", "x", "nudge"}};
  CHECK(template_for(st, Action::Reply)->name == "Only");
}
