// Saving and loading the state: bulk (binary), user (JSON), backup (JSON). See serialize.hpp.
//
// Nothing here throws: the web build runs with exception catching disabled, so JSON is parsed
// with allow_exceptions=false, types are checked before every access, and dump() replaces
// invalid UTF-8 instead of throwing.
#include "serialize.hpp"
#include "last_message.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <chrono>
#include <cstring>
#include <ctime>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_set>
#include <utility>

namespace rk {
namespace {

using json = nlohmann::json;

// ---- small shared helpers ------------------------------------------------------------------

// Proleptic Gregorian conversions (H. Hinnant's algorithms), local so that serialisation does not
// depend on the parsing code in dates.cpp.
Day civil_to_day(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Day(era * 146097 + int64_t(doe) - 719468);
}
void day_to_civil(Day day, int64_t& y, unsigned& m, unsigned& d) {
  const int64_t z = int64_t(day) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = int64_t(yoe) + era * 400 + (m <= 2);
}

// "YYYY-MM-DD" ("" for kNoDay). Years outside 0..9999 get a sign / more digits so that every
// Day value still round-trips.
std::string day_string(Day day) {
  if (day == kNoDay) return std::string();
  int64_t y;
  unsigned m, d;
  day_to_civil(day, y, m, d);
  char buf[40];
  if (y >= 0 && y <= 9999)
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(y), m, d);
  else
    std::snprintf(buf, sizeof buf, "%+05lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

bool parse_day_string(std::string_view s, Day& out) {
  size_t i = 0;
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    i = 1;
  }
  const size_t ys = i;
  int64_t y = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - ys < 8) y = y * 10 + (s[i++] - '0');
  if (i - ys < 4 || s.size() != i + 6 || s[i] != '-' || s[i + 3] != '-') return false;
  auto two = [&](size_t p, unsigned& v) {
    if (s[p] < '0' || s[p] > '9' || s[p + 1] < '0' || s[p + 1] > '9') return false;
    v = unsigned(s[p] - '0') * 10 + unsigned(s[p + 1] - '0');
    return true;
  };
  unsigned m, d;
  if (!two(i + 1, m) || !two(i + 4, d)) return false;
  if (neg) y = -y;
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kDays[m - 1] + (m == 2 && leap ? 1u : 0u)) return false;
  const int64_t v = int64_t(civil_to_day(y, m, d));
  if (v <= int64_t(std::numeric_limits<Day>::min()) || v > int64_t(std::numeric_limits<Day>::max()))
    return false;
  out = Day(v);
  return true;
}

const char* dir_name(Direction d) { return d == Direction::Outgoing ? "outgoing" : "incoming"; }

// ---- bulk: binary ---------------------------------------------------------------------------
//
// Layout (all integers LEB128 varints, signed ones zigzag-encoded):
//   "RKB1" | format version | payload length | payload | CRC-32 (4 bytes, little endian) of
//   everything before it.
// Payload (format 1):
//   owner: first_name last_name url url_key headline
//   next_id, last_import (zz), deleted_connections (zz)
//   contacts: count, then per contact: id, first_name, last_name, url, url_key, email, company,
//     position, connected_on (zz), flags (bit0 connected; from format 4 bit1: disconnected_on (zz)
//     follows), first_seen (zz),
//     conversations (count, indices), invitations (count; direction, time (zz), message),
//     endorsements (count; direction, day (zz), skill), recommendations (count; direction,
//     day (zz), text), job_changes (count; seen_on (zz), old_company, old_position,
//     new_company, new_position)
//   conversations: count, then per conversation: key, title, participants (count, ids),
//     flags (bit0 group, bit1 spam), messages (count, indices)
//   messages: count, then per message: conversation, sender, time (zz), subject, text
// Strings are a length followed by the bytes.
// Format 3 is format 2 without the block of texts: those are written separately ("RKT1" |
// version | length | texts | CRC-32) so a page load can show everything else before them.
// Format 2 differs from 1 only in the messages: count, then per message: conversation,
// sender, time (zz), subject length, text length; then the length of all texts and the texts
// themselves, subject then text of each message in order: one block, copied in one go.
// Formats 4 and 5 are 2 and 3 with contacts' flags bit1 (a contact no longer connected, and
// since when): older releases refuse them as "newer", rather than misread them.
// Formats 6 and 7 are 4 and 5 with each message record ending in its note (Message::note, how
// the last messages of a thread read: last_message.hpp), so statuses need no texts.

// What a format version says about the layout.
bool texts_apart(uint64_t version) { return version == 3 || version == 5 || version == 7; }
bool has_disconnected(uint64_t version) { return version >= 4; }
bool has_notes(uint64_t version) { return version >= 6; }

constexpr char kMagic[4] = {'R', 'K', 'B', '1'};
constexpr char kTextMagic[4] = {'R', 'K', 'T', '1'};

// The last 4 bytes of [begin, end) are the CRC-32 of what precedes them.
bool check_crc(const uint8_t* begin, const uint8_t* end) {
  if (end - begin < 4) return false;
  const uLong want = crc32_z(crc32(0L, Z_NULL, 0), begin, size_t(end - begin) - 4);
  const uLong got = uLong(end[-4]) | (uLong(end[-3]) << 8) | (uLong(end[-2]) << 16) | (uLong(end[-1]) << 24);
  return want == got;
}

class BinWriter {
 public:
  std::string out;
  void var(uint64_t v) {
    char buf[10];
    int n = 0;
    while (v >= 0x80) {
      buf[n++] = char(uint8_t(v) | 0x80);
      v >>= 7;
    }
    buf[n++] = char(v);
    out.append(buf, size_t(n));
  }
  void zz(int64_t v) { var((uint64_t(v) << 1) ^ uint64_t(v >> 63)); }
  void str(std::string_view s) {
    var(s.size());
    out.append(s.data(), s.size());
  }
  void u8(uint8_t v) { out.push_back(char(v)); }
};

class BinReader {
 public:
  BinReader(const uint8_t* p, const uint8_t* end) : p_(p), end_(end) {}
  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }
  size_t left() const { return size_t(end_ - p_); }

  uint64_t var() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) return fail();
      const uint8_t b = *p_++;
      if (shift == 63 && b > 1) return fail();
      v |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return fail();
  }
  int64_t zz() {
    const uint64_t u = var();
    return int64_t(u >> 1) ^ -int64_t(u & 1);
  }
  uint32_t u32() {
    const uint64_t v = var();
    if (v > 0xFFFFFFFFull) return uint32_t(fail());
    return uint32_t(v);
  }
  int32_t i32() {
    const int64_t v = zz();
    if (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max())
      return int32_t(fail());
    return int32_t(v);
  }
  uint8_t u8() {
    if (p_ == end_) return uint8_t(fail());
    return *p_++;
  }
  void str(std::string& s) { s = view(); }
  std::string_view view() {
    const uint64_t n = var();
    if (!ok_ || n > left()) {
      fail();
      return {};
    }
    std::string_view v(reinterpret_cast<const char*>(p_), size_t(n));
    p_ += n;
    return v;
  }
  std::string_view raw(size_t n) {
    if (!ok_ || n > left()) {
      fail();
      return {};
    }
    std::string_view v(reinterpret_cast<const char*>(p_), n);
    p_ += n;
    return v;
  }
  // A count of elements that each take at least `min_bytes`: bounded by what is left, so corrupt
  // data can never make us reserve gigabytes.
  size_t count(size_t min_bytes = 1) {
    const uint64_t n = var();
    if (!ok_ || n > left() / min_bytes) return size_t(fail());
    return size_t(n);
  }
  uint64_t fail() {
    ok_ = false;
    p_ = end_;
    return 0;
  }

 private:
  const uint8_t* p_;
  const uint8_t* end_;
  bool ok_ = true;
};

void put_u32_list(BinWriter& w, const std::vector<uint32_t>& v) {
  w.var(v.size());
  for (uint32_t x : v) w.var(x);
}
void get_u32_list(BinReader& r, std::vector<uint32_t>& v) {
  const size_t n = r.count();
  v.resize(n);
  for (size_t i = 0; i < n; ++i) v[i] = r.u32();
}
Direction get_dir(BinReader& r) {
  const uint8_t d = r.u8();
  if (d > 1) r.fail();
  return d == 1 ? Direction::Outgoing : Direction::Incoming;
}

// Cross-references must point inside the arrays; ids must be unique and non-zero. Shared by
// load_bulk and import_backup so that nothing downstream can index out of bounds.
bool validate_refs(const Store& t, std::string& error) {
  const size_t nc = t.conversations.size(), nm = t.messages.size();
  std::unordered_set<ContactId> ids;
  ids.reserve(t.contacts.size());
  for (const Contact& c : t.contacts) {
    if (c.id == kNoContact || c.id == kOwner) {
      error = "invalid contact id " + std::to_string(c.id);
      return false;
    }
    if (!ids.insert(c.id).second) {
      error = "duplicate contact id " + std::to_string(c.id);
      return false;
    }
    for (uint32_t ci : c.conversations)
      if (ci >= nc) {
        error = "contact " + std::to_string(c.id) + " refers to a missing conversation";
        return false;
      }
  }
  for (size_t i = 0; i < nc; ++i)
    for (uint32_t mi : t.conversations[i].messages)
      if (mi >= nm) {
        error = "conversation " + std::to_string(i) + " refers to a missing message";
        return false;
      }
  for (size_t i = 0; i < nm; ++i)
    if (t.messages[i].conversation >= nc) {
      error = "message " + std::to_string(i) + " refers to a missing conversation";
      return false;
    }
  return true;
}

