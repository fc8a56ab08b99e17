// Text helpers: encodings, HTML to plain text, Unicode folding (utf8proc).
#include "core/text.hpp"

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include <utf8proc.h>

namespace rk {

namespace {

void put_utf8(std::string& out, uint32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

// Length of the valid UTF-8 sequence at p (1..4), or 0 if invalid.
inline size_t utf8_seq(const unsigned char* p, const unsigned char* e) {
  unsigned c = p[0];
  if (c < 0x80) return 1;
  size_t n = e - p;
  if (c >= 0xC2 && c <= 0xDF) {
    return (n >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}

// Index of the first byte that is not plain ASCII (or size).
inline size_t ascii_prefix(const unsigned char* p, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull) break;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

void sanitize_utf8(std::string_view s, std::string& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* e = p + s.size();
  while (p < e) {
    size_t a = ascii_prefix(p, size_t(e - p));
    out.append(reinterpret_cast<const char*>(p), a);
    p += a;
    if (p >= e) break;
    size_t k = utf8_seq(p, e);
    if (k == 0) {
      out.append("\xEF\xBF\xBD");
      ++p;
    } else {
      out.append(reinterpret_cast<const char*>(p), k);
      p += k;
    }
  }
}

void utf16_to_utf8(std::string_view b, bool little, std::string& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(b.data());
  size_t n = b.size() / 2;
  out.reserve(out.size() + n + n / 2);
  auto unit = [&](size_t i) -> uint32_t {
    return little ? (uint32_t(p[2 * i]) | (uint32_t(p[2 * i + 1]) << 8))
                  : ((uint32_t(p[2 * i]) << 8) | uint32_t(p[2 * i + 1]));
  };
  for (size_t i = 0; i < n; ++i) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 1 < n) {
        uint32_t v = unit(i + 1);
        if (v >= 0xDC00 && v <= 0xDFFF) {
          put_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
          ++i;
          continue;
        }
      }
      put_utf8(out, 0xFFFD);
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      put_utf8(out, 0xFFFD);
    } else {
      put_utf8(out, u);
    }
  }
  if (b.size() % 2) put_utf8(out, 0xFFFD);
}

// Heuristic: does decoded UTF-8 look like text? No NULs, few control characters, few
// replacement characters (judged on a sample of the beginning).
bool looks_like_text(std::string_view s, size_t replaced) {
  size_t n = s.size() < 65536 ? s.size() : 65536;
  size_t ctrl = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++ctrl;
    else if (c == 0x7F) ++ctrl;
  }
  size_t total = s.size() ? s.size() : 1;
  if (ctrl * 100 > n + 1) return false;            // >1% control characters
  if (replaced * 50 > total && replaced > 2) return false;  // >2% invalid sequences
  return true;
}

}  // namespace

bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* e = p + s.size();
  while (p < e) {
    p += ascii_prefix(p, size_t(e - p));
    if (p >= e) break;
    size_t k = utf8_seq(p, e);
    if (k == 0) return false;
    p += k;
  }
  return true;
}

bool to_utf8(std::string_view b, std::string& out) {
  out.clear();
  auto u = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  if (b.size() >= 2 && u(0) == 0xFF && u(1) == 0xFE) {
    utf16_to_utf8(b.substr(2), true, out);
    return looks_like_text(out, 0);
  }
  if (b.size() >= 2 && u(0) == 0xFE && u(1) == 0xFF) {
    utf16_to_utf8(b.substr(2), false, out);
    return looks_like_text(out, 0);
  }
  if (b.size() >= 3 && u(0) == 0xEF && u(1) == 0xBB && u(2) == 0xBF) b.remove_prefix(3);
  // UTF-16 without a BOM: mostly zero bytes in every other position.
  if (b.size() >= 4 && b.size() % 2 == 0) {
    size_t n = b.size() < 4096 ? b.size() : 4096;
    size_t zodd = 0, zeven = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
      if (u(i) == 0) ++zeven;
      if (u(i + 1) == 0) ++zodd;
    }
    size_t pairs = n / 2;
    if (zodd * 10 >= pairs * 9 && zeven == 0) {
      utf16_to_utf8(b, true, out);
      return looks_like_text(out, 0);
    }
    if (zeven * 10 >= pairs * 9 && zodd == 0) {
      utf16_to_utf8(b, false, out);
      return looks_like_text(out, 0);
    }
  }
  if (valid_utf8(b)) {
    out.assign(b.data(), b.size());
    return looks_like_text(out, 0);
  }
  out.reserve(b.size() + 16);
  sanitize_utf8(b, out);
  size_t replaced = 0;
  for (size_t pos = out.find("\xEF\xBF\xBD"); pos != std::string::npos;
       pos = out.find("\xEF\xBF\xBD", pos + 3))
    ++replaced;
  return looks_like_text(out, replaced);
}

