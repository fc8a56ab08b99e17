// Deterministic generator of synthetic LinkedIn data exports (header-only, so that both the
// gen_export tool and the benchmarks can use it; CMake turns every tools/*.cpp into a program).
//
// Everything comes from one seed through splitmix64 (no std:: distributions, whose output differs
// between standard libraries), so a seed gives the same bytes on every platform. Output is
// streamed through a Sink (a folder, a zip or memory) in ~1 MiB chunks: XL never builds a giant
// string.
//
// What is generated (2024 format unless told otherwise), relative to `today`:
//  - N connections with names in several scripts, companies, positions, some e-mails, some
//    deleted-account rows; each connection gets a relationship state (silent, active, fading,
//    awaiting the owner's reply, unanswered by them) that shapes its 1:1 conversation;
//  - group threads among connections (some titles and names with commas), conversations with
//    "LinkedIn Member" (no URL), recruiter InMails and sponsored messages (HTML) from people who
//    are not connections, and a SPAM conversation or two;
//  - invitations both ways, accepted (the person is a connection, connected that day) or pending
//    (not a connection), with and without a note; endorsements and recommendations both ways;
//    Profile.csv; Positions.csv and Skills.csv (unused by the importer).
// A Manifest tells the counts an import should find.
//
// That is the "classic" profile (Options::profile), whose bytes benchmarks and tests depend on.
// The "realistic" profile (gen_realistic.hpp) replaces the connections' 1:1 threads, connection
// dates and invitations with distributions measured on real exports, and adds their counts to
// the manifest; everything else is shared.
#pragma once

#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace rkgen {

// ---- PRNG --------------------------------------------------------------------------------------

struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed) {}
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t below(uint64_t n) { return n ? next() % n : 0; }
  int64_t range(int64_t lo, int64_t hi) { return hi <= lo ? lo : lo + int64_t(below(uint64_t(hi - lo + 1))); }
  double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
  bool chance(double p) { return unit() < p; }
  template <typename T, size_t N>
  const T& pick(const T (&a)[N]) { return a[below(N)]; }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }
};

inline uint64_t mix(uint64_t a, uint64_t b) {
  Rng r(a ^ (b * 0xD1B54A32D192ED03ull));
  return r.next();
}

// ---- calendar (days since 1970-01-01, seconds since the epoch, UTC) -------------------------

inline int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = unsigned((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int(doe) - 719468;
}
inline void civil_from_days(int32_t z0, int& y, int& m, int& d) {
  const int z = z0 + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = int(doy - (153 * mp + 2) / 5 + 1);
  m = int(mp < 10 ? mp + 3 : mp - 9);
  y = int(yoe) + era * 400 + (m <= 2);
}
inline bool parse_ymd(const std::string& s, int32_t& out) {
  int y, m, d;
  char tail;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  out = days_from_civil(y, m, d);
  return true;
}

struct Civil {
  int y, mo, d, h, mi, s;
};
inline Civil civil_of(int64_t t) {
  Civil c;
  int64_t day = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  int64_t sec = t - day * 86400;
  civil_from_days(int32_t(day), c.y, c.mo, c.d);
  c.h = int(sec / 3600), c.mi = int(sec / 60 % 60), c.s = int(sec % 60);
  return c;
}

static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// "04 Jul 2023" (Connections.csv, 2022 and 2024)
inline std::string fmt_dmy(int32_t day) {
  int y, m, d;
  civil_from_days(day, y, m, d);
  char b[32];
  std::snprintf(b, sizeof b, "%02d %s %04d", d, kMonths[m - 1], y);
  return b;
}
// "2024-12-16 18:24:37 UTC" (messages.csv, 2022 and 2024)
inline std::string fmt_utc_dash(int64_t t) {
  Civil c = civil_of(t);
  char b[40];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d %02d:%02d:%02d UTC", c.y, c.mo, c.d, c.h, c.mi, c.s);
  return b;
}
// "2024/12/07 14:51:07 UTC" (Endorsement_*_Info.csv)
inline std::string fmt_utc_slash(int64_t t) {
  Civil c = civil_of(t);
  char b[40];
  std::snprintf(b, sizeof b, "%04d/%02d/%02d %02d:%02d:%02d UTC", c.y, c.mo, c.d, c.h, c.mi, c.s);
  return b;
}
// "1/8/18, 6:14 PM" (pad_hour=false: Invitations, 2018 files) or "11/27/24, 09:51 AM"
// (pad_hour=true: Recommendations)
inline std::string fmt_us(int64_t t, bool pad_hour) {
  Civil c = civil_of(t);
  int h12 = c.h % 12 == 0 ? 12 : c.h % 12;
  char b[40];
  if (pad_hour)
    std::snprintf(b, sizeof b, "%02d/%02d/%02d, %02d:%02d %s", c.mo, c.d, c.y % 100, h12, c.mi,
                  c.h < 12 ? "AM" : "PM");
  else
    std::snprintf(b, sizeof b, "%d/%d/%02d, %d:%02d %s", c.mo, c.d, c.y % 100, h12, c.mi, c.h < 12 ? "AM" : "PM");
  return b;
}

// ---- sinks ------------------------------------------------------------------------------------

class Sink {
 public:
  virtual ~Sink() = default;
  virtual bool begin(const std::string& name) = 0;  // name may contain one '/' (a zip folder)
  virtual bool write(const char* p, size_t n) = 0;
  virtual bool end() = 0;
};

// Files in a folder (sub-folders are flattened to their base name).
class DirSink : public Sink {
 public:
  explicit DirSink(std::string dir) : dir_(std::move(dir)) {}
  ~DirSink() override {
    if (f_) std::fclose(f_);
  }
  bool begin(const std::string& name) override {
    std::string base = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    f_ = std::fopen((dir_ + "/" + base).c_str(), "wb");
    return f_ != nullptr;
  }
  bool write(const char* p, size_t n) override { return f_ && std::fwrite(p, 1, n, f_) == n; }
  bool end() override {
    bool ok = f_ && std::fclose(f_) == 0;
    f_ = nullptr;
    return ok;
  }

 private:
  std::string dir_;
  std::FILE* f_ = nullptr;
};

// Everything in memory: (name, bytes) pairs, as rk::import_all takes them.
class MemorySink : public Sink {
 public:
  std::vector<std::pair<std::string, std::string>> files;
  bool begin(const std::string& name) override {
    files.emplace_back(name, std::string());
    return true;
  }
  bool write(const char* p, size_t n) override {
    files.back().second.append(p, n);
    return true;
  }
  bool end() override { return true; }
};

// One zip file (deflate), written with minizip.
class ZipSink : public Sink {
 public:
  ZipSink(const std::string& path, int32_t today, int level) : level_(level), today_(today) {
    zf_ = zipOpen(path.c_str(), APPEND_STATUS_CREATE);
  }
  ~ZipSink() override { close(); }
  bool ok() const { return zf_ != nullptr; }
  bool begin(const std::string& name) override {
    if (!zf_) return false;
    zip_fileinfo zi;
    std::memset(&zi, 0, sizeof zi);
    int y, m, d;
    civil_from_days(today_, y, m, d);
    zi.tmz_date.tm_year = unsigned(y), zi.tmz_date.tm_mon = unsigned(m - 1), zi.tmz_date.tm_mday = unsigned(d);
    zi.tmz_date.tm_hour = 9;
    return zipOpenNewFileInZip(zf_, name.c_str(), &zi, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, level_) ==
           ZIP_OK;
  }
  bool write(const char* p, size_t n) override {
    while (n > 0) {
      unsigned chunk = unsigned(std::min<size_t>(n, 1u << 30));
      if (zipWriteInFileInZip(zf_, p, chunk) != ZIP_OK) return false;
      p += chunk, n -= chunk;
    }
    return true;
  }
  bool end() override { return zipCloseFileInZip(zf_) == ZIP_OK; }
  bool close() {
    if (!zf_) return true;
    bool ok = zipClose(zf_, nullptr) == ZIP_OK;
    zf_ = nullptr;
    return ok;
  }

 private:
  zipFile zf_ = nullptr;
  int level_;
  int32_t today_;
};

// Buffered CSV writer on top of a Sink.
class Csv {
 public:
  Csv(Sink& sink, const std::string& name, const char* eol = "\n") : sink_(sink), eol_(eol) {
    ok_ = sink_.begin(name);
    buf_.reserve(kChunk + 8192);
  }
  ~Csv() { finish(); }
  bool finish() {
    if (done_) return ok_;
    done_ = true;
    flush();
    ok_ = sink_.end() && ok_;
    return ok_;
  }
  void raw(std::string_view s) { buf_.append(s.data(), s.size()); }
  void field(std::string_view v) {
    if (!first_) buf_ += ',';
    first_ = false;
    bool quote = false;
    for (char c : v)
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        break;
      }
    if (!quote) {
      buf_.append(v.data(), v.size());
      return;
    }
    buf_ += '"';
    size_t start = 0;
    for (size_t i = 0; i < v.size(); ++i)
      if (v[i] == '"') {
        buf_.append(v.data() + start, i - start + 1);
        buf_ += '"';
        start = i + 1;
      }
    buf_.append(v.data() + start, v.size() - start);
    buf_ += '"';
  }
  void row(std::initializer_list<std::string_view> fields) {
    for (auto f : fields) field(f);
    end_row();
  }
  void end_row() {
    buf_ += eol_;
    first_ = true;
    if (buf_.size() >= kChunk) flush();
  }
  bool ok() const { return ok_; }

 private:
  static constexpr size_t kChunk = 1 << 20;
  void flush() {
    if (!buf_.empty()) ok_ = sink_.write(buf_.data(), buf_.size()) && ok_;
    buf_.clear();
  }
  Sink& sink_;
  const char* eol_;
  std::string buf_;
  bool first_ = true, ok_ = true, done_ = false;
};