// ---- JSON reading helpers (no exceptions) ----------------------------------------------------

class JsonIn {
 public:
  std::string error;

  bool fail(const std::string& where, const char* what) {
    if (error.empty()) error = where + ": " + what;
    return false;
  }
  // Each opt_* leaves `out` alone when the key is missing or null; fails on a wrong type.
  bool opt_str(const json& o, const char* key, std::string& out, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return true;
    if (!it->is_string()) return fail(where + "." + key, "expected a string");
    out = it->get_ref<const std::string&>();
    return true;
  }
  bool opt_bool(const json& o, const char* key, bool& out, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return true;
    if (!it->is_boolean()) return fail(where + "." + key, "expected true or false");
    out = it->get<bool>();
    return true;
  }
  bool int_value(const json& v, int64_t lo, int64_t hi, int64_t& out, const std::string& where) {
    if (v.is_number_unsigned()) {
      const uint64_t u = v.get<uint64_t>();
      if (u > uint64_t(std::numeric_limits<int64_t>::max()) || int64_t(u) > hi)
        return fail(where, "number out of range");
      out = int64_t(u);
      return true;
    }
    if (v.is_number_integer()) {
      const int64_t x = v.get<int64_t>();
      if (x < lo || x > hi) return fail(where, "number out of range");
      out = x;
      return true;
    }
    return fail(where, "expected an integer");
  }
  template <typename T>
  bool opt_int(const json& o, const char* key, T& out, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return true;
    int64_t v = 0;
    if (!int_value(*it, int64_t(std::numeric_limits<T>::min()), int64_t(std::numeric_limits<T>::max()), v,
                   where + "." + key))
      return false;
    out = T(v);
    return true;
  }
  template <typename T>
  bool req_int(const json& o, const char* key, T& out, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return fail(where + "." + key, "missing");
    return opt_int(o, key, out, where);
  }
  bool opt_uint32(const json& o, const char* key, uint32_t& out, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return true;
    int64_t v = 0;
    if (!int_value(*it, 0, 0xFFFFFFFFll, v, where + "." + key)) return false;
    out = uint32_t(v);
    return true;
  }
  bool req_uint32(const json& o, const char* key, uint32_t& out, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return fail(where + "." + key, "missing");
    return opt_uint32(o, key, out, where);
  }
  bool opt_double(const json& o, const char* key, double& out, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return true;
    if (!it->is_number()) return fail(where + "." + key, "expected a number");
    out = it->get<double>();
    return true;
  }
  bool opt_day(const json& o, const char* key, Day& out, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return true;
    if (!it->is_string()) return fail(where + "." + key, "expected a date (YYYY-MM-DD)");
    const std::string& s = it->get_ref<const std::string&>();
    if (s.empty()) {
      out = kNoDay;
      return true;
    }
    if (!parse_day_string(s, out)) return fail(where + "." + key, "expected a date (YYYY-MM-DD)");
    return true;
  }
  bool opt_time(const json& o, const char* key, Time& out, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return true;
    int64_t v = 0;
    if (!int_value(*it, std::numeric_limits<int64_t>::min() + 1, std::numeric_limits<int64_t>::max(), v,
                   where + "." + key))
      return false;
    out = v;
    return true;
  }
  bool opt_dir(const json& o, const char* key, Direction& out, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return true;
    if (it->is_string()) {
      const std::string& s = it->get_ref<const std::string&>();
      if (s == "incoming") out = Direction::Incoming;
      else if (s == "outgoing") out = Direction::Outgoing;
      else return fail(where + "." + key, "expected \"incoming\" or \"outgoing\"");
      return true;
    }
    return fail(where + "." + key, "expected \"incoming\" or \"outgoing\"");
  }
  // A missing array is an empty one; anything else than an array is an error.
  const json* opt_array(const json& o, const char* key, const std::string& where) {
    static const json kEmpty = json::array();
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return &kEmpty;
    if (!it->is_array()) {
      fail(where + "." + key, "expected an array");
      return nullptr;
    }
    return &*it;
  }
  bool u32_list(const json& o, const char* key, std::vector<uint32_t>& out, const std::string& where) {
    const json* a = opt_array(o, key, where);
    if (!a) return false;
    out.clear();
    out.reserve(a->size());
    for (const json& v : *a) {
      int64_t x = 0;
      if (!int_value(v, 0, 0xFFFFFFFFll, x, where + "." + key)) return false;
      out.push_back(uint32_t(x));
    }
    return true;
  }
  bool str_list(const json& o, const char* key, std::vector<std::string>& out, const std::string& where) {
    const json* a = opt_array(o, key, where);
    if (!a) return false;
    out.clear();
    out.reserve(a->size());
    for (const json& v : *a) {
      if (!v.is_string()) return fail(where + "." + key, "expected strings");
      out.push_back(v.get_ref<const std::string&>());
    }
    return true;
  }
  bool object(const json& v, const std::string& where) {
    if (!v.is_object()) return fail(where, "expected an object");
    return true;
  }
};

json day_json(Day d) { return d == kNoDay ? json(nullptr) : json(day_string(d)); }

// ---- user data and settings as JSON (shared by the user file and the backup) ----------------

json user_to_json(const std::unordered_map<ContactId, UserData>& user) {
  json out = json::object();
  for (const auto& [id, u] : user) {
    json j = json::object();
    j["note"] = u.note;
    j["tags"] = u.tags;
    j["cadence_days"] = u.cadence_days;
    if (u.tier != 0) j["tier"] = u.tier;
    j["next_follow_up"] = day_json(u.next_follow_up);
    j["snoozed_until"] = day_json(u.snoozed_until);
    j["archived"] = u.archived;
    json inter = json::array();
    for (const Interaction& i : u.interactions)
      inter.push_back({{"day", day_json(i.day)}, {"kind", i.kind}, {"note", i.note}});
    j["interactions"] = std::move(inter);
    out[std::to_string(id)] = std::move(j);
  }
  return out;
}

json settings_to_json(const Settings& s) {
  json tc = json::object();
  for (const auto& [tag, days] : s.tag_cadence_days) tc[tag] = days;
  json templates = json::array();
  for (const Template& t : s.templates) templates.push_back({{"name", t.name}, {"body", t.body}, {"kind", t.kind}});
  json tiers = json::array();
  for (const Tier& t : s.tiers) tiers.push_back({{"name", t.name}, {"target_days", t.target_days}, {"max_days", t.max_days}});
  return {{"default_cadence_days", s.default_cadence_days},
          {"default_cadence_max_days", s.default_cadence_max_days},
          {"tiers", std::move(tiers)},
          {"today_size", s.today_size},
          {"reply_window_days", s.reply_window_days},
          {"greeting_window_days", s.greeting_window_days},
          {"nudge_limit", s.nudge_limit},
          {"tag_cadence_days", std::move(tc)},
          {"weights",
           {{"recency", s.weights.recency},
            {"frequency", s.weights.frequency},
            {"reciprocity", s.weights.reciprocity},
            {"depth", s.weights.depth},
            {"ties", s.weights.ties}}},
          {"theme", s.theme},
          {"font_size", double(s.font_size)},
          {"queue_size", s.queue_size},
          {"layout_ini", s.layout_ini},
          {"templates", std::move(templates)}};
}

bool parse_contact_key(const std::string& key, ContactId& id) {
  if (key.empty() || key.size() > 10) return false;
  uint64_t v = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + uint64_t(c - '0');
  }
  if (v == 0 || v > 0xFFFFFFFFull) return false;
  id = ContactId(v);
  return true;
}

bool user_entry_from_json(JsonIn& in, const json& j, UserData& u, const std::string& where) {
  if (!in.object(j, where)) return false;
  if (!in.opt_str(j, "note", u.note, where) || !in.str_list(j, "tags", u.tags, where) ||
      !in.opt_int(j, "cadence_days", u.cadence_days, where) || !in.opt_int(j, "tier", u.tier, where) ||
      !in.opt_day(j, "next_follow_up", u.next_follow_up, where) ||
      !in.opt_day(j, "snoozed_until", u.snoozed_until, where) || !in.opt_bool(j, "archived", u.archived, where))
    return false;
  const json* inter = in.opt_array(j, "interactions", where);
  if (!inter) return false;
  u.interactions.reserve(inter->size());
  for (size_t k = 0; k < inter->size(); ++k) {
    const json& ij = (*inter)[k];
    const std::string w = where + ".interactions[" + std::to_string(k) + "]";
    Interaction i;
    if (!in.object(ij, w) || !in.opt_day(ij, "day", i.day, w) || !in.opt_str(ij, "kind", i.kind, w) ||
        !in.opt_str(ij, "note", i.note, w))
      return false;
    u.interactions.push_back(std::move(i));
  }
  return true;
}

