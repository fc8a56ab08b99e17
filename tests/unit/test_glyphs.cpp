// The font glyph scan (CodepointSet, core/glyphs.hpp): which code points a text needs drawn,
// including the Arabic presentation forms visual_order() turns its letters into.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/bidi.hpp"
#include "core/glyphs.hpp"
#include "core/model.hpp"
#include "store_builder.hpp"
#include "utf8_encode.hpp"

using namespace rk;

namespace {

std::string u8(const std::u32string& s) { return rktest::utf8(s); }

// Valid UTF-8 only (the test texts are).
std::vector<char32_t> decode(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
    out.push_back(cp);
    i += size_t(n);
  }
  return out;
}

bool in_base(char32_t c) {
  for (const auto& r : base_ranges())
    if (c >= r.first && c <= r.last) return true;
  return false;
}

// What the scan replaced: every code point of the text and of visual_order(text) (which also
// holds the joined Arabic forms), outside the base font's ranges.
std::set<char32_t> reference(const std::string& s) {
  std::set<char32_t> out;
  for (char32_t c : decode(s))
    if (!in_base(c) && c >= 0x20) out.insert(c);
  for (char32_t c : decode(visual_order(s)))
    if (!in_base(c) && c >= 0x20) out.insert(c);
  return out;
}

std::set<char32_t> scanned(const std::string& s) {
  CodepointSet set;
  set.add_text(s);
  std::set<char32_t> out;
  for (const auto& r : set.ranges())
    for (char32_t c = r.first; c <= r.last; ++c)
      if (!in_base(c)) out.insert(c);
  return out;
}

const std::vector<std::u32string> kTexts = {
    U"Anna Smith", U"Jürgen Müller, Ærøskøbing", U"Ольга Петрова", U"Αλέξανδρος Παπαδόπουλος",
    U"محمد", U"عبد الله", U"لا", U"سلام عليكم", U"مصطفى الأحمد (شركة)", U"مُحَمَّد", U"لَا إِلَٰهَ",
    U"لإ لأ لآ", U"پژوهش چگونه ی", U"ﻣﺤﻤﺪ", U"ـبـ", U"ب\u200Dب", U"كتاب 12 «عربي»", U"Ali علي Hassan",
    U"דוד כהן", U"שלום Bob!", U"(דוד) 12", U"देवनागरी नमस्ते", U"ภาษาไทย สวัสดี", U"王小明", U"さくら 東京",
    U"김민준 한국", U"😀 emoji 𠀀", U"Мария 王 محمد שלום नमस्ते ไทย 한",
};

}  // namespace

TEST_CASE("glyph scan: every code point of the text and of its visual order, and nothing else", "[glyphs]") {
  for (const std::u32string& t : kTexts) {
    const std::string s = u8(t);
    INFO(s);
    CHECK(scanned(s) == reference(s));
  }
  // The union over many texts (what fonts.cpp builds) is the union of the references.
  CodepointSet all;
  std::set<char32_t> want;
  for (const std::u32string& t : kTexts) {
    all.add_text(u8(t));
    for (char32_t c : reference(u8(t))) want.insert(c);
  }
  for (char32_t c : want) CHECK(all.contains(c));
  all.add_ranges(base_ranges());
  for (const std::u32string& t : kTexts)
    for (char32_t c : decode(visual_order(u8(t)))) CHECK((c < 0x20 || all.contains(c)));
}

TEST_CASE("glyph scan: Arabic letters add exactly the joined forms the text shows", "[glyphs]") {
  // meem initial, hah medial, meem medial, dal final; never isolated meem or initial dal.
  std::set<char32_t> m = scanned(u8(U"محمد"));
  CHECK(m == std::set<char32_t>{0x0645, 0x062D, 0x062F, 0xFEE3, 0xFEA4, 0xFEE4, 0xFEAA});
  CHECK(scanned(u8(U"لا")) == std::set<char32_t>{0x0644, 0x0627, 0xFEFB});   // lam-alef ligature only
  CHECK(scanned(u8(U"بلا")).count(0xFEFC) == 1);                           // final ligature after beh
  CHECK(scanned(u8(U"بلا")).count(0xFEDF) == 0);                           // no medial lam
  CHECK(scanned(u8(U"ب ب")).count(0xFE8F) == 1);                           // isolated: ASCII breaks joining
  CHECK(scanned(u8(U"ب ب")).count(0xFE91) == 0);
  CHECK(scanned(u8(U"بَب")).count(0xFE91) == 1);                           // a mark does not
  CHECK(scanned(u8(U"ب\u200Dب")).count(0xFE91) == 1);                      // ZWJ joins
  CHECK(scanned(u8(U"ب")).count(0xFE8F) == 1);
  // Each text on its own: a letter at the end of one text does not join the next text.
  CodepointSet two;
  two.add_text(u8(U"ب"));
  two.add_text(u8(U"ب"));
  CHECK(two.contains(0xFE8F));
  CHECK(!two.contains(0xFE91));
  CHECK(!two.contains(0xFE90));
}

