// classify_last_message(): closing notes, LinkedIn's system rows, sponsored messages, InMail.
//
// How it works. The text is cut into words: letters and digits, apostrophes inside a word dropped
// ("you're" = "youre"), each word folded (rk::fold: case, accents, ß = ss); punctuation, spaces and
// emoji separate words. A closing note is a text whose words are, from first to last, a sequence
// of phrases from the tables in closing_tables.cpp, with at most a name (one or two capitalised
// words) after a phrase: "Ok, thanks Ana! Have a great weekend" = "ok" "thanks" <name> "have a
// great weekend". Nothing else may be left over, so "Thanks, can you send the deck" stays Ordinary.
//
// Extending the tables (closing_tables.cpp):
// - A new phrase goes into the line of its kind (Cat) and role (Role) for its language, written as
//   people type it: "merci beaucoup", "you're welcome". "(a|b|)" expands to a, b or nothing, so
//   "(many|big) thanks" is "many thanks" and "big thanks". Accents, case, apostrophes and hyphens
//   do not matter: phrases go through the same word cutter as the messages.
// - A phrase that is a closing only after a thank-you ("so much", "for the intro") is a ThanksTail;
//   after a congratulation ("on the new role"), a CongratsTail; a word that also says hello
//   ("ciao") is a Follow: it counts only after another phrase.
// - A new language needs nothing but its lines; add its tests to tests/unit/test_closing.cpp.
// - Never add answers ("yes", "sure") or anything that asks for something ("thanks in advance"):
//   a thread wrongly called closed is a reply that is never written.
#include "core/closing.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <utf8proc.h>

#include "core/closing_tables.hpp"
#include "core/text.hpp"