// ---- HTML ----------------------------------------------------------------------------------

namespace {

struct Entity {
  const char* name;
  uint32_t cp;
};
const Entity kEntities[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0xA0},     {"ndash", 0x2013},  {"mdash", 0x2014},
    {"hellip", 0x2026}, {"rsquo", 0x2019},  {"lsquo", 0x2018},  {"rdquo", 0x201D},
    {"ldquo", 0x201C},  {"copy", 0xA9},     {"reg", 0xAE},      {"trade", 0x2122},
    {"euro", 0x20AC},   {"pound", 0xA3},    {"yen", 0xA5},      {"cent", 0xA2},
    {"bull", 0x2022},   {"middot", 0xB7},   {"laquo", 0xAB},    {"raquo", 0xBB},
    {"eacute", 0xE9},   {"egrave", 0xE8},   {"aacute", 0xE1},   {"agrave", 0xE0},
    {"ccedil", 0xE7},   {"uuml", 0xFC},     {"ouml", 0xF6},     {"auml", 0xE4},
    {"szlig", 0xDF},    {"ntilde", 0xF1},   {"iacute", 0xED},   {"oacute", 0xF3},
    {"uacute", 0xFA},   {"deg", 0xB0},      {"times", 0xD7},    {"shy", 0xAD},
    {"zwnj", 0x200C},   {"zwj", 0x200D},    {"thinsp", 0x2009}, {"ensp", 0x2002},
    {"emsp", 0x2003},   {"sbquo", 0x201A},  {"bdquo", 0x201E},  {"iexcl", 0xA1},
    {"iquest", 0xBF},   {"sect", 0xA7},     {"para", 0xB6},
};

bool is_block_tag(std::string_view name) {
  static const char* const kBlocks[] = {"br", "p", "div", "li", "ul", "ol", "tr", "table",
                                        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                                        "hr", "section", "article", "header", "footer", "pre",
                                        "dd", "dt", "dl", "center"};
  for (const char* b : kBlocks)
    if (iequals_ascii(name, b)) return true;
  return false;
}

// Decodes the entity starting at s[i] == '&'. Returns the bytes consumed (0: not an entity).
size_t decode_entity(std::string_view s, size_t i, std::string& out) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    uint32_t v = 0;
    size_t start = j;
    while (j < s.size() && j - start < 8) {
      char c = s[j];
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else break;
      v = v * (hex ? 16 : 10) + uint32_t(d);
      ++j;
    }
    if (j == start) return 0;
    if (j < s.size() && s[j] == ';') ++j;
    if (v == 0) v = 0xFFFD;
    if (v == 0xA0) v = ' ';
    put_utf8(out, v);
    return j - i;
  }
  size_t start = j;
  while (j < s.size() && j - start < 10 &&
         ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9')))
    ++j;
  if (j == start) return 0;
  std::string_view name = s.substr(start, j - start);
  for (const Entity& e : kEntities) {
    if (name == e.name || (std::strlen(e.name) <= 4 && iequals_ascii(name, e.name))) {
      if (j < s.size() && s[j] == ';') ++j;
      if (e.cp == 0xA0) out.push_back(' ');
      else put_utf8(out, e.cp);
      return j - i;
    }
  }
  return 0;
}

}  // namespace

