// A big messages.csv in a zip is parsed while it inflates (ImportLimits::stream_min_bytes), never
// held whole. Everything observable must be as when each entry is inflated whole first: these
// tests import the same zips both ways ("never" streams) and compare the Stores byte for byte
// (save_bulk) and the reports field by field, with chunks down to one byte.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "../../tools/gen_export_lib.hpp"
#include "core/detached_import.hpp"
#include "core/import.hpp"
#include "core/serialize.hpp"
#include "test_import_helpers.hpp"

using namespace rk;
using namespace rktest;

namespace {

const Day kToday = day(2026, 11, 25);

ImportLimits never() {
  ImportLimits l;
  l.stream_min_bytes = std::numeric_limits<size_t>::max();
  return l;
}
ImportLimits streamed(size_t chunk, size_t min_bytes = 0) {
  ImportLimits l;
  l.stream_min_bytes = min_bytes;
  l.stream_chunk_bytes = chunk;
  return l;
}

struct Outcome {
  ImportReport report;
  ImportStats stats;
  std::string store;        // save_bulk of the Store after the import
  std::vector<std::string> phases;  // phase texts, each time it changed
};

// Runs an import in slices of `budget_ms` on top of `base`, checking progress never goes back.
Outcome run(const Files& files, ImportLimits limits, const Store& base = Store(), double budget_ms = 5.0) {
  Store s = base;
  Importer imp(s, kToday, limits);
  for (const auto& f : files) imp.add_file(f.first, f.second);
  Outcome o;
  float last = 0.0f;
  for (int i = 0; !imp.step(budget_ms); ++i) {
    REQUIRE(i < 10000000);
    const float p = imp.progress();
    REQUIRE(p >= last);
    REQUIRE(p <= 1.0f);
    last = p;
    if (o.phases.empty() || o.phases.back() != imp.phase()) o.phases.push_back(imp.phase());
  }
  CHECK(imp.progress() == 1.0f);
  o.report = imp.report();
  o.stats = imp.stats();
  o.store = save_bulk(s);
  return o;
}

void same_report(const ImportReport& a, const ImportReport& b) {
  CHECK(a.contacts_added == b.contacts_added);
  CHECK(a.contacts_updated == b.contacts_updated);
  CHECK(a.cancelled == b.cancelled);
  CHECK(a.committed == b.committed);
  CHECK(a.error == b.error);
  REQUIRE(a.files.size() == b.files.size());
  for (size_t i = 0; i < a.files.size(); ++i) {
    INFO("file " << a.files[i].name);
    CHECK(a.files[i].name == b.files[i].name);
    CHECK(a.files[i].kind == b.files[i].kind);
    CHECK(a.files[i].rows == b.files[i].rows);
    CHECK(a.files[i].skipped == b.files[i].skipped);
    CHECK(a.files[i].errors == b.files[i].errors);
    CHECK(a.files[i].details == b.files[i].details);
  }
}

// Imports `files` whole and streamed with each chunk size; all must agree. Returns the whole one.
Outcome same_both_ways(const Files& files, const std::vector<size_t>& chunks, const Store& base = Store(),
                       size_t expect_streamed = 1) {
  Outcome whole = run(files, never(), base);
  CHECK(whole.stats.streamed == 0);
  for (size_t chunk : chunks) {
    INFO("chunk " << chunk);
    Outcome st = run(files, streamed(chunk), base);
    CHECK(st.stats.streamed == expect_streamed);
    same_report(st.report, whole.report);
    CHECK(st.store == whole.store);
  }
  return whole;
}

Files generated(const char* size, uint64_t seed, int format) {
  rkgen::Options o;
  rkgen::SizeSpec spec{};
  REQUIRE(rkgen::size_spec(size, spec));
  o.size = size;
  o.connections = spec.connections;
  o.messages = spec.messages;
  o.seed = seed;
  o.format = format;
  o.today = kToday;
  rkgen::MemorySink sink;
  rkgen::Manifest m;
  REQUIRE(rkgen::generate(o, sink, m));
  return sink.files;
}

Files zipped(const Files& files, const std::string& zip_name = "Basic_LinkedInDataExport_11-25-2026.zip") {
  std::vector<ZipItem> items;
  for (const auto& f : files) items.push_back({f.first, f.second, true});
  return {{zip_name, make_zip(items)}};
}

std::string& file_in(Files& files, const std::string& name) {
  for (auto& f : files)
    if (f.first == name) return f.second;
  FAIL("no file " << name);
  static std::string none;
  return none;
}

const char* const kHeader =
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER";

// A messages.csv of `rows` rows, each with multi-byte letters and some with quoted newlines.
std::string messages_csv(size_t rows, const std::string& eol = "\n") {
  std::string csv = std::string(kHeader) + eol;
  for (size_t i = 0; i < rows; ++i) {
    csv += "c" + std::to_string(i % 37) + ",,Ana P\xC3\xA9rez,https://www.linkedin.com/in/ana" + std::to_string(i % 11) +
           ",Me,https://www.linkedin.com/in/me,2024-01-0" + std::to_string(1 + i % 9) + " 10:" +
           std::to_string(10 + i % 50) + ":00 UTC,," +
           (i % 3 ? "\"line one\nline \"\"two\"\" \xE5\xBC\xA0\xE4\xBC\x9F\r\n\xF0\x9F\x99\x82 " + std::to_string(i) + "\""
                  : "plain caf\xC3\xA9 " + std::to_string(i)) +
           ",INBOX" + eol;
  }
  return csv;
}

// Flips the stored CRC of entry `name` (central directory, and the local header if it has it).
void break_crc(std::string& zip, const std::string& name) {
  bool done = false;
  for (size_t i = 0; i + 46 < zip.size(); ++i) {
    if (zip.compare(i, 4, "PK\x01\x02") == 0) {
      const size_t n = uint8_t(zip[i + 28]) | size_t(uint8_t(zip[i + 29])) << 8;
      if (zip.compare(i + 46, n, name) != 0) continue;
      zip[i + 16] = char(zip[i + 16] ^ 0x5A);
      const size_t local = uint8_t(zip[i + 42]) | size_t(uint8_t(zip[i + 43])) << 8 |
                           size_t(uint8_t(zip[i + 44])) << 16 | size_t(uint8_t(zip[i + 45])) << 24;
      if ((zip[local + 6] & 8) == 0) zip[local + 14] = char(zip[local + 14] ^ 0x5A);
      done = true;
    }
  }
  REQUIRE(done);
}

}  // namespace

