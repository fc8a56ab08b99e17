// Scoring: statuses and their reasons on crafted histories, strength, priority bands, moments.
#include <catch2/catch.hpp>

#include <functional>
#include <random>

#include "core/scoring.hpp"
#include "store_builder.hpp"

using namespace rk;
using namespace rk::test;

namespace {

constexpr Day kToday = civil(2025, 6, 1);

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string all_reasons(const Evaluation& e) {
  std::string r;
  for (const auto& x : e.reasons) r += x + " | ";
  return r;
}

struct StatusCase {
  const char* title;
  std::function<void(StoreBuilder&, ContactId)> build;
  Status status;
  const char* first_reason;  // substring of reasons[0]
  bool accepted_and_dark = false;
};

}  // namespace

TEST_CASE("status names round-trip", "[scoring]") {
  for (int i = 0; i < kStatusCount; ++i) {
    Status s;
    REQUIRE(parse_status(status_name(Status(i)), s));
    CHECK(s == Status(i));
    CHECK(std::string(status_label(Status(i))).size() > 0);
  }
  Status s;
  CHECK_FALSE(parse_status("bogus", s));
  CHECK_FALSE(parse_status("", s));
}

TEST_CASE("each status and its first reason on crafted histories", "[scoring]") {
  const Day d_may3 = civil(2025, 5, 3);
  const std::vector<StatusCase> cases = {
      {"connected, nothing else", [](StoreBuilder&, ContactId) {}, Status::Silent,
       "Connected on 1 Jun 2023 (2 years ago); no one-to-one message either way"},
      {"accepted and went dark",
       [](StoreBuilder& b, ContactId id) { b.invitation(id, Direction::Incoming, at(2023, 5, 30)); },
       Status::Silent, "Connected on 1 Jun 2023 (2 years ago) after Ana's invitation; no one-to-one message since", true},
      {"accepted and went dark, with a note",
       [](StoreBuilder& b, ContactId id) {
         b.invitation(id, Direction::Incoming, at(2023, 5, 30), "Loved your talk!");
       },
       Status::Silent, "after Ana's invitation with a personal note; no one-to-one message since", true},
      {"the owner invited, nothing since",
       [](StoreBuilder& b, ContactId id) { b.invitation(id, Direction::Outgoing, at(2023, 5, 30)); },
       Status::Silent, "after your invitation; no one-to-one message since"},
      {"they wrote, never answered",
       [&](StoreBuilder& b, ContactId id) { b.received(id, at_day(d_may3, 9)); }, Status::AwaitingReply,
       "Ana wrote to you on 3 May 2025 and you never replied"},
      {"they wrote long ago: past the reply window, the thread has gone quiet",
       [](StoreBuilder& b, ContactId id) { b.received(id, at(2025, 3, 3)); }, Status::Fading,
       "Ana wrote to you on 3 Mar 2025 (3 months ago) and you never replied; that is past the 60-day reply "
       "window, so the thread has gone quiet"},
      {"their last message was a thank-you: no reply owed",
       [](StoreBuilder& b, ContactId id) {
         b.sent(id, at(2025, 5, 1));
         b.message(b.dm_conversation(id), id, at(2025, 5, 2), "Thanks!");
       },
       Status::Active, "Ana's last message, on 2 May 2025, was a thank-you: no reply needed. Last one-to-one "
                       "exchange on 2 May 2025 (30 days ago), within the 90-day cadence"},
      {"a LinkedIn row written in their name is not their message",
       [](StoreBuilder& b, ContactId id) {
         b.message(b.dm_conversation(id), id, at(2025, 5, 20), "Ana Silva accepted your invitation");
       },
       Status::Silent, "no one-to-one message either way"},
      {"their real message before LinkedIn's row still counts",
       [](StoreBuilder& b, ContactId id) {
         b.received(id, at(2025, 5, 19));
         b.message(b.dm_conversation(id), id, at(2025, 5, 20), "Ana Silva accepted your invitation");
       },
       Status::AwaitingReply, "Ana wrote to you on 19 May 2025 and you never replied"},
      {"they wrote after an exchange",
       [](StoreBuilder& b, ContactId id) {
         b.sent(id, at(2025, 1, 10));
         b.received(id, at(2025, 1, 11));
         b.sent(id, at(2025, 1, 12));
         b.received(id, at(2025, 5, 3));
       },
       Status::AwaitingReply, "Ana wrote to you on 3 May 2025 and you have not replied since"},
      {"they wrote after an exchange, long ago",
       [](StoreBuilder& b, ContactId id) {
         b.sent(id, at(2021, 1, 10));
         b.received(id, at(2021, 3, 3));
       },
       Status::Fading, "Ana wrote to you on 3 Mar 2021 (4 years ago) and you have not replied since; that is past"},
      {"the owner wrote, never answered",
       [](StoreBuilder& b, ContactId id) {
         b.sent(id, at(2025, 2, 1));
         b.sent(id, at(2025, 3, 3));
       },
       Status::Unanswered, "You wrote to Ana 2 times, last on 3 Mar 2025, and Ana never replied"},
      {"both wrote, owner last, recent",
       [](StoreBuilder& b, ContactId id) {
         b.received(id, at(2025, 5, 1));
         b.sent(id, at(2025, 5, 2));
       },
       Status::Active, "Last one-to-one exchange on 2 May 2025 (30 days ago), within the 90-day cadence"},
      {"both wrote, owner last, long ago",
       [](StoreBuilder& b, ContactId id) {
         b.received(id, at(2024, 12, 1));
         b.sent(id, at(2024, 12, 2));
       },
       Status::Fading, "longer than the 90-day cadence"},
      {"group threads only",
       [](StoreBuilder& b, ContactId id) {
         ContactId other = b.contact("Bo");
         uint32_t g = b.conversation({id, other});
         b.message(g, id, at(2025, 5, 1));
         b.message(g, kOwner, at(2025, 5, 2));
       },
       Status::Silent, "no one-to-one message either way; 1 sent and 1 received in a group conversation"},
      {"LinkedIn Member senders are ignored",
       [](StoreBuilder& b, ContactId id) {
         uint32_t c = b.dm_conversation(id);
         b.message(c, kNoContact, at(2025, 5, 1));
       },
       Status::Silent, "no one-to-one message either way"},
      {"spam is ignored",
       [](StoreBuilder& b, ContactId id) {
         uint32_t c = b.conversation({id}, /*spam=*/true);
         b.message(c, id, at(2025, 5, 1));
         b.message(c, kOwner, at(2025, 5, 1, 13));
       },
       Status::Silent, "no one-to-one message either way"},
      {"same day: their message after the owner's",
       [](StoreBuilder& b, ContactId id) {
         b.received(id, at(2025, 5, 20, 8));
         b.sent(id, at(2025, 5, 20, 9));
         b.received(id, at(2025, 5, 20, 10));
       },
       Status::AwaitingReply, "Ana wrote to you on 20 May 2025"},
      {"same day: the owner's message after theirs",
       [](StoreBuilder& b, ContactId id) {
         b.received(id, at(2025, 5, 20, 10));
         b.sent(id, at(2025, 5, 20, 10, 5));
       },
       Status::Active, "within the 90-day cadence"},
      {"same second: the owner's counts as later",
       [](StoreBuilder& b, ContactId id) {
         b.received(id, at(2025, 5, 20, 10));
         b.sent(id, at(2025, 5, 20, 10));
       },
       Status::Active, "within"},
      {"a logged call answers an awaiting reply",
       [](StoreBuilder& b, ContactId id) {
         b.received(id, at(2025, 5, 1));
         b.logged(id, civil(2025, 5, 3));
       },
       Status::Active, "Last logged interaction on 3 May 2025"},
      {"a log on the same day answers a message that evening",
       [](StoreBuilder& b, ContactId id) {
         b.received(id, at(2025, 5, 3, 22));
         b.logged(id, civil(2025, 5, 3));
       },
       Status::Active, "within"},
      {"they wrote after a logged interaction",
       [](StoreBuilder& b, ContactId id) {
         b.logged(id, civil(2025, 5, 3));
         b.received(id, at(2025, 5, 4));
       },
       Status::AwaitingReply, "Ana wrote to you on 4 May 2025 and you have not replied since"},
      {"logged interactions only, long ago",
       [](StoreBuilder& b, ContactId id) { b.logged(id, civil(2024, 6, 1), "met"); }, Status::Fading,
       "Last logged interaction on 1 Jun 2024"},
      {"unanswered, then a logged call",
       [](StoreBuilder& b, ContactId id) {
         b.sent(id, at(2025, 5, 1));
         b.logged(id, civil(2025, 5, 10));
       },
       Status::Active, "within"},
      {"only endorsed you",
       [](StoreBuilder& b, ContactId id) { b.endorsement(id, Direction::Incoming, civil(2025, 5, 20)); },
       Status::Silent, "no one-to-one message either way"},
  };
  for (const auto& tc : cases) {
    SECTION(tc.title) {
      StoreBuilder b;
      ContactId id = b.contact("Ana", "Silva", "Acme", "Engineer", civil(2023, 6, 1));
      tc.build(b, id);
      Evaluation e = evaluate(b.store(), *b.store().find(id), kToday);
      INFO(all_reasons(e));
      CHECK(e.status == tc.status);
      REQUIRE_FALSE(e.reasons.empty());
      CHECK(contains(e.reasons[0], tc.first_reason));
      CHECK(e.accepted_and_dark == tc.accepted_and_dark);
      CHECK(e.strength >= 0);
      CHECK(e.strength <= 100);
    }
  }
}