// ---- options, sizes, manifest ----------------------------------------------------------------

struct SizeSpec {
  const char* name;
  int connections;
  int messages;
};
inline bool size_spec(const std::string& name, SizeSpec& out) {
  static const SizeSpec kSizes[] = {{"tiny", 50, 400},        {"S", 1000, 10000},      {"M", 10000, 100000},
                                    {"L", 30000, 300000},     {"XL", 30000, 1000000}};
  for (const SizeSpec& s : kSizes)
    if (name == s.name) {
      out = s;
      return true;
    }
  return false;
}

struct Options {
  int connections = 1000;
  int messages = 10000;
  std::string size = "S";
  uint64_t seed = 1;
  int format = 2024;  // 2024, 2022 or 2018
  int32_t today = days_from_civil(2026, 11, 25);
  bool zip_subdir = false;  // in a zip: the unused files go in a sub-folder
  // "classic" (our own distributions; benchmarks and tests depend on its bytes) or "realistic"
  // (calibrated on real exports: see gen_realistic.hpp).
  std::string profile = "classic";
};
inline bool valid_profile(const std::string& p) { return p == "classic" || p == "realistic"; }

enum State : uint8_t { kSilent = 0, kActive, kFading, kAwaiting, kUnanswered, kStateCount };
static const char* const kStateNames[] = {"silent", "active", "fading", "awaiting_reply", "unanswered"};

// What the realistic profile wrote, as an import of the 2024 or 2022 format finds it. One-to-one
// conversations: outside spam, one other participant with a profile URL (connections' threads,
// InMails, sponsored messages; not "LinkedIn Member"). Ages are days from the last message's day
// (UTC) to `today`; "within 30 days" is an age of 30 or less.
struct RealisticCounts {
  size_t one_to_one = 0;
  size_t last_by_them = 0;             // the other person's message (or a system row in their name) is the last
  size_t last_by_them_within_30d = 0;  // ... and at most 30 days old
  size_t last_by_them_short = 0;       // ... and of 40 characters (code points) or less
  size_t closing_last = 0;             // ... and a closing note (rkgen::is_closing_note)
  size_t system_last = 0;              // ... and a system row (rkgen::is_system_row)
  size_t fresh_awaiting = 0;           // ... within 30 days, neither a closing note nor a system row
  size_t owner_last_within_30d = 0;    // the owner wrote last, at most 30 days ago
  size_t new_silent_connections_30d = 0;  // connected within 30 days, no one-to-one conversation
  size_t new_invited_with_note = 0;    // ... of whom invited the owner with a personal note
  size_t strong_fading = 0;            // connections' threads: 20+ messages, 5+ each way, last 120-548 days ago
  int32_t last_by_them_median_age_days = 0;  // the lower median of the last_by_them ages
};

struct Manifest {
  std::string size;
  std::string profile = "classic";
  uint64_t seed = 0;
  int format = 2024;
  int32_t today = 0;
  size_t connections = 0, deleted_connections = 0;
  size_t messages = 0, conversations = 0;           // spam excluded
  size_t spam_messages = 0, spam_conversations = 0;
  size_t group_conversations = 0;
  size_t invitations = 0, invitations_incoming = 0, invitations_outgoing = 0;
  size_t endorsements_received = 0, endorsements_given = 0;
  size_t recommendations_received = 0, recommendations_given = 0;
  // Connections + people not connected who have a URL and wrote to the owner (outside spam) or
  // invited the owner. (Pending outgoing invitations and spam senders are not counted.)
  size_t contacts = 0;
  size_t linkedin_member_messages = 0;
  size_t states[kStateCount] = {};  // realistic profile: by who wrote last (closing notes count as theirs)
  RealisticCounts realistic;  // realistic profile only
  std::vector<std::string> files;

  size_t endorsements() const { return endorsements_received + endorsements_given; }
  size_t recommendations() const { return recommendations_received + recommendations_given; }

  std::string to_json() const {
    std::string j = "{\n";
    auto num = [&](const char* k, size_t v) { j += "  \"" + std::string(k) + "\": " + std::to_string(v) + ",\n"; };
    int y, m, d;
    civil_from_days(today, y, m, d);
    char day[32];
    std::snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
    j += "  \"generator\": \"gen_export\",\n  \"size\": \"" + size + "\",\n  \"seed\": " + std::to_string(seed) +
         ",\n  \"format\": " + std::to_string(format) + ",\n  \"today\": \"" + day + "\",\n";
    if (profile != "classic") j += "  \"profile\": \"" + profile + "\",\n";  // classic bytes unchanged
    num("connections", connections);
    num("deleted_connections", deleted_connections);
    num("messages", messages);
    num("conversations", conversations);
    num("group_conversations", group_conversations);
    num("spam_messages", spam_messages);
    num("spam_conversations", spam_conversations);
    num("linkedin_member_messages", linkedin_member_messages);
    num("invitations", invitations);
    num("invitations_incoming", invitations_incoming);
    num("invitations_outgoing", invitations_outgoing);
    num("endorsements_received", endorsements_received);
    num("endorsements_given", endorsements_given);
    num("endorsements", endorsements());
    num("recommendations_received", recommendations_received);
    num("recommendations_given", recommendations_given);
    num("recommendations", recommendations());
    num("contacts", contacts);
    j += "  \"states\": {";
    for (int s = 0; s < kStateCount; ++s)
      j += std::string(s ? ", " : "") + "\"" + kStateNames[s] + "\": " + std::to_string(states[s]);
    j += "},\n";
    if (profile == "realistic") j += realistic_json();
    j += "  \"files\": [";
    for (size_t i = 0; i < files.size(); ++i) j += std::string(i ? ", " : "") + "\"" + files[i] + "\"";
    j += "]\n}\n";
    return j;
  }

  std::string realistic_json() const {
    const RealisticCounts& r = realistic;
    const std::pair<const char*, size_t> kv[] = {
        {"one_to_one", r.one_to_one},
        {"last_by_them", r.last_by_them},
        {"last_by_them_within_30d", r.last_by_them_within_30d},
        {"last_by_them_short", r.last_by_them_short},
        {"closing_last", r.closing_last},
        {"system_last", r.system_last},
        {"fresh_awaiting", r.fresh_awaiting},
        {"owner_last_within_30d", r.owner_last_within_30d},
        {"new_silent_connections_30d", r.new_silent_connections_30d},
        {"new_invited_with_note", r.new_invited_with_note},
        {"strong_fading", r.strong_fading},
        {"last_by_them_median_age_days", size_t(r.last_by_them_median_age_days)}};
    std::string j = "  \"realistic\": {";
    for (size_t i = 0; i < sizeof kv / sizeof kv[0]; ++i)
      j += std::string(i ? ", " : "") + "\"" + kv[i].first + "\": " + std::to_string(kv[i].second);
    return j + "},\n";
  }
};

// ---- word banks ---------------------------------------------------------------------------------

struct NamePart {
  const char* text;
  const char* roman;  // for the profile slug and e-mail
};

struct Script {
  const char* name;
  int weight;
  std::vector<NamePart> first, last;
};

