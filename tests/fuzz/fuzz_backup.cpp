// libFuzzer target: restoring a backup (the streaming JSON reader) into a Store that already
// holds data. A refused backup must leave the Store exactly as it was; an accepted one must be
// consistent and export to a backup that reads back.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "core/serialize.hpp"

namespace {
rk::Store before() {
  rk::Store s;
  rk::Contact c;
  c.id = 7;
  c.first_name = "Keep";
  s.contacts.push_back(c);
  s.user[7].note = "mine";
  s.reindex();
  return s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  rk::Store s = before();
  std::string error;
  if (!rk::import_backup(text, s, error)) {
    if (error.empty() || s.contacts.size() != 1 || s.find(7) != &s.contacts[0] || s.contacts[0].first_name != "Keep" ||
        s.user.size() != 1 || s.user[7].note != "mine")
      __builtin_trap();
    return 0;
  }
  for (const rk::Contact& c : s.contacts)
    if (s.find(c.id) != &c) __builtin_trap();
  for (const rk::Message& m : s.messages)
    if (m.conversation >= s.conversations.size()) __builtin_trap();
  rk::Store again;
  if (!rk::import_backup(rk::export_backup(s), again, error)) __builtin_trap();
  return 0;
}
