// libFuzzer target: the CSV reader, header recognition and text decoding on arbitrary bytes; the
// reader fed in chunks must say exactly what it says on the whole text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/dates.hpp"
#include "core/recognize.hpp"
#include "core/text.hpp"

namespace {
// What the reader says, record by record, fed `chunk` bytes at a time (0: the whole text).
std::vector<std::string> trace(std::string_view text, char sep, size_t chunk) {
  size_t base = 0, upto = chunk ? std::min(text.size(), chunk) : text.size();
  rk::csv::Reader r(text.substr(0, upto), sep, 256, 0, 1, upto < text.size());
  std::vector<std::string_view> f;
  std::vector<std::string> out;
  for (;;) {
    rk::csv::Status st = r.next(f);
    if (st == rk::csv::Status::NeedMore) {
      if (upto >= text.size()) __builtin_trap();
      base += r.offset();
      upto = std::min(text.size(), upto + chunk);
      r.resume(text.substr(base, upto - base), upto < text.size());
      continue;
    }
    std::string ev = std::to_string(int(st)) + "@" + std::to_string(r.line()) + "-" + std::to_string(r.end_line()) +
                     "/" + std::to_string(base + r.offset()) + ":" + r.error();
    for (auto v : f) ev += "|" + std::string(v);
    out.push_back(std::move(ev));
    if (st == rk::csv::Status::End) return out;
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string text;
  rk::to_utf8(bytes, text);
  rk::Recognition rec = rk::recognize("fuzz.csv", text);
  for (char sep : {',', '\t', ';'}) {
    rk::csv::Reader r(text, sep, 256);
    std::vector<std::string_view> f;
    size_t last_offset = 0;
    for (;;) {
      rk::csv::Status st = r.next(f);
      if (st == rk::csv::Status::End) break;
      if (r.offset() < last_offset) __builtin_trap();  // must always advance
      last_offset = r.offset();
      for (auto v : f) {
        if (v.size() > 256) __builtin_trap();
        rk::Time t;
        rk::parse_time(v, t);
        (void)rk::fold(v);
      }
    }
  }
  if (text.size() <= 4096) {
    const size_t chunk = 1 + (size ? data[0] % 16 : 0);
    for (char sep : {',', ';'})
      if (trace(text, sep, chunk) != trace(text, sep, 0)) __builtin_trap();
  }
  (void)rk::html_to_text(text);
  (void)rec;
  return 0;
}