inline const std::vector<Script>& scripts() {
  static const std::vector<Script> k = {
      {"latin", 640,
       {{"John", "john"}, {"Emma", "emma"}, {"Liam", "liam"}, {"Olivia", "olivia"}, {"Noah", "noah"},
        {"Ava", "ava"}, {"James", "james"}, {"Sophia", "sophia"}, {"Lucas", "lucas"}, {"Mia", "mia"},
        {"José", "jose"}, {"María", "maria"}, {"François", "francois"}, {"Zoë", "zoe"}, {"Łukasz", "lukasz"},
        {"Søren", "soren"}, {"Björn", "bjorn"}, {"Anaïs", "anais"}, {"Çağla", "cagla"}, {"Ștefan", "stefan"},
        {"Chloé", "chloe"}, {"Mateo", "mateo"}, {"Sofía", "sofia"}, {"Jürgen", "jurgen"}, {"Ana", "ana"},
        {"Pedro", "pedro"}, {"Giulia", "giulia"}, {"Marco", "marco"}, {"Aoife", "aoife"}, {"Siobhán", "siobhan"},
        {"Krzysztof", "krzysztof"}, {"Małgorzata", "malgorzata"}, {"Priya", "priya"}, {"Arjun", "arjun"},
        {"Thành", "thanh"}, {"Ngọc", "ngoc"}, {"Oğuz", "oguz"}, {"Hélène", "helene"}, {"Joaquín", "joaquin"},
        {"Mårten", "marten"}, {"Zsófia", "zsofia"}, {"Dávid", "david"}, {"Ewa", "ewa"}, {"Tomás", "tomas"},
        {"Sarah", "sarah"}, {"Michael", "michael"}, {"David", "david"}, {"Laura", "laura"}, {"Daniel", "daniel"},
        {"Anna", "anna"}, {"Jean-Luc", "jean-luc"}, {"Mary Ann", "mary-ann"}, {"Wei", "wei"}, {"Kwame", "kwame"},
        {"Chidi", "chidi"}, {"Amara", "amara"}, {"Fatoumata", "fatoumata"}, {"Kai", "kai"}, {"Nadia", "nadia"},
        {"Ingrid", "ingrid"}},
       {{"Smith", "smith"}, {"García", "garcia"}, {"Müller", "muller"}, {"Dubois", "dubois"}, {"Rossi", "rossi"},
        {"Kowalski", "kowalski"}, {"Nowak", "nowak"}, {"O'Brien", "obrien"}, {"van der Berg", "van-der-berg"},
        {"Fernández", "fernandez"}, {"Nguyễn", "nguyen"}, {"Østergaard", "ostergaard"}, {"Šimić", "simic"},
        {"Yılmaz", "yilmaz"}, {"Johansson", "johansson"}, {"Silva", "silva"}, {"Santos", "santos"},
        {"Brown", "brown"}, {"Taylor", "taylor"}, {"Martin", "martin"}, {"Lefèvre", "lefevre"},
        {"Schröder", "schroder"}, {"Sánchez", "sanchez"}, {"López", "lopez"}, {"Jensen", "jensen"},
        {"Novák", "novak"}, {"Horváth", "horvath"}, {"Ferreira", "ferreira"}, {"Costa", "costa"},
        {"MacDonald", "macdonald"}, {"D'Angelo", "dangelo"}, {"Hernández", "hernandez"}, {"Wójcik", "wojcik"},
        {"Lindqvist", "lindqvist"}, {"Sharma", "sharma"}, {"Patel", "patel"}, {"Okafor", "okafor"},
        {"Mensah", "mensah"}, {"Kim", "kim"}, {"Chen", "chen"}, {"Williams", "williams"}, {"Johnson", "johnson"},
        {"Anderson", "anderson"}, {"Thompson", "thompson"}, {"Moreau", "moreau"}, {"Weiß", "weiss"},
        {"Dvořák", "dvorak"}, {"Kovačević", "kovacevic"}, {"Björklund", "bjorklund"}, {"Ó Súilleabháin", "osullivan"},
        {"de la Cruz", "de-la-cruz"}, {"Trần", "tran"}, {"Öztürk", "ozturk"}, {"Virtanen", "virtanen"}}},
      {"cyrillic", 60,
       {{"Анна", "anna"}, {"Дмитрий", "dmitry"}, {"Ольга", "olga"}, {"Сергей", "sergey"}, {"Наталья", "natalia"},
        {"Алексей", "alexey"}, {"Екатерина", "ekaterina"}, {"Иван", "ivan"}, {"Андрій", "andriy"},
        {"Юлія", "yulia"}},
       {{"Иванова", "ivanova"}, {"Смирнов", "smirnov"}, {"Кузнецов", "kuznetsov"}, {"Попова", "popova"},
        {"Соколов", "sokolov"}, {"Шевченко", "shevchenko"}, {"Петров", "petrov"}, {"Волкова", "volkova"},
        {"Бондаренко", "bondarenko"}}},
      {"greek", 30,
       {{"Γιώργος", "giorgos"}, {"Μαρία", "maria"}, {"Νίκος", "nikos"}, {"Ελένη", "eleni"},
        {"Δημήτρης", "dimitris"}, {"Κατερίνα", "katerina"}},
       {{"Παπαδόπουλος", "papadopoulos"}, {"Παπαδοπούλου", "papadopoulou"}, {"Γεωργίου", "georgiou"},
        {"Οικονόμου", "oikonomou"}, {"Νικολάου", "nikolaou"}}},
      {"chinese", 40,
       {{"伟", "wei"}, {"娜", "na"}, {"静", "jing"}, {"磊", "lei"}, {"秀英", "xiuying"}, {"强", "qiang"},
        {"子涵", "zihan"}},
       {{"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"}, {"欧阳", "ouyang"}}},
      {"japanese", 30,
       {{"健", "ken"}, {"さくら", "sakura"}, {"翔太", "shota"}, {"美咲", "misaki"}, {"大輔", "daisuke"}},
       {{"佐藤", "sato"}, {"鈴木", "suzuki"}, {"高橋", "takahashi"}, {"田中", "tanaka"}, {"渡辺", "watanabe"}}},
      {"korean", 20,
       {{"민준", "minjun"}, {"서연", "seoyeon"}, {"지훈", "jihoon"}, {"하은", "haeun"}},
       {{"김", "kim"}, {"이", "lee"}, {"박", "park"}, {"최", "choi"}}},
      {"arabic", 40,
       {{"محمد", "mohammed"}, {"فاطمة", "fatima"}, {"أحمد", "ahmed"}, {"ليلى", "layla"}, {"عمر", "omar"},
        {"نور", "nour"}},
       {{"العلي", "alali"}, {"حسن", "hassan"}, {"الحسيني", "alhusseini"}, {"خليل", "khalil"}, {"منصور", "mansour"}}},
      {"hebrew", 30,
       {{"דוד", "david"}, {"נועה", "noa"}, {"יוסי", "yossi"}, {"מיכל", "michal"}, {"אורי", "ori"}, {"תמר", "tamar"}},
       {{"כהן", "cohen"}, {"לוי", "levi"}, {"מזרחי", "mizrahi"}, {"פרץ", "peretz"}, {"ביטון", "biton"}}},
      {"devanagari", 40,
       {{"राहुल", "rahul"}, {"प्रिया", "priya"}, {"अमित", "amit"}, {"नेहा", "neha"}, {"विकास", "vikas"},
        {"अंजलि", "anjali"}},
       {{"शर्मा", "sharma"}, {"पटेल", "patel"}, {"सिंह", "singh"}, {"गुप्ता", "gupta"}, {"वर्मा", "verma"}}},
      {"emoji", 10,
       {{"Alex 🚀", "alex"}, {"Sam ✨", "sam"}, {"Jo 🌈", "jo"}, {"Chris ☕", "chris"}},
       {{"Taylor", "taylor"}, {"Rivera", "rivera"}, {"Lee 🎨", "lee"}, {"Morgan", "morgan"}}},
  };
  return k;
}