TEST_CASE("group-only threads: silent but with strength", "[scoring]") {
  StoreBuilder b;
  ContactId ana = b.contact("Ana", "", "", "", civil(2023, 1, 1));
  ContactId bo = b.contact("Bo", "", "", "", civil(2023, 1, 1));
  uint32_t g = b.conversation({ana, bo});
  for (int i = 0; i < 6; ++i) {
    b.message(g, ana, at(2025, 5, 1 + i, 9));
    b.message(g, bo, at(2025, 5, 1 + i, 10));
    b.message(g, kOwner, at(2025, 5, 1 + i, 11));
  }
  Evaluation e = evaluate(b.store(), *b.store().find(ana), kToday);
  CHECK(e.status == Status::Silent);
  CHECK(e.strength > 0);
  CHECK(e.signals.sent == 6);
  CHECK(e.signals.received == 6);  // Bo's messages are not Ana's
  CHECK(e.signals.sent_1to1 == 0);
  CHECK(e.signals.group_conversations == 1);
  CHECK(e.last_interaction == civil(2025, 5, 6));
}

TEST_CASE("signals: counts, reply rates and latency", "[scoring]") {
  StoreBuilder b;
  ContactId id = b.contact("Ana");
  b.received(id, at(2025, 1, 1, 10));
  b.received(id, at(2025, 1, 1, 11));  // same turn
  b.sent(id, at(2025, 1, 3, 11));      // answers after 2 days
  b.received(id, at(2025, 1, 4, 11));  // answers after 1 day
  b.sent(id, at(2025, 1, 8, 11));      // answers after 4 days
  uint32_t member = b.dm_conversation(id);
  b.message(member, kNoContact, at(2025, 1, 9));
  Signals s = compute_signals(b.store(), *b.store().find(id));
  CHECK(s.sent == 2);
  CHECK(s.received == 3);
  CHECK(s.sent_1to1 == 2);
  CHECK(s.received_1to1 == 3);
  CHECK(s.conversations == 1);
  CHECK(s.first_in == at(2025, 1, 1, 10));
  CHECK(s.last_in == at(2025, 1, 4, 11));
  CHECK(s.first_out == at(2025, 1, 3, 11));
  CHECK(s.last_out == at(2025, 1, 8, 11));
  CHECK(s.reply_rate_in == Approx(1.0));   // both of their turns answered
  CHECK(s.reply_rate_out == Approx(0.5));  // one of the owner's two turns answered
  CHECK(s.reply_days_in == Approx(3.0));   // median of 2 and 4 days
  CHECK(s.reply_days_out == Approx(1.0));
}

