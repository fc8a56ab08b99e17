// The running app's state, shared by the ImGui views and the scripting API: the Store, its
// evaluations and search index (derived, recomputed when the data changes), the import in
// progress, and what needs saving. Plain C++: the browser glue drives it from src/platform.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "import.hpp"
#include "model.hpp"
#include "query.hpp"
#include "scoring.hpp"

namespace rk {

class Session {
 public:
  Store store;
  std::vector<Evaluation> evals;  // one per store.contacts entry, without reasons (see reasons())
  Day today = kNoDay;

  // Import in progress (null when idle) and the last finished one.
  std::unique_ptr<Importer> importer;
  ImportReport last_report;
  bool has_report = false;

  // An import running outside this Session (in the browser, a Web Worker with its own copy of
  // the engine): the Store is not touched until adopt_import() hands over the result, so the
  // page stays fully usable meanwhile; only the progress is known here.
  struct RemoteImport {
    float progress = 0;
    std::string phase = "Starting the import";
    bool cancel_requested = false;  // the platform stops the worker and calls end_remote_import()
    bool restore = false;  // a backup being restored (adopt_restore / end_remote_restore), not an import
  };
  std::unique_ptr<RemoteImport> remote;

  // Saving: the bulk data changes with imports, the user data with every edit.
  bool bulk_dirty = false;
  bool user_dirty = false;
  uint64_t revision = 0;  // bumped on every change; views use it to refresh caches
  uint64_t data_generation = 0;  // bumped when the whole data set changes (import, load, clear)

  void set_today(Day d);
  // Recompute evaluations for everything (after import/load/settings); the search index is
  // rebuilt lazily (search_index(), build_search()).
  void recompute();
  // The search index, complete: whatever build_search() has not done yet is done now. A reload
  // draws its first frame without it unless that frame shows the Contacts table.
  const SearchIndex& search_index();
  // Builds the next part of the search index (about budget_ms); true when it is complete.
  bool build_search(double budget_ms);
  // After the user changed one contact's user data: re-evaluate it, mark for saving.
  void touched(ContactId id);
  // After settings changed (weights, cadences): re-evaluate everything, mark for saving.
  void settings_changed();

  // Starts an import of the given files; false if one is already running (or the stored
  // message texts have not arrived yet: see Store::texts_pending).
  bool start_import(std::vector<std::pair<std::string, std::string>> files);
  // Runs a slice of the import (about budget_ms of work); returns true when an import finished
  // during this call. After the merge, evaluations and the search index are rebuilt in slices.
  bool pump_import(double budget_ms);

  // Any import under way: in this thread, remote, or the re-scoring after either.
  bool importing() const { return importer || remote || rescoring_; }
  float import_progress() const;  // 0..1
  std::string import_phase() const;
  // The "Cancel import" button: an import in this thread stops at its next slice (unless the
  // merge has begun); a remote one is flagged for the platform to stop.
  void cancel_import();
  // A remote import (or with `restore`, a restore of a backup read elsewhere) is starting (false
  // if any import is under way or texts are pending).
  bool begin_remote_import(bool restore = false);
  // The remote import's result: `imported` is the whole imported data (the worker's Store, as
  // saved and loaded back), `report` what happened. This Store's user data and settings carry
  // over (the user may have edited meanwhile); evaluations and search are rebuilt in slices by
  // pump_import(), which returns true once done, like an import in this thread.
  void adopt_import(Store&& imported, ImportReport report);
  // A remote import that ended without data (failed, cancelled): only its report is kept.
  void end_remote_import(ImportReport report);
  // The remote restore's result: replaces the whole Store, user data and settings included (they
  // come from the backup), and re-scores in slices like adopt_import. The last import's report
  // stays (a restore imports nothing).
  void adopt_restore(Store&& restored);
  // A remote restore that ended without data (refused, failed, cancelled): nothing changes.
  void end_remote_restore();
  // The merge or the re-scoring after it is under way: store, evals and search do not agree
  // yet, so views must not draw them (and may not edit).
  bool finishing() const;
  // Completes an import in progress at once (the scripting API reads consistent data).
  void finish_now();

  const Evaluation* eval_of(ContactId id) const;
  // The plain-language reasons for contact `index` (store.contacts order), made on demand and
  // kept until the data or the day changes: building them for every contact is most of the
  // cost of scoring, and only the ones on screen or asked for through the API are needed.
  const std::vector<std::string>& reasons(uint32_t index) const;
  Evaluation eval_with_reasons(uint32_t index) const;  // evals[index] with its reasons
  // The follow-up queue (follow_up_queue in core/scoring.hpp), kept until the data changes: the
  // Follow-ups and Contacts views both need it.
  const std::vector<uint32_t>& queue() const;
  // How many of queue()'s first entries are Today (Settings::today_size, one nudge at most).
  size_t today_count() const;
  // Contact `index`'s 1-based place in queue() (0: not in it).
  uint32_t queue_place(uint32_t index) const;
  // The stored or imported message texts have arrived (Store::texts_pending was set): the
  // judgement reads their last messages ("Thanks!" asks for no reply), so everyone is
  // re-judged, by rejudge() a slice at a time (at 30,000 contacts reading every thread's last
  // message takes tens of milliseconds: too long for one frame).
  void texts_attached();
  // Re-judges the next contacts (about budget_ms); true when none is left. Evaluations stay
  // complete meanwhile (the not-yet re-judged ones as they were); the revision moves at the end.
  bool rejudge(double budget_ms);

 private:
  void begin_rescoring();
  void adopt(Store&& next);  // a worker's result replaces the Store, then re-scoring in slices

  bool rescoring_ = false;
  size_t score_pos_ = 0;
  std::vector<Evaluation> next_evals_;
  SearchIndex next_search_;
  SearchIndex search_;
  size_t search_pos_ = 0;  // search_.haystack holds contacts [0, search_pos_)
  mutable std::unordered_map<uint32_t, std::vector<std::string>> reasons_cache_;
  mutable uint64_t reasons_revision_ = ~0ull;
  mutable Day reasons_today_ = kNoDay;
  mutable std::vector<uint32_t> queue_;
  mutable size_t today_count_ = 0;
  size_t rejudge_pos_ = SIZE_MAX;  // next contact to re-judge (SIZE_MAX: none)
  mutable std::vector<uint32_t> queue_place_;  // per contact index, 0 = not queued
  mutable uint64_t queue_revision_ = ~0ull;

 public:
  int index_of(ContactId id) const;  // -1 if unknown
};

}  // namespace rk
