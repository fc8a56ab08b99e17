// The import engine (see import.hpp).
//
// Phases: Expand (unzip, decode, recognise) -> Parse (CSV rows into staging, in slices) ->
// Merge (one step: owner, identities, contacts, conversations, dedup). The Store is only
// touched in Merge, so a cancel or a failure before it leaves the Store as it was.
#include "core/import.hpp"
#include "core/last_message.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <chrono>
#include <cstring>
#include <functional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "core/cells.hpp"
#include "core/csv.hpp"
#include "core/dates.hpp"
#include "core/identity.hpp"
#include "core/recognize.hpp"
#include "core/text.hpp"
#include "core/zip.hpp"

namespace rk {

const char* kind_name(FileKind k) {
  switch (k) {
    case FileKind::Unknown: return "unknown";
    case FileKind::Unused: return "unused";
    case FileKind::Connections: return "connections";
    case FileKind::Messages: return "messages";
    case FileKind::Invitations: return "invitations";
    case FileKind::EndorsementsReceived: return "endorsements_received";
    case FileKind::EndorsementsGiven: return "endorsements_given";
    case FileKind::RecommendationsReceived: return "recommendations_received";
    case FileKind::RecommendationsGiven: return "recommendations_given";
    case FileKind::Profile: return "profile";
  }
  return "unknown";
}

namespace {

constexpr uint32_t kNone = 0xFFFFFFFFu;
constexpr size_t kMaxDetails = 50;

using Clock = std::chrono::steady_clock;

uint64_t hash_str(std::string_view s) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}
uint64_t mix(uint64_t a, uint64_t b) {
  a ^= b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2);
  a ^= a >> 31;
  a *= 0xBF58476D1CE4E5B9ull;
  return a ^ (a >> 29);
}

// Identifies a message for deduplication across imports.
uint64_t msg_hash(ContactId sender, Time t, std::string_view text) {
  return mix(mix(uint64_t(sender), uint64_t(t)), hash_str(text));
}

bool truthy(std::string_view v) {
  v = trim(v);
  return iequals_ascii(v, "true") || iequals_ascii(v, "yes") || v == "1";
}

bool looks_like_html(std::string_view s) {
  static const char* const kTags[] = {"br", "p", "div", "a", "span", "html", "body", "table", "img",
                                      "b", "i", "strong", "em", "ul", "ol", "li", "td", "tr", "font",
                                      "h1", "h2", "h3", "center", "u", "hr", "meta", "style", "head"};
  size_t pos = 0;
  int checked = 0;
  while ((pos = s.find('<', pos)) != std::string_view::npos && checked < 64) {
    ++checked;
    size_t k = pos + 1;
    if (k < s.size() && s[k] == '/') ++k;
    size_t b = k;
    while (k < s.size() && std::isalnum(static_cast<unsigned char>(s[k]))) ++k;
    std::string_view name = s.substr(b, k - b);
    if (!name.empty() && k < s.size() && (s[k] == '>' || s[k] == ' ' || s[k] == '/' || s[k] == '\n')) {
      for (const char* t : kTags)
        if (iequals_ascii(name, t)) return true;
    }
    if (s.compare(pos, 4, "<!--") == 0 || iequals_ascii(s.substr(pos, 9), "<!doctype")) return true;
    pos = pos + 1;
  }
  return false;
}

// Plain text of a field (HTML stripped, CR LF and CR made LF), appended to `out`.
void append_clean_text(std::string_view v, std::string& out) {
  if (looks_like_html(v)) {
    out += html_to_text(v);
  } else if (v.find('\r') == std::string_view::npos) {
    out.append(v.data(), v.size());
  } else {
    for (size_t i = 0; i < v.size(); ++i) {
      if (v[i] == '\r') {
        if (i + 1 < v.size() && v[i + 1] == '\n') continue;
        out.push_back('\n');
      } else {
        out.push_back(v[i]);
      }
    }
  }
}

std::string clean_text(std::string_view v) {
  std::string out;
  append_clean_text(v, out);
  return out;
}

std::vector<std::string_view> split_commas(std::string_view s) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (;;) {
    size_t c = s.find(',', b);
    out.push_back(s.substr(b, c == std::string_view::npos ? std::string_view::npos : c - b));
    if (c == std::string_view::npos) break;
    b = c + 1;
  }
  return out;
}

// "1 cell", "12 cells".
std::string count_of(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// ---- staging -------------------------------------------------------------------------------

struct SPerson {
  std::string first, last, url, ukey, nkey;
  bool placeholder = false;
  bool from_connections = false;
  uint32_t sender_convs = 0, participant_convs = 0, owner_votes = 0;
  // Resolution.
  bool owner = false;
  ContactId id = kNoContact;
};

struct SConnection {
  uint32_t person;
  std::string email, company, position;
  Day connected_on = kNoDay;
};

struct SMessage {
  uint32_t conv = kNone;  // staged conversation (kNone for legacy rows until merge)
  uint32_t sender = kNone;
  Time time = kNoTime;
  TextRef subject, text;  // in Impl::texts
  // Legacy (2018) rows.
  bool legacy = false;
  bool outgoing = false;
  bool spam = false;
  uint32_t to_ref = kNone;  // its TO cell in Impl::pending_to (resolve_some fills `to`)
  std::vector<uint32_t> to;
};

struct SConv {
  std::string key, title;
  bool spam = false;
  std::vector<uint32_t> people;  // staged persons (sender and recipients), unique
  std::vector<uint32_t> msgs;
  std::vector<uint32_t> pending_to;  // TO cells without URLs (Impl::pending_to), until resolve_some
};

struct SInvitation {
  uint32_t person;
  Direction dir;
  Time time;
  std::string message;
};
struct SEndorsement {
  uint32_t person;
  Direction dir;
  Day day;
  std::string skill;
};
struct SRecommendation {
  uint32_t person;
  Direction dir;
  Day day;
  std::string text;
};

// A big zip entry parsed while it inflates (Importer::Impl::feed): never held whole. Its header
// was recognised in Expand from the first bytes; in Parse, the entry is opened again and read a
// chunk at a time into `buf`, where the CSV reader finds its records (an incomplete last record
// waits at the front of the buffer for the next chunk).
struct Stream {
  size_t input = 0, entry = 0;  // the zip (in Impl::inputs) and the entry in it
  std::unique_ptr<zip::Archive> archive;  // while the entry is read
  std::string buf;         // inflated and not parsed yet (a BOM removed)
  size_t dropped = 0;      // bytes of the text before buf[0]
  size_t valid_upto = 0;   // buf[0, valid_upto) is known to be UTF-8
  bool eof = false;        // buf ends with the end of the entry
  bool whole = false;      // not UTF-8 after all: being read whole, as any other entry
};

struct ParsedFile {
  std::string name;  // base name
  std::string owned;
  std::string_view text;
  Recognition rec;
  size_t report = 0;
  size_t zip_group = kNone;  // index of the zip input it came from
  size_t weight = 0;         // bytes of data rows (for progress)
  std::unique_ptr<Stream> stream;  // a zip entry parsed as it inflates (`text` stays empty)
  std::unique_ptr<csv::Reader> reader;
  std::vector<int> col;  // column index per known key
  bool done = false;
  size_t deleted = 0, drafts = 0, details_dropped = 0;
  size_t placeholders = 0;  // cells read as empty (is_placeholder_cell)
  size_t shifted = 0;       // rows skipped because a URL column held no URL
};

int kind_order(FileKind k) {
  switch (k) {
    case FileKind::Profile: return 0;
    case FileKind::Connections: return 1;
    case FileKind::Messages: return 2;
    case FileKind::Invitations: return 3;
    default: return 4;
  }
}

}  // namespace

struct Importer::Impl {
  Store& store;
  Day today;
  ImportLimits limits;
  ImportReport report;
  ImportStats stats;
  bool cancelled = false, finished = false;

  struct Input {
    std::string name, bytes;
    bool keep = false;  // a zip with a streamed entry: its bytes stay until that entry is read
  };
  std::vector<Input> inputs;

  enum class Phase { Expand, Parse, Merge, Cleanup, Done } phase = Phase::Expand;
  std::string phase_text = "Waiting";

  // Expand state.
  size_t in_idx = 0;
  std::unique_ptr<zip::Archive> archive;
  size_t entry_idx = 0;
  bool entry_open = false;
  bool entry_probe = false;  // reading the first bytes of a big entry: stream it?
  std::string entry_bytes;
  // UTF-8 validation of the entry as it is inflated, a piece per read (not 100+ MB in one slice).
  size_t entry_valid_upto = 0;
  bool entry_valid = true;
  size_t total_bytes = 0;
  std::vector<bool> zip_has_linkedin;

  // Parse state.
  std::vector<ParsedFile> files;
  std::vector<size_t> order;
  size_t parse_pos = 0;
  size_t parse_total = 0, parse_done_bytes = 0;
  // Position in `order` of the last streamed file: the files parsed before it (and the zips of
  // streamed entries) are kept until it is read, in case parsing has to start over.
  size_t last_stream = kNone;
  size_t release_from = 0;  // files in `order` before this one have been let go
  mutable float shown_progress = 0.0f;  // progress() never goes back, even if parsing restarts

  // Staging.
  std::vector<SPerson> persons;
  std::unordered_map<std::string, uint32_t> by_ukey, by_nkey;
  std::unordered_map<std::string, uint32_t> raw_url_cache;
  std::unordered_map<std::string, std::vector<uint32_t>> recipients_cache;
  std::unordered_set<std::string> known_names;  // folded full names seen so far
  // TO cells without profile URLs, distinct, split into names only after the last row.
  std::vector<std::string> pending_to;
  std::unordered_map<std::string, uint32_t> pending_to_index;
  std::vector<std::vector<uint32_t>> resolved;  // staged persons per pending_to cell
  size_t resolve_pos = 0;
  int resolve_stage = 0;  // resolve_some: 0 cells, 1 conversations, 2 2018 messages, 3 done
  bool have_legacy = false;  // 2018 messages staged
  std::unordered_set<uint64_t> sender_conv_pairs, participant_conv_pairs;
  std::vector<SConnection> connections;
  std::vector<SMessage> messages;
  std::string texts;  // staged message subjects and bodies (SMessage refs point here)
  std::vector<SConv> convs;
  std::unordered_map<std::string, uint32_t> conv_by_key;
  std::vector<SInvitation> invitations;
  std::vector<SEndorsement> endorsements;
  std::vector<SRecommendation> recommendations;
  bool have_profile = false, have_connections = false;
  // Connections files: the report of the first (where disconnections are told), and whether a
  // row of one was lost (an error, a skipped row that was not a deleted account).
  size_t connections_report = kNone;
  bool connections_partial = false;
  std::string profile_first, profile_last, profile_headline;
  size_t deleted_connections = 0;

