// libFuzzer target: the CSV reader, header recognition and text decoding on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/dates.hpp"
#include "core/recognize.hpp"
#include "core/text.hpp"

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
  (void)rk::html_to_text(text);
  (void)rec;
  return 0;
}
