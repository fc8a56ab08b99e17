// Zip reading from memory, limits and errors; zips through the importer.
#include <catch2/catch.hpp>

#include "core/import.hpp"
#include "core/zip.hpp"
#include "test_import_helpers.hpp"

using namespace rk;
using namespace rktest;

TEST_CASE("zip: lists and extracts stored and deflate entries", "[zip]") {
  std::string big(200000, 'a');
  for (size_t i = 0; i < big.size(); i += 7) big[i] = char('a' + i % 26);
  std::string z = make_zip({{"dir/stored.csv", "a,b\n1,2\n", false}, {"deflated.csv", big, true},
                            {"empty.txt", "", true}});
  REQUIRE(zip::looks_like_zip(z));
  zip::Archive a;
  std::string err;
  REQUIRE(a.open(z, err));
  REQUIRE(a.entries().size() == 3);
  CHECK(a.entries()[0].name == "dir/stored.csv");
  CHECK(a.entries()[0].method == 0);
  CHECK(a.entries()[1].method == 8);
  CHECK(a.entries()[1].uncompressed == big.size());
  std::string out;
  REQUIRE(a.extract(0, {}, out, err));
  CHECK(out == "a,b\n1,2\n");
  out.clear();
  // Chunked: several read_some calls.
  REQUIRE(a.begin(1, {}, out, err));
  int calls = 0, rc;
  while ((rc = a.read_some(out, 65536, err)) == 1) ++calls;
  CHECK(rc == 0);
  CHECK(calls >= 2);
  CHECK(out == big);
  out.clear();
  REQUIRE(a.extract(2, {}, out, err));
  CHECK(out.empty());
}

TEST_CASE("zip: encrypted entries and unsupported methods give clear errors", "[zip]") {
  std::string z = make_zip({{"Connections.csv", "a,b\n", true}});
  mark_encrypted(z);
  zip::Archive a;
  std::string err, out;
  REQUIRE(a.open(z, err));
  CHECK(a.entries()[0].encrypted);
  CHECK_FALSE(a.extract(0, {}, out, err));
  CHECK(err.find("encrypted") != std::string::npos);

  std::string z2 = make_zip({{"x.csv", "hello", false}});
  // Method field: offset 8 in the local header, 10 in the central header. 12 = bzip2.
  for (size_t i = 0; i + 12 < z2.size(); ++i) {
    if (z2.compare(i, 4, "PK\x03\x04") == 0) z2[i + 8] = 12;
    if (z2.compare(i, 4, "PK\x01\x02") == 0) z2[i + 10] = 12;
  }
  zip::Archive b;
  REQUIRE(b.open(z2, err));
  CHECK_FALSE(b.extract(0, {}, out, err));
  CHECK(err.find("unsupported compression method") != std::string::npos);
}

TEST_CASE("zip: a zip bomb is refused by ratio and by size", "[zip]") {
  std::string zeros(4 << 20, '0');
  std::string z = make_zip({{"bomb.csv", zeros, true}});
  zip::Archive a;
  std::string err, out;
  REQUIRE(a.open(z, err));
  zip::Limits l;
  l.max_ratio = 100;
  CHECK_FALSE(a.extract(0, l, out, err));
  CHECK(err.find("zip bomb") != std::string::npos);
  CHECK(out.size() < 1000);
  zip::Limits l2;
  l2.max_entry_bytes = 1 << 20;
  out.clear();
  CHECK_FALSE(a.extract(0, l2, out, err));
  CHECK(err.find("too large") != std::string::npos);
}

TEST_CASE("zip: damaged archives are errors, not crashes", "[zip]") {
  std::string z = make_zip({{"a.csv", std::string(5000, 'x') + "yz", true}});
  zip::Archive a;
  std::string err;
  CHECK_FALSE(a.open(z.substr(0, z.size() / 2), err));
  CHECK_FALSE(err.empty());
  CHECK_FALSE(a.open("PK\x03\x04garbage", err));
  // Flip a byte of the compressed data: bad data or checksum mismatch.
  std::string bad = z;
  bad[40] = char(bad[40] ^ 0x55);
  zip::Archive b;
  std::string out;
  if (b.open(bad, err)) CHECK_FALSE(b.extract(0, {}, out, err));
}

TEST_CASE("zip: importer reports encrypted entries and zip bombs per file", "[zip][import]") {
  std::string conn = fixture("export2024/Connections.csv");
  std::string z = make_zip({{"Export/Connections.csv", conn, true}});
  mark_encrypted(z);
  Store s;
  ImportReport r = import_all(s, days_from_civil(2024, 12, 20), {{"export.zip", z}});
  CHECK_FALSE(r.committed);
  const FileReport* f = file_report(r, "Connections.csv");
  REQUIRE(f);
  REQUIRE(f->errors.size() == 1);
  CHECK(f->errors[0].find("encrypted") != std::string::npos);

  std::string bomb = make_zip({{"Export/Connections.csv", conn, true},
                               {"Export/messages.csv", std::string(8 << 20, ' '), true}});
  ImportLimits lim;
  lim.max_zip_ratio = 200;
  Store s2;
  ImportReport r2 = import_all(s2, days_from_civil(2024, 12, 20), {{"export.zip", bomb}}, lim);
  CHECK(r2.committed);
  CHECK(s2.contacts.size() == 4);
  const FileReport* m = file_report(r2, "messages.csv");
  REQUIRE(m);
  REQUIRE(m->errors.size() == 1);
  CHECK(m->errors[0].find("zip bomb") != std::string::npos);

  ImportLimits tiny;
  tiny.max_total_bytes = 100;
  Store s3;
  ImportReport r3 = import_all(s3, days_from_civil(2024, 12, 20), {{"Connections.csv", conn}}, tiny);
  CHECK_FALSE(r3.committed);
  REQUIRE(r3.files.size() == 1);
  CHECK(r3.files[0].errors[0].find("limit") != std::string::npos);
}

TEST_CASE("zip: a corrupt zip gives a clear error", "[zip][import]") {
  Store s;
  ImportReport r = import_all(s, days_from_civil(2024, 12, 20), {{"export.zip", "PK\x03\x04 not really"}});
  CHECK_FALSE(r.committed);
  REQUIRE(r.files.size() == 1);
  CHECK(r.files[0].name == "export.zip");
  CHECK(r.files[0].errors[0].find("zip") != std::string::npos);
}