  Impl(Store& s, Day t, ImportLimits l) : store(s), today(t), limits(l) {}

  // ---- helpers ------------------------------------------------------------------------------

  void detail(ParsedFile& f, size_t line, const std::string& why) {
    FileReport& r = report.files[f.report];
    if (r.details.size() < kMaxDetails) r.details.push_back("line " + std::to_string(line) + ": " + why);
    else ++f.details_dropped;
  }

  FileReport& add_report(std::string_view name, FileKind kind) {
    report.files.emplace_back();
    report.files.back().name = std::string(base_name(name));
    report.files.back().kind = kind;
    return report.files.back();
  }

  // Interns a person reference; kNone when there is nothing to go by.
  uint32_t person(std::string_view first, std::string_view last, std::string_view url) {
    first = trim(first);
    last = trim(last);
    url = trim(url);
    std::string uk = url.empty() ? std::string() : url_key(url);
    bool placeholder = uk.empty() && is_placeholder_name(std::string(first) + " " + std::string(last));
    std::string nk = placeholder ? std::string("\x01placeholder") : name_key(first, last);
    if (uk.empty() && nk.empty()) return kNone;
    uint32_t id;
    if (!uk.empty()) {
      auto it = by_ukey.find(uk);
      if (it != by_ukey.end()) {
        id = it->second;
      } else {
        id = uint32_t(persons.size());
        persons.emplace_back();
        persons.back().ukey = uk;
        persons.back().url = std::string(url);
        by_ukey.emplace(uk, id);
      }
      SPerson& p = persons[id];
      if (p.first.empty() && p.last.empty() &&
          !is_placeholder_name(std::string(first) + " " + std::string(last))) {
        p.first = std::string(first);
        p.last = std::string(last);
        p.nkey = name_key(first, last);
      }
      return id;
    }
    auto it = by_nkey.find(nk);
    if (it != by_nkey.end()) return it->second;
    id = uint32_t(persons.size());
    persons.emplace_back();
    SPerson& p = persons.back();
    p.first = std::string(first);
    p.last = std::string(last);
    p.nkey = nk;
    p.placeholder = placeholder;
    by_nkey.emplace(nk, id);
    return id;
  }

  // A person from a full name ("Jane Doe") and maybe a URL.
  uint32_t person_full(std::string_view full, std::string_view url) {
    std::string first, last;
    split_name(full, first, last);
    return person(first, last, url);
  }

  uint32_t person_url_cached(std::string_view full, std::string_view url) {
    if (trim(url).empty()) {
      uint32_t id = person_full(full, url);
      if (id != kNone && !persons[id].placeholder && known_names.size() < 1000000) known_names.insert(fold(full));
      return id;
    }
    std::string key(url);
    key.push_back('\x1f');
    key.append(full.data(), full.size());
    auto it = raw_url_cache.find(key);
    if (it != raw_url_cache.end()) return it->second;
    uint32_t id = person_full(full, url);
    if (id != kNone && !trim(full).empty() && !persons[id].placeholder) known_names.insert(fold(full));
    if (raw_url_cache.size() < 200000) raw_url_cache.emplace(std::move(key), id);
    return id;
  }

  // Groups comma-split pieces of a TO field back into names ("Smith, John" is one name).
  std::vector<std::string> group_names(const std::vector<std::string_view>& pieces, size_t want) {
    std::vector<std::string> out;
    // Known names first (greedy, longest match of up to 4 pieces).
    for (size_t i = 0; i < pieces.size();) {
      size_t best = 0;
      for (size_t len = std::min<size_t>(4, pieces.size() - i); len >= 2; --len) {
        std::string joined;
        for (size_t k = 0; k < len; ++k) {
          if (k) joined.push_back(',');
          joined.append(pieces[i + k].data(), pieces[i + k].size());
        }
        if (known_names.count(fold(joined))) {
          best = len;
          out.push_back(std::string(trim(joined)));
          break;
        }
      }
      if (best) {
        i += best;
      } else {
        out.push_back(std::string(trim(pieces[i])));
        ++i;
      }
    }
    // Still too many: join pieces that follow ", " (a "Last, First" name) until it fits.
    if (want != size_t(-1) && out.size() > want) {
      std::vector<std::string> merged;
      size_t excess = out.size() - want;
      // Rebuild from pieces with the space rule, keeping known-name groups.
      merged.push_back(out[0]);
      for (size_t i = 1; i < out.size(); ++i) {
        // pieces that originally started with a space look like the tail of "Last, First"
        if (excess > 0 && !out[i].empty() && out[i].find(' ') == std::string::npos &&
            merged.back().find(' ') == std::string::npos) {
          merged.back() += ", " + out[i];
          --excess;
        } else {
          merged.push_back(out[i]);
        }
      }
      out.swap(merged);
    }
    return out;
  }

  // Recipients of a message that lists their profile URLs: staged persons, one per URL, named
  // from the TO cell where its names can be paired with the URLs.
  const std::vector<uint32_t>& recipients(std::string_view to, std::string_view urls) {
    std::string key(to);
    key.push_back('\x1f');
    key.append(urls.data(), urls.size());
    auto it = recipients_cache.find(key);
    if (it != recipients_cache.end()) return it->second;
    std::vector<uint32_t> out;
    std::vector<std::string_view> url_list;
    for (auto u : split_commas(urls))
      if (!trim(u).empty()) url_list.push_back(trim(u));
    std::string_view tt = trim(to);
    if (url_list.size() == 1) {
      uint32_t p = person_full(tt, url_list[0]);
      if (p != kNone) out.push_back(p);
    } else if (!url_list.empty()) {
      std::vector<std::string_view> pieces = tt.empty() ? std::vector<std::string_view>{} : split_commas(tt);
      std::vector<std::string> names;
      if (pieces.size() == url_list.size()) {
        for (auto p : pieces) names.emplace_back(trim(p));
      } else {
        names = group_names(pieces, url_list.size());
      }
      bool paired = names.size() == url_list.size();
      for (size_t i = 0; i < url_list.size(); ++i) {
        uint32_t p = person_full(paired ? std::string_view(names[i]) : std::string_view(), url_list[i]);
        if (p != kNone) out.push_back(p);
      }
    }
    if (recipients_cache.size() > 100000) recipients_cache.clear();
    return recipients_cache.emplace(std::move(key), std::move(out)).first->second;
  }

  // ---- expand -------------------------------------------------------------------------------

  // Checks bytes[upto, end) for UTF-8 and moves `upto` on: up to the start of the last (possibly
  // incomplete) sequence, or everything once the bytes are `complete`. False if invalid.
  static bool check_utf8(std::string_view bytes, size_t& upto, bool complete) {
    size_t end = bytes.size();
    if (!complete) {
      size_t back = 0;
      while (end > upto && back < 4 && (static_cast<unsigned char>(bytes[end - 1]) & 0xC0) == 0x80) {
        --end;
        ++back;
      }
      if (end > upto) --end;  // the lead byte of that last sequence waits too
    }
    if (end <= upto) return true;
    const bool ok = valid_utf8(bytes.substr(upto, end - upto));
    upto = end;
    return ok;
  }

  // Validates what was inflated since the last call (a piece per read, not 100+ MB in one slice).
  void validate_entry(bool complete) {
    if (entry_valid) entry_valid = check_utf8(entry_bytes, entry_valid_upto, complete);
  }

  static bool ignorable_entry(const std::string& name) {
    std::string_view b = base_name(name);
    return starts_with(name, "__MACOSX/") || name.find("/__MACOSX/") != std::string::npos ||
           starts_with(b, "._") || b == ".DS_Store" || b == "Thumbs.db" || b.empty();
  }

  // Decodes and recognises one file's bytes into `f`, and says so in its report `r` (named, kind
  // Unknown, nothing else yet). False when the file is rejected (`r` says why).
  // `validity`: whether `bytes` is known to be valid UTF-8 (1), known not to be (0), or unknown (-1).
  bool decode(ParsedFile& f, FileReport& r, std::string&& bytes, int validity) {
    if (bytes.empty() || trim(bytes).empty()) {
      r.errors.push_back("the file is empty");
      return false;
    }
    if (zip::looks_like_zip(bytes)) {
      r.errors.push_back("a zip archive inside the zip: extract it and drop its files");
      return false;
    }
    // Decode: valid UTF-8 stays where it is (no copy of a 300 MB file); others are converted.
    std::string sample;
    bool is_text;
    if (!maybe_utf16(bytes) && (validity >= 0 ? validity == 1 : valid_utf8(bytes))) {
      is_text = text_sample(bytes, sample);
      f.owned = std::move(bytes);
      f.text = without_bom(f.owned);
    } else {
      is_text = to_utf8(bytes, f.owned);
      std::string().swap(bytes);
      f.text = f.owned;
    }
    if (!is_text) {
      r.errors.push_back("not a text (CSV) file: it looks like binary data");
      return false;
    }
    f.rec = recognize(f.name, f.text);
    f.weight = f.text.size() - std::min(f.text.size(), f.rec.data_offset);
    r.kind = f.rec.kind;
    if (f.rec.kind == FileKind::Unknown) {
      r.errors.push_back(f.rec.reason);
      // Kept aside: may become "unused" if it came in a LinkedIn zip.
      f.done = true;
      return true;
    }
    if (f.rec.kind == FileKind::Unused) {
      f.done = true;
      return true;
    }
    note_recognition(f.rec, r);
    return true;
  }
  // What recognising a file found worth saying: its note, and the optional columns it lacks.
  static void note_recognition(const Recognition& rec, FileReport& r) {
    if (!rec.note.empty()) r.details.push_back(rec.note);
    if (rec.missing.empty()) return;
    std::string cols;
    for (const std::string& m : rec.missing) cols += (cols.empty() ? "" : ", ") + m;
    r.details.push_back(rec.missing.size() == 1 ? "no " + cols + " column in this file: read without it"
                                                : "no " + cols + " columns in this file: read without them");
  }
  static bool maybe_utf16(std::string_view bytes) {  // a BOM, or a zero byte early on
    const auto* u = reinterpret_cast<const unsigned char*>(bytes.data());
    if (bytes.size() >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) return true;
    return std::memchr(u, 0, std::min<size_t>(bytes.size(), 4096)) != nullptr;
  }
  // Whether UTF-8 bytes look like text, judged by their first 64 KB (as the first bytes of a
  // streamed entry are: keep the two the same).
  static bool text_sample(std::string_view bytes, std::string& sample) {
    return to_utf8(bytes.substr(0, kSampleBytes), sample);
  }
  static std::string_view without_bom(std::string_view t) {
    if (starts_with(t, "\xEF\xBB\xBF")) t.remove_prefix(3);
    return t;
  }
  static constexpr size_t kSampleBytes = 65536;