namespace rk {

namespace {

namespace ct = closing_tables;

constexpr size_t kMaxScanBytes = 320;   // longer texts are Ordinary without being looked at
constexpr size_t kMaxSystemBytes = 200;  // LinkedIn's rows are short
constexpr size_t kMaxClosingChars = 80;     // characters other than emoji
constexpr size_t kMaxTokens = 48;
constexpr size_t kMaxNameWords = 6;      // in a system row's '*'

// ---- cutting a text into folded words ----------------------------------------------------------

struct Token {
  uint16_t off = 0, len = 0;
  bool cap = false;       // starts with a capital (or a letter of a script without case)
  bool hard_gap = false;  // sentence punctuation (. ! ; :) and no line break before it
};

struct Tokens {
  char buf[1024];  // the folded words, back to back (no allocation per message)
  size_t used = 0;
  Token tok[kMaxTokens];
  size_t n = 0;
  size_t chars = 0;  // characters other than emoji
  bool question = false, emoji = false, overflow = false;
  std::string_view word(size_t i) const { return std::string_view(buf + tok[i].off, tok[i].len); }
};

enum class Ch : uint8_t {
  Word, WordCap, Apostrophe, Question, Hard, Newline, Space, Emoji, Invisible, Other
};

// Decodes one UTF-8 sequence; malformed bytes come back as one byte of U+FFFF (Other).
size_t decode(std::string_view s, size_t i, uint32_t& cp) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = b(0);
  size_t n = c < 0x80 ? 1 : c > 0xF4 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return cp = 0xFFFF, 1;
  cp = n == 1 ? c : c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return cp = 0xFFFF, 1;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  return n;
}

constexpr Ch ascii_kind(uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return Ch::WordCap;
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return Ch::Word;
    if (cp == '\'' || cp == '`') return Ch::Apostrophe;
    if (cp == '?') return Ch::Question;
    if (cp == '.' || cp == '!' || cp == ';' || cp == ':') return Ch::Hard;
    if (cp == '\n' || cp == '\r') return Ch::Newline;
    if (cp == ' ' || cp == '\t') return Ch::Space;
    return Ch::Other;
}

struct AsciiKinds {
  Ch k[128] = {};
  constexpr AsciiKinds() {
    for (uint32_t c = 0; c < 128; ++c) k[c] = ascii_kind(c);
  }
};
constexpr AsciiKinds kAscii;

Ch char_kind(uint32_t cp) {
  if (cp < 0x80) return kAscii.k[cp];
  switch (cp) {
    case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: case 0x2032: return Ch::Apostrophe;
    case 0x00BF: case 0xFF1F: case 0x061F: case 0x2E2E: case 0x2047: case 0x2048: case 0x2049:
    case 0x2753: case 0x2754: return Ch::Question;  // (the last two are the question-mark emoji)
    case 0x2026: case 0x203C: case 0x3002: case 0xFF01: case 0xFF0E: case 0xFF1B: case 0xFF1A:
      return Ch::Hard;
    case 0x200D: case 0x20E3: return Ch::Invisible;  // emoji joiner, keycap
    case 0xFFFF: return Ch::Other;
    default: break;
  }
  if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0020 && cp <= 0xE007F)) return Ch::Invisible;
  switch (utf8proc_category(utf8proc_int32_t(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LO: return Ch::WordCap;
    case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return Ch::Word;
    case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_SK: return Ch::Emoji;
    case UTF8PROC_CATEGORY_ZS: return Ch::Space;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: return Ch::Newline;
    case UTF8PROC_CATEGORY_CF: return Ch::Invisible;
    case UTF8PROC_CATEGORY_CN: return cp >= 0x1F000 && cp <= 0x1FAFF ? Ch::Emoji : Ch::Other;  // newer emoji
    default: return Ch::Other;
  }
}

bool is_word(Ch k) { return k == Ch::Word || k == Ch::WordCap; }

// Length of an ASCII emoticon at s[i] (":)", ":-D", "<3"...) that is not the start of a word, or 0.
size_t emoticon(std::string_view s, size_t i) {
  if (std::strchr(":;=<^", s[i]) == nullptr) return 0;
  static const char* const kFaces[] = {":-)", ":-D", ":-P", ":-(", ";-)", ":o)", "^_^", ":)", ":D",
                                       ":P", ":p", ":(", ";)", "=)", "<3", "^^", ":*"};
  for (const char* f : kFaces) {
    std::string_view fv(f);
    if (s.compare(i, fv.size(), fv) != 0) continue;
    size_t e = i + fv.size();
    if (e < s.size() && is_word(char_kind(static_cast<unsigned char>(s[e])))) continue;
    return fv.size();
  }
  return 0;
}

// "youuu" -> "you", "graciasss" -> "gracias": a letter three or more times in a row counts once
// (doubled letters are real: "good", "kk"). Returns the new length.
size_t unstretch(char* w, size_t len) {
  size_t out = 0;
  for (size_t i = 0; i < len;) {
    size_t j = i;
    while (j < len && w[j] == w[i]) ++j;
    size_t keep = (j - i >= 3 && w[i] >= 'a' && w[i] <= 'z') ? 1 : j - i;
    for (size_t k = 0; k < keep; ++k) w[out++] = w[i];
    i = j;
  }
  return out;
}

// The words of `s`, folded, with what the classifier needs to know about the rest. Stops at a
// question mark, or when `s` has more than `max_chars` characters (t.chars is then max_chars + 1).
void tokenize(std::string_view s, Tokens& t, size_t max_chars = SIZE_MAX) {
  std::string raw;
  bool raw_ascii = true, cap = false, hard = false, newline = false;
  auto flush = [&] {
    if (raw.empty()) return;
    std::string folded = raw_ascii ? std::string() : fold(raw);
    std::string_view w = raw_ascii ? std::string_view(raw) : std::string_view(folded);
    if (t.n == kMaxTokens || t.used + w.size() > sizeof t.buf) {
      t.overflow = true;
    } else {
      Token& k = t.tok[t.n++];
      k.off = uint16_t(t.used);
      k.len = uint16_t(w.size());
      k.cap = cap;
      k.hard_gap = hard && !newline;
      for (char c : w) t.buf[t.used++] = raw_ascii && c >= 'A' && c <= 'Z' ? char(c + 32) : c;
      t.used = k.off + unstretch(t.buf + k.off, k.len);
      k.len = uint16_t(t.used - k.off);
    }
    raw.clear();
    raw_ascii = true;
    hard = newline = false;
  };
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    size_t len = decode(s, i, cp);
    Ch k = char_kind(cp);
    if (is_word(k)) {
      if (raw.empty()) cap = k == Ch::WordCap;
      raw.append(s.data() + i, len);
      raw_ascii = raw_ascii && cp < 0x80;
    } else if (k == Ch::Apostrophe && !raw.empty() && i + len < s.size()) {
      uint32_t next;
      decode(s, i + len, next);
      if (!is_word(char_kind(next))) flush();  // a closing quote, not "you're"
    } else {
      flush();
      size_t face = cp < 0x80 && cp != 0 ? emoticon(s, i) : 0;
      if (face) {
        t.emoji = true;
        i += face;
        continue;
      }
      if (k == Ch::Question) {
        t.question = true;
        return;
      }
      if (k == Ch::Hard) hard = true;
      if (k == Ch::Newline) newline = true;
      if (k == Ch::Emoji) t.emoji = true;
    }
    if (k != Ch::Emoji && k != Ch::Invisible && ++t.chars > max_chars) return;
    i += len;
  }
  flush();
}