std::string html_to_text(std::string_view h) {
  // First pass: tags to break markers, entities decoded, whitespace runs collapsed to a space.
  std::string raw;
  raw.reserve(h.size());
  size_t i = 0, n = h.size();
  bool space = false;
  auto add_space = [&] { space = true; };
  // <br> always breaks the line; other block tags only make sure a line has ended.
  auto add_break = [&](bool hard) {
    if (hard || (!raw.empty() && raw.back() != '\n')) raw.push_back('\n');
    space = false;
  };
  auto add_text = [&](char c) {
    if (space && !raw.empty() && raw.back() != '\n') raw.push_back(' ');
    space = false;
    raw.push_back(c);
  };
  while (i < n) {
    char c = h[i];
    if (c == '<') {
      // A tag starts with a letter, '/', '!' or '?'. Anything else is a literal '<'.
      if (i + 1 < n && (std::isalpha(static_cast<unsigned char>(h[i + 1])) || h[i + 1] == '/' ||
                        h[i + 1] == '!' || h[i + 1] == '?')) {
        if (h.substr(i, 4) == "<!--") {
          size_t end = h.find("-->", i + 4);
          i = end == std::string_view::npos ? n : end + 3;
          continue;
        }
        size_t end = h.find('>', i + 1);
        if (end == std::string_view::npos) {  // unterminated tag: drop the rest
          break;
        }
        std::string_view tag = h.substr(i + 1, end - i - 1);
        bool closing = !tag.empty() && tag[0] == '/';
        if (closing) tag.remove_prefix(1);
        size_t k = 0;
        while (k < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[k])))) ++k;
        std::string_view name = tag.substr(0, k);
        i = end + 1;
        if (!closing && (iequals_ascii(name, "script") || iequals_ascii(name, "style") ||
                         iequals_ascii(name, "head") || iequals_ascii(name, "title"))) {
          // Skip to the matching close tag.
          std::string close = "</" + std::string(name);
          size_t p = i;
          size_t found = std::string_view::npos;
          while (p < n) {
            size_t q = h.find("</", p);
            if (q == std::string_view::npos) break;
            if (q + close.size() <= n && iequals_ascii(h.substr(q, close.size()), close)) {
              found = q;
              break;
            }
            p = q + 2;
          }
          if (found == std::string_view::npos) {
            i = n;
          } else {
            size_t e2 = h.find('>', found);
            i = e2 == std::string_view::npos ? n : e2 + 1;
          }
          continue;
        }
        if (iequals_ascii(name, "br")) add_break(true);
        else if (is_block_tag(name)) add_break(false);
        else if (iequals_ascii(name, "td") || iequals_ascii(name, "th")) add_space();
        continue;
      }
      add_text(c);
      ++i;
    } else if (c == '&') {
      std::string tmp;
      size_t used = decode_entity(h, i, tmp);
      if (used == 0) {
        add_text('&');
        ++i;
      } else {
        if (tmp == " ") {
          // &nbsp; is a real space, kept even next to other spaces.
          if (!raw.empty() && raw.back() != '\n') raw.push_back(' ');
          space = false;
        } else {
          for (char t : tmp) add_text(t);
        }
        i += used;
      }
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      add_space();
      ++i;
    } else {
      add_text(c);
      ++i;
    }
  }
  // Second pass: trim each line, collapse runs of blank lines into one, trim the whole.
  std::string out;
  out.reserve(raw.size());
  int pending_breaks = 0;
  size_t pos = 0;
  while (pos <= raw.size()) {
    size_t nl = raw.find('\n', pos);
    if (nl == std::string::npos) nl = raw.size();
    std::string_view line = trim(std::string_view(raw).substr(pos, nl - pos));
    if (line.empty()) {
      ++pending_breaks;
    } else {
      if (!out.empty()) {
        // Consecutive lines: one break; any blank line in between: exactly one blank line.
        out.append(pending_breaks > 1 ? "\n\n" : "\n");
      }
      out.append(line.data(), line.size());
      pending_breaks = 1;
    }
    pos = nl + 1;
  }
  return out;
}

// ---- folding ---------------------------------------------------------------------------------

namespace {

inline bool ascii_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void collapse_spaces(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  bool pending = false;
  for (char ch : in) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (ascii_space(c)) {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out.push_back(' ');
    pending = false;
    out.push_back(ch);
  }
}
}  // namespace

constexpr int kFoldOptions = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                            UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP | UTF8PROC_NLF2LS;

// The whole-string fold through utf8proc: the definition fold() must match.
std::string fold_reference(std::string_view s) {
  std::string out, clean;
  if (!valid_utf8(s)) {
    sanitize_utf8(s, clean);
    s = clean;
  }
  std::string tmp;
  if (!utf8proc_transform(s, kFoldOptions, tmp)) {
    collapse_spaces(s, out);
    return out;
  }
  // LUMP maps Unicode spaces to ' ' and NLF2LS maps line breaks to U+2028: make those spaces too.
  size_t q;
  while ((q = tmp.find("\xE2\x80\xA8")) != std::string::npos) tmp.replace(q, 3, " ");
  collapse_spaces(tmp, out);
  return out;
}