  // Decodes, recognises and queues one file's bytes.
  void add_parsed(const std::string& name, std::string&& bytes, size_t zip_group, int validity = -1) {
    ParsedFile f;
    f.name = std::string(base_name(name));
    f.zip_group = zip_group;
    f.report = report.files.size();
    FileReport& r = add_report(name, FileKind::Unknown);
    if (decode(f, r, std::move(bytes), validity)) files.push_back(std::move(f));
  }

  // The first bytes of a big zip entry (kSampleBytes of it, or all of it) have been inflated into
  // entry_bytes: if they are the start of a messages file, the entry is queued to be parsed as it
  // inflates, in Parse (true). Only when the whole-entry path is sure to decode and recognise the
  // entry the same way from these bytes alone: UTF-8 so far (if not all of it, parsing restarts
  // the old way; see stream_failed), no UTF-16, text, and a comma-separated header that ends
  // before these bytes do, and commas were the first guess (with another separator, recognize()
  // would have tried more lines of the whole text than it saw here).
  bool stream_entry(const zip::Entry& e) {
    if (!entry_valid || entry_bytes.empty() || zip::looks_like_zip(entry_bytes) || maybe_utf16(entry_bytes))
      return false;
    std::string sample;
    if (!text_sample(entry_bytes, sample)) return false;
    const std::string name(base_name(e.name));
    const std::string_view text = without_bom(entry_bytes);
    Recognition rec = recognize(name, text);
    if (rec.kind != FileKind::Messages || rec.sep != ',' || rec.sep_guess != ',' || rec.data_offset >= text.size())
      return false;
    ParsedFile f;
    f.name = name;
    f.zip_group = in_idx;
    f.report = report.files.size();
    add_report(e.name, rec.kind);
    note_recognition(rec, report.files.back());
    const size_t bom = entry_bytes.size() - text.size();
    f.weight = size_t(e.uncompressed) - std::min<size_t>(size_t(e.uncompressed), bom + rec.data_offset);
    f.rec = std::move(rec);
    f.stream = std::make_unique<Stream>();
    f.stream->input = in_idx;
    f.stream->entry = entry_idx;
    files.push_back(std::move(f));
    inputs[in_idx].keep = true;
    ++stats.streamed;
    // The declared size: the real one is only known at the end, and cannot be larger.
    total_bytes += size_t(e.uncompressed);
    return true;
  }

  zip::Limits zip_limits() const {
    zip::Limits zl;
    zl.max_entry_bytes = limits.max_file_bytes;
    zl.max_ratio = limits.max_zip_ratio;
    return zl;
  }

  bool over_total(size_t more, const std::string& name) {
    if (total_bytes + more > limits.max_total_bytes) {
      FileReport& r = add_report(name, FileKind::Unknown);
      r.errors.push_back("skipped: all files together exceed the import limit of " +
                         std::to_string(limits.max_total_bytes >> 20) + " MB");
      return true;
    }
    total_bytes += more;
    return false;
  }

  // One bounded piece of the Expand phase. Returns true when Expand is finished.
  bool expand_some(Clock::time_point deadline) {
    while (in_idx < inputs.size()) {
      Input& in = inputs[in_idx];
      if (!archive) {
        if (!zip::looks_like_zip(in.bytes)) {
          phase_text = "Reading " + std::string(base_name(in.name));
          if (in.bytes.size() > limits.max_file_bytes) {
            FileReport& r = add_report(in.name, FileKind::Unknown);
            r.errors.push_back("the file is too large (" + std::to_string(in.bytes.size() >> 20) +
                               " MB; the limit is " + std::to_string(limits.max_file_bytes >> 20) + " MB)");
          } else if (!over_total(in.bytes.size(), in.name)) {
            add_parsed(in.name, std::move(in.bytes), kNone);
          }
          std::string().swap(in.bytes);
          ++in_idx;
          if (Clock::now() > deadline) return false;
          continue;
        }
        phase_text = "Unpacking " + std::string(base_name(in.name));
        archive = std::make_unique<zip::Archive>();
        std::string err;
        zip_has_linkedin.resize(in_idx + 1, false);
        if (!archive->open(in.bytes, err)) {
          FileReport& r = add_report(in.name, FileKind::Unknown);
          r.errors.push_back(err);
          archive.reset();
          std::string().swap(in.bytes);
          ++in_idx;
          continue;
        }
        entry_idx = 0;
        entry_open = false;
      }
      // Entries, a chunk at a time.
      const auto& entries = archive->entries();
      while (entry_idx < entries.size()) {
        const zip::Entry& e = entries[entry_idx];
        if (!entry_open) {
          if (e.directory || ignorable_entry(e.name)) {
            ++entry_idx;
            continue;
          }
          std::string err;
          const zip::Limits zl = zip_limits();
          entry_bytes.clear();
          if (total_bytes + e.uncompressed > limits.max_total_bytes) {
            over_total(e.uncompressed, e.name);
            ++entry_idx;
            continue;
          }
          // A big entry: its first bytes say whether to parse it as it inflates (stream_entry).
          entry_probe = e.uncompressed >= limits.stream_min_bytes;
          if (entry_probe) entry_bytes.reserve(kSampleBytes);
          if (entry_probe ? !archive->begin(entry_idx, zl, err) : !archive->begin(entry_idx, zl, entry_bytes, err)) {
            FileReport& r = add_report(e.name, FileKind::Unknown);
            r.errors.push_back(err);
            ++entry_idx;
            continue;
          }
          entry_open = true;
          entry_valid_upto = 0;
          entry_valid = true;
          phase_text = "Unpacking " + std::string(base_name(e.name));
        }
        std::string err;
        const size_t want = entry_probe ? kSampleBytes - entry_bytes.size() : size_t(1) << 20;
        int rc = archive->read_some(entry_bytes, want, err);
        if (rc >= 0) validate_entry(rc == 0);
        if (rc >= 0 && entry_probe && (rc == 0 || entry_bytes.size() >= kSampleBytes)) {
          entry_probe = false;
          if (stream_entry(e)) {
            archive->abort();
            entry_open = false;
            entry_bytes.clear();
            ++entry_idx;
            if (Clock::now() > deadline) return false;
            continue;
          }
          if (rc > 0) entry_bytes.reserve(size_t(e.uncompressed));  // the rest, whole, as any entry
        }
        if (rc < 0) {
          FileReport& r = add_report(e.name, FileKind::Unknown);
          r.errors.push_back(err);
          entry_open = false;
          std::string().swap(entry_bytes);
          ++entry_idx;
        } else if (rc == 0) {
          entry_open = false;
          total_bytes += entry_bytes.size();
          add_parsed(e.name, std::move(entry_bytes), in_idx, entry_valid ? 1 : 0);
          entry_bytes = std::string();
          ++entry_idx;
        }
        if (Clock::now() > deadline) return false;
      }
      archive.reset();
      if (!in.keep) std::string().swap(in.bytes);
      ++in_idx;
    }
    plan_parse();
    return true;
  }

  static bool recognised(FileKind k) { return k != FileKind::Unknown && k != FileKind::Unused; }