// ---- the tables, compiled once -----------------------------------------------------------------

// Splits on '|' outside parentheses.
std::vector<std::string> split_top(std::string_view s) {
  std::vector<std::string> out(1);
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == '|' && depth == 0) out.emplace_back();
    else out.back().push_back(c);
  }
  return out;
}

// "(a|b|) c" -> "a c", "b c", " c".
void expand(const std::string& s, std::vector<std::string>& out) {
  size_t open = s.find('(');
  if (open == std::string::npos) {
    out.push_back(s);
    return;
  }
  size_t close = open;
  for (int depth = 0; close < s.size(); ++close) {
    if (s[close] == '(') ++depth;
    if (s[close] == ')' && --depth == 0) break;
  }
  for (const std::string& alt : split_top(std::string_view(s).substr(open + 1, close - open - 1)))
    expand(s.substr(0, open) + alt + s.substr(std::min(close + 1, s.size())), out);
}

// The folded words of a table phrase; "*" (a name in a system row) becomes an empty word.
std::vector<std::string> phrase_words(const std::string& phrase) {
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos <= phrase.size()) {
    size_t sp = std::min(phrase.find(' ', pos), phrase.size());
    std::string_view chunk = std::string_view(phrase).substr(pos, sp - pos);
    if (chunk == "*") {
      words.emplace_back();
    } else if (!chunk.empty()) {
      Tokens t;
      tokenize(chunk, t);
      for (size_t i = 0; i < t.n; ++i) words.emplace_back(t.word(i));
    }
    pos = sp + 1;
  }
  return words;
}

std::string joined(const Tokens& t) {
  std::string key;
  for (size_t i = 0; i < t.n; ++i) {
    if (i) key += ' ';
    key += t.word(i);
  }
  return key;
}

// What a phrase in the trie is: its kind and where it may stand.
struct End {
  ct::Cat cat;
  ct::Role role;
  bool operator==(const End& o) const { return cat == o.cat && role == o.role; }
};

struct Tables {
  // The closing phrases as a trie of words: the expanded tables hold thousands of phrases
  // ("have a nice day", "have a great weekend"...), so matching walks words, not phrases.
  struct Edge {
    uint32_t node;
    std::string_view word;
    bool operator==(const Edge& o) const { return node == o.node && word == o.word; }
  };
  struct EdgeHash {
    size_t operator()(const Edge& e) const {
      return std::hash<std::string_view>()(e.word) ^ (size_t(e.node) * 0x9E3779B97F4A7C15ull);
    }
  };
  std::unordered_set<std::string> vocab;  // every table word; the views below point here
  std::unordered_map<Edge, uint32_t, EdgeHash> next;
  std::vector<std::vector<End>> ends = std::vector<std::vector<End>>(1);  // per node; 0 = root

  std::vector<std::vector<std::string_view>> rows;  // system rows; "" = a name
  std::unordered_map<std::string_view, std::vector<uint32_t>> rows_by_anchor;  // first literal word
  std::unordered_set<std::string> sponsored;
  std::unordered_set<std::string_view> not_names;

  std::string_view intern(const std::string& w) { return *vocab.insert(w).first; }

  void add_phrase(const std::vector<std::string>& words, End end) {
    uint32_t node = 0;
    for (const std::string& w : words) {
      auto it = next.emplace(Edge{node, intern(w)}, uint32_t(ends.size())).first;
      if (it->second == ends.size()) ends.emplace_back();
      node = it->second;
    }
    if (std::find(ends[node].begin(), ends[node].end(), end) == ends[node].end()) ends[node].push_back(end);
  }

  Tables() {
    for (size_t e = 0; e < ct::kClosingCount; ++e) {
      std::vector<std::string> all;
      for (const std::string& p : split_top(ct::kClosing[e].phrases)) expand(p, all);
      for (const std::string& p : all) {
        std::vector<std::string> w = phrase_words(p);
        if (!w.empty()) add_phrase(w, End{ct::kClosing[e].cat, ct::kClosing[e].role});
      }
    }
    for (size_t e = 0; e < ct::kSystemRowCount; ++e) {
      std::vector<std::string> all;
      expand(ct::kSystemRows[e], all);
      for (const std::string& p : all) {
        rows.emplace_back();
        std::vector<std::string_view>& row = rows.back();
        for (const std::string& w : phrase_words(p)) row.push_back(w.empty() ? std::string_view() : intern(w));
        auto lit = std::find_if(row.begin(), row.end(), [](std::string_view w) { return !w.empty(); });
        if (lit != row.end()) rows_by_anchor[*lit].push_back(uint32_t(rows.size() - 1));
      }
    }
    for (size_t e = 0; e < ct::kSponsoredLabelCount; ++e) {
      Tokens t;
      tokenize(ct::kSponsoredLabels[e], t);
      sponsored.insert(joined(t));
    }
    for (const std::string& w : phrase_words(ct::kNotNames)) not_names.insert(intern(w));
  }
};