static const char* const kCompanies[] = {
    "Google", "Microsoft", "Acme, Inc.", "Siemens AG", "Deloitte", "McKinsey & Company", "Société Générale",
    "Zalando SE", "EY", "\"Blue Ocean\" Consulting", "Banco Santander", "Infosys", "Tata Consultancy Services",
    "Яндекс", "株式会社メルカリ", "삼성전자", "Teva Pharmaceuticals", "Wix.com", "Self-employed", "Freelance",
    "Stealth Startup", "University of Oxford", "ETH Zürich", "Universidad de Buenos Aires", "Shopify", "Spotify",
    "Booking.com", "Airbus", "Nestlé", "L'Oréal", "Unilever", "Accenture", "IBM", "Amazon Web Services (AWS)",
    "Meta", "Stripe", "Revolut", "N26", "Klarna", "Adyen", "SAP", "Bosch", "Volkswagen Group", "Philips", "ING",
    "BNP Paribas", "Capgemini", "Wipro", "Flipkart", "Alibaba Group", "Tencent", "Naver", "Rakuten",
    "Toyota Motor Corporation", "Emirates Group", "Careem", "Check Point Software Technologies Ltd.",
    "monday.com", "Mobileye", "Atlassian", "Canva", "Xero", "Smith, Jones & Partners LLP", "Ørsted",
    "Fundação Getulio Vargas", "Ελληνικά Πετρέλαια", "טבע", "इन्फोसिस", "شركة أرامكو السعودية"};

static const char* const kPositions[] = {
    "Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager", "Product Manager",
    "Senior Product Manager", "Director of Engineering", "VP, Sales", "Account Executive", "Recruiter",
    "Talent Acquisition Partner", "Data Scientist", "Machine Learning Engineer", "UX Designer",
    "Head of Marketing", "Marketing Manager, EMEA", "CEO & Co-Founder", "CTO", "Founder", "Consultant",
    "Senior Consultant", "Partner", "Professor", "PhD Candidate", "Research Scientist", "Financial Analyst",
    "Investment Banking Associate", "HR Business Partner", "Customer Success Manager", "DevOps Engineer",
    "Site Reliability Engineer", "Chief of Staff", "Operations Manager", "Intern", "Student",
    "Ingénieur logiciel", "Desarrolladora Full Stack", "Projektleiter", "Руководитель отдела продаж",
    "ソフトウェアエンジニア", "مهندس برمجيات", "מנהלת מוצר", "वरिष्ठ सलाहकार",
    "Senior Manager, Strategy & Operations | Helping teams scale | Ex-Google, Ex-McKinsey",
    "Building the future of \"work\" 🚀 | Angel investor | Speaker"};

static const char* const kSkills[] = {
    "C++", "Project Management", "Leadership", "Python", "Machine Learning", "Public Speaking", "Strategy",
    "Product Management", "Agile Methodologies", "Data Analysis", "Team Leadership", "Negotiation",
    "Software Development", "Cloud Computing", "Marketing", "Sales", "Recruiting", "UX Design", "SQL",
    "Business Development", "Research", "Teaching", "Go-to-Market Strategy", "Research & Development (R&D)",
    "Gestión de proyectos", "Управление проектами"};

static const char* const kGreetIn[] = {"Hi {me},", "Hey {me}!", "Hello {me},", "Bonjour {me},", "Hola {me},",
                                       "Привет, {me}!", "Hallo {me},", "Hi {me} 👋", "", "Dear {me},"};
static const char* const kGreetOut[] = {"Hi {them},", "Hey {them}!", "Hello {them},", "Thanks {them}!", "",
                                        "Hi {them} — hope you're well.", "Ciao {them},"};
static const char* const kBodies[] = {
    "Great to connect with you.",
    "Thanks for reaching out — happy to chat next week.",
    "Are you free for a quick call on Thursday?",
    "I saw your post about \"scaling teams\", really insightful!",
    "Congrats on the new role at {company}! 🎉",
    "Let me know if you're in town, coffee's on me ☕",
    "Sorry for the late reply, it's been a hectic month.",
    "Could you share the deck from yesterday's meeting?",
    "Here's the link: https://example.com/doc?id=42&ref=li",
    "We're hiring for a few roles, would you be interested?",
    "Sounds good 👍",
    "Je suis disponible mardi après-midi, ça te va ?",
    "¿Podemos hablar mañana a las 10?",
    "Спасибо, договорились!",
    "ありがとうございます！来週お会いしましょう。",
    "شكراً جزيلاً، سأرسل لك التفاصيل غداً.",
    "תודה רבה! נדבר בשבוע הבא.",
    "धन्यवाद! अगले हफ्ते बात करते हैं।",
    "Ευχαριστώ πολύ, τα λέμε σύντομα!",
    "谢谢！下周见。",
    "I'd love to hear more about what you're building at {company}.",
    "Quick question: who owns the partnership budget on your side, 5% or 10% of it?",
    "Attached is my CV, let me know what you think.",
    "Happy birthday! 🎂 Hope you have a great year ahead.",
    "It was great meeting you at the conference in Lisbon.",
    "Would you be open to an intro to a friend who works on similar problems?",
    "I can't make it on Monday; would Wednesday work instead?",
    "Here are my notes:\n- pricing\n- onboarding\n- next steps",
    "Absolutely, count me in.",
    "Haha, that's brilliant 😂",
};
static const char* const kSignoffs[] = {"", "", "", "Best,\n{sig}", "Cheers,\n{sig}", "Thanks!", "— {sig}",
                                        "Talk soon"};
static const char* const kGroupTitles[] = {"Alumni Reunion 2019", "Project Phoenix 🚀", "Book club, Berlin",
                                           "Hackathon team", "Smith, John & friends", "Q3 planning",
                                           "Погнали 🏃", "Weekend hike ⛰️"};
static const char* const kRecTexts[] = {
    "{name} is one of the most thoughtful engineers I have worked with. During our time at {company}, "
    "they led the migration of our billing platform and mentored three junior developers.\n\n"
    "I recommend them without reservation.",
    "I had the pleasure of managing {name} for two years. They are \"the\" person you want in the room when "
    "things get difficult: calm, precise, and kind.",
    "Working with {name} was a joy. Creative, reliable, and always ready to help — any team would be lucky "
    "to have them.",
    "J'ai eu le plaisir de travailler avec {name} chez {company}. Rigueur, bienveillance et sens du détail.",
};

// ---- the generator --------------------------------------------------------------------------

namespace detail {

struct Person {
  std::string first, last, slug, company, position, email;
  const char* slug_first = "";
  std::string slug_last;  // romanised name parts, for the slug
  int32_t connected_on = 0;
  bool connected = false;
  uint8_t state = kSilent;
  uint8_t plan = 0;  // realistic profile: what happens with this connection (gen_realistic.hpp)
  bool unique_name = false;
  bool used = false;  // messaged / invited (for non-connections: makes them a contact)
  std::string url() const { return "https://www.linkedin.com/in/" + slug; }
  std::string name() const {
    if (first.empty()) return last;
    if (last.empty()) return first;
    return first + " " + last;
  }
};

enum ConvKind : uint8_t { kOneToOne, kGroup, kMember, kInMail, kSponsored, kSpam };

struct Conv {
  ConvKind kind = kOneToOne;
  std::vector<int> people;  // participants other than the owner (person indices)
  int count = 0;            // messages
  uint8_t state = kSilent;  // for 1:1
  int64_t last = 0;         // time of the last message
  int64_t span = 0;         // seconds from first to last
  std::string title;
  std::string folder = "INBOX";
  uint8_t plan = 0, ending = 0;  // realistic profile (gen_realistic.hpp)
};

struct Inv {
  int person;
  bool incoming;
  int64_t time;
  std::string note;
};

struct Msg {
  int64_t time;
  int sender;  // -1 owner, -2 LinkedIn Member, else person index
};

inline void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
}

inline std::string base64(std::string_view in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = uint32_t(uint8_t(in[i])) << 16 | uint32_t(uint8_t(in[i + 1])) << 8 | uint8_t(in[i + 2]);
    out += k[v >> 18], out += k[(v >> 12) & 63], out += k[(v >> 6) & 63], out += k[v & 63];
  }
  if (i + 1 == in.size()) {
    uint32_t v = uint32_t(uint8_t(in[i])) << 16;
    out += k[v >> 18], out += k[(v >> 12) & 63], out += "==";
  } else if (i + 2 == in.size()) {
    uint32_t v = uint32_t(uint8_t(in[i])) << 16 | uint32_t(uint8_t(in[i + 1])) << 8;
    out += k[v >> 18], out += k[(v >> 12) & 63], out += k[(v >> 6) & 63], out += '=';
  }
  return out;
}