  // What to parse, in which order; and the reports of unknown files, which depend on what else
  // their zip holds. Run at the end of Expand, and again if parsing restarts.
  void plan_parse() {
    std::fill(zip_has_linkedin.begin(), zip_has_linkedin.end(), false);
    for (const ParsedFile& f : files)
      if (f.zip_group != kNone && f.zip_group < zip_has_linkedin.size() && recognised(f.rec.kind))
        zip_has_linkedin[f.zip_group] = true;
    // Unknown CSV files inside a LinkedIn zip are LinkedIn's own: "not used", not errors.
    for (ParsedFile& f : files) {
      if (f.rec.kind != FileKind::Unknown || f.text.empty()) continue;
      FileReport& r = report.files[f.report];
      const bool linkedin = f.zip_group != kNone && f.zip_group < zip_has_linkedin.size() &&
                            zip_has_linkedin[f.zip_group];
      r.kind = linkedin ? FileKind::Unused : FileKind::Unknown;
      r.errors.clear();
      if (!linkedin) r.errors.push_back(f.rec.reason);
    }
    // Parse order: Profile, Connections, Messages, the rest.
    order.clear();
    for (size_t i = 0; i < files.size(); ++i)
      if (!files[i].done) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return kind_order(files[a].rec.kind) < kind_order(files[b].rec.kind);
    });
    parse_total = 0;
    last_stream = kNone;
    for (size_t k = 0; k < order.size(); ++k) {
      parse_total += files[order[k]].weight;
      if (files[order[k]].stream) last_stream = k;
    }
  }

  // ---- parse --------------------------------------------------------------------------------

  // False if a streamed file failed to start (parsing restarts; see stream_failed).
  bool start_file(ParsedFile& f) {
    if (f.stream) {
      if (!start_stream(f)) return false;
    } else {
      f.reader = std::make_unique<csv::Reader>(f.text, f.rec.sep, limits.max_field_bytes,
                                               f.rec.data_offset, f.rec.data_line);
    }
    f.col = f.rec.col;
    if (f.col.size() != size_t(cCount)) f.col.assign(cCount, -1);
    if (f.rec.kind == FileKind::Connections) {
      have_connections = true;
      if (connections_report == kNone) connections_report = f.report;
    }
    if (f.rec.kind == FileKind::Messages) {
      // Rough row estimate, so staging does not move every message several times while growing.
      size_t est = f.weight / 256 + 16;
      messages.reserve(messages.size() + std::min<size_t>(est, size_t(4) << 20));
      // Message bodies are about a third of a typical messages.csv; the rest is names and URLs.
      texts.reserve(texts.size() + f.weight * 2 / 5);
    }
    return true;
  }

  // ---- streamed entries -----------------------------------------------------------------------

  // Opens a streamed entry again and reads up to its data rows. False if it failed.
  bool start_stream(ParsedFile& f) {
    Stream& s = *f.stream;
    std::string err;
    s.archive = std::make_unique<zip::Archive>();
    if (!s.archive->open(inputs[s.input].bytes, err) || !s.archive->begin(s.entry, zip_limits(), err))
      return stream_failed(f, err);
    s.buf.clear();
    s.buf.reserve(std::max<size_t>(limits.stream_chunk_bytes, 1) + (size_t(64) << 10));  // a chunk and a carry
    s.dropped = s.valid_upto = 0;
    s.eof = false;
    // The header was recognised from these first bytes in Expand: they hold it, and the BOM.
    while (!s.eof && s.buf.size() < 3 + f.rec.data_offset)
      if (!inflate_chunk(f)) return false;
    if (starts_with(s.buf, "\xEF\xBB\xBF")) {
      s.buf.erase(0, 3);
      s.valid_upto -= std::min<size_t>(s.valid_upto, 3);
    }
    f.reader = std::make_unique<csv::Reader>(s.buf, f.rec.sep, limits.max_field_bytes, f.rec.data_offset,
                                             f.rec.data_line, !s.eof);
    return true;
  }

  // Inflates the next chunk of a streamed entry onto its buffer and checks it is UTF-8.
  bool inflate_chunk(ParsedFile& f) {
    Stream& s = *f.stream;
    std::string err;
    const int rc = s.archive->read_some(s.buf, std::max<size_t>(limits.stream_chunk_bytes, 1), err);
    if (rc < 0) return stream_failed(f, err);
    s.eof = rc == 0;
    stats.max_buffer = std::max(stats.max_buffer, s.buf.size());
    if (!check_utf8(s.buf, s.valid_upto, s.eof)) return stream_failed(f, std::string());
    return true;
  }

  // The reader wants more of a streamed entry: drops what it has read, appends the next chunk.
  bool feed(ParsedFile& f) {
    Stream& s = *f.stream;
    const size_t used = f.reader->offset();
    // A record read to the very end of the buffer can end past the bytes checked so far (its
    // newline is the last byte, which waited in case it began a sequence).
    if (used > s.valid_upto) {
      if (!valid_utf8(std::string_view(s.buf).substr(s.valid_upto, used - s.valid_upto)))
        return stream_failed(f, std::string());
      s.valid_upto = used;
    }
    s.buf.erase(0, used);
    s.dropped += used;
    s.valid_upto -= used;
    if (!inflate_chunk(f)) return false;
    f.reader->resume(s.buf, !s.eof);
    return true;
  }

  // A streamed entry cannot be read (`error`: a bad CRC, corrupt data...) or is not UTF-8 after
  // all (no `error`). Its rows are staged already, mixed with everything else; rather than pick
  // them out, the entry is settled as the whole-entry path settles it (an error, or the entry read
  // whole and decoded), and parsing starts over from where Expand left it (restart_parse). Rare,
  // and it only costs the files parsed so far a second reading. Returns false, for the callers.
  bool stream_failed(ParsedFile& f, const std::string& error) {
    Stream& s = *f.stream;
    std::string err = error;
    if (err.empty()) {
      // Read whole (in slices: read_whole), then decoded as any entry.
      s.whole = true;
      std::string().swap(s.buf);
      if (s.archive->begin(s.entry, zip_limits(), s.buf, err)) {
        phase_text = "Unpacking " + f.name;
        return false;
      }
    }
    FileReport& r = report.files[f.report];
    r = FileReport{r.name, FileKind::Unknown, 0, 0, {err}, {}};
    unqueue(f);
    restart_parse();
    return false;
  }

  // As if the file had never been queued (as add_parsed leaves a file it rejects).
  static void unqueue(ParsedFile& f) {
    ParsedFile g;
    g.name = f.name;
    g.report = f.report;
    g.zip_group = f.zip_group;
    g.done = true;
    f = std::move(g);
  }

  // Reads a streamed entry that turned out not to be UTF-8 whole, then starts parsing over.
  // False at the deadline.
  bool read_whole(ParsedFile& f, Clock::time_point deadline) {
    Stream& s = *f.stream;
    for (;;) {
      std::string err;
      const int rc = s.archive->read_some(s.buf, size_t(1) << 20, err);
      if (rc < 0) {
        s.whole = false;
        stream_failed(f, err);
        return true;
      }
      if (rc == 0) break;
      if (Clock::now() > deadline) return false;
    }
    FileReport& r = report.files[f.report];
    r = FileReport{r.name, FileKind::Unknown, 0, 0, {}, {}};
    std::string bytes = std::move(s.buf);
    ParsedFile g;
    g.name = f.name;
    g.zip_group = f.zip_group;
    g.report = f.report;
    if (!decode(g, r, std::move(bytes), -1)) unqueue(g);
    f = std::move(g);
    restart_parse();
    return true;
  }

  // Parsing starts over (a streamed entry failed): the staging area is emptied, the reports of
  // the files to parse go back to what decoding them said, and all are parsed again in order.
  void restart_parse() {
    persons = {};
    by_ukey = {};
    by_nkey = {};
    raw_url_cache = {};
    recipients_cache = {};
    known_names = {};
    pending_to = {};
    pending_to_index = {};
    resolved = {};
    resolve_pos = 0;
    resolve_stage = 0;
    have_legacy = false;
    sender_conv_pairs = {};
    participant_conv_pairs = {};
    connections = {};
    messages = {};
    texts = {};
    convs = {};
    conv_by_key = {};
    invitations = {};
    endorsements = {};
    recommendations = {};
    have_profile = have_connections = connections_partial = false;
    connections_report = kNone;
    profile_first.clear();
    profile_last.clear();
    profile_headline.clear();
    deleted_connections = 0;
    for (size_t i : order) {
      ParsedFile& f = files[i];
      if (!recognised(f.rec.kind)) continue;  // the failed entry, settled
      f.reader.reset();
      f.col.clear();
      f.done = false;
      f.deleted = f.drafts = f.details_dropped = f.placeholders = f.shifted = 0;
      if (f.stream) {
        f.stream->archive.reset();
        std::string().swap(f.stream->buf);
      }
      FileReport& r = report.files[f.report];
      r.rows = r.skipped = 0;
      r.errors.clear();
      r.details.clear();
      note_recognition(f.rec, r);
    }
    parse_pos = 0;
    parse_done_bytes = 0;
    release_from = 0;
    ++stats.restarts;
    plan_parse();
  }

  static std::string_view get(const std::vector<std::string_view>& row, const ParsedFile& f, Col c) {
    int i = f.col[c];
    return (i >= 0 && size_t(i) < row.size()) ? row[size_t(i)] : std::string_view();
  }

  // Returns false when the row must be skipped (a detail has been recorded).
  bool check_width(ParsedFile& f, const std::vector<std::string_view>& row) {
    size_t want = f.rec.header.size();
    if (row.size() == want) return true;
    if (row.size() > want) {
      bool extra_empty = true;
      for (size_t i = want; i < row.size(); ++i)
        if (!trim(row[i]).empty()) extra_empty = false;
      if (extra_empty) return true;
    }
    detail(f, f.reader->line(), "expected " + std::to_string(want) + " fields, found " +
                                    std::to_string(row.size()) + " (row skipped)");
    return false;
  }

  // A cell of a column that can only hold something or nothing (a URL, an e-mail, a company, a
  // position, a date), trimmed: a spreadsheet's placeholder there ("N/A", "NULL") is read as
  // empty, and counted. Never for names or message texts, where "NA" may be meant.
  std::string_view value(ParsedFile& f, const std::vector<std::string_view>& row, Col c) {
    const std::string_view v = trim(get(row, f, c));
    if (v.empty() || !is_placeholder_cell(v)) return v;
    ++f.placeholders;
    return {};
  }

  // A URL column holding a name, a company or a date: the row's columns have shifted (a
  // separator inside a name that was not quoted). False, with a detail: the row is skipped rather
  // than read into the wrong fields. `list`: the cell is a comma-separated list of URLs.
  bool url_ok(ParsedFile& f, std::string_view v, bool list = false) {
    if (v.empty()) return true;
    if (list) {  // (no vector per row: a big export has a million of them)
      for (size_t b = 0; b <= v.size();) {
        size_t c = v.find(',', b);
        if (c == std::string_view::npos) c = v.size();
        const std::string_view u = trim(v.substr(b, c - b));
        if (!u.empty() && !looks_like_url(u)) return url_ok(f, u);
        b = c + 1;
      }
      return true;
    }
    if (looks_like_url(v)) return true;
    ++f.shifted;
    detail(f, f.reader->line(), "a URL column holds \"" + std::string(v.substr(0, 40)) +
                                    "\": the columns look shifted (row skipped)");
    return false;
  }

  bool row_connection(ParsedFile& f, const std::vector<std::string_view>& row) {
    std::string_view first = trim(get(row, f, cFirst)), last = trim(get(row, f, cLast)),
                     url = value(f, row, cUrl), email = value(f, row, cEmail),
                     company = value(f, row, cCompany), position = value(f, row, cPosition),
                     date = value(f, row, cConnectedOn);
    if (first.empty() && last.empty() && url.empty() && email.empty() && company.empty() &&
        position.empty()) {
      ++f.deleted;  // a deleted account: only the date is left
      ++deleted_connections;
      return false;
    }
    if (!url_ok(f, url)) return false;
    // The profile URL in another column: shifted too (the URL column is then empty or missing).
    for (std::string_view v : {email, company, position})
      if (url.empty() && v.find('/') != std::string_view::npos && url_key(v).rfind("linkedin.com/in/", 0) == 0) {
        ++f.shifted;
        detail(f, f.reader->line(), "a profile URL outside the URL column: the columns look shifted (row skipped)");
        return false;
      }
    SConnection c;
    c.person = person(first, last, url);
    if (c.person == kNone) return false;
    if (persons[c.person].ukey.empty() && persons[c.person].from_connections) {
      // Another connection with the same name and no URL: a namesake, a person of their own.
      c.person = uint32_t(persons.size());
      persons.emplace_back();
      persons.back().first = std::string(first);
      persons.back().last = std::string(last);
      persons.back().nkey = name_key(first, last);
    }
    persons[c.person].from_connections = true;
    // The Connections file has the authoritative split of first and last name.
    SPerson& p = persons[c.person];
    if (!first.empty() || !last.empty()) {
      p.first = std::string(first);
      p.last = std::string(last);
      p.nkey = name_key(first, last);
    }
    known_names.insert(fold(std::string(first) + " " + std::string(last)));
    known_names.insert(fold(std::string(last) + ", " + std::string(first)));
    c.email = std::string(email);
    c.company = std::string(company);
    c.position = std::string(position);
    if (!date.empty() && !parse_day(date, c.connected_on)) {
      c.connected_on = kNoDay;
      detail(f, f.reader->line(), "unreadable date \"" + std::string(date.substr(0, 40)) + "\" (row kept)");
    }
    connections.push_back(std::move(c));
    return true;
  }

  // Appends a message subject or body to the staged texts.
  TextRef stage_text(std::string_view v, bool clean) {
    const size_t at = texts.size();
    if (clean) append_clean_text(v, texts);
    else texts.append(v.data(), v.size());
    if (texts.size() - at > 0xFFFFFFFFull || texts.size() > 0xFFFFFFFFull) {  // beyond what TextRef holds
      texts.resize(at);
      return {};
    }
    return texts.size() == at ? TextRef{} : TextRef{uint32_t(at), uint32_t(texts.size() - at)};
  }
  std::string_view staged(TextRef r) const { return std::string_view(texts).substr(r.off, r.len); }

  uint32_t conv_for(const std::string& key, std::string_view title) {
    auto it = conv_by_key.find(key);
    if (it != conv_by_key.end()) return it->second;
    uint32_t id = uint32_t(convs.size());
    convs.emplace_back();
    convs.back().key = key;
    convs.back().title = std::string(trim(title));
    conv_by_key.emplace(key, id);
    return id;
  }

  void add_conv_person(uint32_t conv, uint32_t p, bool sender) {
    if (p == kNone) return;
    uint64_t pair = (uint64_t(p) << 32) | conv;
    if (participant_conv_pairs.insert(pair).second) {
      ++persons[p].participant_convs;
      convs[conv].people.push_back(p);
    }
    if (sender && sender_conv_pairs.insert(pair).second) ++persons[p].sender_convs;
  }

  bool row_message(ParsedFile& f, const std::vector<std::string_view>& row) {
    if (truthy(get(row, f, cMsgDraft)) || truthy(get(row, f, cConvDraft))) {
      ++f.drafts;
      return false;
    }
    // Everything that can refuse the row comes before its texts are staged; shifted columns
    // first (they make the date unreadable too, which would hide the reason).
    const std::string_view sender_url = value(f, row, cSenderUrl), urls = value(f, row, cRecipientUrls);
    if (!url_ok(f, sender_url) || !url_ok(f, urls, true)) return false;
    SMessage m;
    std::string_view date = value(f, row, cDate);
    if (!parse_time(date, m.time)) {
      detail(f, f.reader->line(), "unreadable date \"" + std::string(date.substr(0, 40)) + "\" (row skipped)");
      return false;
    }
    const std::string_view key = trim(get(row, f, cConvId));
    if (!f.rec.legacy_messages && key.empty()) {
      detail(f, f.reader->line(), "no conversation id (row skipped)");
      return false;
    }
    std::string_view from = trim(get(row, f, cFrom));
    std::string_view folder = trim(get(row, f, cFolder));
    m.spam = iequals_ascii(folder, "spam");
    m.subject = stage_text(trim(get(row, f, cSubject)), false);
    m.text = stage_text(get(row, f, cContent), true);
    if (f.rec.legacy_messages) {
      m.legacy = have_legacy = true;
      m.outgoing = iequals_ascii(trim(get(row, f, cDirection)), "outgoing");
      m.sender = person_full(from, "");
      if (m.sender != kNone) known_names.insert(fold(from));
      m.to_ref = defer_names(get(row, f, cTo));
      if (m.outgoing && m.sender != kNone) ++persons[m.sender].owner_votes;
      messages.push_back(std::move(m));
      return true;
    }
    m.conv = conv_for(std::string(key), get(row, f, cConvTitle));
    SConv& cv = convs[m.conv];
    if (m.spam) cv.spam = true;
    if (cv.title.empty()) cv.title = std::string(trim(get(row, f, cConvTitle)));
    m.sender = person_url_cached(from, sender_url);
    add_conv_person(m.conv, m.sender, true);
    if (urls.find_first_not_of(", ") != std::string_view::npos) {  // the URLs say how many people there are
      for (uint32_t r : recipients(get(row, f, cTo), urls)) add_conv_person(m.conv, r, false);
    } else {
      const uint32_t t = defer_names(get(row, f, cTo));
      if (t != kNone && std::find(cv.pending_to.begin(), cv.pending_to.end(), t) == cv.pending_to.end())
        cv.pending_to.push_back(t);
    }
    convs[m.conv].msgs.push_back(uint32_t(messages.size()));
    messages.push_back(std::move(m));
    return true;
  }

  // A TO cell without profile URLs: split into people once every name of the import is known
  // (resolve_some). An index into pending_to, or kNone when it is empty.
  uint32_t defer_names(std::string_view to) {
    to = trim(to);
    if (to.empty()) return kNone;
    auto it = pending_to_index.find(std::string(to));
    if (it != pending_to_index.end()) return it->second;
    const uint32_t t = uint32_t(pending_to.size());
    pending_to.emplace_back(to);
    pending_to_index.emplace(std::string(to), t);
    return t;
  }

  // After the last row: the TO cells without URLs become people. Every name of Connections, the
  // Profile and every sender is known by now, so the owner's "Femi O SPHRi, CPHR" is one person
  // in all rows, also those before they first wrote. In slices too (tens of thousands of cells
  // in a big export of 2021-2022): false at the deadline, checked after the work.
  bool resolve_some(Clock::time_point deadline) {
    phase_text = "Matching names";
    const auto known = [&](const std::string& folded) { return known_names.count(folded) > 0; };
    auto late = [&]() { return (++resolve_pos & 255) == 0 && Clock::now() > deadline; };
    if (resolve_stage == 0) {  // the cells, split into people
      resolved.resize(pending_to.size());
      while (resolve_pos < pending_to.size()) {
        std::vector<uint32_t>& people = resolved[resolve_pos];
        for (const std::string& name : split_names(pending_to[resolve_pos], known)) {
          const uint32_t p = person_full(name, "");
          if (p != kNone) people.push_back(p);
        }
        if (late()) return false;
      }
      resolve_stage = 1, resolve_pos = 0;
    }
    if (resolve_stage == 1) {  // the conversations they were the recipients of
      while (resolve_pos < convs.size()) {
        const uint32_t ci = uint32_t(resolve_pos);
        for (uint32_t t : convs[ci].pending_to)
          for (uint32_t p : resolved[t]) add_conv_person(ci, p, false);
        if (late()) return false;
      }
      resolve_stage = 2, resolve_pos = 0;
    }
    if (resolve_stage == 2 && have_legacy) {  // 2018 messages: their recipients, and owner votes
      while (resolve_pos < messages.size()) {
        SMessage& m = messages[resolve_pos];
        if (m.legacy && m.to_ref != kNone) {
          m.to = resolved[m.to_ref];
          if (!m.outgoing && m.to.size() == 1) ++persons[m.to[0]].owner_votes;
        }
        if (late()) return false;
      }
    }
    resolve_stage = 3;
    return true;
  }

  bool row_invitation(ParsedFile& f, const std::vector<std::string_view>& row) {
    SInvitation inv;
    std::string_view dir = trim(get(row, f, cDirection));
    inv.dir = iequals_ascii(dir, "outgoing") ? Direction::Outgoing : Direction::Incoming;
    if (!iequals_ascii(dir, "outgoing") && !iequals_ascii(dir, "incoming")) {
      detail(f, f.reader->line(), "unknown direction \"" + std::string(dir.substr(0, 20)) + "\" (row skipped)");
      return false;
    }
    const std::string_view inviter = value(f, row, cInviterUrl), invitee = value(f, row, cInviteeUrl);
    if (!url_ok(f, inviter) || !url_ok(f, invitee)) return false;
    if (inv.dir == Direction::Incoming)
      inv.person = person_full(get(row, f, cFrom), inviter);
    else
      inv.person = person_full(get(row, f, cTo), invitee);
    if (inv.person == kNone || persons[inv.person].placeholder) {
      detail(f, f.reader->line(), "no name or profile (row skipped)");
      return false;
    }
    std::string_view date = value(f, row, cSentAt);
    if (!parse_time(date, inv.time)) {
      inv.time = kNoTime;
      detail(f, f.reader->line(), "unreadable date \"" + std::string(date.substr(0, 40)) + "\" (row kept)");
    }
    inv.message = clean_text(trim(get(row, f, cMessage)));
    invitations.push_back(std::move(inv));
    return true;
  }

  bool row_endorsement(ParsedFile& f, const std::vector<std::string_view>& row, Direction dir) {
    SEndorsement e;
    e.dir = dir;
    const std::string_view url = value(f, row, cEUrl);
    if (!url_ok(f, url)) return false;
    e.person = person(get(row, f, cEFirst), get(row, f, cELast), url);
    if (e.person == kNone) {
      detail(f, f.reader->line(), "no name or profile (row skipped)");
      return false;
    }
    std::string_view date = value(f, row, cEndDate);
    if (!parse_day(date, e.day)) {
      e.day = kNoDay;
      detail(f, f.reader->line(), "unreadable date \"" + std::string(date.substr(0, 40)) + "\" (row kept)");
    }
    e.skill = std::string(trim(get(row, f, cSkill)));
    endorsements.push_back(std::move(e));
    return true;
  }

  bool row_recommendation(ParsedFile& f, const std::vector<std::string_view>& row, Direction dir) {
    SRecommendation r;
    r.dir = dir;
    r.person = person(get(row, f, cFirst), get(row, f, cLast), "");
    if (r.person == kNone) {
      detail(f, f.reader->line(), "no name (row skipped)");
      return false;
    }
    std::string_view date = value(f, row, cCreation);
    if (!parse_day(date, r.day)) {
      r.day = kNoDay;
      detail(f, f.reader->line(), "unreadable date \"" + std::string(date.substr(0, 40)) + "\" (row kept)");
    }
    r.text = clean_text(trim(get(row, f, cText)));
    recommendations.push_back(std::move(r));
    return true;
  }

  bool row_profile(ParsedFile& f, const std::vector<std::string_view>& row) {
    if (have_profile) return false;
    std::string_view first = trim(get(row, f, cFirst)), last = trim(get(row, f, cLast));
    if (first.empty() && last.empty()) {
      detail(f, f.reader->line(), "no name (row skipped)");
      return false;
    }
    have_profile = true;
    profile_first = std::string(first);
    profile_last = std::string(last);
    profile_headline = std::string(trim(get(row, f, cHeadline)));
    // The owner's own name, commas and all ("Femi O SPHRi, CPHR"), is one person in TO cells.
    known_names.insert(fold(profile_first + " " + profile_last));
    return true;
  }

  void finish_file(ParsedFile& f) {
    FileReport& r = report.files[f.report];
    if (f.deleted)
      r.details.push_back(std::to_string(f.deleted) + " rows of deleted accounts (no name) skipped");
    if (f.drafts) r.details.push_back(std::to_string(f.drafts) + " draft messages skipped");
    if (f.shifted)
      r.details.push_back(count_of(f.shifted, "row was", "rows were") +
                          " skipped: a URL column held no URL, so the columns looked shifted (a separator inside "
                          "a name that was not quoted?)");
    if (f.placeholders)
      r.details.push_back(count_of(f.placeholders, "cell", "cells") + " held a placeholder such as N/A or NULL and " +
                          (f.placeholders == 1 ? "was" : "were") + " read as empty");
    if (f.details_dropped) r.details.push_back("and " + std::to_string(f.details_dropped) + " more");
    if (f.rec.kind == FileKind::Connections && (!r.errors.empty() || r.skipped > f.deleted)) connections_partial = true;
    parse_done_bytes += f.weight;
    f.done = true;
    f.reader.reset();
    if (f.stream) {
      f.stream->archive.reset();
      std::string().swap(f.stream->buf);
    }
    // Staging holds copies of everything it keeps: the file's bytes (100+ MB for a big
    // messages.csv held whole) go back to the allocator now, for the merge and the save to reuse.
    // Only once no streamed entry is left to read, though: if one fails, parsing starts over.
    if (last_stream == kNone || parse_pos >= last_stream) {
      for (; release_from <= parse_pos; ++release_from) {
        ParsedFile& done = files[order[release_from]];
        done.text = std::string_view();
        std::string().swap(done.owned);
      }
      for (Input& in : inputs)
        if (in.keep) {
          std::string().swap(in.bytes);
          in.keep = false;
        }
    }
  }

  // Parses rows until the deadline. Returns true when all files are parsed.
  bool parse_some(Clock::time_point deadline) {
    std::vector<std::string_view> row;
    while (parse_pos < order.size()) {
      ParsedFile& f = files[order[parse_pos]];
      FileReport& r = report.files[f.report];
      if (f.stream && f.stream->whole) {
        if (!read_whole(f, deadline)) return false;
        continue;
      }
      if (!f.reader && !start_file(f)) continue;  // a streamed entry failed: settled, restarted
      phase_text = "Reading " + f.name;
      bool restarted = false;
      for (int n = 0;; ++n) {
        if ((n & 255) == 255 && Clock::now() > deadline) return false;
        csv::Status st = f.reader->next(row);
        if (st == csv::Status::End) break;
        if (st == csv::Status::NeedMore) {  // a streamed entry: its next chunk
          if (!feed(f)) {
            restarted = true;
            break;
          }
          if (Clock::now() > deadline) return false;
          continue;
        }
        if (st == csv::Status::Error) {
          ++r.skipped;
          if (f.reader->offset() >= f.reader->size() &&
              f.reader->error().find("unterminated") != std::string::npos) {
            r.errors.push_back("the file ends inside a quoted field at line " + std::to_string(f.reader->line()) +
                               ": it seems cut short; the " + std::to_string(r.rows) +
                               " complete rows before it were kept");
          } else {
            detail(f, f.reader->line(), f.reader->error() + " (row skipped)");
          }
          continue;
        }
        if (!check_width(f, row)) {
          ++r.skipped;
          continue;
        }
        bool ok = false;
        switch (f.rec.kind) {
          case FileKind::Connections: ok = row_connection(f, row); break;
          case FileKind::Messages: ok = row_message(f, row); break;
          case FileKind::Invitations: ok = row_invitation(f, row); break;
          case FileKind::EndorsementsReceived: ok = row_endorsement(f, row, Direction::Incoming); break;
          case FileKind::EndorsementsGiven: ok = row_endorsement(f, row, Direction::Outgoing); break;
          case FileKind::RecommendationsReceived: ok = row_recommendation(f, row, Direction::Incoming); break;
          case FileKind::RecommendationsGiven: ok = row_recommendation(f, row, Direction::Outgoing); break;
          case FileKind::Profile: ok = row_profile(f, row); break;
          default: break;
        }
        if (ok) ++r.rows;
        else ++r.skipped;
      }
      if (restarted) continue;
      finish_file(f);
      ++parse_pos;
    }
    return resolve_some(deadline);
  }

  // ---- merge --------------------------------------------------------------------------------

  // Merge state: the merge runs in slices too (a big export has hundreds of thousands of
  // messages to deduplicate and place); the Session keeps the UI off the Store meanwhile.
  struct MergeState {
    int step = 0;  // 0 people and connections, 1 conversations, 2 the rest, 3 done
    bool people_done = false;
    Owner owner;
    std::unordered_map<std::string, uint32_t> c_by_ukey;
    std::unordered_map<std::string, std::vector<uint32_t>> c_by_nkey;
    size_t existing_count = 0;
    std::vector<bool> changed;
    std::vector<uint32_t> person_idx;  // index into store.contacts per staged person
    std::unordered_map<std::string, uint32_t> conv_index;
    bool adopt_texts = false;
    size_t conv_pos = 0;
  } ms;

  void mark(uint32_t idx) {
    if (idx < ms.existing_count) ms.changed[idx] = true;
  }
  ContactId cid(uint32_t p) const {
    if (p == kNone) return kNoContact;
    if (persons[p].owner) return kOwner;
    if (persons[p].placeholder || ms.person_idx[p] == kNone) return kNoContact;
    return store.contacts[ms.person_idx[p]].id;
  }
  TextRef keep_text(TextRef r) {
    if (ms.adopt_texts || !r.len) return r;
    if (store.texts.size() + r.len > 0xFFFFFFFFull) return {};
    return store.add_text(staged(r));
  }

  bool merging() const { return (phase == Phase::Merge && (ms.step > 0 || ms.people_done)) || phase == Phase::Cleanup; }

  // Frees the staging containers one at a time until the deadline; true when all are gone.
  bool release_some(Clock::time_point deadline) {
    auto drop = [](auto& c) {
      std::remove_reference_t<decltype(c)> empty;
      c.swap(empty);
    };
    for (;; ++release_pos) {
      switch (release_pos) {
        case 0: drop(files); break;
        case 1: drop(messages); break;
        case 2: drop(texts); break;
        case 3: drop(convs); break;
        case 4: drop(conv_by_key); break;
        case 5: drop(raw_url_cache); break;
        case 6: drop(recipients_cache); break;
        case 7: drop(known_names); break;
        case 8: drop(sender_conv_pairs); break;
        case 9: drop(participant_conv_pairs); break;
        case 10: drop(by_ukey); break;
        case 11: drop(by_nkey); break;
        case 12: drop(persons); break;
        case 13: drop(connections); break;
        case 14: ms = MergeState(); break;
        case 15: drop(pending_to); break;
        case 16: drop(pending_to_index); break;
        case 17: drop(resolved); break;
        default: return true;
      }
      if (Clock::now() > deadline) {
        ++release_pos;
        return false;
      }
    }
  }
  int release_pos = 0;
  void merge_people();          // step 0
  void merge_connections();     // step 0, second half
  void merge_disconnections(const std::vector<bool>& listed, Day on, size_t reconnected);
  void stage_legacy_conversations();

  // The day this export was made: LinkedIn names its zip "..._LinkedInDataExport_MM-DD-YYYY.zip"
  // (the latest such date of the zips dropped); else the import day.
  Day export_day() const {
    Day best = kNoDay;
    for (const Input& in : inputs) {
      const std::string_view n = base_name(in.name);
      const size_t at = n.find("DataExport_");
      int m = 0, d = 0, y = 0;
      if (at == std::string_view::npos ||
          std::sscanf(std::string(n.substr(at + 11, 10)).c_str(), "%2d-%2d-%4d", &m, &d, &y) != 3 ||
          !valid_civil(y, m, d))
        continue;
      const Day day = days_from_civil(y, m, d);
      if (day <= today + 1 && (best == kNoDay || day > best)) best = day;  // not a typo'd future
    }
    return best == kNoDay ? today : best;
  }
  bool merge_conversations(Clock::time_point deadline);  // step 1
  void merge_conversation(SConv& sc);
  void merge_rest();            // step 2
  bool merge_some(Clock::time_point deadline) {
    if (ms.step == 0) {
      if (!ms.people_done) {
        merge_people();
        ms.people_done = true;
        if (Clock::now() > deadline) return false;
      }
      merge_connections();
      ms.step = 1;
      if (Clock::now() > deadline) return false;
    }
    if (ms.step == 1) {
      if (!merge_conversations(deadline)) return false;
      ms.step = 2;
      if (Clock::now() > deadline) return false;
    }
    if (ms.step == 2) {
      merge_rest();
      ms.step = 3;
    }
    return true;
  }
};