// Current shape: {"<id>": {note, tags, cadence_days, next_follow_up, snoozed_until, archived,
// interactions: [{day, kind, note}]}}.
bool user_from_json(JsonIn& in, const json& j, std::unordered_map<ContactId, UserData>& out,
                    const std::string& where) {
  if (!in.object(j, where)) return false;
  out.reserve(j.size());
  for (auto it = j.begin(); it != j.end(); ++it) {
    ContactId id;
    if (!parse_contact_key(it.key(), id)) return in.fail(where, "keys must be contact ids");
    UserData u;
    if (!user_entry_from_json(in, it.value(), u, where + "." + it.key())) return false;
    out[id] = std::move(u);
  }
  return true;
}

// Format 0 (the shape before format 1, kept readable): user data was an array of
//   {"id": 12, "note": "...", "tags": ["..."], "cadence_days": 30}
// without follow-up dates, snoozing, archiving or interactions.
bool user_from_json_v0(JsonIn& in, const json& j, std::unordered_map<ContactId, UserData>& out,
                       const std::string& where) {
  if (!j.is_array()) return in.fail(where, "expected an array (format 0)");
  for (size_t k = 0; k < j.size(); ++k) {
    const json& e = j[k];
    const std::string w = where + "[" + std::to_string(k) + "]";
    if (!in.object(e, w)) return false;
    ContactId id = kNoContact;
    if (!in.req_uint32(e, "id", id, w)) return false;
    if (id == kNoContact) return in.fail(w + ".id", "must not be 0");
    UserData u;
    if (!in.opt_str(e, "note", u.note, w) || !in.str_list(e, "tags", u.tags, w) ||
        !in.opt_int(e, "cadence_days", u.cadence_days, w))
      return false;
    out[id] = std::move(u);
  }
  return true;
}

// Missing keys keep their defaults (format 0 had no "weights"); wrong types are errors.
bool settings_from_json(JsonIn& in, const json& j, Settings& s, const std::string& where) {
  if (!in.object(j, where)) return false;
  if (!in.opt_int(j, "default_cadence_days", s.default_cadence_days, where) ||
      !in.opt_int(j, "default_cadence_max_days", s.default_cadence_max_days, where) ||
      !in.opt_int(j, "today_size", s.today_size, where) ||
      !in.opt_int(j, "reply_window_days", s.reply_window_days, where) ||
      !in.opt_int(j, "greeting_window_days", s.greeting_window_days, where) ||
      !in.opt_int(j, "nudge_limit", s.nudge_limit, where))
    return false;
  auto tiers = j.find("tiers");
  if (tiers != j.end() && !tiers->is_null()) {
    if (!tiers->is_array()) return in.fail(where + ".tiers", "expected an array");
    s.tiers.clear();
    for (size_t k = 0; k < tiers->size(); ++k) {
      const std::string tw = where + ".tiers[" + std::to_string(k) + "]";
      Tier t;
      if (!in.object((*tiers)[k], tw) || !in.opt_str((*tiers)[k], "name", t.name, tw) ||
          !in.opt_int((*tiers)[k], "target_days", t.target_days, tw) || !in.opt_int((*tiers)[k], "max_days", t.max_days, tw))
        return false;
      s.tiers.push_back(std::move(t));
    }
  }
  auto tc = j.find("tag_cadence_days");
  if (tc != j.end() && !tc->is_null()) {
    if (!in.object(*tc, where + ".tag_cadence_days")) return false;
    s.tag_cadence_days.clear();
    for (auto it = tc->begin(); it != tc->end(); ++it) {
      int64_t v = 0;
      if (!in.int_value(it.value(), std::numeric_limits<int>::min(), std::numeric_limits<int>::max(), v,
                        where + ".tag_cadence_days." + it.key()))
        return false;
      s.tag_cadence_days[it.key()] = int(v);
    }
  }
  auto w = j.find("weights");
  if (w != j.end() && !w->is_null()) {
    const std::string ww = where + ".weights";
    if (!in.object(*w, ww) || !in.opt_double(*w, "recency", s.weights.recency, ww) ||
        !in.opt_double(*w, "frequency", s.weights.frequency, ww) ||
        !in.opt_double(*w, "reciprocity", s.weights.reciprocity, ww) ||
        !in.opt_double(*w, "depth", s.weights.depth, ww) || !in.opt_double(*w, "ties", s.weights.ties, ww))
      return false;
  }
  double font = s.font_size;
  if (!in.opt_str(j, "theme", s.theme, where) || !in.opt_double(j, "font_size", font, where) ||
      !in.opt_int(j, "queue_size", s.queue_size, where) || !in.opt_str(j, "layout_ini", s.layout_ini, where))
    return false;
  s.font_size = float(font);
  auto t = j.find("templates");
  if (t != j.end() && !t->is_null()) {
    if (!t->is_array()) return in.fail(where + ".templates", "expected an array");
    s.templates.clear();
    for (size_t k = 0; k < t->size(); ++k) {
      const std::string tw = where + ".templates[" + std::to_string(k) + "]";
      Template tp;
      if (!in.object((*t)[k], tw) || !in.opt_str((*t)[k], "name", tp.name, tw) ||
          !in.opt_str((*t)[k], "body", tp.body, tw) || !in.opt_str((*t)[k], "kind", tp.kind, tw))
        return false;
      s.templates.push_back(std::move(tp));
    }
  }
  return true;
}

bool parse_json(std::string_view text, json& out, std::string& error, const char* what) {
  out = json::parse(text.data(), text.data() + text.size(), nullptr, /*allow_exceptions=*/false);
  if (out.is_discarded()) {
    error = std::string(what) + " is not valid JSON (damaged or truncated)";
    return false;
  }
  return true;
}

// ---- streaming JSON writer for the backup (the big arrays are written without a DOM) --------

class JsonOut {
 public:
  std::string s;

  void raw(const char* t) { s += t; }
  void key(const char* k) {
    sep();
    s += '"';
    s += k;
    s += "\":";
    need_comma_ = false;
  }
  void begin_obj() { open('{'); }
  void end_obj() { close('}'); }
  void begin_arr() { open('['); }
  void end_arr() { close(']'); }
  void nl() { s += '\n'; }

  void str(std::string_view v) {
    sep();
    s += '"';
    escape(v);
    s += '"';
    need_comma_ = true;
  }
  void num(int64_t v) {
    sep();
    char buf[24];
    int n = std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
    s.append(buf, size_t(n));
    need_comma_ = true;
  }
  void boolean(bool b) {
    sep();
    s += b ? "true" : "false";
    need_comma_ = true;
  }
  void null() {
    sep();
    s += "null";
    need_comma_ = true;
  }
  void day(Day d) {
    if (d == kNoDay) null();
    else str(day_string(d));
  }
  void time(Time t) {
    if (t == kNoTime) null();
    else num(t);
  }
  void dump(const json& j) {
    sep();
    s += j.dump(-1, ' ', false, json::error_handler_t::replace);
    need_comma_ = true;
  }
  void kstr(const char* k, std::string_view v) { key(k), str(v); }
  void knum(const char* k, int64_t v) { key(k), num(v); }
  void kbool(const char* k, bool v) { key(k), boolean(v); }
  void kday(const char* k, Day d) { key(k), day(d); }
  void ktime(const char* k, Time t) { key(k), time(t); }
  void klist(const char* k, const std::vector<uint32_t>& v) {
    key(k);
    begin_arr();
    for (uint32_t x : v) num(x);
    end_arr();
  }

 private:
  bool need_comma_ = false;
  void sep() {
    if (need_comma_) s += ',';
  }
  void open(char c) {
    sep();
    s += c;
    need_comma_ = false;
  }
  void close(char c) {
    s += c;
    need_comma_ = true;
  }
  // JSON string escaping; invalid UTF-8 becomes U+FFFD so the document always parses.
  void escape(std::string_view v) {
    static const char* kHex = "0123456789abcdef";
    const auto* p = reinterpret_cast<const unsigned char*>(v.data());
    const auto* end = p + v.size();
    while (p < end) {
      const unsigned char c = *p;
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        const unsigned char* q = p;
        while (q < end && *q >= 0x20 && *q < 0x80 && *q != '"' && *q != '\\') ++q;
        s.append(reinterpret_cast<const char*>(p), size_t(q - p));
        p = q;
        continue;
      }
      if (c < 0x80) {
        switch (c) {
          case '"': s += "\\\""; break;
          case '\\': s += "\\\\"; break;
          case '\n': s += "\\n"; break;
          case '\r': s += "\\r"; break;
          case '\t': s += "\\t"; break;
          case '\b': s += "\\b"; break;
          case '\f': s += "\\f"; break;
          default:
            s += "\\u00";
            s += kHex[c >> 4];
            s += kHex[c & 15];
        }
        ++p;
        continue;
      }
      // Multi-byte UTF-8: validate (no overlongs, no surrogates, <= U+10FFFF).
      size_t n = 0;
      uint32_t cp = 0;
      if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
      else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F;
      else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07;
      bool good = n > 0 && size_t(end - p) >= n;
      for (size_t k = 1; good && k < n; ++k) {
        if ((p[k] & 0xC0) != 0x80) good = false;
        else cp = (cp << 6) | (p[k] & 0x3F);
      }
      if (good && ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
                   (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))))
        good = false;
      if (good) {
        s.append(reinterpret_cast<const char*>(p), n);
        p += n;
      } else {
        s += "\xEF\xBF\xBD";
        ++p;
      }
    }
  }
};

}  // namespace