TEST_CASE("cadence: contact, then first tag with a cadence, then default", "[scoring]") {
  StoreBuilder b;
  b.store().settings.tag_cadence_days["close"] = 30;
  b.store().settings.tag_cadence_days["yearly"] = 365;
  auto make = [&](const char* name) {
    ContactId id = b.contact(name, "", "", "", civil(2020, 1, 1));
    b.received(id, at(2025, 4, 1));
    b.sent(id, at(2025, 4, 20));  // 42 days before today
    return id;
  };
  ContactId dflt = make("Default");
  ContactId own = make("Own");
  b.user(own).cadence_days = 30;
  ContactId tagged = make("Tagged");
  b.user(tagged).tags = {"friends", "close", "yearly"};
  ContactId both = make("Both");
  b.user(both).tags = {"close"};
  b.user(both).cadence_days = 60;
  ContactId cased = make("Cased");
  b.user(cased).tags = {"Close"};

  const Store& s = b.store();
  CHECK(effective_cadence(s, *s.find(dflt)) == 90);
  CHECK(effective_cadence(s, *s.find(own)) == 30);
  CHECK(effective_cadence(s, *s.find(tagged)) == 30);
  CHECK(effective_cadence(s, *s.find(both)) == 60);
  CHECK(effective_cadence(s, *s.find(cased)) == 30);
  CHECK(evaluate(s, *s.find(dflt), kToday).status == Status::Active);
  CHECK(evaluate(s, *s.find(own), kToday).status == Status::Fading);
  CHECK(evaluate(s, *s.find(tagged), kToday).status == Status::Fading);
  CHECK(evaluate(s, *s.find(both), kToday).status == Status::Active);
  Evaluation e = evaluate(s, *s.find(own), kToday);
  CHECK(contains(e.reasons[0], "longer than the 30-day cadence"));
  CHECK(e.cadence_days == 30);
  CHECK(e.next_follow_up == civil(2025, 4, 20) + 30);

  b.store().settings.default_cadence_days = 30;
  CHECK(evaluate(b.store(), *b.store().find(dflt), kToday).status == Status::Fading);
}

TEST_CASE("fading boundary: the cadence day is still active but due", "[scoring]") {
  StoreBuilder b;
  ContactId id = b.contact("Ana");
  b.received(id, at_day(kToday - 95));
  b.sent(id, at_day(kToday - 90));
  Evaluation e = evaluate(b.store(), *b.store().find(id), kToday);
  CHECK(e.status == Status::Active);
  CHECK(e.next_follow_up == kToday);
  CHECK(e.in_queue);
  CHECK(e.action == Action::FollowUp);
  CHECK(e.cadence_max_days == 180);
  Evaluation later = evaluate(b.store(), *b.store().find(id), kToday + 1);
  CHECK(later.status == Status::Fading);
}

TEST_CASE("next_follow_up: the user's date, else last interaction + cadence, else none", "[scoring]") {
  StoreBuilder b;
  ContactId none = b.contact("None", "", "", "", civil(2024, 1, 1));
  ContactId derived = b.contact("Derived");
  b.sent(derived, at(2025, 5, 1));
  ContactId user = b.contact("User");
  b.sent(user, at(2025, 5, 1));
  b.user(user).next_follow_up = civil(2025, 7, 4);
  const Store& s = b.store();
  CHECK(evaluate(s, *s.find(none), kToday).next_follow_up == kNoDay);
  CHECK(evaluate(s, *s.find(derived), kToday).next_follow_up == civil(2025, 5, 1) + 90);
  CHECK(evaluate(s, *s.find(user), kToday).next_follow_up == civil(2025, 7, 4));
}