// ---- merge -----------------------------------------------------------------------------------

void Importer::Impl::merge_people() {
  Store& s = store;
  phase_text = "Merging contacts";

  // Owner: name from Profile; URL from the sender in most conversations.
  Owner owner = s.owner;
  if (have_profile) {
    owner.first_name = profile_first;
    owner.last_name = profile_last;
    if (!profile_headline.empty()) owner.headline = profile_headline;
  }
  std::string owner_nkey = name_key(owner.first_name, owner.last_name);
  {
    // The owner takes part in every conversation: the profile URL in the most conversations
    // (as sender, or as recipient where the export lists recipient URLs). A URL whose name is
    // the Profile's name wins over others.
    uint32_t best = kNone;
    auto better = [&](uint32_t a, uint32_t b) {  // is a better than b?
      const SPerson &x = persons[a], &y = persons[b];
      bool xn = !owner_nkey.empty() && x.nkey == owner_nkey, yn = !owner_nkey.empty() && y.nkey == owner_nkey;
      if (xn != yn) return xn;
      if (x.participant_convs != y.participant_convs) return x.participant_convs > y.participant_convs;
      return x.sender_convs > y.sender_convs;
    };
    for (uint32_t i = 0; i < persons.size(); ++i) {
      const SPerson& p = persons[i];
      if (p.ukey.empty() || p.sender_convs == 0 || p.from_connections) continue;
      if (best == kNone || better(i, best)) best = i;
    }
    // Without a Profile, the owner is the most frequent participant.
    if (!have_profile && owner_nkey.empty()) {
      uint32_t part = kNone;
      for (uint32_t i = 0; i < persons.size(); ++i) {
        const SPerson& p = persons[i];
        if (p.placeholder || p.from_connections) continue;
        uint32_t score = p.participant_convs + p.owner_votes;
        if (score == 0) continue;
        if (part == kNone || score > persons[part].participant_convs + persons[part].owner_votes) part = i;
      }
      if (part != kNone) {
        owner.first_name = persons[part].first;
        owner.last_name = persons[part].last;
        owner_nkey = persons[part].nkey;
        if (!persons[part].ukey.empty()) best = part;
      }
    }
    // Once known, the owner's URL stays: every export is the same person's, and a re-import
    // must resolve people exactly as before.
    if (best != kNone && s.owner.url_key.empty()) {
      owner.url = persons[best].url;
      owner.url_key = persons[best].ukey;
      if (owner.first_name.empty() && owner.last_name.empty()) {
        owner.first_name = persons[best].first;
        owner.last_name = persons[best].last;
        owner_nkey = persons[best].nkey;
      }
    }
  }
  for (SPerson& p : persons) {
    if (!owner.url_key.empty() && p.ukey == owner.url_key) p.owner = true;
    else if (p.ukey.empty() && !owner_nkey.empty() && p.nkey == owner_nkey && !p.from_connections)
      p.owner = true;
  }

  ms.owner = owner;
  // Existing contacts by key.
  auto& c_by_ukey = ms.c_by_ukey;
  auto& c_by_nkey = ms.c_by_nkey;
  c_by_ukey.reserve(s.contacts.size() + persons.size());
  c_by_nkey.reserve(s.contacts.size() + persons.size());
  s.contacts.reserve(s.contacts.size() + persons.size());
  for (uint32_t i = 0; i < s.contacts.size(); ++i) {
    const Contact& c = s.contacts[i];
    if (!c.url_key.empty()) c_by_ukey.emplace(c.url_key, i);
    c_by_nkey[name_key(c.first_name, c.last_name)].push_back(i);
  }
  const size_t existing_count = s.contacts.size();
  ms.existing_count = existing_count;
  ms.changed.assign(existing_count, false);
  ms.person_idx.assign(persons.size(), kNone);
  auto& person_idx = ms.person_idx;
  std::unordered_set<uint32_t> claimed;  // contacts taken by a URL-less row of Connections
  auto create = [&](const SPerson& p) -> uint32_t {
    Contact c;
    c.id = s.next_id++;
    if (c.id == kOwner || c.id == kNoContact) c.id = s.next_id++;
    c.first_name = p.first;
    c.last_name = p.last;
    c.url = p.url;
    c.url_key = p.ukey;
    c.first_seen = today;
    s.contacts.push_back(std::move(c));
    uint32_t idx = uint32_t(s.contacts.size() - 1);
    if (!p.ukey.empty()) c_by_ukey.emplace(p.ukey, idx);
    c_by_nkey[p.nkey].push_back(idx);
    ++report.contacts_added;
    return idx;
  };
  // People with a URL first (so name-only references can find them), then by name.
  for (int pass = 0; pass < 2; ++pass) {
    for (uint32_t i = 0; i < persons.size(); ++i) {
      SPerson& p = persons[i];
      if (p.owner || p.placeholder) continue;
      if ((pass == 0) == p.ukey.empty()) continue;
      uint32_t idx = kNone;
      if (!p.ukey.empty()) {
        auto it = c_by_ukey.find(p.ukey);
        if (it != c_by_ukey.end()) {
          idx = it->second;
        } else if (!p.nkey.empty()) {
          // A contact known only by name so far (e.g. from a recommendation) gets the URL.
          auto nt = c_by_nkey.find(p.nkey);
          if (nt != c_by_nkey.end())
            for (uint32_t cand : nt->second)
              if (s.contacts[cand].url_key.empty()) {
                idx = cand;
                s.contacts[idx].url = p.url;
                s.contacts[idx].url_key = p.ukey;
                c_by_ukey.emplace(p.ukey, idx);
                mark(idx);
                break;
              }
        }
      } else {
        // By name: prefer a connection, and for a row of Connections one that no other row of
        // this import has claimed (namesakes stay apart).
        auto nt = c_by_nkey.find(p.nkey);
        if (nt != c_by_nkey.end()) {
          for (int want_connected = 1; want_connected >= 0 && idx == kNone; --want_connected)
            for (uint32_t cand : nt->second) {
              if (want_connected && !s.contacts[cand].connected) continue;
              if (p.from_connections && claimed.count(cand)) continue;
              idx = cand;
              break;
            }
        }
      }
      if (idx == kNone) idx = create(p);
      if (p.from_connections && p.ukey.empty()) claimed.insert(idx);
      person_idx[i] = idx;
      Contact& c = s.contacts[idx];
      if (c.first_name.empty() && c.last_name.empty() && (!p.first.empty() || !p.last.empty())) {
        c.first_name = p.first;
        c.last_name = p.last;
        mark(idx);
      }
    }
  }
}

