// A forgiving, fast CSV reader (see csv.hpp).
#include "core/csv.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace rk::csv {

namespace {
constexpr size_t kMaxFields = 4096;

inline size_t count_newlines(const char* b, const char* e) {
  return size_t(std::count(b, e, '\n'));
}

// First position >= p holding the separator, '\n' or '\r' (or n): 8 bytes at a time.
inline size_t scan_unquoted(const char* t, size_t p, size_t n, char sep) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const uint64_t vs = kOnes * static_cast<unsigned char>(sep), vn = kOnes * '\n', vr = kOnes * '\r';
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  while (p + 8 <= n) {
    uint64_t w;
    std::memcpy(&w, t + p, 8);
    uint64_t a = w ^ vs, b = w ^ vn, c = w ^ vr;
    uint64_t hit = ((a - kOnes) & ~a) | ((b - kOnes) & ~b) | ((c - kOnes) & ~c);
    hit &= kHigh;
    if (hit) {
      // The lowest flagged byte is always a real match (borrows only run upwards).
      return p + size_t(__builtin_ctzll(hit) >> 3);
    }
    p += 8;
  }
#else
  (void)kHigh;
  (void)vs;
  (void)vn;
  (void)vr;
#endif
  while (p < n && t[p] != sep && t[p] != '\n' && t[p] != '\r') ++p;
  return p;
}
}  // namespace

Reader::Reader(std::string_view text, char sep, size_t max_field_bytes, size_t offset, size_t line, bool more)
    : text_(text), more_(more), sep_(sep), max_field_(max_field_bytes), pos_(std::min(offset, text.size())),
      line_(line) {}

void Reader::resume(std::string_view text, bool more) {
  text_ = text;
  more_ = more;
  pos_ = 0;
}

Status Reader::next(std::vector<std::string_view>& fields) {
  const char* t = text_.data();
  const size_t n = text_.size();
  const char sep = sep_;
  error_.clear();
  fields.clear();
  // Skip blank lines.
  while (pos_ < n && (t[pos_] == '\n' || t[pos_] == '\r')) {
    if (t[pos_] == '\r' && pos_ + 1 == n && more_) return Status::NeedMore;  // CR LF or CR?
    if (t[pos_] == '\r' && pos_ + 1 < n && t[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }
  if (pos_ >= n) return more_ ? Status::NeedMore : Status::End;
  rec_line_ = line_;
  const size_t rec_start = pos_;
  bool bad = false;

  // The record reaches the end of a partial text: read it again once more has arrived.
  auto need_more = [&]() {
    error_.clear();
    pos_ = rec_start;
    line_ = rec_line_;
    fields.clear();
    return Status::NeedMore;
  };
  // Drops the current record and resumes on the line after the one it started on.
  auto resync = [&]() {
    const void* nl = std::memchr(t + rec_start, '\n', n - rec_start);
    if (!nl && more_) return need_more();
    pos_ = nl ? size_t(static_cast<const char*>(nl) - t) + 1 : n;
    line_ = rec_line_ + 1;
    fields.clear();
    return Status::Error;
  };

  for (;;) {
    if (fields.size() >= kMaxFields) {
      error_ = "more than " + std::to_string(kMaxFields) + " fields";
      return resync();
    }
    std::string_view value;
    if (pos_ >= n && more_) return need_more();  // quoted or not?
    if (pos_ < n && t[pos_] == '"') {
      const size_t start = pos_ + 1;
      size_t p = start, seg = start;
      std::string* buf = nullptr;
      size_t fi = fields.size();
      auto ensure_buf = [&] {
        if (!buf) {
          while (scratch_.size() <= fi) scratch_.emplace_back();
          buf = &scratch_[fi];
          buf->clear();
        }
      };
      size_t end;
      for (;;) {
        const void* q = p < n ? std::memchr(t + p, '"', n - p) : nullptr;
        size_t qi = q ? size_t(static_cast<const char*>(q) - t) : n;
        if (qi - start > max_field_) {
          error_ = "a field longer than " + std::to_string(max_field_) + " bytes";
          return resync();
        }
        if (!q) {
          if (more_) return need_more();
          line_ += count_newlines(t + start, t + n);
          pos_ = n;
          error_ = "unterminated quoted field (the file seems cut short)";
          fields.clear();
          return Status::Error;
        }
        if (qi + 1 >= n && more_) return need_more();  // a closing quote, or the first of ""?
        char after = qi + 1 < n ? t[qi + 1] : '\0';
        bool at_end = qi + 1 >= n || after == sep || after == '\n' || after == '\r';
        if (qi > seg && t[qi - 1] == '\\' && !at_end) {
          ensure_buf();
          buf->append(t + seg, qi - 1 - seg);
          buf->push_back('"');
          seg = p = qi + 1;
          continue;
        }
        if (after == '"') {
          ensure_buf();
          buf->append(t + seg, qi + 1 - seg);
          seg = p = qi + 2;
          continue;
        }
        end = qi;
        pos_ = qi + 1;
        break;
      }
      line_ += count_newlines(t + start, t + end);
      if (pos_ < n && t[pos_] != sep && t[pos_] != '\n' && t[pos_] != '\r') {
        // Text after the closing quote: keep it (lenient), like spreadsheet programs do.
        size_t p = pos_;
        while (p < n && t[p] != sep && t[p] != '\n' && t[p] != '\r') ++p;
        if (p >= n && more_) return need_more();
        ensure_buf();
        buf->append(t + seg, end - seg);
        buf->append(t + pos_, p - pos_);
        seg = end = 0;
        pos_ = p;
        value = *buf;
      } else if (buf) {
        buf->append(t + seg, end - seg);
        value = *buf;
      } else {
        value = std::string_view(t + start, end - start);
      }
    } else {
      size_t p = scan_unquoted(t, pos_, n, sep);
      if (p >= n && more_) return need_more();
      value = std::string_view(t + pos_, p - pos_);
      pos_ = p;
    }
    if (value.size() > max_field_ && !bad) {
      bad = true;
      error_ = "a field longer than " + std::to_string(max_field_) + " bytes";
    }
    fields.push_back(value);
    if (pos_ >= n) break;
    char c = t[pos_];
    if (c == sep) {
      ++pos_;
      if (pos_ >= n && more_) return need_more();
      if (pos_ >= n) {
        fields.emplace_back();
        break;
      }
      continue;
    }
    if (c == '\n') {
      ++pos_;
      ++line_;
      break;
    }
    if (c == '\r') {
      ++pos_;
      if (pos_ >= n && more_) return need_more();  // CR LF or CR?
      if (pos_ < n && t[pos_] == '\n') ++pos_;
      ++line_;
      break;
    }
  }
  if (bad) {
    fields.clear();
    return Status::Error;
  }
  return Status::Ok;
}

std::vector<std::string> split_line(std::string_view line, char sep) {
  Reader r(line, sep);
  std::vector<std::string_view> f;
  std::vector<std::string> out;
  if (r.next(f) == Status::Ok)
    for (auto v : f) out.emplace_back(v);
  return out;
}

}  // namespace rk::csv
