// Recognising LinkedIn export files by their header line (the file name is only a hint).
//
// A file is recognised by the columns it must have, under any of the names real exports and
// the tools people re-save them with use ("Sent At" / "Date Sent", "inviterProfileUrl" /
// "inviterProfileUrn", ...); the other columns are optional, and the ones that matter are named
// in Recognition::missing when a file lacks them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "import.hpp"

namespace rk {

// The columns the importer reads, whatever a file calls them.
enum Col {
  cFirst, cLast, cUrl, cEmail, cCompany, cPosition, cConnectedOn,
  cConvId, cConvTitle, cFrom, cSenderUrl, cTo, cRecipientUrls, cDate, cSubject, cContent, cFolder,
  cMsgDraft, cConvDraft, cDirection,
  cSentAt, cMessage, cInviterUrl, cInviteeUrl,
  cEndDate, cSkill, cEFirst, cELast, cEUrl, cEStatus,
  cText, cCreation, cStatus, cJobTitle,
  cHeadline,
  cCount
};

struct Recognition {
  FileKind kind = FileKind::Unknown;
  char sep = ',';
  char sep_guess = ',';    // the separator the header line suggested (tried first)
  size_t data_offset = 0;  // byte offset just after the header record
  size_t data_line = 1;    // line number the data starts on
  std::vector<std::string> header;  // header cells as written (trimmed)
  std::vector<int> col;             // header index of each Col (cCount of them), -1 if absent
  bool legacy_messages = false;     // 2018 messages form (From,To,Date,Subject,Content,Direction,Folder)
  std::vector<std::string> missing;  // optional columns that matter and are absent ("URL", ...)
  std::string reason;  // why it is Unknown (plain language)
  std::string note;    // anything worth telling the user even when recognised
};

// `name` is the file or zip-entry name (a hint); `text` the file decoded to UTF-8.
Recognition recognize(std::string_view name, std::string_view text);

// The separators to try on `text`, most likely first: ',', ';' and '\t' ordered by how often
// each occurs outside quotes in the busiest of the first records (a header line has the most).
// Only the first 32 KB are looked at (a streamed entry's first bytes decide the same way).
std::string separator_order(std::string_view text);

// "Positions.csv", "Ad_Targeting.csv", ...: files LinkedIn puts in the export that Rekindle
// does not need.
bool known_unused_name(std::string_view name);

// "Basic_Export/Connections.csv" -> "Connections.csv" (also for '\\').
std::string_view base_name(std::string_view path);

// Header cell normalised for comparisons: ASCII letters and digits only, lower-cased.
std::string header_key(std::string_view cell);

}  // namespace rk