TEST_CASE("queue: archive, snooze and a planned follow-up", "[scoring]") {
  StoreBuilder b;
  ContactId id = b.contact("Ana");
  b.received(id, at(2025, 5, 1));
  const Store& s = b.store();
  Evaluation base = evaluate(s, *s.find(id), kToday);
  REQUIRE(base.status == Status::AwaitingReply);
  CHECK(base.in_queue);
  CHECK(base.action == Action::Reply);
  CHECK(base.priority > 0);
  CHECK(contains(base.reasons[1], "Waiting for your reply for 31 days"));

  SECTION("archived") {
    b.user(id).archived = true;
    Evaluation e = evaluate(s, *s.find(id), kToday);
    CHECK_FALSE(e.in_queue);
    CHECK(e.priority == 0);
    CHECK(e.action == Action::None);
    CHECK(e.status == Status::AwaitingReply);  // the status is still true
    CHECK(contains(all_reasons(e), "Archived"));
  }
  SECTION("snoozed until a later day, then back") {
    b.user(id).snoozed_until = kToday + 3;
    Evaluation e = evaluate(s, *s.find(id), kToday);
    CHECK_FALSE(e.in_queue);
    CHECK(e.priority == 0);
    CHECK(contains(all_reasons(e), "Snoozed until 4 Jun 2025"));
    CHECK(evaluate(s, *s.find(id), kToday + 3).in_queue);  // snoozed_until == today: back
  }
  SECTION("a past snooze does nothing") {
    b.user(id).snoozed_until = kToday - 1;
    CHECK(evaluate(s, *s.find(id), kToday).in_queue);
  }
  SECTION("a planned follow-up keeps it out until that day") {
    b.user(id).next_follow_up = kToday + 10;
    Evaluation e = evaluate(s, *s.find(id), kToday);
    CHECK_FALSE(e.in_queue);
    CHECK(contains(all_reasons(e), "Follow-up planned for 11 Jun 2025"));
    CHECK(evaluate(s, *s.find(id), kToday + 10).in_queue);
  }
}

TEST_CASE("queue: a user date that has arrived makes a contact due", "[scoring]") {
  StoreBuilder b;
  ContactId id = b.contact("Ana", "", "", "", civil(2020, 1, 1));
  b.received(id, at(2025, 5, 1));
  b.sent(id, at(2025, 5, 2));  // active, not due by cadence
  Evaluation before = evaluate(b.store(), *b.store().find(id), kToday);
  CHECK(before.status == Status::Active);
  CHECK_FALSE(before.in_queue);
  b.user(id).next_follow_up = kToday;
  Evaluation e = evaluate(b.store(), *b.store().find(id), kToday);
  CHECK(e.in_queue);
  CHECK(e.action == Action::FollowUp);
  CHECK(contains(all_reasons(e), "The follow-up you planned is today"));
  // A planned date ranks above a fading tie of the same strength.
  b.user(id).next_follow_up = kNoDay;
  b.user(id).cadence_days = 20;
  Evaluation fading = evaluate(b.store(), *b.store().find(id), kToday);
  CHECK(fading.action == Action::FollowUp);
  CHECK(e.priority > fading.priority);
}

TEST_CASE("job change: reason and boost", "[scoring]") {
  StoreBuilder b;
  auto fading = [&](const char* name) {
    ContactId id = b.contact(name, "Silva", "Globex", "Head of Product", civil(2020, 2, 10));
    b.received(id, at(2024, 10, 1));
    b.sent(id, at(2024, 10, 2));
    return id;
  };
  ContactId plain = fading("Bea");
  ContactId moved = fading("Ana");
  b.job_change(moved, kToday - 10, "Acme", "Engineer", "Globex", "Head of Product");
  ContactId old = fading("Cy");
  b.job_change(old, kToday - 200, "Acme", "Engineer", "Globex", "Head of Product");
  const Store& s = b.store();
  Evaluation ep = evaluate(s, *s.find(plain), kToday);
  Evaluation em = evaluate(s, *s.find(moved), kToday);
  Evaluation eo = evaluate(s, *s.find(old), kToday);
  REQUIRE(ep.status == Status::Fading);
  REQUIRE(em.status == Status::Fading);
  CHECK(contains(all_reasons(em),
                 "Ana moved from Acme to Globex as Head of Product — a natural moment to congratulate them"));
  CHECK(em.action == Action::Moment);
  CHECK(ep.action == Action::FollowUp);
  CHECK(em.priority > ep.priority);
  CHECK_FALSE(contains(all_reasons(eo), "moved from"));
  CHECK(eo.action == ep.action);
  CHECK(eo.priority == Approx(ep.priority));

  SECTION("a job change brings an otherwise quiet contact into the queue") {
    ContactId active = b.contact("Dee", "", "Initech", "CTO", civil(2020, 2, 10));
    b.received(active, at(2025, 5, 20));
    b.sent(active, at(2025, 5, 21));
    Evaluation before = evaluate(s, *s.find(active), kToday);
    CHECK_FALSE(before.in_queue);
    b.job_change(active, kToday - 5, "Initech", "VP Engineering", "Initech", "CTO");
    Evaluation after = evaluate(s, *s.find(active), kToday);
    CHECK(after.in_queue);
    CHECK(after.action == Action::Moment);
    CHECK(contains(all_reasons(after), "Dee became CTO at Initech"));
  }
}

TEST_CASE("moments: a new endorsement or recommendation, a connection anniversary", "[scoring]") {
  StoreBuilder b;
  ContactId en = b.contact("Ana", "", "", "", civil(2021, 1, 1));
  b.endorsement(en, Direction::Incoming, kToday - 3, "Product strategy");
  ContactId rec = b.contact("Bo", "", "", "", civil(2021, 1, 1));
  b.recommendation(rec, Direction::Incoming, kToday - 20);
  ContactId ann = b.contact("Cy", "", "", "", civil(2022, 6, 4));
  b.sent(ann, at(2024, 1, 1));
  b.received(ann, at(2024, 1, 2));
  b.sent(ann, at(2024, 1, 3));
  ContactId young = b.contact("Di", "", "", "", civil(2025, 5, 29));
  const Store& s = b.store();
  Evaluation e1 = evaluate(s, *s.find(en), kToday);
  CHECK(e1.status == Status::Silent);
  CHECK(e1.strength > 0);  // endorsement ties
  CHECK(e1.in_queue);
  CHECK(contains(all_reasons(e1), "Ana endorsed you for Product strategy on 29 May 2025"));
  Evaluation e2 = evaluate(s, *s.find(rec), kToday);
  CHECK(contains(all_reasons(e2), "Bo recommended you on 12 May 2025"));
  CHECK(e2.in_queue);
  Evaluation e3 = evaluate(s, *s.find(ann), kToday);
  CHECK(contains(all_reasons(e3), "3 years since you connected (4 Jun 2022)"));
  Evaluation e4 = evaluate(s, *s.find(young), kToday);
  CHECK_FALSE(contains(all_reasons(e4), "since you connected"));
  CHECK(e4.in_queue);  // a new connection to greet
  CHECK(e4.action == Action::Greet);
  CHECK(contains(all_reasons(e4), "You connected with Di 3 days ago and haven't said hello"));
}

