// Tests of the Session's sliced import: many tiny slices (as in the browser, a slice per frame)
// must give exactly what one uninterrupted import gives, and the half-merged state is flagged.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../../tools/gen_export_lib.hpp"
#include "core/api.hpp"
#include "core/detached_import.hpp"
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

void check_same(Session& a, Session& b) {
  CHECK(save_bulk(a.store) == save_bulk(b.store));
  REQUIRE(a.evals.size() == a.store.contacts.size());
  REQUIRE(a.evals.size() == b.evals.size());
  size_t differ = 0;
  for (size_t i = 0; i < a.evals.size(); ++i)
    if (a.evals[i].status != b.evals[i].status || a.evals[i].priority != b.evals[i].priority ||
        a.evals[i].reasons != b.evals[i].reasons)
      ++differ;
  CHECK(differ == 0);
  CHECK(a.search_index().haystack == b.search_index().haystack);
}

// A Session holding an uninterrupted import of `files`, scored.
void import_whole(Session& s, const Files& files, Day today) {
  s.today = today;
  s.last_report = import_all(s.store, today, files);
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

namespace {

// What the browser does with its import worker: the Session's imported data goes out as bulk
// parts, a DetachedImport imports the files on top of it (in small slices), and its result
// parts come back into the Session as the page takes them: load_bulk of the bulk part (texts
// pending), adopt_import, then attach_texts while the re-scoring runs.
void import_detached(Session& s, const Files& files, bool edit_meanwhile) {
  REQUIRE(s.begin_remote_import());
  CHECK(s.importing());
  CHECK_FALSE(s.start_import({}));  // one import at a time
  CHECK_FALSE(s.begin_remote_import());
  DetachedImport job(s.today);
  if (!s.store.contacts.empty()) {
    BulkParts base = save_bulk_parts(s.store);
    std::string err;
    REQUIRE(job.set_base(std::move(base.bulk), std::move(base.texts), err));
  }
  for (const auto& f : files) job.add_file(f.first, f.second);
  int slices = 0;
  float last_progress = 0;
  while (!job.step(0.0)) {
    CHECK(job.progress() >= last_progress);
    last_progress = job.progress();
    REQUIRE(++slices < 10000000);
  }
  CHECK(slices > 20);
  REQUIRE(job.report().committed);
  if (edit_meanwhile && !s.store.contacts.empty()) {
    // The page stayed usable: the user annotated a contact while the worker ran.
    s.store.user_of(s.store.contacts[0].id).note = "written during the import";
    s.store.settings.queue_size = 7;
  }
  BulkParts result = job.take_result();
  Store imported;
  std::string err;
  REQUIRE(load_bulk(std::move(result.bulk), imported, err));
  REQUIRE(imported.texts_pending);
  s.adopt_import(std::move(imported), job.report());
  CHECK(s.finishing());  // evaluations and search are rebuilt in slices, as after a local import
  int rescoring_slices = 0;
  while (!s.pump_import(0.0)) {
    REQUIRE(s.finishing());
    if (++rescoring_slices == 3) REQUIRE(attach_texts(std::move(result.texts), s.store, err));
  }
  CHECK(rescoring_slices > 3);
  CHECK_FALSE(s.store.texts_pending);
  CHECK_FALSE(s.importing());
  CHECK(s.remote == nullptr);
}

}  // namespace

TEST_CASE("an import in a detached copy (the browser's worker) equals one done in place", "[session][import]") {
  rkgen::Manifest m;
  const Files files = export_of(400, 3000, 11, m);
  Session whole;
  import_whole(whole, files, m.today);

  Session detached;
  detached.today = m.today;
  import_detached(detached, files, false);
  REQUIRE(detached.last_report.committed);
  CHECK(report_json(detached.last_report) == report_json(whole.last_report));
  check_same(detached, whole);

  SECTION("a re-import on top, with edits made while it ran: the edits are kept") {
    const ContactId first = detached.store.contacts[0].id;
    detached.store.user_of(first).tags = {"kept"};
    rkgen::Manifest m2;
    const Files newer = export_of(450, 3500, 11, m2);
    whole.store.user_of(first).tags = {"kept"};
    whole.store.user_of(first).note = "written during the import";
    whole.store.settings.queue_size = 7;
    import_all(whole.store, m.today, newer);
    whole.recompute();
    import_detached(detached, newer, true);
    check_same(detached, whole);
    CHECK(save_user(detached.store) == save_user(whole.store));
    CHECK(detached.store.user_of(first).note == "written during the import");
  }
}

TEST_CASE("a detached import refuses a damaged base and a late base, and a failed one leaves the Session as it was",
          "[session][import]") {
  rkgen::Manifest m;
  const Files files = export_of(50, 200, 5, m);
  Session s;
  import_whole(s, files, m.today);
  const std::string before = save_bulk(s.store);

  DetachedImport job(m.today);
  BulkParts base = save_bulk_parts(s.store);
  std::string bad = base.bulk.substr(0, base.bulk.size() / 2), err;
  CHECK_FALSE(job.set_base(std::move(bad), std::string(base.texts), err));
  CHECK_FALSE(err.empty());
  std::string texts = base.texts;
  texts[texts.size() / 2] ^= 0x55;  // the texts' checksum no longer matches
  err.clear();
  CHECK_FALSE(job.set_base(std::string(base.bulk), std::move(texts), err));
  CHECK_FALSE(err.empty());
  job.add_file("Connections.csv", "not,a,linkedin,file\n");
  err.clear();
  CHECK_FALSE(job.set_base(std::string(base.bulk), std::string(base.texts), err));  // too late


  // The worker failed or was cancelled: only a report comes back.
  REQUIRE(s.begin_remote_import());
  s.cancel_import();
  CHECK(s.remote->cancel_requested);
  ImportReport cancelled;
  cancelled.cancelled = true;
  s.end_remote_import(cancelled);
  CHECK_FALSE(s.importing());
  CHECK(s.last_report.cancelled);
  CHECK(save_bulk(s.store) == before);
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
  CHECK(s.search_index().haystack.size() == s.store.contacts.size());
  CHECK(s.store.messages.size() >= size_t(m.messages));
}

TEST_CASE("evaluations without reasons are the same but for the reasons, and Session makes them on demand",
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

TEST_CASE("the search index is built lazily, in slices, and follows edits made meanwhile", "[session][query]") {
  rkgen::Manifest m;
  const Files files = export_of(300, 1000, 12, m);
  Session s;
  import_whole(s, files, m.today);
  const size_t n = s.store.contacts.size();
  REQUIRE(n > 200);
  // Slices of the smallest budget: 64 contacts each.
  CHECK_FALSE(s.build_search(0));
  const ContactId first = s.store.contacts[0].id, last = s.store.contacts[n - 1].id;
  s.store.user_of(first).note = "Met at the Quetzalcóatl meetup";  // in the part already built
  s.touched(first);
  s.store.user_of(last).tags = {"kayaking"};                  // in the part not built yet
  s.touched(last);
  int slices = 1;
  for (bool done = false; !done; ++slices) done = s.build_search(0);
  CHECK(slices == int((n + 63) / 64));
  SearchIndex fresh;
  fresh.rebuild(s.store);
  CHECK(s.search_index().haystack == fresh.haystack);
  Query q;
  q.text = "quetzalcoatl";
  CHECK(run_query(s.store, s.evals, s.search_index(), q) == std::vector<uint32_t>{0});
  q.text = "kayaking";
  CHECK(run_query(s.store, s.evals, s.search_index(), q) == std::vector<uint32_t>{uint32_t(n - 1)});
  // After a recompute (a load, a restore) the index starts over, and search_index() completes it.
  s.recompute();
  CHECK(s.search_index().haystack == fresh.haystack);
}

// A restore read elsewhere (the browser's import worker) as the page takes it over: the backup
// goes through bulk parts plus the user JSON, and replaces everything, user data and settings
// included; a refused one changes nothing.
TEST_CASE("a remote restore replaces the whole store, re-scored in slices", "[session][restore]") {
  const auto stamped = [](std::string j) {  // without "exported_at"
    const size_t a = j.find("\"exported_at\":");
    return j.erase(a, j.find(',', a) - a);
  };
  rkgen::Manifest m;
  Session s;
  s.today = m.today;
  REQUIRE(s.start_import(export_of(200, 1000, 4, m)));
  s.today = m.today;
  while (!s.pump_import(0.0)) {
  }
  const std::string current = export_backup(s.store);
  Store backup;
  REQUIRE(s.start_import(export_of(50, 300, 9, m)));
  while (!s.pump_import(0.0)) {
  }
  backup = s.store;
  backup.user[backup.contacts[0].id].note = "restored note";
  backup.settings.theme = "light";
  const std::string backup_json = export_backup(backup);
  std::string err;
  REQUIRE(import_backup(current, s.store, err));
  s.recompute();

  // Refused or cancelled: nothing changes, the last report stays.
  const ImportReport report = s.last_report;
  REQUIRE(s.begin_remote_import(/*restore=*/true));
  CHECK(s.importing());
  s.end_remote_restore();
  CHECK_FALSE(s.importing());
  CHECK(stamped(export_backup(s.store)) == stamped(current));

  // Read elsewhere, handed over as bulk parts and user JSON.
  Store read;
  REQUIRE(import_backup(backup_json, read, err));
  const BulkParts parts = save_bulk_parts(read);
  const std::string user = save_user(read);
  Store taken;
  REQUIRE(load_bulk(std::string_view(parts.bulk), taken, err));
  REQUIRE(load_user(user, taken, err));
  REQUIRE(s.begin_remote_import(true));
  s.adopt_restore(std::move(taken));
  CHECK(s.finishing());
  std::string texts = parts.texts;
  REQUIRE(attach_texts(std::move(texts), s.store, err));
  int slices = 0;
  while (!s.pump_import(0.0)) REQUIRE(++slices < 1000000);
  CHECK_FALSE(s.importing());
  CHECK(s.evals.size() == backup.contacts.size());
  CHECK(s.store.user.at(backup.contacts[0].id).note == "restored note");
  CHECK(s.store.settings.theme == "light");
  CHECK(s.last_report.files.size() == report.files.size());
  CHECK(s.bulk_dirty);
  CHECK(stamped(export_backup(s.store)) == stamped(backup_json));
}
