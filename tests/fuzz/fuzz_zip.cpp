// libFuzzer target: zip reading from memory (minizip over a memory filefunc), with small limits.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/zip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  rk::zip::Archive a;
  std::string err;
  if (!a.open(bytes, err)) return 0;
  rk::zip::Limits lim;
  lim.max_entry_bytes = 1 << 20;
  lim.max_ratio = 100;
  for (size_t i = 0; i < a.entries().size() && i < 64; ++i) {
    std::string out;
    if (a.extract(i, lim, out, err) && out.size() > lim.max_entry_bytes) __builtin_trap();
  }
  return 0;
}
