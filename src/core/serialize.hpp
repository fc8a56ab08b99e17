// Saving and loading the state.
//  - bulk: the imported data, compact binary, versioned; written once per import.
//  - user: UserData + Settings as JSON, versioned; small, written after each edit.
//  - backup: everything as one JSON document (the "Download backup" file and exportState()).
// Loading never half-applies: on any error the target Store is left untouched.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "model.hpp"

namespace rk {

// Bulk formats: 1 texts inline, 2 texts in one block, 3 texts apart; 4 and 5 are 2 and 3 with
// contacts' disconnected_on. Every one of them still loads; only 4 and 5 are written.
constexpr int kBulkFormat = 6;        // save_bulk(): message texts in one block
constexpr int kBulkSplitFormat = 7;   // save_bulk_parts(): texts apart (the newest format)
constexpr int kUserFormat = 1;
constexpr int kBackupFormat = 1;

std::string save_bulk(const Store& s);  // kBulkFormat: one buffer
// Format 3: the message texts (most of the bytes) apart from the rest, so a page load can draw
// the first frame from `bulk` and attach the texts a moment later.
struct BulkParts {
  std::string bulk, texts;
};
BulkParts save_bulk_parts(const Store& s);

// The same work in slices (an import's save of 50+ MB must not freeze the page): step() writes
// for about budget_ms and returns true when done; take() finishes and hands over the bytes. The
// Store must not change in between. `format`: kBulkFormat (one buffer) or kBulkSplitFormat
// (texts apart).
class BulkSaver {
 public:
  explicit BulkSaver(const Store& s, int format = kBulkSplitFormat);
  ~BulkSaver();
  BulkSaver(const BulkSaver&) = delete;
  BulkSaver& operator=(const BulkSaver&) = delete;
  bool step(double budget_ms);
  BulkParts take();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};
bool load_bulk(std::string_view data, Store& s, std::string& error);
// The same, keeping `data` itself as the Store's message text buffer (no copy of the texts);
// on failure `data` is left as it was.
bool load_bulk(std::string&& data, Store& s, std::string& error);
// The same in slices (taking over an import's result must not freeze the page): step() reads for
// about budget_ms and returns true when done (or failed); take() finishes and fills `s`, or
// leaves it untouched and says why. The buffer is adopted as by load_bulk(std::string&&).
class BulkLoader {
 public:
  explicit BulkLoader(std::string&& data);
  ~BulkLoader();
  BulkLoader(const BulkLoader&) = delete;
  BulkLoader& operator=(const BulkLoader&) = delete;
  bool step(double budget_ms);
  bool take(Store& s, std::string& error);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};
// After load_bulk() of a `bulk` saved with its texts apart (s.texts_pending): the texts saved with it. On failure
// the Store keeps its texts pending (messages show without text).
bool attach_texts(std::string&& texts, Store& s, std::string& error);
// The same, with the block's checksum already computed as its bytes arrived (a slice at a time):
// `crc` is crc32_update(0, all of `texts` but its last 4 bytes).
bool attach_texts(std::string&& texts, Store& s, std::string& error, uint32_t crc);
uint32_t crc32_update(uint32_t crc, std::string_view bytes);  // zlib's crc32 (start from 0)

std::string save_user(const Store& s);  // user data + settings
bool load_user(std::string_view json, Store& s, std::string& error);

std::string export_backup(const Store& s);
// Reads a backup into `s` (everything replaced: data, user data, settings), streaming: memory is
// the Store being built, not a DOM of the document. `progress` (optional) gets the fraction
// read, every MB or so.
bool import_backup(std::string_view json, Store& s, std::string& error,
                   const std::function<void(float)>& progress = {});

}  // namespace rk
