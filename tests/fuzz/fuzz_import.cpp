// libFuzzer target: the whole import (zip or CSV) into a Store that already holds data, twice
// (fresh and as a re-import), with small limits. Checks basic Store invariants.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/import.hpp"
#include "core/model.hpp"

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
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  rk::ImportLimits lim;
  lim.max_file_bytes = 1 << 20;
  lim.max_total_bytes = 4 << 20;
  lim.max_field_bytes = 4096;
  lim.max_zip_ratio = 100;
  rk::Store s;
  // Name hints alternate with the first byte, so both name-driven paths get exercised.
  static const char* const kNames[] = {"Connections.csv", "messages.csv", "Invitations.csv",
                                       "Recommendations_Given.csv", "export.zip", "x.csv"};
  std::string name = kNames[size ? data[0] % 6 : 0];
  rk::import_all(s, 20000, {{name, bytes}}, lim);
  check(s);
  rk::ImportReport r = rk::import_all(s, 20001, {{name, bytes}}, lim);
  check(s);
  if (r.contacts_added != 0) __builtin_trap();  // a re-import never adds people
  (void)rk::summarize(s);
  return 0;
}
