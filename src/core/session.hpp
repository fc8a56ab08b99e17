// The running app's state, shared by the ImGui views and the scripting API: the Store, its
// evaluations and search index (derived, recomputed when the data changes), the import in
// progress, and what needs saving. Plain C++: the browser glue drives it from src/platform.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "import.hpp"
#include "model.hpp"
#include "query.hpp"
#include "scoring.hpp"

namespace rk {

class Session {
 public:
  Store store;
  std::vector<Evaluation> evals;  // one per store.contacts entry
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

  // Starts an import of the given files; false if one is already running.
  bool start_import(std::vector<std::pair<std::string, std::string>> files);
  // Runs a slice of the import; returns true when an import finished during this call.
  bool pump_import(double budget_ms);

  const Evaluation* eval_of(ContactId id) const;
  int index_of(ContactId id) const;  // -1 if unknown
};

}  // namespace rk
