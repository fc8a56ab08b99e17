// libFuzzer target: the whole import (zip or CSV) into a Store that already holds data, twice
// (fresh and as a re-import), with small limits. Checks basic Store invariants, and that zip
// entries parsed as they inflate (tiny chunks) give what reading them whole gives.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/import.hpp"
#include "core/model.hpp"
#include "core/serialize.hpp"

namespace {
void check(const rk::Store& s) {
  for (const rk::Contact& c : s.contacts) {
    if (c.id == rk::kNoContact || c.id == rk::kOwner) __builtin_trap();
    if (s.find(c.id) != &c) __builtin_trap();
    for (uint32_t ci : c.conversations)
      if (ci >= s.conversations.size()) __builtin_trap();
  }
  for (const rk::Conversation& cv : s.conversations) {
    for (size_t i = 0; i < cv.messages.size(); ++i) {
      if (cv.messages[i] >= s.messages.size()) __builtin_trap();
      if (i && s.messages[cv.messages[i - 1]].time > s.messages[cv.messages[i]].time) __builtin_trap();
    }
  }
}
bool same(const rk::ImportReport& a, const rk::ImportReport& b) {
  if (a.files.size() != b.files.size() || a.contacts_added != b.contacts_added ||
      a.contacts_updated != b.contacts_updated || a.committed != b.committed || a.error != b.error)
    return false;
  for (size_t i = 0; i < a.files.size(); ++i) {
    const rk::FileReport &x = a.files[i], &y = b.files[i];
    if (x.name != y.name || x.kind != y.kind || x.rows != y.rows || x.skipped != y.skipped ||
        x.errors != y.errors || x.details != y.details)
      return false;
  }
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  rk::ImportLimits lim;
  lim.max_file_bytes = 1 << 20;
  lim.max_total_bytes = 4 << 20;
  lim.max_field_bytes = 4096;
  lim.max_zip_ratio = 100;
  // Every zip entry recognised as messages is streamed, in chunks of 1 to 64 bytes.
  rk::ImportLimits whole = lim;
  whole.stream_min_bytes = SIZE_MAX;
  lim.stream_min_bytes = 0;
  lim.stream_chunk_bytes = 1 + (size ? data[size - 1] % 64 : 0);
  rk::Store s, w;
  // Name hints alternate with the first byte, so both name-driven paths get exercised.
  static const char* const kNames[] = {"Connections.csv", "messages.csv", "Invitations.csv",
                                       "Recommendations_Given.csv", "export.zip", "x.csv"};
  std::string name = kNames[size ? data[0] % 6 : 0];
  const rk::ImportReport first = rk::import_all(s, 20000, {{name, bytes}}, lim);
  check(s);
  // Except near the total-size limit: a streamed entry counts there by its declared size, the
  // whole entry by what it inflated to (they differ if the entry turns out broken or lying).
  const rk::ImportReport other = rk::import_all(w, 20000, {{name, bytes}}, whole);
  bool near_limit = false;
  for (const rk::ImportReport* r : {&first, &other})
    for (const rk::FileReport& f : r->files)
      for (const std::string& e : f.errors) near_limit = near_limit || e.find("import limit") != std::string::npos;
  if (!near_limit && (!same(first, other) || rk::save_bulk(s) != rk::save_bulk(w))) __builtin_trap();
  rk::ImportReport r = rk::import_all(s, 20001, {{name, bytes}}, lim);
  check(s);
  if (r.contacts_added != 0) __builtin_trap();  // a re-import never adds people
  (void)rk::summarize(s);
  return 0;
}