TEST_CASE("stream: generated exports import the same streamed as whole, any chunk size", "[import][stream]") {
  for (int format : {2024, 2022, 2018}) {
    INFO("format " << format);
    Files files = generated("tiny", 7, format);
    REQUIRE(file_in(files, "messages.csv").size() > 50000);  // many chunks of every size below
    Outcome whole = same_both_ways(zipped(files), {1, 2, 3, 7, 64, 1000, 4096, 65536, size_t(1) << 20});
    CHECK(whole.report.committed);
    // Loose CSV files never stream: the same again.
    Outcome loose = run(files, streamed(5));
    CHECK(loose.stats.streamed == 0);
    CHECK(loose.store == run(files, never()).store);
  }
}

TEST_CASE("stream: a bigger export, on top of stored data, in realistic and odd chunks", "[import][stream]") {
  Store base;
  REQUIRE(import_all(base, kToday - 30, zipped(generated("tiny", 3, 2024))).committed);
  Files files = generated("S", 42, 2024);
  REQUIRE(file_in(files, "messages.csv").size() > (size_t(3) << 20));
  same_both_ways(zipped(files), {4093, 65536, size_t(1) << 20}, base);
  // The default threshold: a big enough messages.csv streams, and nothing else.
  ImportLimits def_limits;
  def_limits.stream_min_bytes = file_in(files, "messages.csv").size() - 1;
  Outcome def = run(zipped(files), def_limits, base);
  CHECK(def.stats.streamed == 1);
  CHECK(def.store == run(zipped(files), never(), base).store);
  CHECK(run(zipped(files), ImportLimits(), base).stats.streamed ==
        (file_in(files, "messages.csv").size() >= ImportLimits().stream_min_bytes ? 1 : 0));
}