// "2-" + base64("<uuid>_0NN"), like LinkedIn's CONVERSATION ID.
inline std::string conversation_id(Rng& r) {
  static const char* hex = "0123456789abcdef";
  std::string u;
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) u += '-';
    u += hex[r.below(16)];
  }
  char tail[8];
  std::snprintf(tail, sizeof tail, "_%03d", int(r.below(100)));
  return "2-" + base64(u + tail);
}

}  // namespace detail
}  // namespace rkgen

#include "gen_realistic.hpp"  // the realistic profile, on the records above

namespace rkgen {
namespace detail {

class Generator {
 public:
  Generator(const Options& o, Sink& sink)
      : o_(o), sink_(sink), rng_(o.seed ^ 0x5EEDull), realistic_(o.profile == "realistic"),
        real_(o, owner_, people_, convs_, invitations_) {}

  bool run(Manifest& m) {
    m = Manifest();
    m.size = o_.size, m.seed = o_.seed, m.format = o_.format, m.today = o_.today;
    m.profile = realistic_ ? "realistic" : "classic";
    today_t_ = int64_t(o_.today) * 86400;
    make_owner();
    make_connections();
    if (realistic_) real_.assign_plans();
    plan_conversations();
    if (realistic_) {
      Rng r(mix(o_.seed, 4));
      real_.plan_invitations(r, [this](Rng& rr) { return new_outsider(rr); });
    } else {
      plan_invitations();
    }
    bool ok = write_connections(m) && write_messages(m) && write_invitations(m) && write_endorsements(m) &&
              write_recommendations(m) && write_profile(m) && write_unused(m);
    if (realistic_) real_.finish(m);
    m.connections = size_t(o_.connections);
    for (const Person& p : people_)
      if (p.connected) m.states[p.state]++;
    // Contacts: every connection, plus people not connected who have a URL (in the files the
    // importer reads) and wrote to the owner (outside spam) or invited the owner.
    m.contacts = size_t(o_.connections);
    for (size_t i = size_t(o_.connections); i < people_.size(); ++i)
      if (!people_[i].connected && people_[i].used) m.contacts++;
    return ok;
  }

 private:
  const Options& o_;
  Sink& sink_;
  Rng rng_;
  int64_t today_t_ = 0;
  Person owner_;
  std::vector<Person> people_;  // [0, connections): connections; after: others
  std::vector<Conv> convs_;
  std::unordered_set<std::string> slugs_;
  std::unordered_map<std::string, int> name_count_;
  std::vector<Inv> invitations_;
  const bool realistic_;
  Realistic real_;

  const char* eol() const { return o_.format == 2018 ? "\r\n" : "\n"; }

  std::string make_slug(Rng& r, const std::string& f, const std::string& l) {
    static const char* hex = "0123456789abcdef";
    for (;;) {
      std::string s;
      int style = int(r.below(10));
      if (style == 0) s = f.substr(0, 1) + l + std::to_string(r.below(1000));
      else if (style == 1) s = f + "-" + l;
      else {
        s = f + "-" + l + "-";
        for (int i = 0; i < 8; ++i) s += hex[r.below(16)];
      }
      if (slugs_.insert(s).second) return s;
    }
  }

  const Script& pick_script(Rng& r) {
    const auto& all = scripts();
    int total = 0;
    for (const Script& s : all) total += s.weight;
    int x = int(r.below(uint64_t(total)));
    for (const Script& s : all) {
      if (x < s.weight) return s;
      x -= s.weight;
    }
    return all[0];
  }

  Person make_person(Rng& r) {
    Person p;
    const Script& sc = pick_script(r);
    const NamePart& f = r.pick(sc.first);
    const NamePart& l = r.pick(sc.last);
    p.first = f.text;
    p.last = l.text;
    std::string roman_last = l.roman;
    if (sc.name == std::string("latin")) {
      // More variety (and fewer namesakes): middle initials, double-barrelled surnames.
      if (r.chance(0.2)) {
        p.first += ' ';
        p.first += char('A' + r.below(26));
        p.first += '.';
      }
      if (r.chance(0.25)) {
        const NamePart& l2 = r.pick(sc.last);
        if (std::strcmp(l2.text, l.text) != 0) {
          const bool hyphen = r.chance(0.5);
          p.last += hyphen ? "-" : " ";
          p.last += l2.text;
          roman_last += std::string("-") + l2.roman;
        }
      }
    }
    if (r.chance(0.01)) {
      static const char* const kCreds[] = {", MBA", ", PhD", ", CFA", ", PMP"};
      p.last += r.pick(kCreds);
    }
    if (r.chance(0.004)) p.last.clear();  // mononym
    p.slug_first = f.roman;
    p.slug_last = roman_last;
    if (!r.chance(0.04)) p.company = r.pick(kCompanies);
    if (!r.chance(0.03)) p.position = r.pick(kPositions);
    if (r.chance(0.12)) {
      static const char* const kDomains[] = {"gmail.com", "outlook.com", "yahoo.fr", "web.de", "proton.me",
                                             "company.example"};
      p.email = std::string(f.roman) + "." + roman_last + "@" + r.pick(kDomains);
      replace_all(p.email, "-", ".");
    }
    return p;
  }

  void make_owner() {
    Rng r(mix(o_.seed, 1));
    const Script& latin = scripts()[0];
    owner_.first = r.pick(latin.first).text;
    owner_.last = r.pick(latin.last).text;
    owner_.slug = make_slug(r, "owner", "profile");
    owner_.company = "Acme, Inc.";
    owner_.position = "Engineering Manager";
  }

  void make_connections() {
    Rng r(mix(o_.seed, 2));
    const int n = o_.connections;
    people_.reserve(size_t(n) + size_t(n) / 10 + 64);
    for (int i = 0; i < n; ++i) {
      Person p = make_person(r);
      // Namesakes exist, but rarely: retry most duplicates.
      for (int tries = 0; tries < 12 && name_count_.count(p.name()) && !r.chance(0.03); ++tries) p = make_person(r);
      name_count_[p.name()]++;
      p.slug = make_slug(r, p.slug_first, p.slug_last);
      p.connected = true;
      double x = r.unit();
      p.state = x < 0.55 ? kSilent : x < 0.67 ? kActive : x < 0.80 ? kFading : x < 0.90 ? kAwaiting : kUnanswered;
      people_.push_back(std::move(p));
    }
    for (Person& p : people_) p.unique_name = name_count_[p.name()] == 1 && !p.first.empty() && !p.last.empty();
  }

  int new_outsider(Rng& r) {
    Person p = make_person(r);
    p.slug = make_slug(r, p.slug_first, p.slug_last);
    people_.push_back(std::move(p));
    return int(people_.size()) - 1;
  }

  // Distributes the message budget over conversations and fixes their time windows.
  void plan_conversations() {
    Rng r(mix(o_.seed, 3));
    const int n = o_.connections;
    const bool old = o_.format == 2018;
    int budget = o_.messages;

    auto add = [&](ConvKind k, int count) {
      Conv c;
      c.kind = k;
      c.count = std::max(1, std::min(count, budget));
      budget -= c.count;
      convs_.push_back(std::move(c));
      return &convs_.back();
    };
    // Spam, "LinkedIn Member", InMails, sponsored messages.
    for (int i = 0, k = n < 200 ? 1 : 2; i < k; ++i) {
      Conv* c = add(kSpam, int(r.range(1, 2)));
      c->people.push_back(new_outsider(r));
      c->folder = "SPAM";
      c->last = today_t_ - r.range(2, 200) * 86400 - r.range(0, 86399);
      c->span = r.range(60, 86400 * 3);
    }
    for (int i = 0, k = std::max(1, n / 250); i < k; ++i) {
      Conv* c = add(kMember, int(r.range(1, 3)));
      c->last = today_t_ - r.range(5, 900) * 86400 - r.range(0, 86399);
      c->span = r.range(3600, 86400 * 20);
    }
    for (int i = 0, k = std::max(2, n / 60); i < k; ++i) {
      Conv* c = add(kInMail, int(r.range(1, 2)));
      c->people.push_back(new_outsider(r));
      c->last = today_t_ - r.range(3, 1200) * 86400 - r.range(0, 86399);
      c->span = r.range(3600, 86400 * 10);
    }
    for (int i = 0, k = std::max(1, n / 150); i < k; ++i) {
      Conv* c = add(kSponsored, 1);
      c->people.push_back(new_outsider(r));
      c->last = today_t_ - r.range(1, 1500) * 86400 - r.range(0, 86399);
    }
    if (!old) {
      const int groups = std::max(1, n / 120);
      const int per = std::max(3, o_.messages / 40 / groups);
      for (int i = 0; i < groups && n >= 3; ++i) {
        Conv* c = add(kGroup, int(r.range(per / 2 + 1, per + per / 2)));
        int k = int(r.range(2, std::min(6, n)));
        std::set<int> who;
        while (int(who.size()) < k) who.insert(int(r.below(uint64_t(n))));
        c->people.assign(who.begin(), who.end());
        double t = r.unit();
        if (t < 0.3) c->title = r.pick(kGroupTitles);
        else if (t < 0.5) {  // a title listing names, with commas
          c->title = people_[size_t(c->people[0])].last + ", " + people_[size_t(c->people[0])].first + ", " +
                     people_[size_t(c->people[1])].name();
          if (k > 2) c->title += " and " + std::to_string(k - 2) + " others";
        }
        c->last = today_t_ - r.range(1, 700) * 86400 - r.range(0, 86399);
        c->span = r.range(86400 * 2, 86400 * 400);
      }
    }

    if (realistic_) real_.plan_threads(r, budget);
    else plan_one_to_one_classic(r, budget);
    // Shuffle conversation order (Fisher-Yates) so kinds are interleaved like a real export.
    for (size_t i = convs_.size(); i > 1; --i) std::swap(convs_[i - 1], convs_[r.below(i)]);
  }