TEST_CASE("glyph scan: random Arabic, Hebrew and Latin mixes match visual_order", "[glyphs]") {
  std::vector<char32_t> alphabet = {U' ', U'a', U'Z', U'1', U'(', U')', U'«', U'»', U'-', 0x0640, 0x200D,
                                    0x064B, 0x064E, 0x0651, 0x0670, 0x05D0, 0x05E9, 0x0660, 0x06F1, 0x00E9, 0x4E8C};
  for (char32_t c = 0x0621; c <= 0x064A; ++c) alphabet.push_back(c);
  for (char32_t c : {0x067E, 0x0686, 0x0698, 0x06A9, 0x06AF, 0x06CC}) alphabet.push_back(char32_t(c));
  for (int k = 0; k < 6; ++k) {  // lam and the alefs more often, for the ligatures
    alphabet.push_back(0x0644);
    alphabet.push_back(0x0627);
  }
  alphabet.push_back(0x0622);
  alphabet.push_back(0x0623);
  alphabet.push_back(0x0625);
  std::mt19937 rng(12345);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1), len(1, 14);
  int mismatches = 0;
  for (int i = 0; i < 3000; ++i) {
    std::u32string t;
    for (size_t n = len(rng); n-- > 0;) t += alphabet[pick(rng)];
    const std::string s = u8(t);
    if (scanned(s) != reference(s)) {
      ++mismatches;
      INFO(s);
      CHECK(scanned(s) == reference(s));
      if (mismatches > 5) break;
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("glyph scan: ASCII is skipped in blocks without losing the letters around it", "[glyphs]") {
  CodepointSet empty;
  CHECK(empty.count() == 0);
  CodepointSet ascii;
  ascii.add_text("Hello, world! A long line of plain ASCII text, 1234567890.\n\tThe end.");
  CHECK(ascii.count() == 0);
  CHECK(ascii.ranges().empty());
  for (size_t pad = 0; pad < 20; ++pad) {
    for (size_t tail = 0; tail < 10; ++tail) {
      std::string s = std::string(pad, 'x') + u8(U"Ж") + std::string(tail, 'y') + u8(U"界");
      CodepointSet set;
      set.add_text(s);
      INFO("pad " << pad << " tail " << tail);
      CHECK(set.contains(U'Ж'));
      CHECK(set.contains(U'界'));
      CHECK(set.count() == 2);
    }
  }
}

TEST_CASE("glyph scan: invalid UTF-8 adds the replacement glyph and resynchronises", "[glyphs]") {
  for (const std::string& bad : {std::string("a\xC3"), std::string("\xE0\x80\x80"), std::string("\xED\xA0\x80"),
                                std::string("\xF4\x90\x80\x80"), std::string("\x80z"), std::string("\xFF"),
                                std::string("\xC0\xAF")}) {
    CodepointSet set;
    set.add_text(bad);
    INFO(bad);
    CHECK(set.contains(0xFFFD));
    CHECK(!set.contains(0xD800));
    CHECK(set.count() == 1);
  }
  CodepointSet set;
  set.add_text(std::string("\xE0") + u8(U"é王"));  // truncated lead byte, then valid letters
  CHECK(set.contains(0xFFFD));
  CHECK(set.contains(U'é'));
  CHECK(set.contains(U'王'));
}

TEST_CASE("CodepointSet: ranges, merge, clear and the scripts they need", "[glyphs]") {
  CodepointSet a;
  a.add(63);
  a.add(64);
  a.add(65);
  a.add(200);
  a.add_range(0x10FFF0, 0x10FFFF);
  a.add(0x110000);  // out of range: ignored
  auto r = a.ranges();
  REQUIRE(r.size() == 3);
  CHECK((r[0].first == 63 && r[0].last == 65));
  CHECK((r[1].first == 200 && r[1].last == 200));
  CHECK((r[2].first == 0x10FFF0 && r[2].last == 0x10FFFF));
  CHECK(a.count() == 4 + 16);

  CodepointSet base;
  base.add_ranges(base_ranges());
  auto br = base.ranges();
  REQUIRE(!br.empty());
  CHECK(br.front().first == 0x20);
  CHECK(br.front().last == 0x052F);  // adjacent ranges merged
  CHECK(base.contains(U'é'));
  CHECK(base.contains(U'Ж'));
  CHECK(!base.contains(U'王'));

  CodepointSet names, texts;
  names.add_text(u8(U"王小明 Мария"));
  texts.add_text(u8(U"שלום ภาษา"));
  CHECK(scripts_needed(names.ranges()) == kScriptCJK);
  CodepointSet all = names;
  all.merge(texts);
  CHECK(all.contains(U'王'));
  CHECK(all.contains(U'ש'));
  CHECK(!names.contains(U'ש'));
  CHECK(scripts_needed(all.ranges()) == (kScriptCJK | kScriptHebrew | kScriptThai));
  CHECK(all.count() == names.count() + texts.count());
  all.clear();
  CHECK(all.count() == 0);
  CHECK(all.ranges().empty());

  CodepointSet arabic;
  arabic.add_text(u8(U"محمد"));
  CHECK(scripts_needed(arabic.ranges()) == kScriptArabic);  // presentation forms are Arabic too
  CHECK(ranges_for_script(arabic.ranges(), kScriptArabic).size() >= 3);

  CodepointSet astral;
  astral.add_text(u8(U"𠀀😀"));
  CHECK(astral.contains(0x20000));
  CHECK(astral.contains(0x1F600));
  CHECK(scripts_needed(astral.ranges()) == kScriptCJK);
}

namespace {

// A Store with every kind of scanned text, in several scripts.
rk::Store scan_fixture(int contacts, int messages) {
  rk::test::StoreBuilder b;
  const std::vector<std::u32string> names = {U"Мария", U"王小明", U"محمد", U"דוד", U"नमस्ते", U"สวัสดี", U"Ærø"};
  for (int i = 0; i < contacts; ++i) {
    const ContactId id = b.contact(u8(names[size_t(i) % names.size()]), "L" + std::to_string(i),
                                   i % 5 == 0 ? u8(U"Ωmega") : "Acme", i % 7 == 0 ? u8(U"Ingénieur") : "Dev");
    if (i % 11 == 0) b.invitation(id, Direction::Incoming, 0, u8(U"Привет ") + std::to_string(i));
    if (i % 13 == 0) b.endorsement(id, Direction::Incoming, 0, u8(U"日本語"));
    if (i % 17 == 0) b.recommendation(id, Direction::Incoming, 0, u8(U"ยอดเยี่ยม"));
    if (i % 19 == 0) b.job_change(id, 0, u8(U"Ŝtato"), u8(U"ראש"), "Acme", "Dev");
  }
  b.store().owner.first_name = u8(U"Ōwner");
  const uint32_t conv = b.conversation({1}, false, u8(U"Ĉambro"));
  for (int i = 0; i < messages; ++i) {
    const uint32_t m = b.message(conv, 1, i, u8(i % 3 ? U"hello there" : U"مرحبا ✓") + std::to_string(i));
    if (i % 4 == 0) b.store().messages[m].subject = b.store().add_text(u8(U"Тема ⚑"));
  }
  return std::move(b.store());
}

}  // namespace

TEST_CASE("store glyph scan: slices add up to one whole scan, names apart from the rest", "[glyphs]") {
  const rk::Store st = scan_fixture(500, 2000);
  StoreGlyphScan whole;
  whole.start();
  REQUIRE(whole.step(st, 1e9));
  CHECK(whole.done());
  CHECK(whole.names().contains(U'王'));
  CHECK(whole.names().contains(U'ש'));  // a past position
  CHECK(whole.names().contains(U'Ō'));  // the owner
  CHECK(!whole.names().contains(U'✓'));
  CHECK(whole.texts().contains(U'✓'));  // message body
  CHECK(whole.texts().contains(U'⚑'));  // subject
  CHECK(whole.texts().contains(U'Ĉ'));  // conversation title
  CHECK(whole.texts().contains(U'日'));  // endorsement
  CHECK(whole.texts().contains(U'ย'));  // recommendation
  CHECK(whole.texts().contains(U'П'));  // invitation
  CHECK(!whole.texts().contains(U'王'));

  StoreGlyphScan sliced;
  sliced.start();
  int steps = 1;
  while (!sliced.step(st, 0)) ++steps;
  CHECK(steps > 10);  // a zero budget still moves on, a few items at a time
  CHECK(sliced.names() == whole.names());
  CHECK(sliced.texts() == whole.texts());
  CHECK(sliced.step(st, 0));  // done stays done

  sliced.start();  // starting over forgets the last scan
  CHECK(!sliced.done());
  CHECK(sliced.names().count() == 0);
  rk::Store empty;
  CHECK(sliced.step(empty, 0));
  CHECK(sliced.names().count() == 0);
  CHECK(sliced.texts().count() == 0);
}

TEST_CASE("store glyph scan: message text stops at the first body past the byte budget", "[glyphs]") {
  rk::test::StoreBuilder b;
  b.contact("Anna");
  const uint32_t conv = b.conversation({1});
  b.message(conv, 1, 1, u8(U"Ж"));
  b.message(conv, 1, 2, std::string(StoreGlyphScan::kMessageBytes, 'a'));  // over what is left
  b.message(conv, 1, 3, u8(U"Ω"));
  StoreGlyphScan scan;
  scan.start();
  REQUIRE(scan.step(b.store(), 1e9));
  CHECK(scan.texts().contains(U'Ж'));
  CHECK(!scan.texts().contains(U'Ω'));

  // A Store that shrank between slices is read only as far as it goes.
  const rk::Store st = scan_fixture(300, 300);
  scan.start();
  CHECK(!scan.step(st, 0));
  rk::Store small = scan_fixture(3, 1);
  while (!scan.step(small, 0)) {
  }
  CHECK(scan.done());
}
