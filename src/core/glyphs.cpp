#include "core/glyphs.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "core/bidi.hpp"
#include "core/model.hpp"

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

const std::vector<CodepointRange>& base_ranges() {
  static const std::vector<CodepointRange> k = {
      {0x0020, 0x024F},  // Latin, Latin-1, Latin Extended-A/B
      {0x0250, 0x02FF},  // IPA, spacing modifiers
      {0x0300, 0x036F},  // combining marks
      {0x0370, 0x03FF},  // Greek
      {0x0400, 0x052F},  // Cyrillic + supplement
      {0x1E00, 0x1FFF},  // Latin Extended Additional, Greek Extended
      {0x2000, 0x206F},  // punctuation
      {0x20A0, 0x20CF},  // currency
      {0x2100, 0x215F},  // letterlike, number forms
      {0x2190, 0x21FF},  // arrows
      {0x2200, 0x22FF},  // math operators
      {0x25A0, 0x25FF},  // geometric shapes
  };
  return k;
}

// ---- CodepointSet ---------------------------------------------------------------------------

CodepointSet::CodepointSet() : bits_(kLimit / 64, 0) {}

void CodepointSet::clear() { std::fill(bits_.begin(), bits_.end(), 0); }

void CodepointSet::add_range(char32_t first, char32_t last) {
  if (last >= kLimit) last = kLimit - 1;
  for (char32_t c = first; c <= last && c >= first; ++c) add(c);
}

void CodepointSet::add_ranges(const std::vector<CodepointRange>& ranges) {
  for (const auto& r : ranges) add_range(r.first, r.last);
}

void CodepointSet::merge(const CodepointSet& o) {
  for (size_t i = 0; i < bits_.size(); ++i) bits_[i] |= o.bits_[i];
}

size_t CodepointSet::count() const {
  size_t n = 0;
  for (uint64_t w : bits_)
    for (; w; w &= w - 1) ++n;
  return n;
}

std::vector<CodepointRange> CodepointSet::ranges() const {
  std::vector<CodepointRange> out;
  bool open = false;
  for (size_t wi = 0; wi < bits_.size(); ++wi) {
    uint64_t w = bits_[wi];
    if (w == 0 && !open) continue;
    if (w == ~uint64_t(0) && open) continue;
    for (unsigned b = 0; b < 64; ++b) {
      bool on = (w >> b) & 1;
      if (on == open) continue;
      char32_t c = char32_t(wi * 64 + b);
      if (on) out.push_back({c, c});
      else out.back().last = c - 1;
      open = on;
    }
  }
  if (open) out.back().last = kLimit - 1;
  return out;
}

namespace {

// visual_order()'s Arabic joining (shape_arabic in bidi.cpp), run as a stream over the code
// points of one text: a joining letter's form depends on whether the letter before it joins
// forward and whether the next non-transparent character joins backward, so the letter waits
// for that character. Adds each presentation form (or lam-alef ligature) the text would show.
class Joiner {
 public:
  explicit Joiner(CodepointSet& set) : set_(set) {}

  void next(char32_t c) {
    const ArabicForms f = arabic_forms(c);
    if (f.join == ArabicJoin::Transparent) return;  // marks keep their code point and the state
    if (pending_) {
      if (pending_ == 0x0644) {
        if (char32_t lig = lam_alef_ligature(c)) {
          set_.add(pending_from_prev_ ? lig + 1 : lig);  // the alef is part of the ligature
          pending_ = 0;
          prev_joins_left_ = arabic_joins_left(f.join);
          return;
        }
      }
      settle(pending_forms_.join == ArabicJoin::Dual && arabic_joins_right(f.join));
    }
    const bool from_prev = prev_joins_left_ && arabic_joins_right(f.join);
    prev_joins_left_ = arabic_joins_left(f.join);
    if (f.isolated == 0 || f.join == ArabicJoin::None) {
      if (f.isolated) set_.add(f.isolated);
      return;
    }
    pending_ = c;
    pending_forms_ = f;
    pending_from_prev_ = from_prev;
  }
  // A character that neither joins nor is transparent (ASCII, any other script, U+FFFD).
  void stop() {
    if (pending_) settle(false);
    prev_joins_left_ = false;
  }

 private:
  void settle(bool to_next) {
    char32_t g = pending_forms_.isolated;
    if (pending_from_prev_ && to_next) g += 3;
    else if (to_next) g += 2;
    else if (pending_from_prev_) g += 1;
    set_.add(g);
    pending_ = 0;
  }