  // The classic profile's 1:1 conversations (one per connection that is not silent) and the
  // connection dates, within `budget` messages.
  void plan_one_to_one_classic(Rng& r, int budget) {
    const int n = o_.connections;
    // 1:1 conversations for every connection that is not silent.
    static const int kMin[kStateCount] = {0, 4, 3, 1, 1};
    static const double kWeight[kStateCount] = {0, 5, 3, 1.5, 1};
    std::vector<size_t> one;
    for (int i = 0; i < n; ++i)
      if (people_[size_t(i)].state != kSilent) one.push_back(size_t(i));
    // Not enough budget for the minimums: make some silent (only for odd custom sizes).
    auto need = [&] {
      long s = 0;
      for (size_t i : one) s += kMin[people_[i].state];
      return s;
    };
    while (!one.empty() && need() > budget) {
      people_[one.back()].state = kSilent;
      one.pop_back();
    }
    if (one.empty() && budget > 0 && n > 0) {  // everything left goes to one active connection
      people_[0].state = kActive;
      one.push_back(0);
    }
    std::vector<double> w(one.size());
    double total = 0;
    for (size_t k = 0; k < one.size(); ++k) {
      double x = r.unit();
      w[k] = kWeight[people_[one[k]].state] * (0.2 + 2.0 * x * x * x);
      total += w[k];
    }
    const long spare = budget - need();
    std::vector<int> counts(one.size());
    long used = 0;
    for (size_t k = 0; k < one.size(); ++k) {
      counts[k] = kMin[people_[one[k]].state] + int(double(spare) * w[k] / total);
      used += counts[k];
    }
    for (long left = budget - used; left > 0 && !one.empty(); --left) counts[r.below(one.size())]++;
    if (one.empty() && !convs_.empty()) convs_.back().count += budget;  // nowhere else to put them

    for (size_t k = 0; k < one.size(); ++k) {
      Person& p = people_[one[k]];
      Conv c;
      c.kind = kOneToOne;
      c.people.push_back(int(one[k]));
      c.count = counts[k];
      c.state = p.state;
      int64_t last_day;
      switch (p.state) {
        case kActive: last_day = r.range(1, 25); break;
        case kFading: last_day = r.range(120, 500); break;
        case kAwaiting: last_day = r.range(2, 30); break;
        default: last_day = r.range(15, 150); break;
      }
      c.last = today_t_ - last_day * 86400 + r.range(7 * 3600, 22 * 3600) - 86400;
      int64_t span_days = p.state == kActive ? r.range(60, 1500) : r.range(10, 1200);
      c.span = std::max<int64_t>(int64_t(c.count) * 120, span_days * 86400);
      // Connected before the first message.
      int64_t first_day = (c.last - c.span) / 86400;
      p.connected_on = int32_t(first_day - r.range(0, 900));
      if (p.state == kFading && r.chance(0.3)) c.folder = "ARCHIVE";
      convs_.push_back(std::move(c));
    }
    // Connection dates of everyone else (silent): up to 15 years back, more of them recent.
    for (int i = 0; i < n; ++i) {
      Person& p = people_[size_t(i)];
      if (p.state == kSilent) {
        double x = r.unit();
        p.connected_on = o_.today - 1 - int32_t(x * x * 365 * 15);
      }
    }
  }

  void plan_invitations() {
    Rng r(mix(o_.seed, 4));
    const int n = o_.connections;
    const int total = std::max(4, n / 25);
    std::vector<int> silent;
    for (int i = 0; i < n; ++i)
      if (people_[size_t(i)].state == kSilent) silent.push_back(i);
    std::unordered_set<int> taken;
    static const char* const kNotes[] = {
        "Hi {them}, we met at the meetup last week — would love to stay in touch!",
        "Hello, I'm a recruiter at {company} and I'd like to add you to my network.",
        "Hi {them}, fellow alum here 🎓. Let's connect!",
        "Bonjour {them}, ravi d'avoir échangé hier. Restons en contact !",
        "I enjoyed your talk on \"distributed systems\", thanks for sharing."};
    for (int i = 0; i < total; ++i) {
      double x = r.unit();
      Inv inv;
      inv.incoming = x < 0.35 || (x >= 0.6 && x < 0.8);
      bool accepted = x < 0.6 && !silent.empty();
      if (accepted) {
        int p = -1;
        for (int tries = 0; tries < 20 && p < 0; ++tries) {
          int c = r.pick(silent);
          if (taken.insert(c).second) p = c;
        }
        if (p < 0) accepted = false;
        else {
          inv.person = p;
          inv.time = today_t_ - r.range(1, 400) * 86400 - r.range(0, 86399);
          people_[size_t(p)].connected_on = int32_t(inv.time / 86400);
        }
      }
      if (!accepted) {
        inv.person = new_outsider(r);
        inv.time = today_t_ - r.range(1, 600) * 86400 - r.range(0, 86399);
      }
      if (r.chance(0.4)) {
        inv.note = r.pick(kNotes);
        Person& them = inv.incoming ? owner_ : people_[size_t(inv.person)];
        replace_all(inv.note, "{them}", them.first);
        replace_all(inv.note, "{company}", people_[size_t(inv.person)].company.empty() ? "Acme" : people_[size_t(inv.person)].company);
      }
      if (inv.incoming) people_[size_t(inv.person)].used = true;  // they invited the owner
      invitations_.push_back(std::move(inv));
    }
    std::sort(invitations_.begin(), invitations_.end(), [](const Inv& a, const Inv& b) { return a.time > b.time; });
  }

  bool finish(Csv& csv, Manifest& m, const std::string& name) {
    m.files.push_back(name);
    return csv.finish();
  }

  bool write_connections(Manifest& m) {
    Rng r(mix(o_.seed, 5));
    Csv csv(sink_, "Connections.csv", eol());
    if (o_.format != 2018) {
      csv.raw("Notes:");
      csv.raw(eol());
      csv.field(
          "When exporting your connection data, you may notice that some of the email addresses are missing. You "
          "will only see email addresses for connections who have allowed their connections to see or download "
          "their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn "
          "more here https://www.linkedin.com/help/linkedin/answer/261");
      csv.end_row();
      csv.raw(eol());
    }
    if (o_.format == 2024) csv.row({"First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"});
    else csv.row({"First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"});
    const int n = o_.connections;
    const int deleted = std::max(1, n / 500);
    // Newest first, like LinkedIn.
    std::vector<int> order(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) order[size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return people_[size_t(a)].connected_on > people_[size_t(b)].connected_on; });
    std::vector<int> deleted_at;
    for (int i = 0; i < deleted; ++i) deleted_at.push_back(int(r.below(uint64_t(n) + 1)));
    std::sort(deleted_at.begin(), deleted_at.end());
    size_t di = 0;
    auto date = [&](int32_t day) {
      return o_.format == 2018 ? fmt_us(int64_t(day) * 86400 + r.range(8 * 3600, 21 * 3600), false) : fmt_dmy(day);
    };
    auto deleted_row = [&](int32_t day) {
      int cols = o_.format == 2024 ? 6 : 5;
      for (int c = 0; c < cols; ++c) csv.field("");
      csv.field(date(day));
      csv.end_row();
      m.deleted_connections++;
    };
    for (int k = 0; k <= n; ++k) {
      while (di < deleted_at.size() && deleted_at[di] == k) {
        deleted_row(k < n ? people_[size_t(order[size_t(k)])].connected_on : o_.today - 4000);
        ++di;
      }
      if (k == n) break;
      const Person& p = people_[size_t(order[size_t(k)])];
      csv.field(p.first);
      csv.field(p.last);
      if (o_.format == 2024) csv.field(p.url());
      csv.field(p.email);
      csv.field(p.company);
      csv.field(p.position);
      csv.field(date(p.connected_on));
      csv.end_row();
    }
    return finish(csv, m, "Connections.csv");
  }

