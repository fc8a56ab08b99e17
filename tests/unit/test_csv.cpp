// Tests of the CSV reader.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/csv.hpp"

using namespace rk;

namespace {
std::vector<std::vector<std::string>> read_all(std::string_view text, char sep = ',',
                                               std::vector<std::string>* errors = nullptr,
                                               std::vector<size_t>* lines = nullptr,
                                               size_t max_field = 1 << 20) {
  csv::Reader r(text, sep, max_field);
  std::vector<std::string_view> f;
  std::vector<std::vector<std::string>> out;
  for (;;) {
    csv::Status st = r.next(f);
    if (st == csv::Status::End) break;
    if (st == csv::Status::Error) {
      if (errors) errors->push_back(std::to_string(r.line()) + ":" + r.error());
      continue;
    }
    out.emplace_back(f.begin(), f.end());
    if (lines) lines->push_back(r.line());
  }
  return out;
}
using Rows = std::vector<std::vector<std::string>>;
}  // namespace

TEST_CASE("csv: plain rows, LF and CRLF, no newline at EOF", "[csv]") {
  CHECK(read_all("a,b,c\n1,2,3\n") == Rows{{"a", "b", "c"}, {"1", "2", "3"}});
  CHECK(read_all("a,b\r\n1,2\r\n3,4") == Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}});
  CHECK(read_all("a,b\r1,2\r") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,,\n,x,\n") == Rows{{"a", "", ""}, {"", "x", ""}});
  CHECK(read_all("a,") == Rows{{"a", ""}});
  CHECK(read_all("").empty());
}

TEST_CASE("csv: blank lines are skipped but counted", "[csv]") {
  std::vector<size_t> lines;
  auto rows = read_all("Notes:\n\"x, y\"\n\nh1,h2\n\n\r\n1,2\n", ',', nullptr, &lines);
  CHECK(rows == Rows{{"Notes:"}, {"x, y"}, {"h1", "h2"}, {"1", "2"}});
  CHECK(lines == std::vector<size_t>{1, 2, 4, 7});
}

TEST_CASE("csv: quoted fields with separators, doubled quotes, newlines", "[csv]") {
  std::vector<size_t> lines;
  auto rows = read_all("\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\r\nline3\"\nnext,row\n", ',', nullptr, &lines);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == std::vector<std::string>{"a,b", "say \"hi\"", "line1\nline2\r\nline3"});
  CHECK(rows[1] == std::vector<std::string>{"next", "row"});
  CHECK(lines == std::vector<size_t>{1, 4});
}

TEST_CASE("csv: backslash-escaped quotes inside quoted fields", "[csv]") {
  auto rows = read_all("\"He said \\\"hi\\\" to me\",x\n\"\\\"quoted\\\"\",y\n\"C:\\\",z\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::vector<std::string>{"He said \"hi\" to me", "x"});
  CHECK(rows[1] == std::vector<std::string>{"\"quoted\"", "y"});
  // A backslash right before the closing quote stays a backslash.
  CHECK(rows[2] == std::vector<std::string>{"C:\\", "z"});
}

TEST_CASE("csv: views stay valid for the whole record with many escaped fields", "[csv]") {
  std::string line;
  for (int i = 0; i < 40; ++i) line += std::string(i ? "," : "") + "\"v\"\"" + std::to_string(i) + "\"";
  auto rows = read_all(line + "\n");
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].size() == 40);
  CHECK(rows[0][0] == "v\"0");
  CHECK(rows[0][39] == "v\"39");
}

TEST_CASE("csv: tabs and semicolons as separators", "[csv]") {
  CHECK(read_all("a\tb\n1\t\"x\ty\"\n", '\t') == Rows{{"a", "b"}, {"1", "x\ty"}});
  CHECK(read_all("a;b\n1,5;2\n", ';') == Rows{{"a", "b"}, {"1,5", "2"}});
}

TEST_CASE("csv: text after a closing quote is kept", "[csv]") {
  CHECK(read_all("\"ab\"cd,e\n") == Rows{{"abcd", "e"}});
  CHECK(read_all("ab\"cd,e\n") == Rows{{"ab\"cd", "e"}});
}

