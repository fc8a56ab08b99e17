// The synthetic export generator (tools/gen_export_lib.hpp): determinism, file structure, zip
// output, and an import of the tiny export checked against its manifest.
#include <catch2/catch.hpp>

#include <unzip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../../tools/gen_export_lib.hpp"
#include "core/import.hpp"

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;
using Row = std::vector<std::string>;

Files generate(const rkgen::Options& o, rkgen::Manifest& m) {
  rkgen::MemorySink sink;
  REQUIRE(rkgen::generate(o, sink, m));
  return sink.files;
}

rkgen::Options tiny(uint64_t seed = 1, int format = 2024) {
  rkgen::Options o;
  rkgen::SizeSpec spec{};
  REQUIRE(rkgen::size_spec("tiny", spec));
  o.size = "tiny";
  o.connections = spec.connections;
  o.messages = spec.messages;
  o.seed = seed;
  o.format = format;
  return o;
}

const std::string& file(const Files& files, const std::string& name) {
  for (const auto& f : files)
    if (f.first == name) return f.second;
  FAIL("no file " << name);
  static std::string none;
  return none;
}

// RFC 4180 reader for the test (quoted fields, doubled quotes, newlines inside quotes).
std::vector<Row> parse_csv(const std::string& s, size_t skip_lines = 0) {
  size_t i = 0;
  for (size_t k = 0; k < skip_lines; ++k) {
    // Skips one record (which may be a quoted multi-line field).
    bool q = false;
    while (i < s.size()) {
      char c = s[i++];
      if (c == '"') q = !q;
      else if (c == '\n' && !q) break;
    }
  }
  std::vector<Row> rows;
  Row row;
  std::string field;
  bool quoted = false, any = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') field += '"', ++i;
        else quoted = false;
      } else field += c;
    } else if (c == '"') {
      quoted = true, any = true;
    } else if (c == ',') {
      row.push_back(field), field.clear(), any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      row.push_back(field), field.clear();
      rows.push_back(row), row.clear();
      any = false;
    } else {
      field += c, any = true;
    }
  }
  if (any || !field.empty()) row.push_back(field), rows.push_back(row);
  return rows;
}

std::filesystem::path temp_dir(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() / ("rekindle_test_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("generator: same seed gives the same bytes, another seed other bytes", "[generator]") {
  rkgen::Manifest m1, m2, m3;
  const Files a = generate(tiny(1), m1);
  const Files b = generate(tiny(1), m2);
  const Files c = generate(tiny(2), m3);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].first == b[i].first);
    CHECK(a[i].second == b[i].second);
  }
  CHECK(m1.to_json() == m2.to_json());
  CHECK(file(a, "messages.csv") != file(c, "messages.csv"));
  CHECK(file(a, "Connections.csv") != file(c, "Connections.csv"));
}

TEST_CASE("generator: writing to a folder gives the same bytes as in memory", "[generator]") {
  rkgen::Manifest m1, m2;
  const Files mem = generate(tiny(5), m1);
  const auto dir = temp_dir("gen_dir");
  rkgen::DirSink sink(dir.string());
  REQUIRE(rkgen::generate(tiny(5), sink, m2));
  for (const auto& f : mem) CHECK(read_file(dir / f.first) == f.second);
  std::filesystem::remove_all(dir);
}