  std::string fill(std::string s, const Person& me, const Person& them, const Person& sender) {
    if (s.find('{') == std::string::npos) return s;
    replace_all(s, "{me}", me.first);
    replace_all(s, "{them}", them.first);
    replace_all(s, "{company}", them.company.empty() ? "your company" : them.company);
    replace_all(s, "{sig}", sender.first);
    replace_all(s, "{name}", sender.name());
    return s;
  }

  // A plain message; `to` is the person addressed.
  std::string text_message(Rng& r, const Person& to, const Person& sender, bool from_owner) {
    std::string s;
    const char* greet = from_owner ? r.pick(kGreetOut) : r.pick(kGreetIn);
    if (*greet && r.chance(0.6)) {
      s += greet;
      s += r.chance(0.5) ? "\n\n" : " ";
    }
    int sentences = int(r.range(1, 3));
    if (r.chance(0.08)) sentences += int(r.range(3, 12));  // the occasional long one
    for (int i = 0; i < sentences; ++i) {
      if (i) s += r.chance(0.2) ? "\n" : " ";
      s += r.pick(kBodies);
    }
    const char* sign = r.pick(kSignoffs);
    if (*sign) {
      s += "\n\n";
      s += sign;
    }
    return fill(std::move(s), to, to, sender);
  }

  std::string html_inmail(Rng& r, const Person& sender) {
    std::string s =
        "<p>Hi {me},</p><p>I came across your profile and was impressed by your experience. We&#39;re building "
        "something exciting at <b>{company}</b> &amp; I think you&#39;d be a great fit for our "
        "<i>Staff Engineer</i> role.</p><p>Would you be open to a 15-min chat?<br>Best,<br>{name}</p>";
    if (r.chance(0.3)) s += "<br/><a href=\"https://www.linkedin.com/jobs/view/123456789/\">View job</a>";
    replace_all(s, "{me}", owner_.first);
    replace_all(s, "{company}", sender.company.empty() ? "our startup" : sender.company);
    replace_all(s, "{name}", sender.name());
    return s;
  }

  std::string html_sponsored(Rng& r) {
    static const char* const kTopics[] = {"AI in 2026", "the future of work", "cloud cost optimisation",
                                          "leadership &amp; burnout"};
    std::string s =
        "<html><body><div style=\"font-family:Arial,sans-serif\"><p>Hi " + owner_.first +
        ",</p><p>Join our free webinar on <a href=\"https://example.com/webinar?utm_source=linkedin&amp;"
        "utm_medium=sponsored\">" +
        std::string(r.pick(kTopics)) +
        "</a> &mdash; seats are limited!</p><img src=\"https://example.com/banner.png\" alt=\"banner\"/>"
        "<p style=\"font-size:10px\">You&#39;re receiving this Sponsored Message because of your profile.</p>"
        "</div></body></html>";
    return s;
  }

  bool write_messages(Manifest& m) {
    const bool y2018 = o_.format == 2018, y2024 = o_.format == 2024;
    Csv csv(sink_, y2018 ? "messages.csv" : "messages.csv", eol());
    if (y2024)
      csv.row({"CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS",
               "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS"});
    else if (o_.format == 2022)
      csv.row({"CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "DATE", "SUBJECT",
               "CONTENT", "FOLDER"});
    else csv.row({"From", "To", "Date", "Subject", "Content", "Direction", "Folder"});

    Person member;
    member.first = "LinkedIn Member";
    std::set<std::string> counterparts_2018;
    const std::string owner_url = owner_.url(), owner_name = owner_.name();
    std::vector<Msg> msgs;
    std::string names, urls;
    for (size_t ci = 0; ci < convs_.size(); ++ci) {
      const Conv& c = convs_[ci];
      Rng r(mix(o_.seed ^ 0xC0417ull, ci));
      const std::string cid = conversation_id(r);
      // Times: sorted uniform in [last - span, last], strictly increasing, last one at `last`.
      msgs.assign(size_t(c.count), Msg{0, -1});
      for (int k = 0; k < c.count; ++k) msgs[size_t(k)].time = c.last - int64_t(r.unit() * double(c.span));
      std::sort(msgs.begin(), msgs.end(), [](const Msg& a, const Msg& b) { return a.time < b.time; });
      msgs.back().time = c.last;
      for (size_t k = msgs.size() - 1; k-- > 0;)
        if (msgs[k].time >= msgs[k + 1].time) msgs[k].time = msgs[k + 1].time - 1 - int64_t(r.below(300));
      // Senders.
      const int other = c.people.empty() ? -2 : c.people[0];
      for (size_t k = 0; k < msgs.size(); ++k) {
        switch (c.kind) {
          case kGroup: msgs[k].sender = r.chance(0.25) ? -1 : c.people[r.below(c.people.size())]; break;
          case kSpam:
          case kSponsored: msgs[k].sender = other; break;
          case kInMail:
          case kMember: msgs[k].sender = k == 0 ? other : (r.chance(0.7) ? -1 : other); break;
          default: msgs[k].sender = r.chance(0.5) ? -1 : other;
        }
      }
      if (c.kind == kOneToOne && realistic_) real_.shape(r, c, msgs);
      else if (c.kind == kOneToOne) {
        // Shape the thread so its state is the one the scoring rules give (see docs/SCORING.md):
        // awaiting = they wrote last; unanswered = only the owner wrote; active and fading = both
        // wrote and the owner wrote last (recently for active, long ago for fading).
        if (c.state == kAwaiting) msgs.back().sender = other;
        if (c.state == kUnanswered)
          for (auto& m2 : msgs) m2.sender = -1;
        if ((c.state == kActive || c.state == kFading) && msgs.size() >= 2) {
          msgs.back().sender = -1;
          msgs[msgs.size() - 2].sender = other;
        }
      }
      const bool spam = c.kind == kSpam;
      if (spam) m.spam_conversations++;
      else m.conversations++;
      if (c.kind == kGroup) m.group_conversations++;

      std::string last_content;  // for the realistic profile's counts
      // Newest first within a conversation, as LinkedIn writes them.
      for (size_t k = msgs.size(); k-- > 0;) {
        const Msg& msg = msgs[k];
        const bool from_owner = msg.sender == -1;
        const Person& sender = from_owner ? owner_ : msg.sender == -2 ? member : people_[size_t(msg.sender)];
        std::string subject, content;
        switch (c.kind) {
          case kInMail:
            if (from_owner) content = text_message(r, people_[size_t(other)], owner_, true);
            else if (k == 0) {
              subject = "Opportunity at " + (sender.company.empty() ? std::string("our startup") : sender.company);
              content = html_inmail(r, sender);
            } else content = text_message(r, owner_, sender, false);
            break;
          case kSponsored:
            subject = "Invitation: free webinar";
            content = html_sponsored(r);
            break;
          case kSpam:
            subject = r.chance(0.5) ? "💰 Guaranteed returns!!!" : "";
            content = "Dear friend, I have a business proposal for you. Reply with your bank details to receive "
                      "$1,000,000 — 100% legit!!! https://bit.ly/xyz";
            break;
          default: {
            const Person& to = from_owner ? (other >= 0 ? people_[size_t(other)] : member) : owner_;
            if (c.ending != kEndAny && !from_owner && k + 1 == msgs.size()) content = real_.last_text(r, c, sender);
            else content = text_message(r, to, sender, from_owner);
            if (c.kind == kGroup && from_owner) {
              content = text_message(r, people_[size_t(c.people[0])], owner_, true);
            }
          }
        }
        if (realistic_ && k + 1 == msgs.size()) last_content = content;
        if (!spam) {
          if (msg.sender >= 0) people_[size_t(msg.sender)].used = true;  // wrote to the owner
          m.messages++;
          if (msg.sender == -2) m.linkedin_member_messages++;
        } else m.spam_messages++;

        std::string folder = c.folder;
        if (folder == "INBOX" && from_owner && r.chance(0.1)) folder = "SENT";

        // Recipients: everyone in the conversation but the sender.
        names.clear(), urls.clear();
        auto add_to = [&](const std::string& name, const std::string& url) {
          if (!names.empty()) names += ", ";
          names += name;
          if (!url.empty()) {
            if (!urls.empty()) urls += ",";
            urls += url;
          }
        };
        if (!from_owner) add_to(owner_name, owner_url);
        for (int p : c.people)
          if (p != msg.sender) add_to(people_[size_t(p)].name(), people_[size_t(p)].url());
        if (c.kind == kMember && !from_owner) names = owner_name;
        if (c.kind == kMember && from_owner) names = "LinkedIn Member", urls.clear();

        const std::string sender_url = msg.sender == -2 ? std::string() : sender.url();
        if (y2018) {
          csv.field(from_owner ? owner_name : sender.name());
          csv.field(names);
          csv.field(fmt_us(msg.time, false));
          csv.field(subject);
          csv.field(content);
          csv.field(from_owner ? "OUTGOING" : "INCOMING");
          csv.field(folder == "SPAM" ? "SPAM" : from_owner ? "SENT" : "INBOX");
          csv.end_row();
          if (!spam) counterparts_2018.insert(names == owner_name ? sender.name() : names);
          continue;
        }
        csv.field(cid);
        csv.field(c.title);
        csv.field(sender.name());
        csv.field(sender_url);
        csv.field(names);
        if (y2024) csv.field(urls);
        csv.field(fmt_utc_dash(msg.time));
        csv.field(subject);
        csv.field(content);
        csv.field(folder);
        if (y2024) csv.field(r.chance(0.01) ? "https://www.linkedin.com/dms/prv/attachment/C4E06AQH/report.pdf" : "");
        csv.end_row();
      }
      if (realistic_ && !spam) real_.count(c, msgs, last_content);
    }
    if (y2018) {
      // Old exports have no conversation ids: one conversation per counterpart, and no URLs, so
      // people who are not connections cannot become contacts through messages.
      m.conversations = counterparts_2018.size();
      for (size_t i = size_t(o_.connections); i < people_.size(); ++i) people_[i].used = false;
      for (const Inv& inv : invitations_)
        if (inv.incoming) people_[size_t(inv.person)].used = true;
    }
    return finish(csv, m, "messages.csv");
  }

