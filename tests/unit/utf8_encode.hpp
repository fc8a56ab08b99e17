// UTF-8 encoding of code points, for building test texts (one copy for every test file).
#pragma once

#include <string>

namespace rktest {

inline std::string utf8(char32_t cp) {
  std::string o;
  if (cp < 0x80) {
    o += char(cp);
  } else if (cp < 0x800) {
    o += char(0xC0 | (cp >> 6)), o += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    o += char(0xE0 | (cp >> 12)), o += char(0x80 | ((cp >> 6) & 0x3F)), o += char(0x80 | (cp & 0x3F));
  } else {
    o += char(0xF0 | (cp >> 18)), o += char(0x80 | ((cp >> 12) & 0x3F));
    o += char(0x80 | ((cp >> 6) & 0x3F)), o += char(0x80 | (cp & 0x3F));
  }
  return o;
}

inline std::string utf8(std::u32string_view s) {
  std::string o;
  for (char32_t cp : s) o += utf8(cp);
  return o;
}

}  // namespace rktest