  CodepointSet& set_;
  bool prev_joins_left_ = false;
  char32_t pending_ = 0;
  ArabicForms pending_forms_{0, ArabicJoin::None};
  bool pending_from_prev_ = false;
};

// The code points arabic_forms() knows anything about (others neither join nor are transparent).
inline bool joining_relevant(char32_t c) { return (c >= 0x0621 && c <= 0x06ED) || c == 0x200D; }

inline bool cont(unsigned char b) { return (b & 0xC0) == 0x80; }

// Decodes one non-ASCII sequence at p (p < end, *p >= 0x80): the code point, or U+FFFD for an
// invalid or truncated sequence, an overlong form, a surrogate or a value past U+10FFFF (what
// Dear ImGui draws for those), consuming one byte then.
inline char32_t decode_one(const unsigned char*& p, const unsigned char* end) {
  const unsigned char c = p[0];
  const size_t left = size_t(end - p);
  if (c >= 0xC2 && c <= 0xDF) {
    if (left >= 2 && cont(p[1])) {
      char32_t cp = (char32_t(c & 0x1F) << 6) | (p[1] & 0x3F);
      p += 2;
      return cp;
    }
  } else if (c >= 0xE0 && c <= 0xEF) {
    if (left >= 3 && cont(p[1]) && cont(p[2])) {
      char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        p += 3;
        return cp;
      }
    }
  } else if (c >= 0xF0 && c <= 0xF4) {
    if (left >= 4 && cont(p[1]) && cont(p[2]) && cont(p[3])) {
      char32_t cp = (char32_t(c & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) | (char32_t(p[2] & 0x3F) << 6) |
                    (p[3] & 0x3F);
      if (cp >= 0x10000 && cp <= 0x10FFFF) {
        p += 4;
        return cp;
      }
    }
  }
  ++p;
  return 0xFFFD;
}

}  // namespace

void CodepointSet::add_text(std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* const end = p + s.size();
  Joiner joiner(*this);
  while (p < end) {
    if (*p >= 0x80) {
      const char32_t cp = decode_one(p, end);
      add(cp);
      if (joining_relevant(cp)) joiner.next(cp);
      else joiner.stop();
      continue;
    }
    // ASCII: skip to the next byte >= 0x80, eight bytes at a time.
    joiner.stop();
    ++p;
    for (;;) {
      if (end - p < 8) {
        while (p < end && *p < 0x80) ++p;
        break;
      }
      uint64_t w;
      std::memcpy(&w, p, 8);
      const uint64_t high = w & 0x8080808080808080ull;
      if (high) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        p += unsigned(__builtin_ctzll(high)) >> 3;  // the first byte in memory is the lowest
#else
        while (*p < 0x80) ++p;
#endif
        break;
      }
      p += 8;
    }
  }
  joiner.stop();
}

// ---- StoreGlyphScan -------------------------------------------------------------------------

void StoreGlyphScan::start() {
  names_.clear();
  texts_.clear();
  stage_ = Stage::Contacts;
  pos_ = 0;
  message_bytes_ = kMessageBytes;
}

bool StoreGlyphScan::step(const Store& st, double budget_ms) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::microseconds(int64_t(std::max(0.0, budget_ms) * 1000));
  // The clock is read every few dozen items or 128 KB of text, not per item (300,000 messages:
  // in a browser each read is a call out to JavaScript).
  size_t items = 0, bytes = 0;
  auto out_of_time = [&](size_t every) {
    if (++items % every != 0 && bytes < (size_t(128) << 10)) return false;
    bytes = 0;
    return Clock::now() > deadline;
  };
  auto scan = [&](CodepointSet& set, std::string_view t) {
    set.add_text(t);
    bytes += t.size();
  };
  while (stage_ != Stage::Done) {
    switch (stage_) {
      case Stage::Contacts:
        while (pos_ < st.contacts.size()) {
          const Contact& c = st.contacts[pos_++];
          scan(names_, c.first_name);
          scan(names_, c.last_name);
          scan(names_, c.company);
          scan(names_, c.position);
          for (const Invitation& i : c.invitations) scan(texts_, i.message);
          for (const Endorsement& e : c.endorsements) scan(texts_, e.skill);
          for (const Recommendation& r : c.recommendations) scan(texts_, r.text);
          for (const JobChange& j : c.job_changes) {
            scan(names_, j.old_company);
            scan(names_, j.old_position);
          }
          if (out_of_time(32)) return false;
        }
        stage_ = Stage::Owner;
        pos_ = 0;
        break;
      case Stage::Owner:
        scan(names_, st.owner.first_name);
        scan(names_, st.owner.last_name);
        stage_ = Stage::Conversations;
        break;
      case Stage::Conversations:
        while (pos_ < st.conversations.size()) {
          scan(texts_, st.conversations[pos_++].title);
          if (out_of_time(256)) return false;
        }
        stage_ = Stage::Messages;
        pos_ = 0;
        break;
      case Stage::Messages:
        while (pos_ < st.messages.size()) {
          const Message& m = st.messages[pos_];
          const std::string_view body = st.text(m.text);
          if (body.size() > message_bytes_) {
            pos_ = st.messages.size();
            break;
          }
          message_bytes_ -= body.size();
          scan(texts_, body);
          scan(texts_, st.text(m.subject));
          ++pos_;
          if (out_of_time(128)) return false;
        }
        stage_ = Stage::Done;
        break;
      case Stage::Done:
        break;
    }
  }
  return true;
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
