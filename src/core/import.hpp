// The import engine: LinkedIn export zips and CSVs in, contacts merged into the Store.
//
// Work is done in slices (step()) so the browser never freezes; everything is parsed into a
// staging area and merged into the Store only at the very end (also in slices; see merging()),
// so a cancelled or failed import leaves what is stored untouched.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model.hpp"

namespace rk {

// Kinds of files, as the scripting API names them.
enum class FileKind {
  Unknown, Unused, Connections, Messages, Invitations, EndorsementsReceived, EndorsementsGiven,
  RecommendationsReceived, RecommendationsGiven, Profile
};
const char* kind_name(FileKind k);  // "connections", "messages", ..., "unused", "unknown"

struct FileReport {
  std::string name;  // base name (a zip entry without its folder)
  FileKind kind = FileKind::Unknown;
  size_t rows = 0;     // rows imported
  size_t skipped = 0;  // data rows not imported
  std::vector<std::string> errors;   // file-level problems, in plain language
  std::vector<std::string> details;  // per-row reasons ("line 42: ..."), capped
};

struct ImportReport {
  std::vector<FileReport> files;
  int contacts_added = 0, contacts_updated = 0;
  bool cancelled = false;
  bool committed = false;  // data was merged into the store
  std::string error;       // set when nothing could be imported at all
};

// Limits against absurd input (a zip bomb, a 2 GB file): a clear error instead of a dead tab.
struct ImportLimits {
  size_t max_file_bytes = size_t(1) << 30;          // one input file or zip entry, uncompressed
  size_t max_total_bytes = size_t(3) << 29;         // all uncompressed input together (1.5 GiB)
  size_t max_field_bytes = size_t(1) << 20;         // one CSV field
  double max_zip_ratio = 1000.0;                    // uncompressed / compressed, per entry

  // Not limits, but how a big zip entry is read: a messages file whose header declares at least
  // `stream_min_bytes` is parsed while it inflates, `stream_chunk_bytes` at a time into a buffer
  // that is reused, instead of being held whole (a big export's messages.csv is 100+ MB). The
  // result is the same either way; tests set tiny values, or SIZE_MAX to never stream.
  size_t stream_min_bytes = size_t(4) << 20;
  size_t stream_chunk_bytes = size_t(1) << 20;
};

// How the importer went about it, for tests and tools (nothing the user needs to see).
struct ImportStats {
  size_t streamed = 0;      // zip entries parsed while they inflated (ImportLimits::stream_min_bytes)
  size_t restarts = 0;      // times parsing started over because a streamed entry failed
  size_t max_buffer = 0;    // the most bytes a streamed entry's buffer held
};

class Importer {
 public:
  // `today` stamps first_seen / job-change dates, and disconnections when no zip's name gives
  // the export's date.
  Importer(Store& store, Day today, ImportLimits limits = {});
  ~Importer();
  Importer(const Importer&) = delete;
  Importer& operator=(const Importer&) = delete;

  // Queue one dropped file (a zip or a CSV). Takes ownership of the bytes.
  void add_file(std::string name, std::string bytes);

  // Do roughly `budget_ms` of work. Returns true once finished (or cancelled); the store has
  // then been updated (unless cancelled or nothing valid was found).
  bool step(double budget_ms);
  void cancel();  // takes effect at the next step() unless the merge has begun; the store is left as it was
  bool done() const;
  // The merge into the Store has begun (it runs in slices too): until done(), the Store is
  // half-updated, so nothing may read it, and a cancel no longer applies.
  bool merging() const;

  float progress() const;  // 0..1
  std::string phase() const;  // "Reading messages.csv", "Merging", ...
  const ImportReport& report() const;
  const ImportStats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Convenience for tests and tools: runs an import to completion.
ImportReport import_all(Store& store, Day today, std::vector<std::pair<std::string, std::string>> files,
                        ImportLimits limits = {});

// The numbers rekindle.summary() returns.
struct Summary {
  size_t contacts = 0, connections = 0, messages = 0, conversations = 0, invitations = 0,
         endorsements = 0, recommendations = 0;
};
Summary summarize(const Store& store);
// Which contacts summary().contacts counts: connections, plus non-connected people with a profile
// URL who wrote to the owner (outside spam) or invited them. Same order as store.contacts.
std::vector<bool> counted_contacts(const Store& store);

}  // namespace rk
