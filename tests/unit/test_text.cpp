// Tests of text.hpp: encodings, HTML stripping, folding.
#include <catch2/catch.hpp>

#include "core/text.hpp"
#include "utf8_encode.hpp"

using namespace rk;

TEST_CASE("to_utf8 strips a UTF-8 BOM and keeps valid text", "[text]") {
  std::string out;
  REQUIRE(to_utf8("\xEF\xBB\xBFhello,w\xC3\xB6rld\n", out));
  CHECK(out == "hello,w\xC3\xB6rld\n");
}

TEST_CASE("to_utf8 converts UTF-16LE and BE with BOM, including surrogate pairs", "[text]") {
  std::string le("\xFF\xFE" "A\0\xE9\0\x3D\xD8\x00\xDE\t\0", 12);
  std::string out;
  REQUIRE(to_utf8(le, out));
  CHECK(out == "A\xC3\xA9\xF0\x9F\x98\x80\t");
  std::string be("\xFE\xFF\0A\0\xE9", 6);
  REQUIRE(to_utf8(be, out));
  CHECK(out == "A\xC3\xA9");
}

TEST_CASE("to_utf8 detects UTF-16LE without BOM", "[text]") {
  std::string le("a\0b\0,\0c\0", 8);
  std::string out;
  REQUIRE(to_utf8(le, out));
  CHECK(out == "ab,c");
}

TEST_CASE("to_utf8 replaces invalid sequences and rejects binary", "[text]") {
  std::string out;
  REQUIRE(to_utf8("caf\xE9 ok, a long enough line of ordinary text to dilute one bad byte", out));
  CHECK(out.substr(0, 6) == "caf\xEF\xBF\xBD");
  CHECK(valid_utf8(out));
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20);
  CHECK_FALSE(to_utf8(png, out));
  std::string junk;
  for (int i = 0; i < 1000; ++i) junk.push_back(char((i * 131 + 7) % 256));
  CHECK_FALSE(to_utf8(junk, out));
}

TEST_CASE("valid_utf8 rejects overlongs, surrogates and truncation", "[text]") {
  CHECK(valid_utf8("plain ascii"));
  CHECK(valid_utf8("\xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80"));
  CHECK_FALSE(valid_utf8("\xC0\xAF"));
  CHECK_FALSE(valid_utf8("\xED\xA0\x80"));
  CHECK_FALSE(valid_utf8("\xE4\xB8"));
  CHECK_FALSE(valid_utf8("\xF4\x90\x80\x80"));
}

TEST_CASE("html_to_text strips tags and decodes entities", "[text]") {
  CHECK(html_to_text("<p>Hello&nbsp;<b>Ann</b> &amp; co</p><p>Second&#39;s &#x27;line&#x27;</p>") ==
        "Hello Ann & co\nSecond's 'line'");
  CHECK(html_to_text("a<br>b<br/>c<BR />d") == "a\nb\nc\nd");
  CHECK(html_to_text("<div>x</div>\n\n<div></div><div></div><p></p><div>y</div>") == "x\ny");
  CHECK(html_to_text("a<br><br><br><br>b<br>") == "a\n\nb");
  CHECK(html_to_text("<style>.a{color:red}</style><script>alert(1)</script>Text") == "Text");
  CHECK(html_to_text("1 < 2 &unknown; &lt;tag&gt;") == "1 < 2 &unknown; <tag>");
  CHECK(html_to_text("<!-- hidden -->  shown   here  ") == "shown here");
  CHECK(html_to_text("cut <a href=") == "cut");
  CHECK(html_to_text("&#0;&#99999999;x") == "\xEF\xBF\xBD\xEF\xBF\xBDx");
  CHECK(html_to_text("") == "");
}

TEST_CASE("fold is case-, accent- and whitespace-insensitive", "[text]") {
  CHECK(fold("  \xC3\x89milie  \xC3\x87" "A ") == fold("emilie ca"));
  CHECK(fold("  \xC3\x89milie  \xC3\x87" "A ") == "emilie ca");
  CHECK(fold("M\xC3\xBCller") == "muller");
  CHECK(fold("STRASSE") == "strasse");
  CHECK(fold("Stra\xC3\x9F" "e") == "strasse");
  CHECK(fold("\xEF\xBC\xA1\xEF\xBC\xA2") == "ab");  // full-width compat
  CHECK(fold("\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD") == "\xD0\xB8\xD0\xB2\xD0\xB0\xD0\xBD");  // Иван
  CHECK(fold("\xE5\xBC\xA0\xE4\xBC\x9F") == "\xE5\xBC\xA0\xE4\xBC\x9F");  // CJK unchanged
  CHECK(fold("a\xC2\xA0" "b") == "a b");
  CHECK(fold("bad\xFF") == fold("bad\xEF\xBF\xBD"));
  CHECK(fold("") == "");
}


TEST_CASE("fold's per-code-point cache agrees with utf8proc on the whole string", "[text]") {
  // Every BMP code point alone and between letters, then random mixes (marks after letters,
  // Hangul syllables and jamo, spaces, line breaks, compatibility forms).
  size_t differ = 0;
  std::string first_diff;
  auto check = [&](const std::string& s) {
    if (fold(s) != fold_reference(s) && differ++ == 0) first_diff = s;
  };
  for (uint32_t cp = 0x80; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string c = rktest::utf8(cp);
    check(c);
    check("A" + c + "b " + c + c);
  }
  const uint32_t pool[] = {'a', 'Z', ' ', '\n', '\r', 0xE9, 0x301, 0x308, 0xDF, 0x130, 0x3A3, 0x3C2, 0x1100, 0x1161,
                           0x11A8, 0xAC00, 0x3131, 0x314F, 0xFF76, 0xFF9E, 0x30AB, 0x3099, 0xFB01, 0x2028,
                           0xA0, 0x200B, 0xAD, 0x1F600, 0xFDFA, 0x0627, 0x064E, 0x0915, 0x094D, 0x0E01, 0x0E48};
  uint64_t x = 88172645463325252ull;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    int len = 1 + int(x % 9);
    for (int k = 0; k < len; ++k) {
      x ^= x << 13; x ^= x >> 7; x ^= x << 17;
      s += rktest::utf8(pool[x % (sizeof pool / sizeof pool[0])]);
    }
    check(s);
  }
  INFO("first difference for input of " << first_diff.size() << " bytes: " << first_diff);
  CHECK(differ == 0);
}

TEST_CASE("trim, starts_with, iequals_ascii", "[text]") {
  CHECK(trim("  a b \r\n") == "a b");
  CHECK(trim("   ") == "");
  CHECK(starts_with("Notes:", "Notes"));
  CHECK_FALSE(starts_with("No", "Notes"));
  CHECK(iequals_ascii("CONVERSATION ID", "conversation id"));
  CHECK_FALSE(iequals_ascii("abc", "abd"));
}