TEST_CASE("generator: tiny export has the LinkedIn structure", "[generator]") {
  rkgen::Manifest m;
  const Files files = generate(tiny(1), m);
  std::set<std::string> names;
  for (const auto& f : files) names.insert(f.first);
  for (const char* n : {"Connections.csv", "messages.csv", "Invitations.csv", "Endorsement_Received_Info.csv",
                        "Endorsement_Given_Info.csv", "Recommendations_Received.csv", "Recommendations_Given.csv",
                        "Profile.csv", "Positions.csv", "Skills.csv"})
    CHECK(names.count(n) == 1);

  SECTION("Connections.csv") {
    const std::string& s = file(files, "Connections.csv");
    CHECK(s.rfind("Notes:\n\"When exporting your connection data", 0) == 0);
    auto rows = parse_csv(s, 3);
    REQUIRE(!rows.empty());
    CHECK(rows[0] == Row{"First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"});
    CHECK(rows.size() - 1 == m.connections + m.deleted_connections);
    CHECK(m.connections == 50);
    size_t deleted = 0;
    for (size_t i = 1; i < rows.size(); ++i) {
      REQUIRE(rows[i].size() == 7);
      const std::string& d = rows[i][6];
      REQUIRE(d.size() == 11);  // "04 Jul 2023"
      CHECK(d[2] == ' ');
      CHECK(d[6] == ' ');
      if (rows[i][0].empty() && rows[i][1].empty() && rows[i][2].empty()) ++deleted;
      else CHECK(rows[i][2].rfind("https://www.linkedin.com/in/", 0) == 0);
    }
    CHECK(deleted == m.deleted_connections);
  }
  SECTION("messages.csv") {
    auto rows = parse_csv(file(files, "messages.csv"));
    REQUIRE(!rows.empty());
    CHECK(rows[0] == Row{"CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                         "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS"});
    CHECK(rows.size() - 1 == m.messages + m.spam_messages);
    CHECK(m.messages + m.spam_messages == 400);
    std::set<std::string> convs, spam_convs, folders;
    size_t member = 0, html = 0, group_rows = 0;
    for (size_t i = 1; i < rows.size(); ++i) {
      const Row& r = rows[i];
      REQUIRE(r.size() == 11);
      CHECK(r[0].rfind("2-", 0) == 0);
      CHECK(r[0].back() == '=');
      CHECK(r[6].size() == 23);  // "2024-12-16 18:24:37 UTC"
      CHECK(r[6].substr(19) == " UTC");
      CHECK(!r[8].empty());
      folders.insert(r[9]);
      (r[9] == "SPAM" ? spam_convs : convs).insert(r[0]);
      if (r[2] == "LinkedIn Member") {
        ++member;
        CHECK(r[3].empty());
      }
      if (r[8].find("<p>") != std::string::npos) ++html;
      if (r[5].find(',') != std::string::npos) ++group_rows;
    }
    CHECK(convs.size() == m.conversations);
    CHECK(spam_convs.size() == m.spam_conversations);
    CHECK(member == m.linkedin_member_messages);
    CHECK(member > 0);
    CHECK(html > 0);
    CHECK(group_rows > 0);
    CHECK(folders.count("INBOX") == 1);
    CHECK(folders.count("SPAM") == 1);
  }
  SECTION("the other files") {
    auto inv = parse_csv(file(files, "Invitations.csv"));
    CHECK(inv[0] == Row{"From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"});
    CHECK(inv.size() - 1 == m.invitations);
    for (size_t i = 1; i < inv.size(); ++i) {
      CHECK((inv[i][4] == "INCOMING" || inv[i][4] == "OUTGOING"));
      CHECK(inv[i][2].find(", ") != std::string::npos);  // "12/15/24, 7:47 AM"
    }
    auto er = parse_csv(file(files, "Endorsement_Received_Info.csv"));
    CHECK(er[0][2] == "Endorser First Name");
    CHECK(er.size() - 1 == m.endorsements_received);
    CHECK(er[1][4].rfind("www.linkedin.com/in/", 0) == 0);
    CHECK(er[1][5] == "ACCEPTED");
    auto eg = parse_csv(file(files, "Endorsement_Given_Info.csv"));
    CHECK(eg[0][2] == "Endorsee First Name");
    CHECK(eg.size() - 1 == m.endorsements_given);
    auto rr = parse_csv(file(files, "Recommendations_Received.csv"));
    CHECK(rr[0] == Row{"First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"});
    CHECK(rr.size() - 1 == m.recommendations_received);
    CHECK(rr[1][6] == "VISIBLE");
    auto rg = parse_csv(file(files, "Recommendations_Given.csv"));
    CHECK(rg.size() - 1 == m.recommendations_given);
    auto p = parse_csv(file(files, "Profile.csv"));
    REQUIRE(p.size() == 2);
    CHECK(p[0].size() == 13);
    CHECK(p[1].size() == 13);
  }
  SECTION("manifest") {
    auto j = nlohmann::json::parse(m.to_json());
    CHECK(j["connections"] == 50);
    CHECK(j["messages"] == m.messages);
    CHECK(j["contacts"] == m.contacts);
    CHECK(m.contacts > m.connections);
    size_t states = 0;
    for (auto& [k, v] : j["states"].items()) states += v.get<size_t>();
    CHECK(states == m.connections);
    CHECK(j["states"]["silent"].get<int>() > 0);
    CHECK(j["states"]["active"].get<int>() > 0);
  }
}

TEST_CASE("generator: 2022 and 2018 formats", "[generator]") {
  rkgen::Manifest m;
  const Files f22 = generate(tiny(3, 2022), m);
  auto c22 = parse_csv(file(f22, "Connections.csv"), 3);
  CHECK(c22[0] == Row{"First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"});
  auto m22 = parse_csv(file(f22, "messages.csv"));
  CHECK(m22[0] == Row{"CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "DATE", "SUBJECT",
                      "CONTENT", "FOLDER"});
  CHECK(m22.size() - 1 == m.messages + m.spam_messages);

  const Files f18 = generate(tiny(3, 2018), m);
  const std::string& conn = file(f18, "Connections.csv");
  CHECK(conn.rfind("First Name,Last Name,Email Address,Company,Position,Connected On\r\n", 0) == 0);
  auto c18 = parse_csv(conn);
  CHECK(c18[1][5].find(", ") != std::string::npos);  // "1/8/18, 6:14 PM"
  CHECK((c18[1][5].find("AM") != std::string::npos || c18[1][5].find("PM") != std::string::npos));
  auto m18 = parse_csv(file(f18, "messages.csv"));
  CHECK(m18[0] == Row{"From", "To", "Date", "Subject", "Content", "Direction", "Folder"});
  CHECK(m18.size() - 1 == m.messages + m.spam_messages);
}

TEST_CASE("generator: zip output holds the same files", "[generator]") {
  rkgen::Manifest m1, m2;
  rkgen::Options o = tiny(4);
  o.zip_subdir = true;
  const Files mem = generate(o, m1);
  const auto dir = temp_dir("gen_zip");
  const std::string path = (dir / rkgen::zip_name(o.today)).string();
  CHECK(rkgen::zip_name(o.today) == "Basic_LinkedInDataExport_11-25-2026.zip");
  {
    rkgen::ZipSink sink(path, o.today, 6);
    REQUIRE(sink.ok());
    REQUIRE(rkgen::generate(o, sink, m2));
    REQUIRE(sink.close());
  }
  unzFile uf = unzOpen(path.c_str());
  REQUIRE(uf != nullptr);
  std::map<std::string, std::string> entries;
  for (int rc = unzGoToFirstFile(uf); rc == UNZ_OK; rc = unzGoToNextFile(uf)) {
    char name[512];
    unz_file_info info;
    REQUIRE(unzGetCurrentFileInfo(uf, &info, name, sizeof name, nullptr, 0, nullptr, 0) == UNZ_OK);
    CHECK(info.compression_method == Z_DEFLATED);
    REQUIRE(unzOpenCurrentFile(uf) == UNZ_OK);
    std::string data(info.uncompressed_size, '\0');
    CHECK(unzReadCurrentFile(uf, data.data(), unsigned(data.size())) == int(data.size()));
    CHECK(unzCloseCurrentFile(uf) == UNZ_OK);
    entries[name] = data;
  }
  unzClose(uf);
  REQUIRE(entries.size() == mem.size());
  for (const auto& f : mem) CHECK(entries[f.first] == f.second);
  CHECK(entries.count("Jobs/Skills.csv") == 1);
  std::filesystem::remove_all(dir);
}

// Needs the importer (src/core/import.cpp).
TEST_CASE("generator: importing the tiny export matches its manifest", "[generator][import]") {
  for (int format : {2024, 2022, 2018}) {
    rkgen::Manifest m;
    const Files files = generate(tiny(1, format), m);
    rk::Store store;
    rk::ImportReport report = rk::import_all(store, m.today, files);
    INFO("format " << format << ", error: " << report.error);
    for (const auto& f : report.files) {
      INFO(f.name << ": rows " << f.rows << ", skipped " << f.skipped);
      for (const auto& e : f.errors) INFO("  error: " << e);
      CHECK(f.errors.empty());
    }
    REQUIRE(report.committed);
    const rk::Summary s = rk::summarize(store);
    if (format == 2024) {
      CHECK(s.connections == m.connections);
      CHECK(s.contacts == m.contacts);
    } else {
      // Without URLs in Connections.csv, namesakes may be merged by the importer: at most the
      // manifest's count, at least the number of distinct names.
      std::set<std::string> distinct;
      auto rows = parse_csv(file(files, "Connections.csv"), format == 2018 ? 0 : 3);
      for (size_t i = 1; i < rows.size(); ++i)
        if (!rows[i][0].empty() || !rows[i][1].empty()) distinct.insert(rows[i][0] + " " + rows[i][1]);
      CHECK(s.connections <= m.connections);
      CHECK(s.connections >= distinct.size());
      CHECK(s.contacts <= m.contacts);
      CHECK(s.contacts + (m.connections - s.connections) >= m.contacts);
    }
    CHECK(s.messages == m.messages);
    CHECK(s.conversations == m.conversations);
    CHECK(s.invitations == m.invitations);
    CHECK(s.endorsements == m.endorsements());
    CHECK(s.recommendations == m.recommendations());
    CHECK(size_t(store.deleted_connections) == m.deleted_connections);
  }
}

TEST_CASE("generator: importing an S export matches its manifest", "[generator][import]") {
  rkgen::Options o = tiny(7);
  rkgen::SizeSpec spec{};
  REQUIRE(rkgen::size_spec("S", spec));
  o.size = "S", o.connections = spec.connections, o.messages = spec.messages;
  rkgen::Manifest m;
  const Files files = generate(o, m);
  rk::Store store;
  rk::ImportReport report = rk::import_all(store, m.today, files);
  REQUIRE(report.committed);
  const rk::Summary s = rk::summarize(store);
  CHECK(s.connections == 1000);
  CHECK(s.connections == m.connections);
  CHECK(s.messages + m.spam_messages == 10000);
  CHECK(s.messages == m.messages);
  CHECK(s.conversations == m.conversations);
  CHECK(s.invitations == m.invitations);
  CHECK(s.endorsements == m.endorsements());
  CHECK(s.recommendations == m.recommendations());
  CHECK(s.contacts == m.contacts);
}

// Benchmarks and tests were written for the classic profile's bytes: a new profile or option must
// leave them exactly as they were. The checksum was taken from the generator before the realistic
// profile existed (FNV-1a 64 over each file's name, a NUL, its bytes, a NUL, then the manifest).
TEST_CASE("generator: the classic profile's S export is byte for byte what it was", "[generator]") {
  rkgen::Options o = tiny(1);
  rkgen::SizeSpec spec{};
  REQUIRE(rkgen::size_spec("S", spec));
  o.size = "S", o.connections = spec.connections, o.messages = spec.messages;
  CHECK(o.profile == "classic");
  rkgen::Manifest m;
  const Files files = generate(o, m);
  uint64_t h = 0xcbf29ce484222325ull;
  auto add = [&](const std::string& s, bool nul) {
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    if (nul) h = (h ^ 0) * 0x100000001b3ull;
  };
  for (const auto& f : files) add(f.first, true), add(f.second, true);
  const std::string manifest = m.to_json();
  add(manifest, false);
  CHECK(h == 0x83c47774bb3fcd5dull);
  CHECK(manifest.find("realistic") == std::string::npos);
  CHECK(manifest.find("profile") == std::string::npos);
}
