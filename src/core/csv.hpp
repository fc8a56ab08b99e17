// A forgiving, fast CSV reader for LinkedIn exports.
//
// Reads records from a string_view without copying: fields are views into the text, except
// quoted fields that contain escapes ("" or \"), which are unescaped into per-field scratch
// buffers owned by the reader (valid until the next call to next()).
//
// Handles: LF / CRLF / CR line ends, no newline at EOF, quoted fields with separators, doubled
// quotes, embedded newlines, backslash-escaped quotes (\" inside a quoted field, as newer
// LinkedIn exports write them), blank lines (skipped). A field longer than the limit makes that
// record an error and parsing resumes on the line after the record's start; an unterminated
// quote at the end of the text is reported as a truncated file.
//
// Chunked input (a big file parsed while it is inflated): with `more` set, the text is only what
// has arrived so far, and a record that might still change with the bytes to come (it reaches
// the end of the text, or a lookahead would) is not read: next() returns NeedMore and stays at
// the record's start. The caller then resume()s with a text that starts at offset() and has more
// bytes behind it. Records, errors and line numbers come out exactly as from the whole text.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace rk::csv {

enum class Status { Ok, End, Error, NeedMore };

class Reader {
 public:
  // `offset`/`line`: where to start (e.g. just after a header found by recognize()).
  // `more`: the text is the first part of a longer one (see chunked input above).
  Reader(std::string_view text, char sep, size_t max_field_bytes = size_t(1) << 20,
         size_t offset = 0, size_t line = 1, bool more = false);

  // After NeedMore: goes on with `text`, which starts with the bytes from offset() on (the
  // caller keeps them and appends what came since); `more` as in the constructor.
  void resume(std::string_view text, bool more);

  // Reads the next non-blank record into `fields`. On Error, `error()` says why and the record
  // is dropped; call next() again to continue (the reader has already resynchronised).
  Status next(std::vector<std::string_view>& fields);

  size_t line() const { return rec_line_; }    // 1-based line where the last record started
  size_t end_line() const { return line_; }     // line the reader is at now
  size_t offset() const { return pos_; }        // bytes consumed
  size_t size() const { return text_.size(); }
  const std::string& error() const { return error_; }
  char separator() const { return sep_; }

 private:
  std::string_view text_;
  bool more_;
  char sep_;
  size_t max_field_;
  size_t pos_;
  size_t line_;
  size_t rec_line_ = 0;
  std::string error_;
  std::deque<std::string> scratch_;  // deque: growing it never moves existing strings
};

// Splits one line (no embedded newlines expected) into fields: for header sniffing.
std::vector<std::string> split_line(std::string_view line, char sep);

}  // namespace rk::csv