  bool write_invitations(Manifest& m) {
    Csv csv(sink_, "Invitations.csv", eol());
    csv.row({"From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"});
    for (const Inv& inv : invitations_) {
      const Person& p = people_[size_t(inv.person)];
      const Person& from = inv.incoming ? p : owner_;
      const Person& to = inv.incoming ? owner_ : p;
      csv.row({from.name(), to.name(), fmt_us(inv.time, false), inv.note, inv.incoming ? "INCOMING" : "OUTGOING",
               from.url(), to.url()});
      m.invitations++;
      (inv.incoming ? m.invitations_incoming : m.invitations_outgoing)++;
    }
    return finish(csv, m, "Invitations.csv");
  }

  bool write_endorsements(Manifest& m) {
    Rng r(mix(o_.seed, 6));
    const int n = o_.connections;
    if (n == 0) return true;
    for (int given = 0; given < 2; ++given) {
      const std::string file = given ? "Endorsement_Given_Info.csv" : "Endorsement_Received_Info.csv";
      Csv csv(sink_, file, eol());
      const char* who = given ? "Endorsee" : "Endorser";
      csv.row({"Endorsement Date", "Skill Name", std::string(who) + " First Name", std::string(who) + " Last Name",
               std::string(who) + " Public Url", "Endorsement Status"});
      const int count = given ? std::max(2, n / 12) : std::max(3, n / 8);
      std::set<std::pair<int, std::string>> seen;  // one endorsement per person and skill
      std::vector<std::pair<int64_t, std::pair<int, std::string>>> rows;
      while (int(rows.size()) < count) {
        int p = int(r.below(uint64_t(n)));
        std::string skill = r.pick(kSkills);
        if (!seen.insert({p, skill}).second) continue;
        const int64_t from = std::max<int64_t>(int64_t(people_[size_t(p)].connected_on) * 86400, today_t_ - 8 * 365 * 86400);
        const int64_t t = r.range(from + 3600, today_t_ - 3600);
        rows.push_back({t, {p, skill}});
      }
      std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      for (const auto& row : rows) {
        const Person& p = people_[size_t(row.second.first)];
        csv.row({fmt_utc_slash(row.first), row.second.second, p.first, p.last, "www.linkedin.com/in/" + p.slug,
                 "ACCEPTED"});
      }
      (given ? m.endorsements_given : m.endorsements_received) = rows.size();
      if (!finish(csv, m, file)) return false;
    }
    return true;
  }

  bool write_recommendations(Manifest& m) {
    Rng r(mix(o_.seed, 7));
    std::vector<int> unique;
    for (int i = 0; i < o_.connections; ++i)
      if (people_[size_t(i)].unique_name) unique.push_back(i);
    for (int given = 0; given < 2; ++given) {
      const std::string file = given ? "Recommendations_Given.csv" : "Recommendations_Received.csv";
      Csv csv(sink_, file, eol());
      csv.row({"First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"});
      const int count = unique.empty() ? 0 : std::max(1, o_.connections / (given ? 400 : 300));
      std::set<int> used;
      for (int k = 0; k < count && used.size() < unique.size(); ++k) {
        int p = r.pick(unique);
        if (!used.insert(p).second) {
          --k;
          continue;
        }
        const Person& person = people_[size_t(p)];
        std::string text = r.pick(kRecTexts);
        replace_all(text, "{name}", given ? person.first : owner_.first);
        replace_all(text, "{company}", person.company.empty() ? "Acme" : person.company);
        const int64_t from = std::max<int64_t>(int64_t(person.connected_on) * 86400, today_t_ - 6 * 365 * 86400);
        const int64_t t = r.range(from + 7200, today_t_ - 3600);
        csv.row({person.first, person.last, person.company, person.position, text, fmt_us(t, true), "VISIBLE"});
        (given ? m.recommendations_given : m.recommendations_received)++;
      }
      if (!finish(csv, m, file)) return false;
    }
    return true;
  }

  bool write_profile(Manifest& m) {
    Csv csv(sink_, "Profile.csv", eol());
    csv.row({"First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry",
             "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"});
    csv.row({owner_.first, owner_.last, "", "", "Jul 4, 1988", "Engineering Manager at Acme, Inc. | Building teams",
             "I build calm, fast teams.\nPreviously: \"Initech\", Globex.", "Software Development", "10115",
             "Berlin, Germany", "[" + owner_.first + "dev]", "[PERSONAL:https://example.com/" + owner_.slug + "]", ""});
    return finish(csv, m, "Profile.csv");
  }

  bool write_unused(Manifest& m) {
    const std::string dir = o_.zip_subdir ? "Jobs/" : "";
    {
      Csv csv(sink_, "Positions.csv", eol());
      csv.row({"Company Name", "Title", "Description", "Location", "Started On", "Finished On"});
      csv.row({"Acme, Inc.", "Engineering Manager", "Leading the platform team.", "Berlin, Germany", "Mar 2021", ""});
      csv.row({"Initech", "Senior Software Engineer", "Payments, \"TPS\" reports.", "Austin, Texas", "Jun 2016",
               "Feb 2021"});
      if (!finish(csv, m, "Positions.csv")) return false;
    }
    Csv csv(sink_, dir + "Skills.csv", eol());
    csv.row({"Name"});
    for (const char* s : kSkills) csv.row({s});
    return finish(csv, m, dir + "Skills.csv");
  }
};

}  // namespace detail

// Writes every export file into `sink` and fills `manifest`. Returns false on a write error.
inline bool generate(const Options& o, Sink& sink, Manifest& manifest) {
  detail::Generator g(o, sink);
  return g.run(manifest);
}

// The zip name LinkedIn uses: Basic_LinkedInDataExport_MM-DD-YYYY.zip
inline std::string zip_name(int32_t today) {
  int y, m, d;
  civil_from_days(today, y, m, d);
  char b[64];
  std::snprintf(b, sizeof b, "Basic_LinkedInDataExport_%02d-%02d-%04d.zip", m, d, y);
  return b;
}

}  // namespace rkgen