// ---- bulk ------------------------------------------------------------------------------------

namespace {

void put_contact(BinWriter& w, const Contact& c) {
  w.var(c.id);
  w.str(c.first_name), w.str(c.last_name), w.str(c.url), w.str(c.url_key);
  w.str(c.email), w.str(c.company), w.str(c.position);
  w.zz(c.connected_on);
  w.u8(uint8_t((c.connected ? 1 : 0) | (c.disconnected_on != kNoDay ? 2 : 0)));
  if (c.disconnected_on != kNoDay) w.zz(c.disconnected_on);
  w.zz(c.first_seen);
  put_u32_list(w, c.conversations);
  w.var(c.invitations.size());
  for (const Invitation& i : c.invitations) w.u8(uint8_t(i.direction)), w.zz(i.time), w.str(i.message);
  w.var(c.endorsements.size());
  for (const Endorsement& e : c.endorsements) w.u8(uint8_t(e.direction)), w.zz(e.day), w.str(e.skill);
  w.var(c.recommendations.size());
  for (const Recommendation& r : c.recommendations) w.u8(uint8_t(r.direction)), w.zz(r.day), w.str(r.text);
  w.var(c.job_changes.size());
  for (const JobChange& j : c.job_changes) {
    w.zz(j.seen_on);
    w.str(j.old_company), w.str(j.old_position), w.str(j.new_company), w.str(j.new_position);
  }
}

void put_conversation(BinWriter& w, const Conversation& c) {
  w.str(c.key), w.str(c.title);
  put_u32_list(w, c.participants);
  w.u8(uint8_t((c.group ? 1 : 0) | (c.spam ? 2 : 0)));
  put_u32_list(w, c.messages);
}

}  // namespace

struct BulkSaver::Impl {
  const Store& s;
  int format;
  BinWriter w, tw;  // the bulk part; the texts part (format 3)
  int section = 0;
  size_t i = 0, len_at = 0, payload_at = 0, ticks = 0;
  uint64_t text_bytes = 0;
  bool done = false;
  Impl(const Store& st, int f) : s(st), format(f) {}

  std::string& texts() { return texts_apart(format) ? tw.out : w.out; }

  void begin() {
    size_t estimate = 256, text_estimate = 0;
    for (const Message& m : s.messages) text_estimate += m.subject.len + m.text.len;
    estimate += s.messages.size() * 16 + (texts_apart(format) ? 0 : text_estimate);
    estimate += s.contacts.size() * 160 + s.conversations.size() * 64;
    w.out.reserve(estimate);
    w.out.append(kMagic, 4);
    w.var(uint64_t(format));
    // The payload length is patched in once known: a fixed 5-byte varint (up to 32 GiB).
    len_at = w.out.size();
    w.out.append(5, '\0');
    payload_at = w.out.size();
    const Owner& o = s.owner;
    w.str(o.first_name), w.str(o.last_name), w.str(o.url), w.str(o.url_key), w.str(o.headline);
    w.var(s.next_id);
    w.zz(s.last_import);
    w.zz(s.deleted_connections);
    w.var(s.contacts.size());
  }

  // The texts' CRC is computed as they are written (45 MB at once would be one long task).
  uLong text_crc = crc32(0L, Z_NULL, 0);
  size_t crc_upto = 0;
  void crc_texts() {
    if (!texts_apart(format) || crc_upto >= tw.out.size()) return;
    text_crc = crc32_z(text_crc, reinterpret_cast<const Bytef*>(tw.out.data()) + crc_upto, tw.out.size() - crc_upto);
    crc_upto = tw.out.size();
  }

  void patch_length() {
    uint64_t len = w.out.size() - payload_at;
    for (int k = 0; k < 5; ++k) {
      w.out[len_at + size_t(k)] = char((len & 0x7f) | (k < 4 ? 0x80 : 0));
      len >>= 7;
    }
  }

  // The bulk part's CRC (after the length is patched in), 4 MB per call.
  uLong bulk_crc = crc32(0L, Z_NULL, 0);
  size_t bulk_crc_upto = 0;
  bool crc_bulk_some() {
    const size_t n = std::min(w.out.size() - bulk_crc_upto, size_t(4) << 20);
    bulk_crc = crc32_z(bulk_crc, reinterpret_cast<const Bytef*>(w.out.data()) + bulk_crc_upto, n);
    bulk_crc_upto += n;
    return bulk_crc_upto == w.out.size();
  }

  void finish() {
    if (texts_apart(format)) {
      crc_texts();
      for (int k = 0; k < 4; ++k) tw.out.push_back(char((text_crc >> (8 * k)) & 0xff));
    }
    for (int k = 0; k < 4; ++k) w.out.push_back(char((bulk_crc >> (8 * k)) & 0xff));
    done = true;
  }

  // Writes until the deadline, checking it every 256 items.
  bool step(std::chrono::steady_clock::time_point deadline) {
    auto late = [&]() { return (++ticks & 255) == 0 && std::chrono::steady_clock::now() > deadline; };
    for (;;) {
      switch (section) {
        case 0:
          begin();
          section = 1, i = 0;
          break;
        case 1:  // contacts
          for (; i < s.contacts.size(); ++i) {
            put_contact(w, s.contacts[i]);
            if (late()) return (++i, false);
          }
          w.var(s.conversations.size());
          section = 2, i = 0;
          break;
        case 2:  // conversations
          for (; i < s.conversations.size(); ++i) {
            put_conversation(w, s.conversations[i]);
            if (late()) return (++i, false);
          }
          w.var(s.messages.size());
          section = 3, i = 0;
          break;
        case 3:  // message records
          for (; i < s.messages.size(); ++i) {
            const Message& m = s.messages[i];
            const size_t a = s.text(m.subject).size(), b = s.text(m.text).size();
            w.var(m.conversation);
            w.var(m.sender);
            w.zz(m.time);
            w.var(a), w.var(b);
            if (has_notes(format)) w.var(m.note);
            text_bytes += a + b;
            if (late()) return (++i, false);
          }
          w.var(text_bytes);
          if (texts_apart(format)) {
            tw.out.reserve(text_bytes + 32);
            tw.out.append(kTextMagic, 4);
            tw.var(1);
            tw.var(text_bytes);
          }
          section = 4, i = 0;
          break;
        case 4:  // the texts, in message order
          for (; i < s.messages.size(); ++i) {
            const Message& m = s.messages[i];
            const std::string_view a = s.text(m.subject), b = s.text(m.text);
            texts().append(a.data(), a.size());
            texts().append(b.data(), b.size());
            if (late()) {
              ++i;
              crc_texts();
              return false;
            }
          }
          crc_texts();
          patch_length();
          section = 5;
          break;
        case 5:  // the checksum of the bulk part
          if (crc_bulk_some()) section = 6;
          break;
        default:
          finish();
          return true;
      }
      if (std::chrono::steady_clock::now() > deadline) return false;
    }
  }
};

BulkSaver::BulkSaver(const Store& s, int format)
    : impl_(new Impl(s, format == kBulkFormat ? kBulkFormat : kBulkSplitFormat)) {}
BulkSaver::~BulkSaver() = default;

bool BulkSaver::step(double budget_ms) {
  if (impl_->done) return true;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::microseconds(int64_t(std::max(0.0, budget_ms) * 1000));
  return impl_->step(deadline);
}

BulkParts BulkSaver::take() {
  while (!impl_->done) impl_->step(std::chrono::steady_clock::time_point::max());
  BulkParts p;
  p.bulk = std::move(impl_->w.out);
  p.texts = std::move(impl_->tw.out);
  return p;
}

std::string save_bulk(const Store& s) { return BulkSaver(s, kBulkFormat).take().bulk; }

BulkParts save_bulk_parts(const Store& s) { return BulkSaver(s, kBulkSplitFormat).take(); }