TEST_CASE("greet new connections: within the greeting window, longer with a personal note", "[scoring]") {
  StoreBuilder b;
  ContactId cold = b.contact("Cold", "", "", "", civil(2019, 3, 1));
  ContactId old_note = b.contact("Note", "", "", "", civil(2019, 3, 1));
  b.invitation(old_note, Direction::Incoming, at(2019, 2, 28), "Hi! We met at the meetup.");
  ContactId recent = b.contact("Recent", "", "", "", kToday - 10);
  ContactId edge = b.contact("Edge", "", "", "", kToday - 30);
  ContactId past = b.contact("Past", "", "", "", kToday - 31);
  ContactId noted = b.contact("Noted", "", "", "", kToday - 60);
  b.invitation(noted, Direction::Incoming, at_day(kToday - 61), "Great talk yesterday!");
  ContactId invited = b.contact("Invited", "", "", "", kToday - 10);
  b.invitation(invited, Direction::Incoming, at_day(kToday - 11));
  ContactId wrote = b.contact("Wrote", "", "", "", kToday - 5);
  b.sent(wrote, at_day(kToday - 4));
  ContactId pending = b.contact("Pending", "", "", "", kNoDay, /*connected=*/false);
  b.invitation(pending, Direction::Incoming, at_day(kToday - 2), "Hello");
  const Store& s = b.store();
  auto ev = [&](ContactId id) { return evaluate(s, *s.find(id), kToday); };
  CHECK_FALSE(ev(cold).in_queue);
  CHECK(contains(ev(cold).reasons[1], "Nothing to follow up on"));
  const Evaluation en = ev(old_note);
  CHECK_FALSE(en.in_queue);  // a note from six years ago is no reason to write today
  CHECK(en.accepted_and_dark);
  CHECK(contains(en.reasons[0], "with a personal note"));
  const Evaluation er = ev(recent);
  CHECK(er.action == Action::Greet);
  CHECK(contains(er.reasons[1], "You connected with Recent 10 days ago and haven't said hello"));
  CHECK(ev(edge).action == Action::Greet);
  CHECK_FALSE(ev(past).in_queue);
  const Evaluation enoted = ev(noted);
  CHECK(enoted.action == Action::Greet);
  CHECK(contains(enoted.reasons[1], "Noted's invitation had a personal note"));
  const Evaluation ei = ev(invited);
  CHECK(contains(ei.reasons[1], "Invited reached out first"));
  CHECK(ei.priority > er.priority);  // same age, they invited you
  CHECK(ev(recent).priority < ev(b.contact("Fresh", "", "", "", kToday - 1)).priority);  // fresher first
  CHECK(ev(wrote).action != Action::Greet);  // you already said hello
  CHECK_FALSE(ev(pending).in_queue);         // not a connection (yet)
  b.store().settings.greeting_window_days = 7;
  CHECK_FALSE(evaluate(b.store(), *b.store().find(recent), kToday).in_queue);
}

TEST_CASE("replies owed: freshest and strongest first, never the longest wait", "[scoring]") {
  StoreBuilder b;
  ContactId a = b.contact("A");
  ContactId c = b.contact("C");
  ContactId d = b.contact("D");
  for (int i = 0; i < 30; ++i) {  // C is much stronger
    b.sent(c, at_day(kToday - 200 + i * 5, 9));
    b.received(c, at_day(kToday - 200 + i * 5, 10));
  }
  b.received(a, at_day(kToday - 40));
  b.received(c, at_day(kToday - 5));
  b.received(d, at_day(kToday - 5));
  const Store& s = b.store();
  Evaluation ea = evaluate(s, *s.find(a), kToday);
  Evaluation ec = evaluate(s, *s.find(c), kToday);
  Evaluation ed = evaluate(s, *s.find(d), kToday);
  REQUIRE(ea.status == Status::AwaitingReply);
  REQUIRE(ec.status == Status::AwaitingReply);
  CHECK(ec.strength > ed.strength);
  CHECK(ec.priority > ed.priority);  // same wait: the stronger first
  CHECK(ed.priority > ea.priority);  // the fresher first
  b.store().settings.reply_window_days = 30;
  CHECK(evaluate(s, *s.find(a), kToday).status == Status::Fading);
  CHECK(evaluate(s, *s.find(c), kToday).status == Status::AwaitingReply);
}

