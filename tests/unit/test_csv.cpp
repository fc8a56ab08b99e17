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