TEST_CASE("csv: unterminated quote at EOF is an error, earlier rows kept", "[csv]") {
  std::vector<std::string> errors;
  auto rows = read_all("a,b\n1,2\n3,\"cut sho", ',', &errors);
  CHECK(rows == Rows{{"a", "b"}, {"1", "2"}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("3:") == 0);
  CHECK(errors[0].find("unterminated") != std::string::npos);
}

TEST_CASE("csv: an over-long field drops its record and parsing resynchronises", "[csv]") {
  std::vector<std::string> errors;
  std::vector<size_t> lines;
  std::string text = "a,b\n\"" + std::string(100, 'x') + "\",1\nc,d\n\"stray,2\ne,f\n";
  auto rows = read_all(text, ',', &errors, &lines, 50);
  // The over-long field, then the stray quote that is never closed (reported at EOF).
  CHECK(errors.size() == 2);
  CHECK(rows.front() == std::vector<std::string>{"a", "b"});
  bool has_cd = false, has_ef = false;
  for (auto& r : rows) {
    if (r == std::vector<std::string>{"c", "d"}) has_cd = true;
    if (r == std::vector<std::string>{"e", "f"}) has_ef = true;
  }
  CHECK(has_cd);
  CHECK_FALSE(has_ef);  // consumed by the unterminated quote at EOF
}

TEST_CASE("csv: resync after a stray quote keeps later rows", "[csv]") {
  std::vector<std::string> errors;
  std::string text = "h1,h2\n\"oops,1\n";
  for (int i = 0; i < 20; ++i) text += "row" + std::to_string(i) + ",v\n";
  text += "\"late\",end\n";
  auto rows = read_all(text, ',', &errors, nullptr, 64);
  REQUIRE(errors.size() >= 1);
  // Rows after the resynchronisation point survive.
  CHECK(rows.back() == std::vector<std::string>{"late", "end"});
  CHECK(rows.size() >= 10);
}

TEST_CASE("csv: split_line", "[csv]") {
  CHECK(csv::split_line("a,\"b,c\",d", ',') == std::vector<std::string>{"a", "b,c", "d"});
}

// ---- chunked input ------------------------------------------------------------------------------

namespace {
// Everything the reader says about a text, record by record (status, lines, where it stopped,
// fields, error), read whole or fed `chunk` bytes at a time the way the importer feeds a streamed
// zip entry (the unread rest of a chunk is kept, the next chunk appended).
std::vector<std::string> trace(std::string_view text, char sep, size_t max_field, size_t chunk, size_t offset = 0,
                               size_t line = 1) {
  size_t base = 0, upto = chunk ? std::min(text.size(), std::max(chunk, offset)) : text.size();
  csv::Reader r(text.substr(0, upto), sep, max_field, offset, line, upto < text.size());
  std::vector<std::string_view> f;
  std::vector<std::string> out;
  for (int guard = 0; guard < 1000000; ++guard) {
    csv::Status st = r.next(f);
    if (st == csv::Status::NeedMore) {
      REQUIRE(upto < text.size());
      REQUIRE(f.empty());
      base += r.offset();
      upto = std::min(text.size(), upto + chunk);
      r.resume(text.substr(base, upto - base), upto < text.size());
      continue;
    }
    std::string ev = std::to_string(int(st)) + "@" + std::to_string(r.line()) + "-" + std::to_string(r.end_line()) +
                     "/" + std::to_string(base + r.offset()) + (base + r.offset() >= text.size() ? "$" : "") + ":" +
                     r.error();
    for (auto v : f) ev += "|" + std::string(v);
    out.push_back(ev);
    if (st == csv::Status::End) break;
  }
  return out;
}
}  // namespace

TEST_CASE("csv: fed in chunks, the reader says exactly what it says on the whole text", "[csv]") {
  const std::vector<std::string> texts = {
      "a,b,c\n1,2,3\n", "a,b\r\n1,2\r\n3,4", "a,b\r1,2\r", "a,b\r", "a,b\r\n", "a,", "a,b,\n", "",
      "\n\n\r\n\r\rx\r", "Notes:\n\"x, y\"\n\nh1,h2\n\n\r\n1,2\n",
      "\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\r\nline3\"\nnext,row\n", "\"\"\"\"", "\"\"", "\"a\"\"\"",
      "\"He said \\\"hi\\\" to me\",x\n\"\\\"quoted\\\"\",y\n\"C:\\\",z\n", "\"ab\"cd,e\n\"x\"y", "\"ab\"c\r\n",
      "a,\"unterminated\nstill\r\nopen", "a\n\"", "x,\"" + std::string(40, 'l') + "\",y\nz\n",
      "x,\"" + std::string(40, 'l') + "\nq\",y\nz\n", std::string(40, 'u') + ",v\nw\n", "\"" + std::string(40, 'u'),
      std::string(5000, ',') + "\nnext\n", "caf\xC3\xA9,\xE5\xBC\xA0\xE4\xBC\x9F,\xF0\x9F\x99\x82\n\"\xC3\xA9\n\xC3\xA9\"\n"};
  for (const std::string& t : texts)
    for (size_t max_field : {size_t(16), size_t(1) << 20}) {
      const auto whole = trace(t, ',', max_field, 0);
      for (size_t chunk : {1, 2, 3, 4, 5, 7, 13, 64, 4096}) {
        INFO("text \"" << t.substr(0, 80) << "\", chunk " << chunk << ", max field " << max_field);
        CHECK(trace(t, ',', max_field, chunk) == whole);
      }
    }
  // Starting after a header, with a line number, as the importer does.
  const std::string t = "h1,h2\r\n\"a\nb\",c\r\nd,e\r\n";
  CHECK(trace(t, ',', 1 << 20, 1, 7, 2) == trace(t, ',', 1 << 20, 0, 7, 2));
}

TEST_CASE("csv: fed in chunks, random texts read the same as whole", "[csv]") {
  // Short texts of the characters that matter, many of them: every split point gets tried.
  static const char* const kBits[] = {"a", "bc", ",", ";", "\"", "\"\"", "\\\"", "\n", "\r", "\r\n", "\xC3\xA9", " "};
  uint64_t seed = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
  };
  for (int i = 0; i < 3000; ++i) {
    std::string t;
    const size_t parts = next() % 40;
    for (size_t k = 0; k < parts; ++k) t += kBits[next() % (sizeof kBits / sizeof *kBits)];
    const char sep = i % 3 == 0 ? ';' : ',';
    const size_t max_field = i % 2 ? 6 : 1 << 20;
    const auto whole = trace(t, sep, max_field, 0);
    for (size_t chunk : {size_t(1), size_t(2), size_t(3), size_t(1 + next() % 16)}) {
      INFO("text \"" << t << "\", chunk " << chunk);
      REQUIRE(trace(t, sep, max_field, chunk) == whole);
    }
  }
}