const Tables& tables() {
  static const Tables tb;
  return tb;
}

// ---- closing notes ---------------------------------------------------------------------------

// "haha", "hehe", "jaja", "rsrs": laughter, an acknowledgement. ("kkkk" is unstretched to "k",
// which the tables have.)
bool laughter(std::string_view w) {
  if (w.size() >= 4 && w.size() % 2 == 0) {
    bool rs = true;
    for (size_t i = 0; i < w.size(); i += 2) rs = rs && w[i] == 'r' && w[i + 1] == 's';
    if (rs) return true;
  }
  if (w.size() < 4) return false;
  static const char* const kPairs[] = {"ah", "eh", "ih", "aj", "ej"};
  for (const char* pair : kPairs)
    if (w.find_first_not_of(pair) == std::string_view::npos && w.find(pair[0]) != std::string_view::npos &&
        w.find(pair[1]) != std::string_view::npos)
      return true;
  return false;
}

// Finds a reading of the words as phrases (and names): depth-first, failures remembered per
// (position, state), so it stays linear in practice.
class Parser {
 public:
  static constexpr int kFail = -100, kEnd = -1, kNone = ct::kCatCount;
  Parser(const Tables& tb, const Tokens& t) : tb_(tb), t_(t) {}

  // The highest Cat in a reading of words [pos, n), kEnd if nothing is left, kFail if none.
  // `last`: the Cat of the last phrase (kNone at the start); `after_name`: a name came just before.
  int run(size_t pos, int last, bool after_name) {
    if (pos == t_.n) return last == kNone ? kFail : kEnd;
    const uint16_t bit = uint16_t(1u << (last * 2 + (after_name ? 1 : 0)));
    if (failed_[pos] & bit) return kFail;
    // Every table phrase that starts here, longest first.
    struct Cand {
      uint32_t len;
      End end;
    } cands[32];
    size_t nc = 0;
    for (size_t k = pos, node = 0; k < t_.n; ++k) {
      auto it = tb_.next.find(Tables::Edge{uint32_t(node), t_.word(k)});
      if (it == tb_.next.end()) break;
      node = it->second;
      for (const End& e : tb_.ends[node])
        if (nc < 32 && role_fits(e.role, last)) cands[nc++] = {uint32_t(k + 1 - pos), e};
    }
    while (nc > 0) {
      const Cand& c = cands[--nc];
      int r = run(pos + c.len, int(c.end.cat), false);
      if (r != kFail) return std::max(r, int(c.end.cat));
    }
    if (laughter(t_.word(pos))) {
      int r = run(pos + 1, int(ct::Cat::Ack), false);
      if (r != kFail) return std::max(r, int(ct::Cat::Ack));
    }
    if (last != kNone && !after_name && name_word(pos)) {  // "Thanks Ana", "Gracias, Pedro"
      int r = run(pos + 1, last, true);
      if (r != kFail) return r;
      if (pos + 1 < t_.n && name_word(pos + 1)) {
        r = run(pos + 2, last, true);
        if (r != kFail) return r;
      }
    }
    failed_[pos] |= bit;
    return kFail;
  }

 private:
  static bool role_fits(ct::Role role, int last) {
    switch (role) {
      case ct::Role::Head: return true;
      case ct::Role::Follow: return last != kNone;
      case ct::Role::ThanksTail: return last == int(ct::Cat::Thanks);
      case ct::Role::CongratsTail: return last == int(ct::Cat::Congrats);
    }
    return false;
  }
  // A capitalised word, not after a full stop on the same line ("Thanks. Interested" is not
  // "Thanks Ana"), and not a weekday or a time ("Ok, Montag Nachmittag").
  bool name_word(size_t i) const {
    const Token& k = t_.tok[i];
    return k.cap && !k.hard_gap && !tb_.not_names.count(t_.word(i));
  }

  const Tables& tb_;
  const Tokens& t_;
  uint16_t failed_[kMaxTokens + 1] = {};
};

const char* const kCatWhat[ct::kCatCount] = {"an acknowledgement", "a goodbye", "a thank-you",
                                             "a \"you're welcome\"", "congratulations"};

// ---- LinkedIn's own rows ---------------------------------------------------------------------

