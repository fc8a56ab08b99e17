#include "core/bidi.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace rk {

namespace {

// ---- UTF-8 --------------------------------------------------------------------------------
std::vector<char32_t> decode(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + size_t(n) > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    bool ok = true;
    for (int k = 1; k < n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + size_t(k)]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += size_t(n);
  }
  return out;
}

void encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// ---- Arabic joining -------------------------------------------------------------------------
using Join = ArabicJoin;
constexpr Join JNone = Join::None, JRight = Join::Right, JDual = Join::Dual, JCausing = Join::Causing,
               JTransparent = Join::Transparent;
using Forms = ArabicForms;

// U+0621..U+064A.
const Forms kBasic[] = {
    {0xFE80, JNone},  {0xFE81, JRight}, {0xFE83, JRight}, {0xFE85, JRight}, {0xFE87, JRight},
    {0xFE89, JDual},  {0xFE8D, JRight}, {0xFE8F, JDual},  {0xFE93, JRight}, {0xFE95, JDual},
    {0xFE99, JDual},  {0xFE9D, JDual},  {0xFEA1, JDual},  {0xFEA5, JDual},  {0xFEA9, JRight},
    {0xFEAB, JRight}, {0xFEAD, JRight}, {0xFEAF, JRight}, {0xFEB1, JDual},  {0xFEB5, JDual},
    {0xFEB9, JDual},  {0xFEBD, JDual},  {0xFEC1, JDual},  {0xFEC5, JDual},  {0xFEC9, JDual},
    {0xFECD, JDual},  {0, JNone},       {0, JNone},       {0, JNone},       {0, JNone},
    {0, JNone},       {0, JCausing},    {0xFED1, JDual},  {0xFED5, JDual},  {0xFED9, JDual},
    {0xFEDD, JDual},  {0xFEE1, JDual},  {0xFEE5, JDual},  {0xFEE9, JDual},  {0xFEED, JRight},
    {0xFEEF, JRight}, {0xFEF1, JDual},
};

Forms forms_of(char32_t c) { return arabic_forms(c); }
bool joins_left(Join j) { return arabic_joins_left(j); }
bool joins_right(Join j) { return arabic_joins_right(j); }

void shape_arabic(std::vector<char32_t>& t) {
  const size_t n = t.size();
  std::vector<char32_t> out;
  out.reserve(n);
  auto prev_joins = [&](size_t i) {
    for (size_t k = i; k-- > 0;) {
      Join j = forms_of(t[k]).join;
      if (j == JTransparent) continue;
      return joins_left(j);
    }
    return false;
  };
  auto next_index = [&](size_t i) -> size_t {
    for (size_t k = i + 1; k < n; ++k)
      if (forms_of(t[k]).join != JTransparent) return k;
    return n;
  };
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = t[i];
    const Forms f = forms_of(c);
    if (f.isolated == 0 || f.join == JNone) {
      out.push_back(f.isolated ? f.isolated : c);
      continue;
    }
    const bool from_prev = prev_joins(i) && joins_right(f.join);
    size_t ni = next_index(i);
    // Lam + alef (madda, hamza above, hamza below, plain): one ligature glyph.
    if (c == 0x0644 && ni < n) {
      char32_t a = t[ni];
      char32_t lig = lam_alef_ligature(a);
      if (lig) {
        out.push_back(from_prev ? lig + 1 : lig);
        for (size_t k = i + 1; k < ni; ++k) out.push_back(t[k]);  // marks between them
        i = ni;
        continue;
      }
    }
    const bool to_next = f.join == JDual && ni < n && joins_right(forms_of(t[ni]).join);
    char32_t g = f.isolated;
    if (from_prev && to_next) g += 3;
    else if (to_next) g += 2;
    else if (from_prev) g += 1;
    out.push_back(g);
  }
  t.swap(out);
}

// ---- direction ----------------------------------------------------------------------------
enum Dir : uint8_t { L, R, N, EN };  // strong left, strong right, neutral, European number

bool is_rtl_cp(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE);
}

Dir dir_of(char32_t c) {
  if (is_rtl_cp(c)) {
    if (c >= 0x0660 && c <= 0x0669) return EN;  // Arabic-Indic digits read left to right
    if (c >= 0x06F0 && c <= 0x06F9) return EN;
    return R;
  }
  if (c >= '0' && c <= '9') return EN;
  if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? L : N;
  if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x00A0 && c <= 0x00BF) || c == 0x00D7 || c == 0x00F7) return N;
  if (c >= 0x0300 && c <= 0x036F) return N;  // combining marks follow their base
  if (c >= 0x1F000) return N;                // emoji and symbols
  if (c >= 0x2190 && c <= 0x2BFF) return N;
  return L;
}

