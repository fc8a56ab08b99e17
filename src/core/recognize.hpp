// Recognising LinkedIn export files by their header line (the file name is only a hint).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "import.hpp"

namespace rk {

struct Recognition {
  FileKind kind = FileKind::Unknown;
  char sep = ',';
  size_t data_offset = 0;  // byte offset just after the header record
  size_t data_line = 1;    // line number the data starts on
  std::vector<std::string> header;  // header cells as written (trimmed)
  bool legacy_messages = false;     // 2018 messages form (From,To,Date,Subject,Content,Direction,Folder)
  std::string reason;  // why it is Unknown (plain language)
  std::string note;    // anything worth telling the user even when recognised
};

// `name` is the file or zip-entry name (a hint); `text` the file decoded to UTF-8.
Recognition recognize(std::string_view name, std::string_view text);

// "Positions.csv", "Ad_Targeting.csv", ...: files LinkedIn puts in the export that Rekindle
// does not need.
bool known_unused_name(std::string_view name);

// "Basic_Export/Connections.csv" -> "Connections.csv" (also for '\\').
std::string_view base_name(std::string_view path);

// Header cell normalised for comparisons: ASCII letters and digits only, lower-cased.
std::string header_key(std::string_view cell);

}  // namespace rk