namespace {

// Folding is per code point except where decomposed pieces recompose across code points: with
// marks stripped that leaves Hangul jamo (conjoining and compatibility), which take the
// reference path. Every other BMP code point's fold is computed once, through utf8proc, and
// remembered (names repeat: an import folds the same few thousand letters millions of times).
bool per_codepoint(uint32_t cp) {
  if (cp >= 0x1100 && cp <= 0x11FF) return false;   // Hangul Jamo
  if (cp >= 0x3130 && cp <= 0x318F) return false;   // Hangul Compatibility Jamo
  if (cp >= 0xA960 && cp <= 0xA97F) return false;   // Hangul Jamo Extended-A
  if (cp >= 0xD7B0 && cp <= 0xD7FF) return false;   // Hangul Jamo Extended-B
  if (cp >= 0xFFA0 && cp <= 0xFFDC) return false;   // halfwidth Hangul
  return cp < 0x10000 && !(cp >= 0xD800 && cp <= 0xDFFF);
}

struct FoldCache {
  struct Slot {
    uint32_t off = 0;
    uint8_t len = 0;
    uint8_t state = 0;  // 0 unknown, 1 cached, 2 too long: use the reference path
  };
  std::vector<std::unique_ptr<Slot[]>> pages = std::vector<std::unique_ptr<Slot[]>>(256);
  std::string pool;

  // The fold of one code point (its UTF-8 bytes in `utf8`), or false to use the reference path.
  bool get(uint32_t cp, std::string_view utf8, std::string_view& out) {
    auto& page = pages[cp >> 8];
    if (!page) page.reset(new Slot[256]);
    Slot& sl = page[cp & 255];
    if (sl.state == 0) {
      std::string f;
      if (!utf8proc_transform(utf8, kFoldOptions, f) || f.size() > 255) {
        sl.state = 2;
      } else {
        if (f == "\xE2\x80\xA8") f = " ";
        sl.off = uint32_t(pool.size());
        sl.len = uint8_t(f.size());
        pool += f;
        sl.state = 1;
      }
    }
    if (sl.state != 1) return false;
    out = std::string_view(pool).substr(sl.off, sl.len);
    return true;
  }
};

// Decodes one well-formed UTF-8 sequence at p (n bytes left); 0 if malformed.
size_t decode_utf8(const unsigned char* p, size_t n, uint32_t& cp) {
  unsigned char c = p[0];
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF && n >= 2 && (p[1] & 0xC0) == 0x80) {
    cp = (uint32_t(c & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF && n >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
    cp = (uint32_t(c & 0x0F) << 12) | (uint32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return 3;
  }
  return 0;  // 4-byte sequences and anything malformed: the reference path decides
}

}  // namespace

std::string fold(std::string_view s) {
  static FoldCache cache;  // single-threaded: the app has one thread, tests run one at a time
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  auto put = [&](unsigned char c) {
    if (ascii_space(c)) {
      pending = true;
      return;
    }
    if (pending && !out.empty()) out.push_back(' ');
    pending = false;
    out.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : char(c));
  };
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      put(p[i++]);
      continue;
    }
    uint32_t cp;
    size_t len = decode_utf8(p + i, n - i, cp);
    std::string_view f;
    if (len == 0 || !per_codepoint(cp) || !cache.get(cp, s.substr(i, len), f)) return fold_reference(s);
    for (char ch : f) put(static_cast<unsigned char>(ch));
    i += len;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && ascii_space(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && ascii_space(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return false;
  }
  return true;
}

bool utf8proc_transform(std::string_view s, int options, std::string& out) {
  std::vector<utf8proc_int32_t> buf(s.size() + 16);
  for (int attempt = 0; attempt < 4; ++attempt) {
    utf8proc_ssize_t n = utf8proc_decompose(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                            utf8proc_ssize_t(s.size()), buf.data(),
                                            utf8proc_ssize_t(buf.size()), utf8proc_option_t(options));
    if (n < 0) return false;
    if (size_t(n) > buf.size()) {
      buf.resize(size_t(n) + 16);
      continue;
    }
    utf8proc_ssize_t len = utf8proc_reencode(buf.data(), n, utf8proc_option_t(options));
    if (len < 0) return false;
    out.assign(reinterpret_cast<const char*>(buf.data()), size_t(len));
    return true;
  }
  return false;
}

}  // namespace rk