TEST_CASE("stream: records, quoted newlines, CRLF, BOM and multi-byte letters split across chunks", "[import][stream]") {
  std::string csv = "\xEF\xBB\xBF" + messages_csv(300, "\r\n");
  // The quirks the reader forgives or reports, somewhere in the middle.
  csv += "\r\n\r\n";                                                         // blank lines
  csv += "c1,,Bo,https://www.linkedin.com/in/bo,Me,,not a date,,x,INBOX\r\n";  // a detail with its line
  csv += "c1,,Bo,https://www.linkedin.com/in/bo,Me\r\n";                       // too few fields
  csv += "c2,\"T\"itle,Bo,,Me,,2024-02-01 10:00:00 UTC,,\"a \\\"quote\\\"\",INBOX\r\n";
  csv += "c3,,Bo,,Me,,2024-02-01 10:00:00 UTC,,\"" + std::string(3000, 'x') + "\",INBOX\r\n";  // a long field
  csv += messages_csv(50, "\r").substr(std::string(kHeader).size() + 1);      // CR line ends
  csv += "c4,,Bo,,Me,,2024-02-02 10:00:00 UTC,,last,INBOX,";                  // no newline at the end
  Files files = {{"export.zip", make_zip({{"Connections.csv", fixture("export2024/Connections.csv"), true},
                                          {"messages.csv", csv, true}})}};
  Outcome whole = same_both_ways(files, {1, 2, 3, 5, 8, 13, 100, 1024});
  const FileReport* m = file_report(whole.report, "messages.csv");
  REQUIRE(m);
  CHECK(m->rows == 353);
  CHECK(m->skipped == 2);
  CHECK(m->details.size() == 2);

  // A chunk smaller than one field, and a field longer than allowed: the buffer grows to hold
  // the record, the long field is reported and skipped the same way.
  ImportLimits small = streamed(16);
  small.max_field_bytes = 2000;
  ImportLimits small_whole = never();
  small_whole.max_field_bytes = 2000;
  Outcome a = run(files, small), b = run(files, small_whole);
  CHECK(a.stats.streamed == 1);
  CHECK(a.stats.max_buffer > 2000);
  same_report(a.report, b.report);
  CHECK(a.store == b.store);
  const FileReport* ma = file_report(a.report, "messages.csv");
  REQUIRE(ma);
  CHECK(ma->skipped == 3);
  bool said = false;
  for (const auto& d : ma->details) said = said || d.find("longer than 2000") != std::string::npos;
  CHECK(said);
}

TEST_CASE("stream: a messages.csv cut short inside a quoted field", "[import][stream]") {
  std::string csv = messages_csv(400);
  csv += "c9,,Bo,,Me,,2024-02-01 10:00:00 UTC,,\"the download stopped here\nmid-sentence";
  Files files = {{"export.zip", make_zip({{"messages.csv", csv, true}})}};
  Outcome whole = same_both_ways(files, {1, 3, 777, 65536});
  const FileReport* m = file_report(whole.report, "messages.csv");
  REQUIRE(m);
  REQUIRE(m->errors.size() == 1);
  CHECK(m->errors[0].find("seems cut short") != std::string::npos);
  CHECK(m->errors[0].find("400 complete rows") != std::string::npos);
}