TEST_CASE("strength: diminishing returns, bounded", "[scoring]") {
  StoreBuilder b;
  ContactId big = b.contact("Big");
  for (int i = 0; i < 400; ++i) b.sent(big, at_day(kToday - 400 + i, 9));
  b.received(big, at_day(kToday - 1));
  ContactId many = b.contact("Many");
  for (int i = 0; i < 20; ++i) {
    b.sent(many, at_day(kToday - 100 + i * 5, 9));
    b.received(many, at_day(kToday - 100 + i * 5, 10));
  }
  const Store& s = b.store();
  Evaluation eb = evaluate(s, *s.find(big), kToday);
  Evaluation em = evaluate(s, *s.find(many), kToday);
  CHECK(eb.strength <= 100);
  CHECK(em.strength > eb.strength);  // 20 real exchanges beat one monologue of 400 messages
  CHECK(contains(eb.reasons.back(), "Strength"));
}

TEST_CASE("reasons never empty and free of gendered pronouns", "[scoring]") {
  std::mt19937 rng(42);
  StoreBuilder b;
  for (int i = 0; i < 300; ++i) {
    ContactId id = b.contact(i % 7 == 0 ? "" : "P" + std::to_string(i), i % 5 == 0 ? "" : "L",
                             "Co", "Pos", (i % 3) ? kToday - int(rng() % 2000) : kNoDay, i % 4 != 0);
    int n = int(rng() % 6);
    for (int k = 0; k < n; ++k) {
      Time t = at_day(kToday - int(rng() % 400), int(rng() % 24));
      if (rng() % 2) b.sent(id, t); else b.received(id, t);
    }
    if (rng() % 4 == 0) b.invitation(id, rng() % 2 ? Direction::Incoming : Direction::Outgoing, at_day(kToday - 900));
    if (rng() % 6 == 0) b.logged(id, kToday - int(rng() % 300));
    if (rng() % 8 == 0) b.job_change(id, kToday - int(rng() % 100), "A", "B", "C", "D");
  }
  for (const Evaluation& e : evaluate_all(b.store(), kToday)) {
    REQUIRE_FALSE(e.reasons.empty());
    for (const std::string& r : e.reasons) {
      CHECK_FALSE(r.empty());
      for (const char* bad : {" her ", " his ", " she ", " he ", " him ", "She ", "He "})
        CHECK_FALSE(contains(" " + r + " ", bad));
    }
  }
}

// ---- property tests -----------------------------------------------------------------------

namespace {

// Adds `n` random interactions with `id` (1:1 both ways, group, logged) up to day `until`.
void random_history(StoreBuilder& b, std::mt19937& rng, ContactId id, ContactId other, int n, Day until) {
  for (int k = 0; k < n; ++k) {
    const Time t = at_day(until - int(rng() % 700), int(rng() % 24), int(rng() % 60));
    switch (rng() % 7) {
      case 0: case 1: b.sent(id, t); break;
      case 2: case 3: b.received(id, t); break;
      case 4: {
        uint32_t g = b.conversation({id, other});
        b.message(g, rng() % 2 ? kOwner : id, t);
        break;
      }
      case 5: b.logged(id, day_of(t)); break;
      default:
        if (rng() % 2) b.endorsement(id, rng() % 2 ? Direction::Incoming : Direction::Outgoing, day_of(t));
        break;
    }
  }
}

}  // namespace

TEST_CASE("property: a newer interaction never lowers strength", "[scoring][property]") {
  std::mt19937 rng(20250601);
  for (int iter = 0; iter < 400; ++iter) {
    StoreBuilder b;
    ContactId id = b.contact("Ana", "", "", "", kToday - 1000);
    ContactId other = b.contact("Bo");
    random_history(b, rng, id, other, int(rng() % 25), kToday - 10);
    const double before = evaluate(b.store(), *b.store().find(id), kToday).strength;
    // The newest interaction so far, then one after it (or anywhere, for the second check).
    const Time t = at_day(kToday - int(rng() % 10), int(rng() % 24));
    const int kind = int(rng() % 4);
    if (kind == 0) b.sent(id, t);
    else if (kind == 1) b.received(id, t);
    else if (kind == 2) b.logged(id, day_of(t));
    else b.message(b.conversation({id, other}), rng() % 2 ? kOwner : id, t);
    const double after = evaluate(b.store(), *b.store().find(id), kToday).strength;
    INFO("iteration " << iter << " kind " << kind);
    REQUIRE(after >= before - 1e-9);
    // An older interaction inserted anywhere never lowers it either.
    const Time old = at_day(kToday - int(rng() % 700), int(rng() % 24));
    if (rng() % 2) b.sent(id, old); else b.received(id, old);
    const double after2 = evaluate(b.store(), *b.store().find(id), kToday).strength;
    REQUIRE(after2 >= after - 1e-9);
  }
}

