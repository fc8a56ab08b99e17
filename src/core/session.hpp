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
  SearchIndex search;
  Day today = kNoDay;

  // Import in progress (null when idle) and the last finished one.
  std::unique_ptr<Importer> importer;
  ImportReport last_report;
  bool has_report = false;

  // Saving: the bulk data changes with imports, the user data with every edit.
  bool bulk_dirty = false;
  bool user_dirty = false;
  uint64_t revision = 0;  // bumped on every change; views use it to refresh caches
  uint64_t data_generation = 0;  // bumped when the whole data set changes (import, load, clear)

  void set_today(Day d);
  // Recompute evaluations and the search index for everything (after import/load/settings).
  void recompute();
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

 private:
  bool rescoring_ = false;
  size_t score_pos_ = 0;
  std::vector<Evaluation> next_evals_;
  SearchIndex next_search_;
  mutable std::unordered_map<uint32_t, std::vector<std::string>> reasons_cache_;
  mutable uint64_t reasons_revision_ = ~0ull;
  mutable Day reasons_today_ = kNoDay;

 public:
  int index_of(ContactId id) const;  // -1 if unknown
};

}  // namespace rk