uint32_t crc32_update(uint32_t crc, std::string_view bytes) {
  return uint32_t(crc32_z(uLong(crc), reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

namespace {
// `crc`: the block's checksum computed by the caller, or null to compute it here.
bool attach_texts_impl(std::string&& block, Store& s, std::string& error, const uint32_t* crc) {
  if (!s.texts_pending) {
    error = "no message texts are expected";
    return false;
  }
  const auto* begin = reinterpret_cast<const uint8_t*>(block.data());
  const auto* end = begin + block.size();
  if (block.size() < 8 || std::memcmp(block.data(), kTextMagic, 4) != 0) {
    error = "message texts: wrong signature";
    return false;
  }
  BinReader r(begin + 4, end - 4);
  const uint64_t version = r.var(), len = r.var();
  if (!r.ok() || version != 1) {
    error = "message texts: unsupported format";
    return false;
  }
  if (len != s.texts_expected || len != r.left()) {
    error = "message texts do not match the stored data (" + std::to_string(r.left()) + " bytes, expected " +
            std::to_string(s.texts_expected) + ")";
    return false;
  }
  const uint32_t stored = uint32_t(end[-4]) | (uint32_t(end[-3]) << 8) | (uint32_t(end[-2]) << 16) | (uint32_t(end[-1]) << 24);
  if (crc ? *crc != stored : !check_crc(begin, end)) {
    error = "message texts are damaged (checksum mismatch)";
    return false;
  }
  const size_t at = block.size() - 4 - size_t(len);
  if (at + len > 0xFFFFFFFFull) {
    error = "message texts are too large";
    return false;
  }
  for (Message& m : s.messages) {
    if (m.subject.len) m.subject.off += uint32_t(at);
    if (m.text.len) m.text.off += uint32_t(at);
  }
  s.texts = std::move(block);
  s.texts_pending = false;
  s.texts_expected = 0;
  return true;
}
}  // namespace

bool attach_texts(std::string&& block, Store& s, std::string& error) {
  return attach_texts_impl(std::move(block), s, error, nullptr);
}

bool attach_texts(std::string&& block, Store& s, std::string& error, uint32_t crc) {
  return attach_texts_impl(std::move(block), s, error, &crc);
}

// The reader behind load_bulk and BulkLoader: the records are read a bounded number at a time
// (each stage resumes where it stopped), and the Store is only filled at the very end.
struct BulkLoader::Impl {
  std::string owned;       // the adopted buffer (BulkLoader, load_bulk(std::string&&))
  std::string_view data;
  std::string* adopt = nullptr;  // where the texts may be adopted from (format 2)
  enum class Stage { Header, Contacts, Conversations, Messages, Finish, Done } stage = Stage::Header;
  BinReader r{nullptr, nullptr};
  Store t;
  uint64_t version = 0, off = 0;
  size_t count = 0;  // records of the current stage
  size_t adopt_at = std::string::npos;  // where the texts start in `data`, when adopted
  bool failed = false;
  std::string error;

  bool fail(std::string why) {
    failed = true;
    error = std::move(why);
    stage = Stage::Done;
    return true;
  }
  bool damaged() { return fail("data file is damaged (malformed contents)"); }

  // Reads until `deadline` (checked every few hundred records); true once done or failed.
  template <class Clock>
  bool step(typename Clock::time_point deadline) {
    // At least one batch of records per call, so a zero budget still makes progress.
    constexpr size_t kBatch = 256;
    size_t n = 0;
    auto out_of_time = [&] { return (++n % kBatch) == 0 && Clock::now() > deadline; };
    if (stage == Stage::Header) {
      if (!header()) return true;
      stage = Stage::Contacts;
    }
    // The vectors are reserved up front and grow record by record: their memory is touched a
    // slice at a time too (a first touch of fresh memory is expensive on some machines).
    if (stage == Stage::Contacts) {
      while (t.contacts.size() < count) {
        if (!r.ok()) return damaged();
        if (out_of_time()) return false;
        read_contact(t.contacts.emplace_back());
      }
      count = r.count(5);
      t.conversations.reserve(count);
      stage = Stage::Conversations;
    }
    if (stage == Stage::Conversations) {
      while (t.conversations.size() < count) {
        if (!r.ok()) return damaged();
        if (out_of_time()) return false;
        Conversation& c = t.conversations.emplace_back();
        r.str(c.key), r.str(c.title);
        get_u32_list(r, c.participants);
        const uint8_t flags = r.u8();
        if (flags > 3) r.fail();
        c.group = flags & 1;
        c.spam = flags & 2;
        get_u32_list(r, c.messages);
      }
      count = r.count(5);
      t.messages.reserve(count);
      stage = Stage::Messages;
    }
    if (stage == Stage::Messages) {
      while (t.messages.size() < count) {
        if (!r.ok()) return damaged();
        if (out_of_time()) return false;
        if (!read_message(t.messages.emplace_back())) return damaged();
      }
      stage = Stage::Finish;
    }
    if (stage == Stage::Finish) finish();
    return true;
  }

  bool header() {
    const auto* begin = reinterpret_cast<const uint8_t*>(data.data());
    const auto* end = begin + data.size();
    if (data.size() < 4 || std::memcmp(data.data(), kMagic, 4) != 0)
      return !fail("not a Rekindle data file (wrong signature)");
    BinReader head(begin + 4, end);
    version = head.var();
    if (!head.ok()) return !fail("data file is truncated");
    if (version < 1 || version > uint64_t(kBulkSplitFormat))
      return !fail(version > uint64_t(kBulkSplitFormat)
                       ? "data file was written by a newer version of Rekindle (format " + std::to_string(version) + ")"
                       : "unsupported data file format " + std::to_string(version));
    const uint64_t len = head.var();
    if (!head.ok() || head.left() < 4 || len > head.left() - 4) return !fail("data file is truncated");
    if (len < head.left() - 4) return !fail("data file is damaged (unexpected data after the end)");
    if (!check_crc(begin, end)) return !fail("data file is damaged (checksum mismatch)");
    r = BinReader(end - 4 - len, end - 4);
    Owner& o = t.owner;
    r.str(o.first_name), r.str(o.last_name), r.str(o.url), r.str(o.url_key), r.str(o.headline);
    t.next_id = r.u32();
    t.last_import = r.i32();
    t.deleted_connections = r.i32();
    // Minimum encoded sizes keep reserve() bounded by the input size.
    count = r.count(18);
    t.contacts.reserve(count);
    return true;
  }

  void read_contact(Contact& c) {
    c.id = r.u32();
    r.str(c.first_name), r.str(c.last_name), r.str(c.url), r.str(c.url_key);
    r.str(c.email), r.str(c.company), r.str(c.position);
    c.connected_on = r.i32();
    const uint8_t flags = r.u8();
    if (flags > (has_disconnected(version) ? 3 : 1)) r.fail();
    c.connected = flags & 1;
    if (flags & 2) c.disconnected_on = r.i32();
    c.first_seen = r.i32();
    get_u32_list(r, c.conversations);
    c.invitations.resize(r.count(3));
    for (Invitation& x : c.invitations) x.direction = get_dir(r), x.time = r.zz(), r.str(x.message);
    c.endorsements.resize(r.count(3));
    for (Endorsement& e : c.endorsements) e.direction = get_dir(r), e.day = r.i32(), r.str(e.skill);
    c.recommendations.resize(r.count(3));
    for (Recommendation& x : c.recommendations) x.direction = get_dir(r), x.day = r.i32(), r.str(x.text);
    c.job_changes.resize(r.count(5));
    for (JobChange& j : c.job_changes) {
      j.seen_on = r.i32();
      r.str(j.old_company), r.str(j.old_position), r.str(j.new_company), r.str(j.new_position);
    }
  }

  bool read_message(Message& m) {
    m.conversation = r.u32();
    m.sender = r.u32();
    m.time = r.zz();
    if (version == 1) {  // texts inline
      m.subject = t.add_text(r.view());
      m.text = t.add_text(r.view());
      return true;
    }
    // Lengths here, the texts in one block after the records (or apart: format 3).
    const uint64_t a = r.var(), b = r.var();
    if (a > 0xFFFFFFFFull || b > 0xFFFFFFFFull || off + a + b > 0xFFFFFFFFull) return false;
    m.subject = a ? TextRef{uint32_t(off), uint32_t(a)} : TextRef{};
    m.text = b ? TextRef{uint32_t(off + a), uint32_t(b)} : TextRef{};
    if (has_notes(version)) {
      const uint64_t note = r.var();
      if (note > 255) return false;
      m.note = uint8_t(note);
    }
    off += a + b;
    return true;
  }

  void finish() {
    stage = Stage::Done;
    if (version >= 2 && r.ok()) {
      const uint64_t total = r.var();
      if (texts_apart(version)) {  // the texts come separately (attach_texts)
        if (r.ok() && total != off) r.fail();
        t.texts_pending = off > 0;
        t.texts_expected = off;
      } else {
        const std::string_view block = r.ok() && total == off ? r.raw(size_t(off)) : std::string_view();
        if (!r.ok() || block.size() != off) {
          r.fail();
        } else if (adopt && off > 0) {
          // The texts stay where they are in `data`, which becomes the text buffer.
          const size_t at = size_t(block.data() - data.data());
          if (at + off > 0xFFFFFFFFull) {
            r.fail();
          } else {
            for (Message& m : t.messages) {
              if (m.subject.len) m.subject.off += uint32_t(at);
              if (m.text.len) m.text.off += uint32_t(at);
            }
            adopt_at = at;
          }
        } else {
          t.texts.assign(block.data(), block.size());
        }
      }
    }
    if (!r.ok() || !r.at_end()) {
      damaged();
      return;
    }
    std::string why;
    if (!validate_refs(t, why)) fail("data file is damaged (" + why + ")");
  }

  bool commit(Store& s, std::string& err) {
    if (failed || stage != Stage::Done) {
      err = failed ? error : "data file was not read to the end";
      return false;
    }
    s.owner = std::move(t.owner);
    s.contacts = std::move(t.contacts);
    s.conversations = std::move(t.conversations);
    s.messages = std::move(t.messages);
    if (adopt_at != std::string::npos) s.texts = std::move(*adopt);
    else s.texts = std::move(t.texts);
    s.texts_pending = t.texts_pending;
    s.texts_expected = t.texts_expected;
    s.next_id = t.next_id;
    s.last_import = t.last_import;
    s.deleted_connections = t.deleted_connections;
    s.reindex();
    return true;
  }
};

namespace {
bool load_bulk_impl(std::string_view data, std::string* adopt, Store& s, std::string& error) {
  BulkLoader::Impl l;
  l.data = data;
  l.adopt = adopt;
  using Clock = std::chrono::steady_clock;
  while (!l.step<Clock>(Clock::time_point::max())) {
  }
  return l.commit(s, error);
}
}  // namespace

bool load_bulk(std::string_view data, Store& s, std::string& error) {
  return load_bulk_impl(data, nullptr, s, error);
}

bool load_bulk(std::string&& data, Store& s, std::string& error) {
  return load_bulk_impl(data, &data, s, error);
}

BulkLoader::BulkLoader(std::string&& data) : impl_(std::make_unique<Impl>()) {
  impl_->owned = std::move(data);
  impl_->data = impl_->owned;
  impl_->adopt = &impl_->owned;
}
BulkLoader::~BulkLoader() = default;

bool BulkLoader::step(double budget_ms) {
  using Clock = std::chrono::steady_clock;
  return impl_->step<Clock>(Clock::now() + std::chrono::microseconds(int64_t(std::max(0.0, budget_ms) * 1000)));
}

bool BulkLoader::take(Store& s, std::string& error) {
  while (!step(1e9)) {
  }
  return impl_->commit(s, error);
}

// ---- user ------------------------------------------------------------------------------------

std::string save_user(const Store& s) {
  json doc = {{"format", kUserFormat}, {"user", user_to_json(s.user)}, {"settings", settings_to_json(s.settings)}};
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool load_user(std::string_view text, Store& s, std::string& error) {
  json doc;
  if (!parse_json(text, doc, error, "user data")) return false;
  JsonIn in;
  if (!doc.is_object()) {
    error = "user data: expected a JSON object";
    return false;
  }
  int format = -1;
  if (!in.req_int(doc, "format", format, "user data")) {
    error = in.error;
    return false;
  }
  if (format > kUserFormat) {
    error = "user data was written by a newer version of Rekindle (format " + std::to_string(format) + ")";
    return false;
  }
  if (format < 0) {
    error = "user data: unsupported format " + std::to_string(format);
    return false;
  }
  std::unordered_map<ContactId, UserData> user;
  Settings settings;
  auto u = doc.find("user");
  if (u != doc.end() && !u->is_null()) {
    const bool ok = format == 0 ? user_from_json_v0(in, *u, user, "user") : user_from_json(in, *u, user, "user");
    if (!ok) {
      error = "user data: " + in.error;
      return false;
    }
  }
  auto st = doc.find("settings");
  if (st != doc.end() && !st->is_null() && !settings_from_json(in, *st, settings, "settings")) {
    error = "user data: " + in.error;
    return false;
  }
  s.user = std::move(user);
  s.settings = std::move(settings);
  return true;
}

// ---- backup ----------------------------------------------------------------------------------

std::string export_backup(const Store& s) {
  JsonOut o;
  size_t estimate = 4096 + s.contacts.size() * 400 + s.conversations.size() * 120;
  for (const Message& m : s.messages) estimate += m.subject.len + m.text.len + 96;
  o.s.reserve(estimate);

  o.begin_obj();
  o.kstr("app", "rekindle");
  o.knum("format", kBackupFormat);
  o.knum("exported_at", int64_t(std::time(nullptr)));
  o.nl();
  o.key("owner");
  o.begin_obj();
  o.kstr("first_name", s.owner.first_name);
  o.kstr("last_name", s.owner.last_name);
  o.kstr("url", s.owner.url);
  o.kstr("url_key", s.owner.url_key);
  o.kstr("headline", s.owner.headline);
  o.end_obj();
  o.knum("next_id", s.next_id);
  o.kday("last_import", s.last_import);
  o.knum("deleted_connections", s.deleted_connections);
  o.nl();

  o.key("contacts");
  o.begin_arr();
  for (const Contact& c : s.contacts) {
    o.nl();
    o.begin_obj();
    o.knum("id", c.id);
    o.kstr("first_name", c.first_name);
    o.kstr("last_name", c.last_name);
    o.kstr("url", c.url);
    o.kstr("url_key", c.url_key);
    o.kstr("email", c.email);
    o.kstr("company", c.company);
    o.kstr("position", c.position);
    o.kday("connected_on", c.connected_on);
    o.kbool("connected", c.connected);
    o.kday("disconnected_on", c.disconnected_on);
    o.kday("first_seen", c.first_seen);
    o.klist("conversations", c.conversations);
    o.key("invitations");
    o.begin_arr();
    for (const Invitation& i : c.invitations) {
      o.begin_obj();
      o.kstr("direction", dir_name(i.direction));
      o.ktime("time", i.time);
      o.kstr("message", i.message);
      o.end_obj();
    }
    o.end_arr();
    o.key("endorsements");
    o.begin_arr();
    for (const Endorsement& e : c.endorsements) {
      o.begin_obj();
      o.kstr("direction", dir_name(e.direction));
      o.kday("day", e.day);
      o.kstr("skill", e.skill);
      o.end_obj();
    }
    o.end_arr();
    o.key("recommendations");
    o.begin_arr();
    for (const Recommendation& r : c.recommendations) {
      o.begin_obj();
      o.kstr("direction", dir_name(r.direction));
      o.kday("day", r.day);
      o.kstr("text", r.text);
      o.end_obj();
    }
    o.end_arr();
    o.key("job_changes");
    o.begin_arr();
    for (const JobChange& j : c.job_changes) {
      o.begin_obj();
      o.kday("seen_on", j.seen_on);
      o.kstr("old_company", j.old_company);
      o.kstr("old_position", j.old_position);
      o.kstr("new_company", j.new_company);
      o.kstr("new_position", j.new_position);
      o.end_obj();
    }
    o.end_arr();
    o.end_obj();
  }
  o.end_arr();
  o.nl();

  o.key("conversations");
  o.begin_arr();
  for (const Conversation& c : s.conversations) {
    o.nl();
    o.begin_obj();
    o.kstr("key", c.key);
    o.kstr("title", c.title);
    o.klist("participants", c.participants);
    o.kbool("group", c.group);
    o.kbool("spam", c.spam);
    o.klist("messages", c.messages);
    o.end_obj();
  }
  o.end_arr();
  o.nl();

  o.key("messages");
  o.begin_arr();
  for (const Message& m : s.messages) {
    o.nl();
    o.begin_obj();
    o.knum("conversation", m.conversation);
    o.knum("sender", m.sender);
    o.ktime("time", m.time);
    o.kstr("subject", s.text(m.subject));
    o.kstr("text", s.text(m.text));
    o.end_obj();
  }
  o.end_arr();
  o.nl();

  o.key("user");
  o.dump(user_to_json(s.user));
  o.nl();
  o.key("settings");
  o.dump(settings_to_json(s.settings));
  o.end_obj();
  o.nl();
  return std::move(o.s);
}

namespace {

// One element of "contacts" (a small DOM of it: see BackupReader).
bool contact_from_json(JsonIn& in, const json& j, size_t k, Contact& c) {
  const std::string w = "contacts[" + std::to_string(k) + "]";
  if (!in.object(j, w) || !in.req_uint32(j, "id", c.id, w) || !in.opt_str(j, "first_name", c.first_name, w) ||
      !in.opt_str(j, "last_name", c.last_name, w) || !in.opt_str(j, "url", c.url, w) ||
      !in.opt_str(j, "url_key", c.url_key, w) || !in.opt_str(j, "email", c.email, w) ||
      !in.opt_str(j, "company", c.company, w) || !in.opt_str(j, "position", c.position, w) ||
      !in.opt_day(j, "connected_on", c.connected_on, w) || !in.opt_bool(j, "connected", c.connected, w) ||
      !in.opt_day(j, "disconnected_on", c.disconnected_on, w) || !in.opt_day(j, "first_seen", c.first_seen, w) || !in.u32_list(j, "conversations", c.conversations, w))
    return false;
  const json* a = in.opt_array(j, "invitations", w);
  if (!a) return false;
  for (const json& e : *a) {
    Invitation i;
    if (!in.object(e, w + ".invitations") || !in.opt_dir(e, "direction", i.direction, w + ".invitations") ||
        !in.opt_time(e, "time", i.time, w + ".invitations") ||
        !in.opt_str(e, "message", i.message, w + ".invitations"))
      return false;
    c.invitations.push_back(std::move(i));
  }
  if (!(a = in.opt_array(j, "endorsements", w))) return false;
  for (const json& e : *a) {
    Endorsement x;
    if (!in.object(e, w + ".endorsements") || !in.opt_dir(e, "direction", x.direction, w + ".endorsements") ||
        !in.opt_day(e, "day", x.day, w + ".endorsements") || !in.opt_str(e, "skill", x.skill, w + ".endorsements"))
      return false;
    c.endorsements.push_back(std::move(x));
  }
  if (!(a = in.opt_array(j, "recommendations", w))) return false;
  for (const json& e : *a) {
    Recommendation x;
    const std::string ww = w + ".recommendations";
    if (!in.object(e, ww) || !in.opt_dir(e, "direction", x.direction, ww) || !in.opt_day(e, "day", x.day, ww) ||
        !in.opt_str(e, "text", x.text, ww))
      return false;
    c.recommendations.push_back(std::move(x));
  }
  if (!(a = in.opt_array(j, "job_changes", w))) return false;
  for (const json& e : *a) {
    JobChange x;
    const std::string ww = w + ".job_changes";
    if (!in.object(e, ww) || !in.opt_day(e, "seen_on", x.seen_on, ww) ||
        !in.opt_str(e, "old_company", x.old_company, ww) || !in.opt_str(e, "old_position", x.old_position, ww) ||
        !in.opt_str(e, "new_company", x.new_company, ww) || !in.opt_str(e, "new_position", x.new_position, ww))
      return false;
    c.job_changes.push_back(std::move(x));
  }
  return true;
}

// One element of "conversations".
bool conversation_from_json(JsonIn& in, const json& j, size_t k, Conversation& c) {
  const std::string w = "conversations[" + std::to_string(k) + "]";
  return in.object(j, w) && in.opt_str(j, "key", c.key, w) && in.opt_str(j, "title", c.title, w) &&
         in.u32_list(j, "participants", c.participants, w) && in.opt_bool(j, "group", c.group, w) &&
         in.opt_bool(j, "spam", c.spam, w) && in.u32_list(j, "messages", c.messages, w);
}

// Reads a backup as nlohmann's SAX parser goes through it, into a Store, without a DOM of the
// document (that took several hundred MB and 2.8 s for a backup of 87 MB, and would not fit in
// the browser's heap at a few hundred MB). Most of a backup is its "messages": each is read
// straight into the Store (its texts appended to Store::texts as they come). Each element of
// "contacts" and "conversations", and each small top-level value (app, format, owner, counters,
// user, settings), becomes a small DOM read by the same code as before. Memory: the Store being
// built, plus one element.
//
// The checks and their messages are those of the DOM reader this replaced, with the same
// precedence: invalid JSON first, then "app", "format", owner and counters, contacts,
// conversations, messages (whatever their order in the document), user, settings. As with a
// DOM, a key given twice counts with its last value, and unknown keys are ignored.
class BackupReader {
 public:
  using Dom = nlohmann::detail::json_sax_dom_parser<json>;

  BackupReader(size_t bytes, const std::function<void(float)>& progress) : bytes_(bytes), progress_(progress) {
    // The texts are at most the document's size: reserving that spares copies of a buffer of
    // hundreds of MB as it grows.
    t_.texts.reserve(std::min<size_t>(bytes, 0xFFFFFFFFu));
  }

  // The outcome once the parser accepted the document: false with `error` set, or the Store.
  bool finish(Store& out, std::string& error);

  // ---- nlohmann's SAX interface ----
  bool null() {
    return scalar([](Dom& d) { d.null(); }, [] { return json(); });
  }
  bool boolean(bool v) {
    return scalar([v](Dom& d) { d.boolean(v); }, [v] { return json(v); });
  }
  bool number_integer(int64_t v) {
    return scalar([v](Dom& d) { d.number_integer(v); }, [v] { return json(v); });
  }
  bool number_unsigned(uint64_t v) {
    return scalar([v](Dom& d) { d.number_unsigned(v); }, [v] { return json(v); });
  }
  bool number_float(double v, const std::string& s) {
    return scalar([&](Dom& d) { d.number_float(v, s); }, [v] { return json(v); });
  }
  bool string(std::string& v) {
    seen(v.size());
    if (!capturing_ && depth_ == 3 && (field_ == Field::Subject || field_ == Field::Text)) {
      message_text(v);
      return true;
    }
    return scalar([&](Dom& d) { d.string(v); }, [&] { return json(v); });
  }
  bool binary(json::binary_t&) { return true; }  // (not produced by the JSON parser)
  bool start_object(size_t) {
    if (!capturing_ && !open_value(json::value_t::object)) return true;
    if (dom_) dom_->start_object(size_t(-1));
    ++cap_depth_;
    return true;
  }
  bool key(std::string& k) {
    seen(k.size());
    if (capturing_) {
      if (dom_) dom_->key(k);
    } else if (depth_ == 1) {
      top_key_ = k;
    } else if (depth_ == 3) {
      field_ = k == "conversation" ? Field::Conversation
               : k == "sender"     ? Field::Sender
               : k == "time"       ? Field::Time
               : k == "subject"    ? Field::Subject
               : k == "text"       ? Field::Text
                                   : Field::Other;
    }
    return true;
  }
  bool end_object() {
    if (capturing_) return close_captured([](Dom& d) { d.end_object(); });
    if (depth_ == 3) end_message();
    --depth_;
    return true;
  }
  bool start_array(size_t) {
    if (!capturing_ && !open_value(json::value_t::array)) return true;
    if (dom_) dom_->start_array(size_t(-1));
    ++cap_depth_;
    return true;
  }
  bool end_array() {
    if (capturing_) return close_captured([](Dom& d) { d.end_array(); });
    --depth_;  // (only a section's array is open outside a capture)
    section_ = kNone;
    return true;
  }
  bool parse_error(size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

 private:
  enum Section { kContacts, kConversations, kMessages, kNone };
  enum class Field { Conversation, Sender, Time, Subject, Text, Other };
  // What a finished capture is for.
  enum class Target { Top, Element, Skip };

  // ---- where a value goes ----

  // A scalar value: into the capture under way, or placed by its position.
  template <typename Fwd, typename Make>
  bool scalar(Fwd fwd, Make make) {
    seen(8);
    if (!capturing_) {
      if (depth_ == 3) {  // a field of a message
        message_field(make());
        return true;
      }
      if (depth_ == 1 && section_of(top_key_) != kNone) {  // null is an empty section
        const Section sec = section_of(top_key_);
        begin_section(sec);
        if (!make().is_null()) in_[sec].fail("backup." + top_key_, "expected an array");
        section_ = kNone;
        return true;
      }
      if (!begin_value(false)) return true;
    }
    if (dom_) fwd(*dom_);
    if (cap_depth_ == 0) end_capture();
    return true;
  }
  // An object or array starts outside a capture: true if a capture begins with it (the caller
  // feeds it the event), false if the reader follows it itself (the root, a section, a message).
  bool open_value(json::value_t type) {
    if (depth_ == 0 && type == json::value_t::object) {
      depth_ = 1;
      return false;
    }
    if (depth_ == 1 && type == json::value_t::array && section_of(top_key_) != kNone) {
      begin_section(section_of(top_key_));
      depth_ = 2;
      return false;
    }
    if (depth_ == 2 && section_ == kMessages && type == json::value_t::object && in_[kMessages].error.empty()) {
      msg_ = MessageFields{};
      depth_ = 3;
      return false;
    }
    if (depth_ == 3) {  // a container as a message's field: wrong (or unknown, and ignored)
      message_field(json(type));
      begin_capture(Target::Skip, false);
      return true;
    }
    return begin_value(true);
  }
  // Any other value outside a capture: true if a capture begins with it (a DOM of it, or a skip),
  // false if it was a scalar dealt with here. `container`: it is an object or array.
  bool begin_value(bool container) {
    if (depth_ == 0) {  // the document is not an object
      root_bad_ = true;
      if (container) begin_capture(Target::Skip, false);
      return container;
    }
    if (depth_ == 1) {
      const Section sec = section_of(top_key_);
      if (sec != kNone) {  // an object where an array belongs
        begin_section(sec);
        section_ = kNone;
        in_[sec].fail("backup." + top_key_, "expected an array");
        begin_capture(Target::Skip, false);
        return true;
      }
      static const char* const kKeep[] = {"app", "format", "owner", "next_id", "last_import",
                                          "deleted_connections", "user", "settings"};
      const bool keep = std::find_if(std::begin(kKeep), std::end(kKeep),
                                     [&](const char* k) { return top_key_ == k; }) != std::end(kKeep);
      begin_capture(keep ? Target::Top : Target::Skip, keep);
      return true;
    }
    // depth 2: an element of a section
    const bool failed = !in_[section_].error.empty();
    if (section_ == kMessages && !failed) {  // not an object
      in_[kMessages].fail("messages[" + std::to_string(element_) + "]", "expected an object");
      if (!container) ++element_;  // (a container's capture counts it as it ends)
      else begin_capture(Target::Skip, false);
      return container;
    }
    begin_capture(failed ? Target::Skip : Target::Element, !failed);
    return true;
  }

  void begin_capture(Target target, bool keep) {
    capturing_ = true;
    target_ = target;
    cap_depth_ = 0;
    cap_ = json();
    if (keep) dom_.emplace(cap_, false);
  }
  template <typename Fwd>
  bool close_captured(Fwd fwd) {
    if (dom_) fwd(*dom_);
    if (--cap_depth_ == 0) end_capture();
    return true;
  }
  void end_capture() {
    capturing_ = false;
    dom_.reset();
    if (target_ == Target::Top) {
      top_[top_key_] = std::move(cap_);
    } else if (target_ == Target::Element) {
      JsonIn& in = in_[section_];
      if (section_ == kContacts) {
        t_.contacts.emplace_back();
        contact_from_json(in, cap_, element_, t_.contacts.back());
      } else {
        t_.conversations.emplace_back();
        conversation_from_json(in, cap_, element_, t_.conversations.back());
      }
    }
    if (depth_ == 2) ++element_;
    cap_ = json();
  }

  static Section section_of(const std::string& key) {
    return key == "contacts" ? kContacts : key == "conversations" ? kConversations : key == "messages" ? kMessages : kNone;
  }
  // A section starts (again: a key given twice counts with its last value).
  void begin_section(Section sec) {
    section_ = sec;
    element_ = 0;
    in_[sec] = JsonIn{};
    if (sec == kContacts) t_.contacts.clear();
    if (sec == kConversations) t_.conversations.clear();
    if (sec == kMessages) {
      t_.messages.clear();
      t_.texts.clear();  // (only messages have texts)
    }
  }

  // ---- messages, read without a DOM ----

  // A message's fields as they arrive; checked when it ends, in the DOM reader's order.
  struct MessageFields {
    json conversation, sender, time;  // null: missing
    TextRef subject, text;
    bool subject_bad = false, text_bad = false, too_much = false;
  };
  void message_field(json v) {
    switch (field_) {
      case Field::Conversation: msg_.conversation = std::move(v); break;
      case Field::Sender: msg_.sender = std::move(v); break;
      case Field::Time: msg_.time = std::move(v); break;
      case Field::Subject:
        msg_.subject = {};
        msg_.subject_bad = !v.is_null();
        break;
      case Field::Text:
        msg_.text = {};
        msg_.text_bad = !v.is_null();
        break;
      case Field::Other: break;
    }
  }
  void message_text(const std::string& v) {
    const bool subject = field_ == Field::Subject;
    (subject ? msg_.subject_bad : msg_.text_bad) = false;
    TextRef& ref = subject ? msg_.subject : msg_.text;
    if (t_.texts.size() + v.size() > 0xFFFFFFFFull) {
      msg_.too_much = true;
      ref = {};
      return;
    }
    ref = t_.add_text(v);
  }
  void end_message() {
    JsonIn& in = in_[kMessages];
    const std::string w = "messages[]";
    Message m;
    const MessageFields& f = msg_;
    int64_t v = 0;
    bool ok = true;
    if (f.conversation.is_null()) ok = in.fail(w + ".conversation", "missing");
    else if ((ok = in.int_value(f.conversation, 0, 0xFFFFFFFFll, v, w + ".conversation"))) m.conversation = uint32_t(v);
    if (ok && !f.sender.is_null() && (ok = in.int_value(f.sender, 0, 0xFFFFFFFFll, v, w + ".sender")))
      m.sender = ContactId(v);
    if (ok && !f.time.is_null() &&
        (ok = in.int_value(f.time, std::numeric_limits<int64_t>::min() + 1, std::numeric_limits<int64_t>::max(), v,
                           w + ".time")))
      m.time = v;
    if (ok && f.subject_bad) ok = in.fail(w + ".subject", "expected a string");
    if (ok && f.text_bad) ok = in.fail(w + ".text", "expected a string");
    if (ok && f.too_much) ok = in.fail("messages[" + std::to_string(element_) + "]", "too much text");
    m.subject = f.subject;
    m.text = f.text;
    if (ok) t_.messages.push_back(m);
    ++element_;
  }

  // Progress: roughly how many of the document's bytes were read (strings, keys, other values).
  void seen(size_t n) {
    read_ += n + 3;
    if (progress_ && read_ - reported_ > (1u << 20)) {
      reported_ = read_;
      progress_(float(std::min(1.0, double(read_) / double(std::max<size_t>(bytes_, 1)))));
    }
  }

  Store t_;
  JsonIn in_[3];     // the first error of each section
  json top_ = json::object();  // the small top-level values
  size_t bytes_, read_ = 0, reported_ = 0;
  const std::function<void(float)>& progress_;
  int depth_ = 0;  // containers open outside a capture: root object, section array, message
  bool root_bad_ = false;
  std::string top_key_;
  Section section_ = kNone;
  size_t element_ = 0;  // index in the section
  Field field_ = Field::Other;
  MessageFields msg_;
  // The capture under way: a DOM of the value (dom_ set) or a value skipped (dom_ empty).
  bool capturing_ = false;
  Target target_ = Target::Skip;
  int cap_depth_ = 0;
  json cap_;
  std::optional<Dom> dom_;
};

bool BackupReader::finish(Store& out, std::string& error) {
  if (root_bad_) {
    error = "not a Rekindle backup (expected a JSON object)";
    return false;
  }
  const json& doc = top_;
  auto app = doc.find("app");
  if (app == doc.end() || !app->is_string() || app->get_ref<const std::string&>() != "rekindle") {
    error = "not a Rekindle backup (\"app\" is not \"rekindle\")";
    return false;
  }
  auto fmt = doc.find("format");
  if (fmt == doc.end() || !fmt->is_number_integer()) {
    error = "backup has no format number";
    return false;
  }
  const int64_t format = fmt->is_number_unsigned() ? int64_t(std::min<uint64_t>(fmt->get<uint64_t>(), 1u << 30))
                                                   : fmt->get<int64_t>();
  if (format > kBackupFormat) {
    error = "backup was written by a newer version of Rekindle (format " + std::to_string(format) + ")";
    return false;
  }
  if (format < 1) {
    error = "unsupported backup format " + std::to_string(format);
    return false;
  }
  JsonIn in;
  Store& t = t_;
  auto ow = doc.find("owner");
  bool ok = true;
  if (ow != doc.end() && !ow->is_null())
    ok = in.object(*ow, "owner") && in.opt_str(*ow, "first_name", t.owner.first_name, "owner") &&
         in.opt_str(*ow, "last_name", t.owner.last_name, "owner") && in.opt_str(*ow, "url", t.owner.url, "owner") &&
         in.opt_str(*ow, "url_key", t.owner.url_key, "owner") && in.opt_str(*ow, "headline", t.owner.headline, "owner");
  ok = ok && in.opt_uint32(doc, "next_id", t.next_id, "backup") &&
       in.opt_day(doc, "last_import", t.last_import, "backup") &&
       in.opt_int(doc, "deleted_connections", t.deleted_connections, "backup");
  for (const JsonIn& section : in_)
    if (ok && !section.error.empty()) {
      in.error = section.error;
      ok = false;
    }
  if (ok) {
    auto u = doc.find("user");
    if (u != doc.end() && !u->is_null()) ok = user_from_json(in, *u, t.user, "user");
    auto st = doc.find("settings");
    if (ok && st != doc.end() && !st->is_null()) ok = settings_from_json(in, *st, t.settings, "settings");
  }
  if (!ok) {
    error = "backup: " + in.error;
    return false;
  }
  std::string why;
  if (!validate_refs(t, why)) {
    error = "backup is inconsistent: " + why;
    return false;
  }
  t.reindex();
  judge_last_messages(t);  // (a backup carries the texts, not their judgement)
  out = std::move(t);
  return true;
}

}  // namespace

bool import_backup(std::string_view text, Store& s, std::string& error, const std::function<void(float)>& progress) {
  BackupReader reader(text.size(), progress);
  if (!json::sax_parse(text.data(), text.data() + text.size(), &reader)) {
    error = "backup is not valid JSON (damaged or truncated)";
    return false;
  }
  return reader.finish(s, error);
}

}  // namespace rk