TEST_CASE("property: one kind of action each, Today fair and short, the queue complete", "[scoring][property]") {
  std::mt19937 rng(7);
  StoreBuilder b;
  ContactId other = b.contact("Group", "Peer");
  for (int i = 0; i < 1500; ++i) {
    const Day connected = rng() % 8 == 0 ? kToday - int(rng() % 40) : kToday - int(rng() % 1500);
    ContactId id = b.contact("C" + std::to_string(i), "", "", "", connected, rng() % 5 != 0);
    random_history(b, rng, id, other, int(rng() % 10), kToday);
    if (rng() % 5 == 0) b.invitation(id, Direction::Incoming, at_day(kToday - 300), rng() % 2 ? "hello" : "");
    if (rng() % 10 == 0) b.job_change(id, kToday - int(rng() % 90), "A", "", "B", "");
    if (rng() % 15 == 0) b.user(id).archived = true;
    if (rng() % 15 == 0) b.user(id).snoozed_until = kToday + int(rng() % 20) - 5;
    if (rng() % 15 == 0) b.user(id).next_follow_up = kToday + int(rng() % 40) - 20;
    if (rng() % 10 == 0) b.user(id).cadence_days = 1 + int(rng() % 200);
  }
  Store& s = b.store();
  const auto evals = evaluate_all(s, kToday);
  REQUIRE(evals.size() == s.contacts.size());
  size_t per_kind[kActionCount] = {};
  for (size_t i = 0; i < evals.size(); ++i) {
    const Evaluation& e = evals[i];
    const UserData* u = s.user_if(s.contacts[i].id);
    const bool out = u && (u->archived || (u->snoozed_until != kNoDay && u->snoozed_until > kToday) ||
                           (u->next_follow_up != kNoDay && u->next_follow_up > kToday));
    if (out) {
      CHECK_FALSE(e.in_queue);
      CHECK(e.priority == 0);
      continue;
    }
    CHECK(e.in_queue == (e.priority > 0));
    CHECK(e.in_queue == (e.action != Action::None));
    if (e.action == Action::Reply) CHECK(e.status == Status::AwaitingReply);
    if (e.status == Status::AwaitingReply) CHECK(e.action == Action::Reply);
    if (e.action == Action::Greet) CHECK(e.status == Status::Silent);
    ++per_kind[size_t(e.action)];
  }
  for (int k = 1; k < kActionCount; ++k) {
    INFO(action_name(Action(k)));
    CHECK(per_kind[k] > 3);  // every kind is exercised
  }

  for (int today_size : {1, 3, 5, 10, 25}) {
    s.settings.today_size = today_size;
    size_t today = 0;
    const std::vector<uint32_t> q = follow_up_queue(s, evals, &today);
    INFO("today_size " << today_size);
    // The queue: exactly the queued contacts, each once; each kind in its own priority order.
    size_t queued = 0;
    for (size_t k = 1; k < kActionCount; ++k) queued += per_kind[k];
    REQUIRE(q.size() == queued);
    std::vector<bool> seen(evals.size());
    const Evaluation* last_of_kind[kActionCount] = {};
    for (uint32_t i : q) {
      REQUIRE(i < evals.size());
      CHECK_FALSE(seen[i]);
      seen[i] = true;
      const Evaluation& e = evals[i];
      REQUIRE(e.in_queue);
      if (const Evaluation* prev = last_of_kind[size_t(e.action)]) CHECK(prev->priority >= e.priority);
      last_of_kind[size_t(e.action)] = &e;
    }
    // Today: at most N, one nudge at most, and no kind over its fair share while another kind
    // still has candidates left out.
    CHECK(today <= size_t(today_size));
    CHECK(today == std::min(q.size(), size_t(today_size)));  // enough of every kind here
    size_t in_today[kActionCount] = {};
    for (size_t k = 0; k < today; ++k) ++in_today[size_t(evals[q[k]].action)];
    CHECK(in_today[size_t(Action::Nudge)] <= 1);
    // Fair shares: the kinds (but the capped nudge) take turns, so no kind has more than one
    // entry over another kind that still has candidates left out.
    for (int k = 1; k < kActionCount; ++k) {
      for (int o = 1; o < kActionCount; ++o) {
        if (o == k || Action(o) == Action::Nudge || Action(k) == Action::Nudge || in_today[o] == per_kind[o]) continue;
        INFO(action_name(Action(k)) << " " << in_today[k] << " vs " << action_name(Action(o)) << " " << in_today[o]);
        CHECK(in_today[k] <= in_today[o] + 1);
      }
    }
  }
}

TEST_CASE("Today: kinds take turns, the best of each first; few candidates fill it in turn", "[scoring]") {
  StoreBuilder b;
  std::vector<ContactId> replies, greets;
  for (int i = 0; i < 12; ++i) {  // a flood of replies owed
    replies.push_back(b.contact("R" + std::to_string(i), "", "", "", civil(2020, 1, 1)));
    b.received(replies.back(), at_day(kToday - 1 - i));
  }
  for (int i = 0; i < 2; ++i) greets.push_back(b.contact("G" + std::to_string(i), "", "", "", kToday - 2 - i));
  ContactId nudge1 = b.contact("N1", "", "", "", civil(2020, 1, 1));
  b.sent(nudge1, at_day(kToday - 10));
  ContactId nudge2 = b.contact("N2", "", "", "", civil(2020, 1, 1));
  b.sent(nudge2, at_day(kToday - 12));
  Store& s = b.store();
  s.settings.today_size = 10;
  auto evals = evaluate_all(s, kToday, false);
  CHECK(evals[s.index.at(nudge1)].action == Action::Nudge);
  size_t today = 0;
  auto q = follow_up_queue(s, evals, &today);
  REQUIRE(q.size() == 16);
  CHECK(today == 10);
  // R0 (freshest), G0, N1, R1, G1, then replies only: the second nudge waits for the rest.
  auto id_at = [&](size_t k) { return s.contacts[q[k]].id; };
  CHECK(id_at(0) == replies[0]);
  CHECK(id_at(1) == greets[0]);
  CHECK(id_at(2) == nudge1);
  CHECK(id_at(3) == replies[1]);
  CHECK(id_at(4) == greets[1]);
  for (size_t k = 5; k < 10; ++k) CHECK(evals[q[k]].action == Action::Reply);
  CHECK(id_at(10) == nudge2);  // right after Today: the rest take turns again
  CHECK(evals[q[11]].action == Action::Reply);
  // Only nudges: Today holds one; the rest follow it.
  StoreBuilder only;
  for (int i = 0; i < 4; ++i) only.sent(only.contact("N" + std::to_string(i), "", "", "", civil(2020, 1, 1)), at_day(kToday - 8 - i));
  auto ev2 = evaluate_all(only.store(), kToday, false);
  size_t t2 = 0;
  auto q2 = follow_up_queue(only.store(), ev2, &t2);
  CHECK(q2.size() == 4);
  CHECK(t2 == 1);
}