char32_t mirror(char32_t c) {
  switch (c) {
    case '(': return ')';
    case ')': return '(';
    case '[': return ']';
    case ']': return '[';
    case '{': return '}';
    case '}': return '{';
    case '<': return '>';
    case '>': return '<';
    case 0xAB: return 0xBB;
    case 0xBB: return 0xAB;
    default: return c;
  }
}

}  // namespace

ArabicForms arabic_forms(char32_t c) {
  if (c >= 0x0621 && c <= 0x064A) return kBasic[c - 0x0621];
  switch (c) {
    case 0x067E: return {0xFB56, JDual};   // peh
    case 0x0686: return {0xFB7A, JDual};   // tcheh
    case 0x0698: return {0xFB8A, JRight};  // jeh
    case 0x06A9: return {0xFB8E, JDual};   // keheh
    case 0x06AF: return {0xFB92, JDual};   // gaf
    case 0x06CC: return {0xFBFC, JDual};   // farsi yeh
    default: break;
  }
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED)) return {0, JTransparent};
  if (c == 0x200D) return {0, JCausing};
  return {0, JNone};
}

char32_t lam_alef_ligature(char32_t a) {
  return a == 0x0622 ? 0xFEF5 : a == 0x0623 ? 0xFEF7 : a == 0x0625 ? 0xFEF9 : a == 0x0627 ? 0xFEFB : 0;
}

bool has_rtl(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xD6 && c <= 0xE0) {  // U+0580..U+083F, U+0800.. (E0 A0..A3: U+0800-08FF)
      if (c == 0xD6) {
        if (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x90) return true;
        continue;
      }
      if (c == 0xE0) {
        if (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0 &&
            static_cast<unsigned char>(s[i + 1]) <= 0xA3)
          return true;
        continue;
      }
      return true;
    }
    if (c == 0xEF && i + 1 < s.size()) {  // presentation forms U+FB1D..U+FDFF, U+FE70..U+FEFE
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0xAC && d <= 0xB7) return true;
      if (d == 0xB9 || d == 0xBA || d == 0xBB) return true;
    }
  }
  return false;
}

std::string visual_order(std::string_view utf8) {
  if (!has_rtl(utf8)) return std::string(utf8);
  std::vector<char32_t> t = decode(utf8);
  shape_arabic(t);
  const size_t n = t.size();
  std::vector<Dir> d(n);
  Dir base = N;
  for (size_t i = 0; i < n; ++i) {
    d[i] = dir_of(t[i]);
    if (base == N && (d[i] == L || d[i] == R)) base = d[i];
  }
  if (base == N) base = L;
  // Numbers are left-to-right islands; neutrals take the direction of their strong neighbours
  // when both sides agree, else the base direction.
  std::vector<Dir> r(n);
  for (size_t i = 0; i < n; ++i) r[i] = d[i] == EN ? L : d[i];
  for (size_t i = 0; i < n;) {
    if (r[i] != N) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && r[j] == N) ++j;
    Dir before = base, after = base;
    for (size_t k = i; k-- > 0;) {
      if (d[k] == L || d[k] == R) { before = d[k]; break; }
      if (d[k] == EN) { before = R == base ? R : L; break; }
    }
    for (size_t k = j; k < n; ++k) {
      if (d[k] == L || d[k] == R) { after = d[k]; break; }
      if (d[k] == EN) { after = R == base ? R : L; break; }
    }
    Dir fill = before == after ? before : base;
    for (size_t k = i; k < j; ++k) r[k] = fill;
    i = j;
  }
  // Runs of equal direction.
  struct Run { size_t a, b; Dir dir; };
  std::vector<Run> runs;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && r[j] == r[i]) ++j;
    runs.push_back({i, j, r[i]});
    i = j;
  }
  if (base == R) std::reverse(runs.begin(), runs.end());
  std::string out;
  out.reserve(utf8.size() + 8);
  for (const Run& run : runs) {
    if (run.dir == R) {
      for (size_t k = run.b; k-- > run.a;) encode(mirror(t[k]), out);
    } else {
      for (size_t k = run.a; k < run.b; ++k) encode(t[k], out);
    }
  }
  return out;
}

}  // namespace rk