void Importer::Impl::merge_connections() {
  Store& s = store;
  phase_text = "Merging connections";
  auto& person_idx = ms.person_idx;
  const size_t existing_count = ms.existing_count;
  // Connections.
  std::vector<bool> was_connected(existing_count);
  for (size_t i = 0; i < existing_count; ++i) was_connected[i] = s.contacts[i].connected;
  std::vector<bool> job_checked(s.contacts.size() + 1, false);
  std::vector<bool> listed(s.contacts.size(), false);
  const Day on = export_day();
  size_t reconnected = 0;
  for (SConnection& sc : connections) {
    if (persons[sc.person].owner) continue;
    uint32_t idx = person_idx[sc.person];
    if (idx == kNone) continue;
    listed[idx] = true;
    Contact& c = s.contacts[idx];
    const SPerson& p = persons[sc.person];
    bool ch = false;
    auto set = [&](std::string& field, const std::string& v) {
      if (field != v) {
        field = v;
        ch = true;
      }
    };
    if (!p.first.empty() || !p.last.empty()) {
      set(c.first_name, p.first);
      set(c.last_name, p.last);
    }
    if (!p.url.empty() && c.url != p.url) set(c.url, p.url);
    if (!p.ukey.empty()) set(c.url_key, p.ukey);
    if (!sc.email.empty()) set(c.email, sc.email);
    if (idx < existing_count && was_connected[idx] && idx < job_checked.size() && !job_checked[idx] &&
        (c.company != sc.company || c.position != sc.position) &&
        (!c.company.empty() || !c.position.empty())) {
      JobChange jc;
      jc.seen_on = today;
      jc.old_company = c.company;
      jc.old_position = c.position;
      jc.new_company = sc.company;
      jc.new_position = sc.position;
      c.job_changes.push_back(std::move(jc));
      job_checked[idx] = true;
    }
    set(c.company, sc.company);
    set(c.position, sc.position);
    // Listed again after they were not: connected again (unless this export is older than the
    // one that left them out).
    if (!c.connected && (c.disconnected_on == kNoDay || on >= c.disconnected_on)) {
      c.connected = true;
      ch = true;
      if (c.disconnected_on != kNoDay) {
        c.disconnected_on = kNoDay;
        ++reconnected;
      }
    }
    if (sc.connected_on != kNoDay && c.connected_on != sc.connected_on) {
      c.connected_on = sc.connected_on;
      ch = true;
    }
    if (ch) mark(idx);
  }
  merge_disconnections(listed, on, reconnected);

  stage_legacy_conversations();

  // Conversations and messages, deduplicated against what is stored.
  for (uint32_t i = 0; i < s.conversations.size(); ++i) ms.conv_index.emplace(s.conversations[i].key, i);
  s.messages.reserve(s.messages.size() + messages.size());
  // A first import takes the staged texts as they are (no copy); later ones append what is new.
  ms.adopt_texts = s.messages.empty() && s.texts.empty();
  if (ms.adopt_texts) s.texts = std::move(texts);
  else s.texts.reserve(s.texts.size() + texts.size());
}