TEST_CASE("nudges: a fresh opening message unanswered, until the limit", "[scoring]") {
  StoreBuilder b;
  auto ev = [&](ContactId id) { return evaluate(b.store(), *b.store().find(id), kToday); };
  ContactId fresh = b.contact("Fresh");
  b.sent(fresh, at_day(kToday - 3));
  CHECK_FALSE(ev(fresh).in_queue);  // give them a week
  ContactId due = b.contact("Due");
  b.sent(due, at_day(kToday - 10));
  const Evaluation e = ev(due);
  CHECK(e.status == Status::Unanswered);
  CHECK(e.action == Action::Nudge);
  CHECK(contains(e.reasons[1], "You wrote to Due 10 days ago and haven't heard back: a short, friendly nudge is fine"));
  ContactId stale = b.contact("Stale");
  b.sent(stale, at_day(kToday - 200));
  CHECK_FALSE(ev(stale).in_queue);  // too old to nudge: write afresh
  ContactId nudged = b.contact("Nudged");
  b.sent(nudged, at_day(kToday - 30));
  b.sent(nudged, at_day(kToday - 15));
  CHECK(ev(nudged).action == Action::Nudge);
  CHECK(contains(ev(nudged).reasons[1], "you have nudged once"));
  b.sent(nudged, at_day(kToday - 8));
  CHECK_FALSE(ev(nudged).in_queue);  // two unanswered nudges: stop suggesting
  b.store().settings.nudge_limit = 3;
  CHECK(ev(nudged).action == Action::Nudge);
  ContactId replied = b.contact("Replied");
  b.received(replied, at_day(kToday - 12));
  b.sent(replied, at_day(kToday - 11));  // your answer may have closed the exchange
  CHECK_FALSE(ev(replied).in_queue);
  ContactId reopened = b.contact("Reopened");
  b.received(reopened, at_day(kToday - 400));
  b.sent(reopened, at_day(kToday - 20));  // a new opening, long after
  CHECK(ev(reopened).action == Action::Nudge);
  b.logged(reopened, kToday - 2);
  CHECK_FALSE(ev(reopened).in_queue);  // you talked since
}

TEST_CASE("cadence bands and tiers: due past the target, overdue past the maximum", "[scoring]") {
  StoreBuilder b;
  Store& s = b.store();
  auto tie = [&](const char* name, int days_ago) {
    ContactId id = b.contact(name, "", "", "", civil(2019, 1, 1));
    for (int i = 0; i < 10; ++i) {
      b.received(id, at_day(kToday - days_ago - 36 + i * 4, 9));
      b.sent(id, at_day(kToday - days_ago - 36 + i * 4, 10));
    }
    return id;
  };
  ContactId close = tie("Close", 45);
  b.user(close).tier = 1;  // Close: 30 / 60
  ContactId closer = tie("Closer", 70);
  b.user(closer).tier = 1;
  ContactId regular = tie("Regular", 45);  // the default band: 90 / 180
  auto ev = [&](ContactId id) { return evaluate(s, *s.find(id), kToday); };
  const Evaluation ec = ev(close), ecr = ev(closer), er = ev(regular);
  CHECK(ec.status == Status::Fading);
  CHECK(ec.cadence_days == 30);
  CHECK(ec.cadence_max_days == 60);
  CHECK(ec.action == Action::FollowUp);
  CHECK(contains(ec.reasons[1], "the Close tier aims at every 30 days"));
  CHECK(ecr.action == Action::FollowUp);
  INFO(all_reasons(ecr));
  CHECK(contains(ecr.reasons[1], "Overdue: last in touch 2 months ago, past the 60-day maximum of the Close tier"));
  CHECK(ecr.priority > ec.priority);  // overdue ranks higher
  CHECK(er.status == Status::Active);
  CHECK_FALSE(er.in_queue);
  // A contact's own cadence beats its tier; the tier beats a tag's cadence.
  s.settings.tag_cadence_days["vip"] = 10;
  b.user(regular).tags = {"vip"};
  CHECK(ev(regular).cadence_days == 10);
  CHECK(ev(regular).cadence_max_days == 20);
  b.user(regular).tier = 3;  // Acquaintance: 180 / 365
  CHECK(ev(regular).cadence_days == 180);
  b.user(regular).cadence_days = 40;
  CHECK(ev(regular).cadence_days == 40);
  CHECK(ev(regular).cadence_max_days == 80);
  // Editing a tier's band in Settings moves everyone in it.
  s.settings.tiers[0].target_days = 60;
  s.settings.tiers[0].max_days = 120;
  CHECK(ev(close).status == Status::Active);
  CHECK(ev(closer).status == Status::Fading);
  CHECK_FALSE(contains(ev(closer).reasons[1], "Overdue"));
  // A lapsed one-off message is no tie to keep up; the same with a tier is.
  ContactId once = b.contact("Once", "", "", "", civil(2019, 1, 1));
  b.received(once, at(2021, 3, 3));
  CHECK(ev(once).status == Status::Fading);
  CHECK_FALSE(ev(once).in_queue);
  b.user(once).tier = 2;
  CHECK(ev(once).action == Action::FollowUp);
}
