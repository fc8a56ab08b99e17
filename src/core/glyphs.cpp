#include "core/glyphs.hpp"

#include <algorithm>

namespace rk {

unsigned script_of(char32_t c) {
  if (c < 0x0590) return kScriptNone;
  if (c <= 0x05FF || (c >= 0xFB1D && c <= 0xFB4F)) return kScriptHebrew;
  if (c <= 0x06FF || (c >= 0x0750 && c <= 0x077F) || (c >= 0x0870 && c <= 0x08FF) ||
      (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE))
    return kScriptArabic;
  if ((c >= 0x0900 && c <= 0x097F) || (c >= 0xA8E0 && c <= 0xA8FF) || (c >= 0x1CD0 && c <= 0x1CFF))
    return kScriptDevanagari;
  if (c >= 0x0E00 && c <= 0x0E7F) return kScriptThai;
  if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x9FFF) ||
      (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3134F))
    return kScriptCJK;
  return kScriptNone;
}

namespace {
// Calls f(cp) for every code point of the ranges, stopping early when f returns true.
template <class F>
bool any_cp(const std::vector<CodepointRange>& ranges, F f) {
  for (const auto& r : ranges)
    for (char32_t c = r.first; c <= r.last && c >= r.first; ++c)
      if (f(c)) return true;
  return false;
}
}  // namespace

unsigned scripts_needed(const std::vector<CodepointRange>& ranges) {
  unsigned out = 0;
  for (const auto& r : ranges) {
    if (r.last < 0x0590) continue;
    for (char32_t c = std::max<char32_t>(r.first, 0x0590); c <= r.last && c >= r.first; ++c) out |= script_of(c);
  }
  return out;
}

std::vector<CodepointRange> ranges_for_script(const std::vector<CodepointRange>& ranges, unsigned script) {
  std::vector<CodepointRange> out;
  for (const auto& r : ranges) {
    for (char32_t c = r.first; c <= r.last && c >= r.first; ++c) {
      if (!(script_of(c) & script)) continue;
      if (!out.empty() && out.back().last + 1 == c) out.back().last = c;
      else out.push_back({c, c});
    }
  }
  return out;
}

int cjk_face(const std::vector<CodepointRange>& ranges) {
  auto kana = [](char32_t c) { return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F); };
  auto hangul = [](char32_t c) { return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) || (c >= 0xAC00 && c <= 0xD7AF); };
  auto han = [](char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3134F); };
  if (any_cp(ranges, kana)) return 0;
  if (any_cp(ranges, hangul) && !any_cp(ranges, han)) return 1;
  return 2;
}

const std::vector<ScriptFont>& script_fonts() {
  static const std::vector<ScriptFont> k = {
      {kScriptArabic, "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", 0},
      {kScriptHebrew, "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", 0},
      {kScriptDevanagari, "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", 0},
      {kScriptThai, "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", 0},
      {kScriptCJK, "NotoSansCJK-Regular.ttc", "NotoSansCJK-Regular.ttc", -1},
  };
  return k;
}

}  // namespace rk