TEST_CASE("stream: an entry with a bad checksum is rejected whole, as before", "[import][stream]") {
  Files files = generated("tiny", 11, 2024);
  std::vector<ZipItem> items;
  for (const auto& f : files) items.push_back({f.first, f.second, f.first != "Invitations.csv"});
  items.push_back({"Some_New_File.csv", "Alpha,Beta\n1,2\n", true});
  std::string zip = make_zip(items);
  break_crc(zip, "messages.csv");
  const Files in = {{"export.zip", zip}};
  Outcome whole = same_both_ways(in, {1, 999, 65536});
  const FileReport* m = file_report(whole.report, "messages.csv");
  REQUIRE(m);
  CHECK(m->kind == FileKind::Unknown);
  REQUIRE(m->errors.size() == 1);
  CHECK(m->errors[0].find("checksum") != std::string::npos);
  CHECK(whole.report.committed);  // the other files are imported
  Outcome st = run(in, streamed(999));
  CHECK(st.stats.restarts == 1);  // parsing started over without the rows of the broken entry

  // A stored (not deflated) entry with a changed byte: the same, from the data side.
  std::string csv = messages_csv(500);
  std::string stored = make_zip({{"Connections.csv", fixture("export2024/Connections.csv"), true},
                                 {"messages.csv", csv, false},
                                 {"Notes.csv", "Alpha,Beta\n1,2\n", true}});
  const size_t at = stored.find("plain caf\xC3\xA9 300");
  REQUIRE(at != std::string::npos);
  stored[at] = 'P';
  Outcome s2 = same_both_ways({{"export.zip", stored}}, {1, 4096});
  CHECK(file_report(s2.report, "messages.csv")->errors.at(0).find("checksum") != std::string::npos);

  // The broken messages.csv was what made the zip a LinkedIn export: its unknown CSV stays an
  // unknown file (with its reason), as when the entry never got parsed.
  std::string lone = make_zip({{"messages.csv", csv, true}, {"Notes.csv", "Alpha,Beta\n1,2\n", true}});
  break_crc(lone, "messages.csv");
  Outcome s3 = same_both_ways({{"export.zip", lone}}, {1, 4096});
  const FileReport* notes = file_report(s3.report, "Notes.csv");
  REQUIRE(notes);
  CHECK(notes->kind == FileKind::Unknown);
  CHECK(notes->errors.size() == 1);
  CHECK_FALSE(s3.report.committed);
  CHECK_FALSE(s3.report.error.empty());
}

TEST_CASE("stream: two zips with big messages files, the second one broken", "[import][stream]") {
  // The second entry fails after the first was parsed: starting over reads the first again.
  Files a = generated("tiny", 21, 2024), b = generated("tiny", 22, 2022);
  Files both = zipped(a, "first.zip");
  std::string second = zipped(b, "second.zip")[0].second;
  break_crc(second, "messages.csv");
  both.emplace_back("second.zip", second);
  Outcome whole = same_both_ways(both, {1, 5000}, Store(), 2);
  CHECK(run(both, streamed(5000)).stats.restarts == 1);
  CHECK(whole.report.committed);
}

