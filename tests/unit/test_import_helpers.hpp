// Helpers shared by the import tests: fixtures, in-memory zips (minizip's zip.h).
#pragma once

#include <zip.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/dates.hpp"
#include "core/import.hpp"
#include "core/model.hpp"

namespace rktest {

using Files = std::vector<std::pair<std::string, std::string>>;

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string fixture(const std::string& rel) {
  return read_file(std::string(REKINDLE_FIXTURES) + "/import/" + rel);
}

inline const std::vector<std::string>& export2024_names() {
  static const std::vector<std::string> names = {
      "Connections.csv", "messages.csv", "Invitations.csv", "Endorsement_Received_Info.csv",
      "Endorsement_Given_Info.csv", "Recommendations_Received.csv", "Recommendations_Given.csv",
      "Profile.csv", "Positions.csv"};
  return names;
}

inline Files export2024() {
  Files f;
  for (const auto& n : export2024_names()) f.emplace_back(n, fixture("export2024/" + n));
  return f;
}

struct ZipItem {
  std::string name, data;
  bool deflate = true;
};

// Builds a zip in a temporary file with minizip and returns its bytes.
inline std::string make_zip(const std::vector<ZipItem>& items) {
  char path[] = "/tmp/rk_test_zip_XXXXXX";
  int fd = mkstemp(path);
  if (fd >= 0) close(fd);
  zipFile zf = zipOpen(path, APPEND_STATUS_CREATE);
  if (!zf) return {};
  for (const ZipItem& it : items) {
    zip_fileinfo zi{};
    zipOpenNewFileInZip(zf, it.name.c_str(), &zi, nullptr, 0, nullptr, 0, nullptr,
                        it.deflate ? Z_DEFLATED : 0, it.deflate ? Z_DEFAULT_COMPRESSION : 0);
    if (!it.data.empty()) zipWriteInFileInZip(zf, it.data.data(), unsigned(it.data.size()));
    zipCloseFileInZip(zf);
  }
  zipClose(zf, nullptr);
  std::string bytes = read_file(path);
  std::remove(path);
  return bytes;
}

// Sets the "encrypted" flag of every entry (local and central headers).
inline void mark_encrypted(std::string& zip) {
  for (size_t i = 0; i + 8 < zip.size(); ++i) {
    if (zip.compare(i, 4, "PK\x03\x04") == 0) zip[i + 6] |= 1;
    if (zip.compare(i, 4, "PK\x01\x02") == 0) zip[i + 8] |= 1;
  }
}

inline const rk::Contact* by_url(const rk::Store& s, const std::string& key) {
  for (const auto& c : s.contacts)
    if (c.url_key == key) return &c;
  return nullptr;
}
inline const rk::Contact* by_name(const rk::Store& s, const std::string& name) {
  for (const auto& c : s.contacts)
    if (c.name() == name) return &c;
  return nullptr;
}
inline const rk::FileReport* file_report(const rk::ImportReport& r, const std::string& name) {
  for (const auto& f : r.files)
    if (f.name == name) return &f;
  return nullptr;
}

inline rk::Day day(int y, int m, int d) { return rk::days_from_civil(y, m, d); }
inline rk::Time at(int y, int m, int d, int h = 0, int mi = 0, int s = 0) {
  return rk::Time(day(y, m, d)) * 86400 + h * 3600 + mi * 60 + s;
}

}  // namespace rktest