// Legacy (2018) messages: conversations keyed by the other participants (the owner known now).
void Importer::Impl::stage_legacy_conversations() {
  for (uint32_t mi = 0; mi < messages.size(); ++mi) {
    SMessage& m = messages[mi];
    if (!m.legacy) continue;
    std::vector<uint32_t> others;
    if (m.sender != kNone && !persons[m.sender].owner && !m.outgoing) others.push_back(m.sender);
    for (uint32_t t : m.to)
      if (!persons[t].owner) others.push_back(t);
    std::vector<std::string> keys;
    for (uint32_t o : others) keys.push_back(persons[o].ukey.empty() ? persons[o].nkey : persons[o].ukey);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::string key = "legacy:";
    for (size_t k = 0; k < keys.size(); ++k) key += (k ? "|" : "") + keys[k];
    m.conv = conv_for(key, "");
    if (m.spam) convs[m.conv].spam = true;
    convs[m.conv].msgs.push_back(mi);
    for (uint32_t o : others) add_conv_person(m.conv, o, false);
  }
}

// A Connections.csv lists every connection: the connected contacts a complete one leaves out are
// no longer connected (they removed the owner, or the owner them, or left LinkedIn). Their
// history, notes and tags stay. Only with a Connections.csv in this import, read without a
// row lost (else a cut or damaged file would disconnect everyone after the damage).
void Importer::Impl::merge_disconnections(const std::vector<bool>& listed, Day on, size_t reconnected) {
  if (!have_connections || connections_report >= report.files.size()) return;
  FileReport& r = report.files[connections_report];
  if (reconnected)
    r.details.push_back(count_of(reconnected, "person is", "people are") + " in your connections again");
  if (connections.empty()) return;  // no list to judge by (only the preamble, or no readable row)
  // An export older than one that already left people out (an old export imported late) has
  // nothing newer to say.
  for (const Contact& c : store.contacts)
    if (c.disconnected_on != kNoDay && c.disconnected_on > on) return;
  // Nor about a connection made after it: they are not left out, they were not there yet.
  Day latest = kNoDay;
  for (const SConnection& sc : connections)
    if (sc.connected_on != kNoDay && (latest == kNoDay || sc.connected_on > latest)) latest = sc.connected_on;
  std::vector<uint32_t> gone;
  for (uint32_t i = 0; i < ms.existing_count; ++i) {
    const Contact& c = store.contacts[i];
    if (!c.connected || listed[i]) continue;
    if (latest != kNoDay && c.connected_on != kNoDay && c.connected_on > latest) continue;
    gone.push_back(i);
  }
  if (gone.empty()) return;
  if (connections_partial) {
    r.details.push_back("some rows could not be read: nobody is marked as no longer connected");
    return;
  }
  for (uint32_t i : gone) {
    store.contacts[i].connected = false;
    store.contacts[i].disconnected_on = on;
    mark(i);
  }
  r.details.push_back(count_of(gone.size(), "person is", "people are") + " no longer in your connections");
}

bool Importer::Impl::merge_conversations(Clock::time_point deadline) {
  phase_text = "Merging conversations";
  while (ms.conv_pos < convs.size()) {
    merge_conversation(convs[ms.conv_pos++]);
    // Checked after the work, so every slice makes progress.
    if (ms.conv_pos % 16 == 0 && ms.conv_pos < convs.size() && Clock::now() > deadline) return false;
  }
  return true;
}