TEST_CASE("stream: a messages.csv that is not UTF-8 after its first bytes is read whole and decoded", "[import][stream]") {
  // Windows-1252 letters only after the first 64 KB (the first bytes decide to stream it).
  std::string csv = messages_csv(200);
  for (size_t i = 0; csv.size() < 70000; ++i)
    csv += "c" + std::to_string(i % 7) + ",,Bo,https://www.linkedin.com/in/bo,Me,,2024-03-01 10:00:00 UTC,,ascii only,INBOX\n";
  std::string cp1252 = csv + "c1,,Bo,https://www.linkedin.com/in/bo,Me,,2024-03-02 10:00:00 UTC,,Caf\xE9 cr\xE8me \x80 5,INBOX\n";
  for (int i = 0; i < 100; ++i) cp1252 += "c2,,Bo,,Me,,2024-03-03 10:00:00 UTC,,more,INBOX\n";
  Files files = {{"export.zip", make_zip({{"Connections.csv", fixture("export2024/Connections.csv"), true},
                                          {"messages.csv", cp1252, true}})}};
  Outcome whole = same_both_ways(files, {1, 4096, 65536});
  CHECK(run(files, streamed(4096)).stats.restarts == 1);
  Store s;
  import_all(s, kToday, files, streamed(4096));
  bool decoded = false;  // the bytes that are not UTF-8 replaced, as always
  for (const Message& m : s.messages)
    decoded = decoded || s.text(m.text) == "Caf\xEF\xBF\xBD cr\xEF\xBF\xBDme \xEF\xBF\xBD 5";
  CHECK(decoded);

  // One stray byte in UTF-8 text: replaced, as before.
  std::string stray = messages_csv(2000);
  stray[stray.rfind("plain caf\xC3\xA9") + 9] = '\xFF';
  same_both_ways({{"export.zip", make_zip({{"messages.csv", stray, true}})}}, {3, 65536});

  // Not UTF-8 from the start: never streamed.
  std::string early = "c0,,Jos\xE9,,Me,,2024-03-01 10:00:00 UTC,,ol\xE9,INBOX\n";
  Outcome e = same_both_ways({{"export.zip", make_zip({{"messages.csv", std::string(kHeader) + "\n" + early + csv.substr(csv.find('\n') + 1), true}})}},
                             {1}, Store(), 0);
  CHECK(e.report.committed);
  // UTF-16: never streamed either.
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string(kHeader) + "\nc0,,Bo,,Me,,2024-03-01 10:00:00 UTC,,hi,INBOX\n") {
    utf16 += c;
    utf16 += '\0';
  }
  same_both_ways({{"export.zip", make_zip({{"messages.csv", utf16, true}})}}, {1}, Store(), 0);
}

TEST_CASE("stream: cancel while a messages.csv streams leaves the store untouched", "[import][stream]") {
  Store s;
  REQUIRE(import_all(s, kToday - 30, zipped(generated("tiny", 3, 2024))).committed);
  s.user_of(s.contacts[0].id).note = "keep me";
  const std::string before = save_bulk(s);
  Importer imp(s, kToday, streamed(512));
  for (auto& f : zipped(generated("tiny", 4, 2024))) imp.add_file(f.first, f.second);
  int steps = 0;
  while (imp.phase() != "Reading messages.csv") {
    REQUIRE_FALSE(imp.step(0.0));
    REQUIRE(++steps < 100000);
  }
  for (int i = 0; i < 5; ++i) REQUIRE_FALSE(imp.step(0.0));
  CHECK(imp.progress() > 0.2f);
  CHECK(imp.progress() < 0.9f);
  imp.cancel();
  while (!imp.step(5.0)) {
  }
  CHECK(imp.report().cancelled);
  CHECK_FALSE(imp.report().committed);
  CHECK(save_bulk(s) == before);
  CHECK(s.user_of(s.contacts[0].id).note == "keep me");
}

TEST_CASE("stream: progress moves while a messages.csv streams, and says what it reads", "[import][stream]") {
  Files files = zipped(generated("tiny", 5, 2024));
  Store s;
  Importer imp(s, kToday, streamed(1024));
  for (auto& f : files) imp.add_file(f.first, f.second);
  std::vector<float> reading;
  while (!imp.step(0.0))
    if (imp.phase() == "Reading messages.csv") reading.push_back(imp.progress());
  REQUIRE(reading.size() > 20);
  CHECK(reading.front() < reading.back());
  CHECK(reading.back() <= 0.9f);
  CHECK(imp.report().committed);
}

TEST_CASE("stream: the detached import (the web worker's) streams the same", "[import][stream]") {
  Files files = zipped(generated("tiny", 6, 2024));
  auto result = [&](ImportLimits l) {
    DetachedImport d(kToday, l);
    for (auto& f : files) d.add_file(f.first, f.second);
    while (!d.step(5.0)) {
    }
    CHECK(d.report().committed);
    return d.take_result();
  };
  const BulkParts a = result(streamed(777)), b = result(never());
  CHECK(a.bulk == b.bulk);
  CHECK(a.texts == b.texts);
}
