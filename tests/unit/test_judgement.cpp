// The follow-up judgement on exports shaped like real ones (the generator's realistic profile,
// calibrated to 13 real exports): what its owner sees at the top of the queue must be worth
// acting on. The same checks run at L (30,000 / 300,000) in scripts/test.sh through tools/judge.
#include <catch2/catch.hpp>

#include "../../tools/gen_export_lib.hpp"
#include "../../tools/judge_metrics.hpp"
#include "core/import.hpp"

namespace {

rk::Session imported(uint64_t seed) {
  rkgen::Options o;
  rkgen::SizeSpec spec{};
  REQUIRE(rkgen::size_spec("S", spec));
  o.size = "S", o.connections = spec.connections, o.messages = spec.messages, o.seed = seed, o.profile = "realistic";
  rkgen::MemorySink sink;
  rkgen::Manifest m;
  REQUIRE(rkgen::generate(o, sink, m));
  rk::Session s;
  REQUIRE(rk::import_all(s.store, m.today, sink.files).committed);
  s.set_today(m.today);
  return s;
}

// Their last message in the contact's one-to-one threads, as text.
std::string_view last_from_them(const rk::Store& st, const rk::Contact& c) {
  rk::Time best = rk::kNoTime;
  std::string_view text;
  for (uint32_t ci : c.conversations) {
    const rk::Conversation& cv = st.conversations[ci];
    if (cv.group || cv.spam) continue;
    for (uint32_t mi : cv.messages)
      if (st.messages[mi].sender == c.id && st.messages[mi].time >= best) {
        best = st.messages[mi].time;
        text = st.text(st.messages[mi].text);
      }
  }
  return text;
}

}  // namespace

TEST_CASE("judgement on realistic exports: a short mixed Today, no stale or closed replies owed", "[judgement]") {
  for (uint64_t seed : {1u, 2u}) {
    INFO("seed " << seed);
    rk::Session s = imported(seed);
    const rkjudge::Metrics m = rkjudge::measure(s);
    for (const std::string& f : rkjudge::failures(m, s.store.settings.reply_window_days)) FAIL_CHECK(f);
    CHECK(m.awaiting > 0);
    CHECK(m.new_silent >= 3);
    CHECK(m.kinds_present == 5);
    CHECK(m.today == 10);
    // Checked against the generator's own idea of a closing note, not the classifier's.
    size_t awaiting_closing = 0;
    for (size_t i = 0; i < s.store.contacts.size(); ++i)
      if (s.evals[i].status == rk::Status::AwaitingReply)
        awaiting_closing += rkgen::is_closing_note(last_from_them(s.store, s.store.contacts[i]));
    CHECK(awaiting_closing == 0);
    // Before the change, every thread the other person ended was awaiting: most of them are now
    // history or settled.
    size_t they_last = 0;
    for (const rk::Evaluation& e : s.evals)
      they_last += e.signals.last_in != rk::kNoTime && e.signals.last_in > e.signals.last_out;
    CHECK(m.awaiting * 5 < they_last);
  }
}

TEST_CASE("judgement: notes, tags, snoozes and archive survive and steer the queue", "[judgement]") {
  rk::Session s = imported(1);
  const auto q = s.queue();
  REQUIRE(q.size() > 10);
  const rk::ContactId first = s.store.contacts[q[0]].id, second = s.store.contacts[q[1]].id;
  s.store.user_of(first).archived = true;
  s.touched(first);
  s.store.user_of(second).snoozed_until = s.today + 7;
  s.store.user_of(second).note = "met at the conference";
  s.touched(second);
  const auto& after = s.queue();
  for (uint32_t i : after) {
    CHECK(s.store.contacts[i].id != first);
    CHECK(s.store.contacts[i].id != second);
  }
  CHECK(s.today_count() == 10);
  CHECK(s.store.user_if(second)->note == "met at the conference");
  s.set_today(s.today + 8);  // the snooze is over
  bool back = false;
  for (uint32_t i : s.queue()) back |= s.store.contacts[i].id == second;
  CHECK(back);
}