// A word of a name in a system row: capitalised, or a particle ("Ana de la Cruz"); not a pronoun
// or a weekday ("Sorry I left the conversation" is a person writing).
bool name_part(const Tables& tb, const Tokens& t, size_t i) {
  static const std::unordered_set<std::string_view> kParticles = {
      "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der",
      "den", "ten", "ter", "zu", "y", "e", "al", "el", "bin", "ibn"};
  return (t.tok[i].cap || kParticles.count(t.word(i))) && !tb.not_names.count(t.word(i));
}

// Does the row pattern from word `ri` match the words from `ti` to the end? `namey[i]`: name_part().
bool row_matches(const std::vector<std::string_view>& row, size_t ri, const Tokens& t, size_t ti,
                 const bool* namey) {
  if (ri == row.size()) return ti == t.n;
  if (!row[ri].empty())
    return ti < t.n && t.word(ti) == row[ri] && row_matches(row, ri + 1, t, ti + 1, namey);
  for (size_t k = 1; k <= kMaxNameWords && ti + k <= t.n && namey[ti + k - 1]; ++k)
    if (row_matches(row, ri + 1, t, ti + k, namey)) return true;
  return false;
}

bool system_row(const Tables& tb, const Tokens& t) {
  if (t.question || t.overflow || t.n == 0) return false;
  bool namey[kMaxTokens];
  bool have_namey = false;
  for (size_t i = 0; i < t.n; ++i) {
    auto it = tb.rows_by_anchor.find(t.word(i));
    if (it == tb.rows_by_anchor.end()) continue;
    if (!have_namey) {
      for (size_t k = 0; k < t.n; ++k) namey[k] = name_part(tb, t, k);
      have_namey = true;
    }
    for (uint32_t r : it->second)
      if (row_matches(tb.rows[r], 0, t, 0, namey)) return true;
  }
  return false;
}

constexpr size_t kMaxLabelBytes = 60;

// Every label contains one of these stems (ASCII, any case): a cheap test before folding a line.
bool has_sponsor_stem(std::string_view s) {
  for (size_t i = 0; i + 6 <= s.size(); ++i) {
    if ((s[i] | 0x20) != 'p') continue;
    std::string_view rest = s.substr(i);
    for (std::string_view stem : {"ponsor", "ponser", "patrocin"})
      if (rest.size() >= stem.size() && iequals_ascii(rest.substr(0, stem.size()), stem)) return true;
  }
  return false;
}

bool is_label(const Tables& tb, std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > kMaxLabelBytes || !has_sponsor_stem(s)) return false;
  Tokens t;
  tokenize(s, t);
  return t.n > 0 && !t.question && tb.sponsored.count(joined(t));
}

// A sponsored message: the subject (or its part before ':', '|', '-') is a label, or a line of
// the text is one. Only short lines are looked at, so a long message costs one pass of memchr.
bool sponsored(const Tables& tb, std::string_view text, std::string_view subject) {
  if (is_label(tb, subject) || is_label(tb, subject.substr(0, subject.find_first_of(":|-"))))
    return true;
  for (size_t pos = 0; pos < text.size();) {
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    size_t end = nl ? size_t(static_cast<const char*>(nl) - text.data()) : text.size();
    if (end - pos <= kMaxLabelBytes + 8 && is_label(tb, text.substr(pos, end - pos))) return true;
    pos = end + 1;
  }
  return false;
}

}  // namespace

LastMessageClass classify_last_message(std::string_view text, std::string_view subject,
                                       bool sender_is_connection) {
  const Tables& tb = tables();
  text = trim(text);
  subject = trim(subject);
  if (sponsored(tb, text, subject)) return {LastMessageKind::System, "a sponsored message"};
  if (text.size() > kMaxScanBytes) {
    if (!sender_is_connection && !subject.empty()) return {LastMessageKind::System, "an InMail"};
    return {};
  }
  Tokens t;
  tokenize(text, t, text.size() <= kMaxSystemBytes ? SIZE_MAX : size_t(kMaxClosingChars));
  if (text.size() <= kMaxSystemBytes && system_row(tb, t))
    return {LastMessageKind::System, "a LinkedIn notification"};
  if (!sender_is_connection && !subject.empty()) return {LastMessageKind::System, "an InMail"};
  if (t.question || t.overflow || t.chars > kMaxClosingChars) return {};
  if (t.n == 0) {
    if (t.emoji) return {LastMessageKind::Closing, "an emoji reaction"};
    return {};
  }
  int cat = Parser(tb, t).run(0, Parser::kNone, false);
  if (cat < 0) return {};
  return {LastMessageKind::Closing, kCatWhat[cat]};
}

}  // namespace rk