void Importer::Impl::merge_conversation(SConv& sc) {
  Store& s = store;
  auto& conv_index = ms.conv_index;
  auto& person_idx = ms.person_idx;
  const bool adopt_texts = ms.adopt_texts;
  {
    if (sc.msgs.empty()) return;
    uint32_t ci;
    bool fresh = false;
    auto it = conv_index.find(sc.key);
    if (it == conv_index.end()) {
      ci = uint32_t(s.conversations.size());
      s.conversations.emplace_back();
      s.conversations.back().key = sc.key;
      conv_index.emplace(sc.key, ci);
      fresh = true;
    } else {
      ci = it->second;
    }
    Conversation& cv = s.conversations[ci];
    if (!sc.title.empty()) cv.title = sc.title;
    cv.spam = sc.spam;
    std::unordered_set<uint64_t> seen;
    for (uint32_t mi : cv.messages) {
      if (mi >= s.messages.size()) continue;
      const Message& m = s.messages[mi];
      seen.insert(msg_hash(m.sender, m.time, s.text(m.text)));
    }
    bool added = false;
    for (uint32_t smi : sc.msgs) {
      SMessage& sm = messages[smi];
      ContactId sender = sm.legacy && sm.outgoing ? kOwner : cid(sm.sender);
      uint64_t h = msg_hash(sender, sm.time, adopt_texts ? s.text(sm.text) : staged(sm.text));
      if (!seen.insert(h).second) continue;
      Message m;
      m.conversation = ci;
      m.sender = sender;
      m.time = sm.time;
      m.subject = keep_text(sm.subject);
      m.text = keep_text(sm.text);
      cv.messages.push_back(uint32_t(s.messages.size()));
      s.messages.push_back(std::move(m));
      added = true;
    }
    if (added) {
      std::stable_sort(cv.messages.begin(), cv.messages.end(), [&](uint32_t a, uint32_t b) {
        return s.messages[a].time < s.messages[b].time;
      });
    }
    for (uint32_t p : sc.people) {
      ContactId id = cid(p);
      if (id == kOwner || id == kNoContact) continue;
      if (std::find(cv.participants.begin(), cv.participants.end(), id) == cv.participants.end()) {
        cv.participants.push_back(id);
      }
      uint32_t idx = person_idx[p];
      Contact& c = s.contacts[idx];
      if (std::find(c.conversations.begin(), c.conversations.end(), ci) == c.conversations.end()) {
        c.conversations.push_back(ci);
        mark(idx);
      } else if (added) {
        mark(idx);
      }
    }
    cv.group = cv.participants.size() > 1;
    (void)fresh;
  }
}

void Importer::Impl::merge_rest() {
  Store& s = store;
  auto& person_idx = ms.person_idx;
  // Invitations, endorsements, recommendations: deduplicated per contact.
  for (SInvitation& si : invitations) {
    if (cid(si.person) == kOwner || cid(si.person) == kNoContact) continue;
    uint32_t idx = person_idx[si.person];
    Contact& c = s.contacts[idx];
    bool dup = false;
    for (const Invitation& x : c.invitations)
      if (x.direction == si.dir && x.time == si.time && x.message == si.message) dup = true;
    if (dup) continue;
    c.invitations.push_back(Invitation{si.dir, si.time, std::move(si.message)});
    mark(idx);
  }
  for (SEndorsement& se : endorsements) {
    if (cid(se.person) == kOwner || cid(se.person) == kNoContact) continue;
    uint32_t idx = person_idx[se.person];
    Contact& c = s.contacts[idx];
    bool dup = false;
    for (const Endorsement& x : c.endorsements)
      if (x.direction == se.dir && x.day == se.day && x.skill == se.skill) dup = true;
    if (dup) continue;
    c.endorsements.push_back(Endorsement{se.dir, se.day, std::move(se.skill)});
    mark(idx);
  }
  for (SRecommendation& sr : recommendations) {
    if (cid(sr.person) == kOwner || cid(sr.person) == kNoContact) continue;
    uint32_t idx = person_idx[sr.person];
    Contact& c = s.contacts[idx];
    bool dup = false;
    for (const Recommendation& x : c.recommendations)
      if (x.direction == sr.dir && x.day == sr.day && x.text == sr.text) dup = true;
    if (dup) continue;
    c.recommendations.push_back(Recommendation{sr.dir, sr.day, std::move(sr.text)});
    mark(idx);
  }

  for (bool ch : ms.changed)
    if (ch) ++report.contacts_updated;
  s.owner = ms.owner;
  s.last_import = today;
  if (have_connections) s.deleted_connections = int(deleted_connections);
  s.reindex();
  judge_last_messages(s);  // so that statuses never wait for the texts (last_message.hpp)
  report.committed = true;
}

// ---- Importer ----------------------------------------------------------------------------------

Importer::Importer(Store& store, Day today, ImportLimits limits)
    : impl_(new Impl(store, today, limits)) {}
Importer::~Importer() = default;

void Importer::add_file(std::string name, std::string bytes) {
  if (impl_->phase != Impl::Phase::Expand || impl_->finished) return;
  impl_->inputs.push_back(Impl::Input{std::move(name), std::move(bytes)});
}

bool Importer::step(double budget_ms) {
  Impl& m = *impl_;
  if (m.finished) return true;
  if (m.cancelled && !m.merging()) {
    m.report.cancelled = true;
    m.finished = true;
    m.phase = Impl::Phase::Done;
    m.phase_text = "Cancelled";
    return true;
  }
  auto deadline = Clock::now() + std::chrono::microseconds(int64_t(std::max(0.0, budget_ms) * 1000));
  if (m.phase == Impl::Phase::Expand) {
    if (!m.expand_some(deadline)) return false;
    m.phase = Impl::Phase::Parse;
    if (Clock::now() > deadline) return false;
  }
  if (m.phase == Impl::Phase::Parse) {
    if (!m.parse_some(deadline)) return false;
    m.phase = Impl::Phase::Merge;
    m.phase_text = "Merging";
    return false;  // the merge starts with a slice of its own
  }
  if (m.phase == Impl::Phase::Merge) {
    // A cancel counts until the merge starts; once the Store is being changed it runs to the end.
    if (!m.merging() && m.cancelled) {
      m.report.cancelled = true;
    } else {
      bool any = false;
      for (const FileReport& f : m.report.files)
        if (f.kind != FileKind::Unknown && f.kind != FileKind::Unused && f.rows > 0) any = true;
      bool recognised = false;
      for (const FileReport& f : m.report.files)
        if (f.kind != FileKind::Unknown && f.kind != FileKind::Unused) recognised = true;
      if (!any && !recognised) {
        m.report.error = m.report.files.empty()
                             ? "No files to import."
                             : "No LinkedIn data found: drop the export zip (or its CSV files) as LinkedIn sent it.";
      } else if (!m.merge_some(deadline)) {
        // Also with recognised files but no usable rows (a Connections file with only its
        // preamble): nothing is lost, the import date is recorded.
        return false;
      }
    }
    m.phase = Impl::Phase::Cleanup;
    m.phase_text = "Tidying up";
    if (Clock::now() > deadline) return false;
  }
  if (m.phase == Impl::Phase::Cleanup) {
    // The staging area holds millions of small allocations: freed a part per slice.
    if (!m.release_some(deadline)) return false;
    m.phase = Impl::Phase::Done;
    m.phase_text = m.report.cancelled ? "Cancelled" : "Done";
    m.finished = true;
  }
  return m.finished;
}

void Importer::cancel() { impl_->cancelled = true; }
bool Importer::done() const { return impl_->finished; }
bool Importer::merging() const { return impl_->merging() && !impl_->finished; }

float Importer::progress() const {
  const Impl& m = *impl_;
  if (m.finished) return 1.0f;
  switch (m.phase) {
    case Impl::Phase::Expand: {
      if (m.inputs.empty()) return 0.0f;
      return 0.2f * float(m.in_idx) / float(m.inputs.size());
    }
    case Impl::Phase::Parse: {
      size_t done = m.parse_done_bytes;
      if (m.parse_pos < m.order.size()) {
        const ParsedFile& f = m.files[m.order[m.parse_pos]];
        if (f.reader) {
          const size_t at = f.reader->offset() + (f.stream ? f.stream->dropped : 0);
          done += std::min(f.weight, at - std::min(at, f.rec.data_offset));
        }
      }
      float p = m.parse_total ? float(double(done) / double(m.parse_total)) : 1.0f;
      // Never back, even when parsing starts over (a streamed entry failed).
      m.shown_progress = std::max(m.shown_progress, 0.2f + 0.7f * std::min(1.0f, p));
      return m.shown_progress;
    }
    case Impl::Phase::Merge: {
      const float conv = m.convs.empty() ? 1.0f : float(m.ms.conv_pos) / float(m.convs.size());
      return 0.9f + 0.06f * (m.ms.step >= 2 ? 1.0f : m.ms.step == 1 ? conv : 0.0f);
    }
    case Impl::Phase::Cleanup: return 0.97f;
    case Impl::Phase::Done: return 1.0f;
  }
  return 0.0f;
}

std::string Importer::phase() const { return impl_->phase_text; }
const ImportReport& Importer::report() const { return impl_->report; }
const ImportStats& Importer::stats() const { return impl_->stats; }

ImportReport import_all(Store& store, Day today, std::vector<std::pair<std::string, std::string>> files,
                        ImportLimits limits) {
  Importer imp(store, today, limits);
  for (auto& f : files) imp.add_file(std::move(f.first), std::move(f.second));
  while (!imp.step(1000.0)) {
  }
  return imp.report();
}

// ---- summary ---------------------------------------------------------------------------------

std::vector<bool> counted_contacts(const Store& s) {
  std::unordered_set<ContactId> wrote;  // sent a message in a non-spam conversation
  for (const Conversation& cv : s.conversations) {
    if (cv.spam) continue;
    for (uint32_t mi : cv.messages) {
      if (mi >= s.messages.size()) continue;
      ContactId snd = s.messages[mi].sender;
      if (snd != kOwner && snd != kNoContact) wrote.insert(snd);
    }
  }
  std::vector<bool> out(s.contacts.size(), false);
  for (size_t i = 0; i < s.contacts.size(); ++i) {
    const Contact& c = s.contacts[i];
    bool invited_owner = false;
    for (const Invitation& inv : c.invitations)
      if (inv.direction == Direction::Incoming) invited_owner = true;
    out[i] = c.connected || (!c.url_key.empty() && (wrote.count(c.id) > 0 || invited_owner));
  }
  return out;
}

Summary summarize(const Store& s) {
  Summary sm;
  for (const Conversation& cv : s.conversations) {
    if (cv.spam) continue;
    ++sm.conversations;
    for (uint32_t mi : cv.messages)
      if (mi < s.messages.size()) ++sm.messages;
  }
  const std::vector<bool> counted = counted_contacts(s);
  for (size_t i = 0; i < s.contacts.size(); ++i) {
    const Contact& c = s.contacts[i];
    if (c.connected) ++sm.connections;
    if (counted[i]) ++sm.contacts;
    sm.invitations += c.invitations.size();
    sm.endorsements += c.endorsements.size();
    sm.recommendations += c.recommendations.size();
  }
  return sm;
}

}  // namespace rk
