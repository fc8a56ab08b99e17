// Reading zip archives from memory (zlib's minizip over an in-memory zlib_filefunc64_def).
// Stored and deflate entries; encrypted entries and other methods give a clear error. Entries
// are extracted in chunks so the importer can spread a big entry over several slices, with
// limits against zip bombs (size and compression ratio, checked on the real output, not only
// on what the headers claim).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rk::zip {

bool looks_like_zip(std::string_view bytes);  // starts with a local header or an empty archive

struct Entry {
  std::string name;        // full path inside the archive
  uint64_t compressed = 0;
  uint64_t uncompressed = 0;
  int method = 0;          // 0 stored, 8 deflate
  bool encrypted = false;
  bool directory = false;
};

struct Limits {
  uint64_t max_entry_bytes = uint64_t(1) << 30;
  double max_ratio = 1000.0;
};

class Archive {
 public:
  Archive();
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  // Opens the archive over `bytes` (not copied: they must outlive the Archive).
  bool open(std::string_view bytes, std::string& error);
  const std::vector<Entry>& entries() const { return entries_; }

  // Incremental extraction of entry `i` into `out` (appended): begin(), then read_some() until
  // it returns 0 (done) or -1 (error). Checks method, encryption, size, ratio and CRC.
  // begin() reserves room in `out` for the whole entry; without `out`, nothing is reserved (for
  // a caller that reads the entry a piece at a time into a buffer it reuses).
  bool begin(size_t i, const Limits& limits, std::string& out, std::string& error);
  bool begin(size_t i, const Limits& limits, std::string& error);
  // Appends at most `max_bytes` (at least 1 while the entry has more).
  int read_some(std::string& out, size_t max_bytes, std::string& error);
  void abort();  // stops the current extraction

  // All of entry `i` at once.
  bool extract(size_t i, const Limits& limits, std::string& out, std::string& error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<Entry> entries_;
};

}  // namespace rk::zip
