// Tests of the Session's sliced import: many tiny slices (as in the browser, a slice per frame)
// must give exactly what one uninterrupted import gives, and the half-merged state is flagged.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../../tools/gen_export_lib.hpp"
#include "core/import.hpp"
#include "core/serialize.hpp"
#include "core/session.hpp"

using namespace rk;

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

Files export_of(int connections, int messages, uint64_t seed, rkgen::Manifest& m) {
  rkgen::Options o;
  o.size = "S";
  o.connections = connections;
  o.messages = messages;
  o.seed = seed;
  rkgen::MemorySink sink;
  REQUIRE(rkgen::generate(o, sink, m));
  return sink.files;
}

struct SlicedRun {
  int slices = 0, finishing_slices = 0;
  bool cancel_ignored = false;
};

// Imports through Session::pump_import with a zero budget: every slice does the least it can.
SlicedRun import_sliced(Session& s, Files files, bool cancel_while_merging) {
  SlicedRun run;
  REQUIRE(s.start_import(std::move(files)));
  while (!s.pump_import(0.0)) {
    ++run.slices;
    if (s.finishing()) {
      ++run.finishing_slices;
      if (cancel_while_merging && !run.cancel_ignored) {
        s.importer->cancel();
        run.cancel_ignored = true;
      }
    }
    REQUIRE(run.slices < 10000000);
  }
  CHECK_FALSE(s.finishing());
  CHECK(s.importer == nullptr);
  return run;
}

void check_same(const Session& a, const Session& b) {
  CHECK(save_bulk(a.store) == save_bulk(b.store));
  REQUIRE(a.evals.size() == a.store.contacts.size());
  REQUIRE(a.evals.size() == b.evals.size());
  size_t differ = 0;
  for (size_t i = 0; i < a.evals.size(); ++i)
    if (a.evals[i].status != b.evals[i].status || a.evals[i].priority != b.evals[i].priority ||
        a.evals[i].reasons != b.evals[i].reasons)
      ++differ;
  CHECK(differ == 0);
  CHECK(a.search.haystack == b.search.haystack);
}

// A Session holding an uninterrupted import of `files`, scored.
void import_whole(Session& s, const Files& files, Day today) {
  s.today = today;
  import_all(s.store, today, files);
  s.recompute();
}

}  // namespace

TEST_CASE("an import in many small slices equals one uninterrupted import", "[session][import]") {
  rkgen::Manifest m;
  const Files files = export_of(400, 3000, 7, m);

  Session whole;
  import_whole(whole, files, m.today);

  Session sliced;
  sliced.today = m.today;
  const SlicedRun run = import_sliced(sliced, files, true);
  CHECK(run.slices > 20);
  CHECK(run.finishing_slices > 3);  // the merge and the scoring were spread over several slices
  CHECK(run.cancel_ignored);        // a cancel once the merge had begun changed nothing
  REQUIRE(sliced.last_report.committed);
  CHECK_FALSE(sliced.last_report.cancelled);
  check_same(sliced, whole);

  SECTION("a re-import over stored data, sliced, also equals the uninterrupted one") {
    rkgen::Manifest m2;
    const Files newer = export_of(450, 3500, 7, m2);
    import_all(whole.store, m.today + 30, newer);
    whole.today = m.today + 30;
    whole.recompute();
    sliced.today = m.today + 30;
    const SlicedRun again = import_sliced(sliced, newer, false);
    CHECK(again.finishing_slices > 3);
    check_same(sliced, whole);
  }
}

TEST_CASE("finish_now completes a half-merged import at once", "[session][import]") {
  rkgen::Manifest m;
  const Files files = export_of(300, 2000, 3, m);
  Session s;
  s.today = m.today;
  REQUIRE(s.start_import(files));
  int guard = 0;
  while (!s.finishing()) {
    REQUIRE_FALSE(s.pump_import(0.0));
    REQUIRE(++guard < 1000000);
  }
  s.finish_now();
  CHECK_FALSE(s.finishing());
  CHECK(s.importer == nullptr);
  REQUIRE(s.last_report.committed);
  CHECK(s.evals.size() == s.store.contacts.size());
  CHECK(s.search.haystack.size() == s.store.contacts.size());
  CHECK(s.store.messages.size() >= size_t(m.messages));
}

TEST_CASE("evaluations without reasons are the same but for the reasons; Session makes them on demand",
          "[session][scoring]") {
  rkgen::Manifest m;
  const Files files = export_of(300, 3000, 11, m);
  Session s;
  import_whole(s, files, m.today);
  REQUIRE(s.evals.size() == s.store.contacts.size());
  size_t differ = 0, empty_reasons = 0;
  for (uint32_t i = 0; i < s.store.contacts.size(); ++i) {
    const Evaluation full = evaluate(s.store, s.store.contacts[i], s.today, true);
    const Evaluation& lean = s.evals[i];
    if (!lean.reasons.empty()) ++empty_reasons;
    if (full.status != lean.status || full.priority != lean.priority || full.strength != lean.strength ||
        full.in_queue != lean.in_queue || full.next_follow_up != lean.next_follow_up ||
        full.accepted_and_dark != lean.accepted_and_dark || full.last_interaction != lean.last_interaction)
      ++differ;
    if (s.reasons(i) != full.reasons) ++differ;
    REQUIRE_FALSE(full.reasons.empty());
  }
  CHECK(differ == 0);
  CHECK(empty_reasons == 0);  // the session's evaluations carry no sentences
  CHECK(s.eval_with_reasons(0).reasons == evaluate(s.store, s.store.contacts[0], s.today, true).reasons);
  // A new day changes the sentences ("3 days ago"): the cache follows.
  const std::vector<std::string> before = s.reasons(0);
  s.set_today(s.today + 400);
  CHECK(s.reasons(0) == evaluate(s.store, s.store.contacts[0], s.today, true).reasons);
  (void)before;
}
