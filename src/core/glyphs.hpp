// Which fonts the loaded text needs: scripts beyond what the always-loaded Noto Sans covers
// (Latin, Greek, Cyrillic), so the UI can fetch the matching Noto font on demand. Plain C++.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rk {

enum FontScript : unsigned {
  kScriptNone = 0,
  kScriptArabic = 1u << 0,
  kScriptHebrew = 1u << 1,
  kScriptDevanagari = 1u << 2,
  kScriptThai = 1u << 3,
  kScriptCJK = 1u << 4,  // Han, kana, Hangul, CJK punctuation and full-width forms
};
constexpr int kFontScriptCount = 5;

// The extra script a code point needs, kScriptNone when the base font covers it (or no font has it).
unsigned script_of(char32_t cp);

// Code points as [first, last] pairs, the way Dear ImGui glyph ranges are laid out.
struct CodepointRange {
  char32_t first, last;
};

// The scripts needed by a set of ranges (bitmask of FontScript).
unsigned scripts_needed(const std::vector<CodepointRange>& ranges);

// The ranges restricted to one script (to rasterise only glyphs that font is merged for).
std::vector<CodepointRange> ranges_for_script(const std::vector<CodepointRange>& ranges, unsigned script);

// Face of NotoSansCJK-Regular.ttc that suits the text: 0 Japanese when kana appear, 1 Korean
// when Hangul appears without Han, else 2 Simplified Chinese.
int cjk_face(const std::vector<CodepointRange>& ranges);

// Font files (in dist/fonts/) for one script: regular and bold (bold may equal regular).
struct ScriptFont {
  unsigned script;
  const char* regular;
  const char* bold;
  int face;  // -1: use cjk_face()
};
const std::vector<ScriptFont>& script_fonts();

}  // namespace rk
