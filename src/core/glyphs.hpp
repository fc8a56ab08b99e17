// Which glyphs and fonts the loaded text needs: the code points it uses (CodepointSet), and the
// scripts beyond what the always-loaded Noto Sans covers (Latin, Greek, Cyrillic), so the UI can
// fetch the matching Noto font on demand. Plain C++ (the UI turns the ranges into ImGui's).
#pragma once

#include <cstddef>
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

// What the base font is always built with (Latin and its extensions, IPA, combining marks,
// Greek, Cyrillic, general punctuation, currency, letterlike, arrows, math, geometric shapes):
// ASCII and Latin-1 included, so a scan may skip them.
const std::vector<CodepointRange>& base_ranges();

// A set of code points (a bit for each up to U+10FFFF: 136 KiB, cleared and merged in
// microseconds), filled from text in one pass.
class CodepointSet {
 public:
  static constexpr char32_t kLimit = 0x110000;
  CodepointSet();

  void clear();
  void add(char32_t cp) {
    if (cp < kLimit) bits_[cp >> 6] |= uint64_t(1) << (cp & 63);
  }
  void add_range(char32_t first, char32_t last);
  void add_ranges(const std::vector<CodepointRange>& ranges);
  // The non-ASCII code points of UTF-8 text (ASCII, which base_ranges() covers, is skipped
  // eight bytes at a time), plus what visual_order() draws for them: the joined presentation
  // forms of Arabic letters and lam-alef ligatures, exactly those the text's letter sequences
  // produce. An invalid byte adds U+FFFD, the glyph drawn for it.
  void add_text(std::string_view utf8);
  void merge(const CodepointSet& other);  // union

  bool contains(char32_t cp) const { return cp < kLimit && (bits_[cp >> 6] >> (cp & 63)) & 1; }
  size_t count() const;
  bool operator==(const CodepointSet& o) const { return bits_ == o.bits_; }
  bool operator!=(const CodepointSet& o) const { return bits_ != o.bits_; }
  // The set as sorted, disjoint, non-adjacent ranges.
  std::vector<CodepointRange> ranges() const;

 private:
  std::vector<uint64_t> bits_;
};

// The scripts needed by a set of ranges (bitmask of FontScript).
unsigned scripts_needed(const std::vector<CodepointRange>& ranges);

// The ranges restricted to one script (to rasterise only glyphs that font is merged for).
std::vector<CodepointRange> ranges_for_script(const std::vector<CodepointRange>& ranges, unsigned script);

// Face of NotoSansCJK-Regular.ttc that suits the text: 0 Japanese when kana appear, 1 Korean
// when Hangul appears without Han, else 2 Simplified Chinese.
int cjk_face(const std::vector<CodepointRange>& ranges);

struct Store;

// The code points a Store's imported text uses, scanned a slice at a time so that a big network
// (hundreds of thousands of messages) never holds one frame for long. names(): names, companies
// and positions (current and past) and the owner's name, which every font draws; texts():
// invitations, endorsements, recommendations, conversation titles and message subjects and
// bodies, which only the regular font draws. Message text is scanned up to kMessageBytes (in
// Store order; the first body that would pass the limit ends the scan).
class StoreGlyphScan {
 public:
  static constexpr size_t kMessageBytes = size_t(64) << 20;

  void start();  // from the beginning, with empty sets
  // Scans for about budget_ms (at least a few items); true once the whole Store is scanned.
  // The Store may change between calls (positions are checked, never kept as pointers), but
  // the sets then describe a mix: start() again for a new data set.
  bool step(const Store& store, double budget_ms);
  bool done() const { return stage_ == Stage::Done; }
  const CodepointSet& names() const { return names_; }
  const CodepointSet& texts() const { return texts_; }

 private:
  enum class Stage { Contacts, Owner, Conversations, Messages, Done };
  Stage stage_ = Stage::Done;
  size_t pos_ = 0;
  size_t message_bytes_ = 0;  // of kMessageBytes, left
  CodepointSet names_, texts_;
};

// Font files (in dist/fonts/) for one script: regular and bold (bold may equal regular).
struct ScriptFont {
  unsigned script;
  const char* regular;
  const char* bold;
  int face;  // -1: use cjk_face()
};
const std::vector<ScriptFont>& script_fonts();

}  // namespace rk
