// Saving and loading: bulk (binary), user (JSON) and backup (JSON) round trips, corrupt input,
// migration of the user file from format 0.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstring>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <zlib.h>
#include <sstream>
#include <string>

#include "core/dates.hpp"
#include "core/import.hpp"
#include "core/model.hpp"
#include "core/serialize.hpp"
#include "../../tools/gen_export_lib.hpp"
#include "backup_cases.hpp"
#include "test_import_helpers.hpp"

using namespace rk;

namespace {

// ---- a random but deterministic Store ---------------------------------------------------------

struct TRng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t below(uint64_t n) { return next() % n; }
  bool chance(int percent) { return below(100) < uint64_t(percent); }
};

const char* const kWords[] = {"",
                              "Émilie",
                              "Łukasz Nowak",
                              "Дмитрий",
                              "Παπαδόπουλος",
                              "王伟",
                              "محمد العلي",
                              "דוד כהן",
                              "राहुल शर्मा",
                              "Alex 🚀",
                              "Smith, John",
                              "say \"hi\"",
                              "back\\slash",
                              "line one\nline two\r\nthree",
                              "tab\there",
                              "ctrl\x01\x1f",
                              "Acme, Inc.",
                              "https://www.linkedin.com/in/some-one-1234abcd",
                              "some-one-1234abcd",
                              "a@b.example"};

std::string rstr(TRng& r) {
  if (r.chance(5)) {  // a long one
    std::string s;
    size_t n = 1 + r.below(60);
    for (size_t i = 0; i < n; ++i) s += kWords[r.below(std::size(kWords))], s += ' ';
    return s;
  }
  return kWords[r.below(std::size(kWords))];
}

Day rday(TRng& r) {
  switch (r.below(12)) {
    case 0: return kNoDay;
    case 1: return std::numeric_limits<Day>::max();
    case 2: return kNoDay + 1;
    case 3: return -1;
    case 4: return 0;
    default: return Day(15000 + r.below(6000));
  }
}
Time rtime(TRng& r) {
  switch (r.below(12)) {
    case 0: return kNoTime;
    case 1: return std::numeric_limits<Time>::max();
    case 2: return kNoTime + 1;
    case 3: return -12345;
    default: return Time(1300000000 + r.below(500000000));
  }
}
Direction rdir(TRng& r) { return r.chance(50) ? Direction::Incoming : Direction::Outgoing; }

Store random_store(uint64_t seed, size_t contacts, size_t messages) {
  TRng r{seed};
  Store s;
  s.owner = {rstr(r), rstr(r), "https://www.linkedin.com/in/me", "me", rstr(r)};
  const size_t nconv = std::max<size_t>(1, messages / 10);
  for (size_t i = 0; i < contacts; ++i) {
    Contact c;
    c.id = ContactId(i * 3 + 1 + r.below(3));  // unique, increasing, with gaps
    c.first_name = rstr(r), c.last_name = rstr(r), c.url = rstr(r), c.url_key = rstr(r);
    c.email = rstr(r), c.company = rstr(r), c.position = rstr(r);
    c.connected_on = rday(r);
    c.connected = r.chance(80);
    c.first_seen = rday(r);
    if (!c.connected && r.chance(50)) c.disconnected_on = rday(r);
    for (size_t k = r.below(4); k > 0; --k) c.conversations.push_back(uint32_t(r.below(nconv)));
    for (size_t k = r.below(3); k > 0; --k) c.invitations.push_back({rdir(r), rtime(r), rstr(r)});
    for (size_t k = r.below(4); k > 0; --k) c.endorsements.push_back({rdir(r), rday(r), rstr(r)});
    for (size_t k = r.below(2); k > 0; --k) c.recommendations.push_back({rdir(r), rday(r), rstr(r)});
    if (r.chance(10)) c.job_changes.push_back({rday(r), rstr(r), rstr(r), rstr(r), rstr(r)});
    s.contacts.push_back(std::move(c));
  }
  s.next_id = ContactId(contacts * 3 + 10);
  for (size_t i = 0; i < nconv; ++i) {
    Conversation c;
    c.key = "2-" + std::to_string(r.next());
    c.title = r.chance(80) ? std::string() : rstr(r);
    for (size_t k = 1 + r.below(3); k > 0 && contacts; --k) c.participants.push_back(s.contacts[r.below(contacts)].id);
    c.group = c.participants.size() > 1;
    c.spam = r.chance(2);
    s.conversations.push_back(std::move(c));
  }
  for (size_t i = 0; i < messages; ++i) {
    Message m;
    m.conversation = uint32_t(r.below(nconv));
    m.sender = r.chance(40) ? kOwner : r.chance(5) ? kNoContact : (contacts ? s.contacts[r.below(contacts)].id : 7);
    m.time = rtime(r);
    m.subject = s.add_text(r.chance(90) ? std::string() : rstr(r));
    m.text = s.add_text(rstr(r));
    s.conversations[m.conversation].messages.push_back(uint32_t(i));
    s.messages.push_back(std::move(m));
  }
  s.last_import = rday(r);
  s.deleted_connections = int(r.below(20));
  // User data: some entries for contacts, some empty, some for ids that do not exist.
  for (size_t i = 0; i < contacts / 10 + 3; ++i) {
    ContactId id = contacts && !r.chance(10) ? s.contacts[r.below(contacts)].id : ContactId(1000000 + i);
    UserData& u = s.user[id];
    if (r.chance(15)) continue;  // stays empty
    u.note = rstr(r);
    for (size_t k = r.below(4); k > 0; --k) u.tags.push_back(rstr(r));
    u.cadence_days = int(r.below(400)) - 10;
    u.tier = int(r.below(4));
    u.next_follow_up = rday(r);
    u.snoozed_until = rday(r);
    u.archived = r.chance(20);
    for (size_t k = r.below(3); k > 0; --k) u.interactions.push_back({rday(r), r.chance(50) ? "met" : "call", rstr(r)});
  }
  s.settings.default_cadence_days = 61;
  s.settings.tag_cadence_days = {{"vip", 30}, {"Émigré", 45}, {"", 7}};
  s.settings.weights = {0.1, 0.2000000000000001, 1.0 / 3.0, 1e-9, 0.15};
  s.settings.theme = "dark";
  s.settings.font_size = 13.37f;
  s.settings.queue_size = 40;
  s.settings.layout_ini = "[Table][0x1234,5]\nColumn 0  Width=120\n";
  s.settings.templates = {{"Catch up", "Hi {first_name}, how are things at {company}? 👋", "follow_up"}, {"", "", ""}};
  s.settings.tiers = {{"Inner circle", 14, 30}, {"Ünïcode", 200, 400}};
  s.settings.reply_window_days = 45;
  s.settings.greeting_window_days = 21;
  s.settings.today_size = 7;
  s.settings.nudge_limit = 1;
  s.settings.default_cadence_max_days = 200;
  s.reindex();
  return s;
}

// ---- field-by-field equality: returns the first difference, "" when equal ----------------------

template <typename T>
std::string str_of(const T& v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

#define RK_CMP(a, b, what)                                                                    \
  do {                                                                                        \
    if (!((a) == (b))) return std::string(what) + ": " + str_of(a) + " != " + str_of(b);      \
  } while (0)

std::string diff_user(const UserData& a, const UserData& b, const std::string& w) {
  RK_CMP(a.note, b.note, w + ".note");
  RK_CMP(a.tags.size(), b.tags.size(), w + ".tags.size");
  for (size_t i = 0; i < a.tags.size(); ++i) RK_CMP(a.tags[i], b.tags[i], w + ".tags");
  RK_CMP(a.cadence_days, b.cadence_days, w + ".cadence_days");
  RK_CMP(a.tier, b.tier, w + ".tier");
  RK_CMP(a.next_follow_up, b.next_follow_up, w + ".next_follow_up");
  RK_CMP(a.snoozed_until, b.snoozed_until, w + ".snoozed_until");
  RK_CMP(a.archived, b.archived, w + ".archived");
  RK_CMP(a.interactions.size(), b.interactions.size(), w + ".interactions.size");
  for (size_t i = 0; i < a.interactions.size(); ++i) {
    RK_CMP(a.interactions[i].day, b.interactions[i].day, w + ".interactions.day");
    RK_CMP(a.interactions[i].kind, b.interactions[i].kind, w + ".interactions.kind");
    RK_CMP(a.interactions[i].note, b.interactions[i].note, w + ".interactions.note");
  }
  return "";
}

std::string diff_user_map(const Store& a, const Store& b) {
  RK_CMP(a.user.size(), b.user.size(), "user.size");
  for (const auto& [id, u] : a.user) {
    auto it = b.user.find(id);
    if (it == b.user.end()) return "user " + std::to_string(id) + " missing";
    std::string d = diff_user(u, it->second, "user[" + std::to_string(id) + "]");
    if (!d.empty()) return d;
  }
  return "";
}

std::string diff_settings(const Settings& a, const Settings& b) {
  RK_CMP(a.default_cadence_days, b.default_cadence_days, "settings.default_cadence_days");
  if (a.tag_cadence_days != b.tag_cadence_days) return "settings.tag_cadence_days";
  RK_CMP(a.weights.recency, b.weights.recency, "weights.recency");
  RK_CMP(a.weights.frequency, b.weights.frequency, "weights.frequency");
  RK_CMP(a.weights.reciprocity, b.weights.reciprocity, "weights.reciprocity");
  RK_CMP(a.weights.depth, b.weights.depth, "weights.depth");
  RK_CMP(a.weights.ties, b.weights.ties, "weights.ties");
  RK_CMP(a.theme, b.theme, "settings.theme");
  RK_CMP(a.font_size, b.font_size, "settings.font_size");
  RK_CMP(a.queue_size, b.queue_size, "settings.queue_size");
  RK_CMP(a.layout_ini, b.layout_ini, "settings.layout_ini");
  RK_CMP(a.templates.size(), b.templates.size(), "settings.templates.size");
  for (size_t i = 0; i < a.templates.size(); ++i) {
    RK_CMP(a.templates[i].name, b.templates[i].name, "template.name");
    RK_CMP(a.templates[i].body, b.templates[i].body, "template.body");
    RK_CMP(a.templates[i].kind, b.templates[i].kind, "template.kind");
  }
  RK_CMP(a.default_cadence_max_days, b.default_cadence_max_days, "settings.default_cadence_max_days");
  RK_CMP(a.today_size, b.today_size, "settings.today_size");
  RK_CMP(a.reply_window_days, b.reply_window_days, "settings.reply_window_days");
  RK_CMP(a.greeting_window_days, b.greeting_window_days, "settings.greeting_window_days");
  RK_CMP(a.nudge_limit, b.nudge_limit, "settings.nudge_limit");
  RK_CMP(a.tiers.size(), b.tiers.size(), "settings.tiers.size");
  for (size_t i = 0; i < a.tiers.size(); ++i) {
    RK_CMP(a.tiers[i].name, b.tiers[i].name, "tier.name");
    RK_CMP(a.tiers[i].target_days, b.tiers[i].target_days, "tier.target_days");
    RK_CMP(a.tiers[i].max_days, b.tiers[i].max_days, "tier.max_days");
  }
  return "";
}

// Imported data only (what the bulk file holds), including that the index matches.
std::string diff_bulk(const Store& a, const Store& b) {
  RK_CMP(a.owner.first_name, b.owner.first_name, "owner.first_name");
  RK_CMP(a.owner.last_name, b.owner.last_name, "owner.last_name");
  RK_CMP(a.owner.url, b.owner.url, "owner.url");
  RK_CMP(a.owner.url_key, b.owner.url_key, "owner.url_key");
  RK_CMP(a.owner.headline, b.owner.headline, "owner.headline");
  RK_CMP(a.next_id, b.next_id, "next_id");
  RK_CMP(a.last_import, b.last_import, "last_import");
  RK_CMP(a.deleted_connections, b.deleted_connections, "deleted_connections");
  RK_CMP(a.contacts.size(), b.contacts.size(), "contacts.size");
  for (size_t i = 0; i < a.contacts.size(); ++i) {
    const Contact &x = a.contacts[i], &y = b.contacts[i];
    const std::string w = "contacts[" + std::to_string(i) + "]";
    RK_CMP(x.id, y.id, w + ".id");
    RK_CMP(x.first_name, y.first_name, w + ".first_name");
    RK_CMP(x.last_name, y.last_name, w + ".last_name");
    RK_CMP(x.url, y.url, w + ".url");
    RK_CMP(x.url_key, y.url_key, w + ".url_key");
    RK_CMP(x.email, y.email, w + ".email");
    RK_CMP(x.company, y.company, w + ".company");
    RK_CMP(x.position, y.position, w + ".position");
    RK_CMP(x.connected_on, y.connected_on, w + ".connected_on");
    RK_CMP(x.connected, y.connected, w + ".connected");
    RK_CMP(x.disconnected_on, y.disconnected_on, w + ".disconnected_on");
    RK_CMP(x.first_seen, y.first_seen, w + ".first_seen");
    if (x.conversations != y.conversations) return w + ".conversations";
    RK_CMP(x.invitations.size(), y.invitations.size(), w + ".invitations.size");
    for (size_t k = 0; k < x.invitations.size(); ++k) {
      RK_CMP(int(x.invitations[k].direction), int(y.invitations[k].direction), w + ".invitations.direction");
      RK_CMP(x.invitations[k].time, y.invitations[k].time, w + ".invitations.time");
      RK_CMP(x.invitations[k].message, y.invitations[k].message, w + ".invitations.message");
    }
    RK_CMP(x.endorsements.size(), y.endorsements.size(), w + ".endorsements.size");
    for (size_t k = 0; k < x.endorsements.size(); ++k) {
      RK_CMP(int(x.endorsements[k].direction), int(y.endorsements[k].direction), w + ".endorsements.direction");
      RK_CMP(x.endorsements[k].day, y.endorsements[k].day, w + ".endorsements.day");
      RK_CMP(x.endorsements[k].skill, y.endorsements[k].skill, w + ".endorsements.skill");
    }
    RK_CMP(x.recommendations.size(), y.recommendations.size(), w + ".recommendations.size");
    for (size_t k = 0; k < x.recommendations.size(); ++k) {
      RK_CMP(int(x.recommendations[k].direction), int(y.recommendations[k].direction), w + ".rec.direction");
      RK_CMP(x.recommendations[k].day, y.recommendations[k].day, w + ".rec.day");
      RK_CMP(x.recommendations[k].text, y.recommendations[k].text, w + ".rec.text");
    }
    RK_CMP(x.job_changes.size(), y.job_changes.size(), w + ".job_changes.size");
    for (size_t k = 0; k < x.job_changes.size(); ++k) {
      const JobChange &p = x.job_changes[k], &q = y.job_changes[k];
      RK_CMP(p.seen_on, q.seen_on, w + ".job_changes.seen_on");
      RK_CMP(p.old_company, q.old_company, w + ".job_changes.old_company");
      RK_CMP(p.old_position, q.old_position, w + ".job_changes.old_position");
      RK_CMP(p.new_company, q.new_company, w + ".job_changes.new_company");
      RK_CMP(p.new_position, q.new_position, w + ".job_changes.new_position");
    }
    const Contact* found = b.find(x.id);
    if (found != &y) return w + ": index does not find it";
  }
  RK_CMP(b.index.size(), b.contacts.size(), "index.size");
  RK_CMP(a.conversations.size(), b.conversations.size(), "conversations.size");
  for (size_t i = 0; i < a.conversations.size(); ++i) {
    const Conversation &x = a.conversations[i], &y = b.conversations[i];
    const std::string w = "conversations[" + std::to_string(i) + "]";
    RK_CMP(x.key, y.key, w + ".key");
    RK_CMP(x.title, y.title, w + ".title");
    if (x.participants != y.participants) return w + ".participants";
    RK_CMP(x.group, y.group, w + ".group");
    RK_CMP(x.spam, y.spam, w + ".spam");
    if (x.messages != y.messages) return w + ".messages";
  }
  RK_CMP(a.messages.size(), b.messages.size(), "messages.size");
  for (size_t i = 0; i < a.messages.size(); ++i) {
    const Message &x = a.messages[i], &y = b.messages[i];
    const std::string w = "messages[" + std::to_string(i) + "]";
    RK_CMP(x.conversation, y.conversation, w + ".conversation");
    RK_CMP(x.sender, y.sender, w + ".sender");
    RK_CMP(x.time, y.time, w + ".time");
    RK_CMP(a.text(x.subject), b.text(y.subject), w + ".subject");
    RK_CMP(a.text(x.text), b.text(y.text), w + ".text");
  }
  return "";
}

std::string diff_all(const Store& a, const Store& b) {
  std::string d = diff_bulk(a, b);
  if (d.empty()) d = diff_user_map(a, b);
  if (d.empty()) d = diff_settings(a.settings, b.settings);
  return d;
}

// A store whose user data and settings differ from random_store's, to see what a load keeps.
Store other_store() {
  Store s = random_store(99, 5, 20);
  s.user.clear();
  s.user[5].note = "keep me";
  s.settings.theme = "light";
  s.settings.queue_size = 3;
  return s;
}

void put_u32le(std::string& s, size_t at, uint32_t v) {
  for (int k = 0; k < 4; ++k) s[at + size_t(k)] = char((v >> (8 * k)) & 0xff);
}

}  // namespace

// ---- bulk ----------------------------------------------------------------------------------------

TEST_CASE("bulk round trip of a large store keeps every field", "[serialize]") {
  const Store src = random_store(1, 3000, 40000);
  const std::string bin = save_bulk(src);
  REQUIRE(bin.substr(0, 4) == "RKB1");

  Store dst = other_store();
  const Store before = dst;
  std::string error;
  REQUIRE(load_bulk(bin, dst, error));
  CHECK(error.empty());
  CHECK(diff_bulk(src, dst) == "");
  // Bulk never carries user data or settings: they stay as they were.
  CHECK(diff_user_map(before, dst) == "");
  CHECK(diff_settings(before.settings, dst.settings) == "");
  // Saving again gives the same bytes.
  CHECK(save_bulk(dst) == bin);
}

TEST_CASE("bulk round trip of an empty store", "[serialize]") {
  Store empty;
  std::string error;
  Store dst = random_store(3, 10, 50);
  REQUIRE(load_bulk(save_bulk(empty), dst, error));
  CHECK(dst.contacts.empty());
  CHECK(dst.messages.empty());
  CHECK(dst.index.empty());
  CHECK(diff_bulk(empty, dst) == "");
}

TEST_CASE("corrupt bulk data is rejected and the store is left untouched", "[serialize]") {
  const Store src = random_store(2, 60, 300);
  const std::string bin = save_bulk(src);
  const Store orig = other_store();
  Store dst = orig;
  std::string error;

  auto rejected = [&](const std::string& data) {
    error.clear();
    bool ok = load_bulk(data, dst, error);
    return !ok && !error.empty() && diff_all(orig, dst).empty();
  };

  SECTION("every truncation") {
    for (size_t n = 0; n < bin.size(); ++n) {
      INFO("length " << n);
      REQUIRE(rejected(bin.substr(0, n)));
    }
    CHECK(rejected(bin.substr(0, bin.size() / 2)));
    CHECK(error.find("truncated") != std::string::npos);
  }
  SECTION("every flipped byte, and extra bytes") {
    for (size_t i = 0; i < bin.size(); ++i) {
      std::string bad = bin;
      bad[i] = char(bad[i] ^ 0x5a);
      INFO("byte " << i);
      REQUIRE(rejected(bad));
    }
    CHECK(rejected(bin + "x"));
  }
  SECTION("wrong magic") {
    std::string bad = bin;
    bad[3] = '2';
    CHECK(rejected(bad));
    CHECK(error.find("signature") != std::string::npos);
    CHECK(rejected(""));
    CHECK(rejected("RKB"));
  }
  SECTION("a newer format version, with a valid checksum") {
    std::string bad = bin;
    bad[4] = char(kBulkSplitFormat + 1);
    const uint32_t crc = uint32_t(crc32(0, reinterpret_cast<const Bytef*>(bad.data()), uInt(bad.size() - 4)));
    put_u32le(bad, bad.size() - 4, crc);
    CHECK(rejected(bad));
    CHECK(error.find("newer") != std::string::npos);
  }
  SECTION("random garbage") {
    TRng r{77};
    for (int k = 0; k < 200; ++k) {
      std::string g(size_t(r.below(2000)), '\0');
      for (char& c : g) c = char(r.below(256));
      if (k % 2) g.replace(0, std::min<size_t>(4, g.size()), "RKB1");
      REQUIRE(rejected(g));
    }
  }
  SECTION("a valid checksum over inconsistent contents") {
    Store broken = random_store(5, 10, 30);
    broken.messages[3].conversation = 100000;
    CHECK(rejected(save_bulk(broken)));
    CHECK(error.find("missing conversation") != std::string::npos);
    broken = random_store(5, 10, 30);
    broken.contacts[2].id = broken.contacts[1].id;
    CHECK(rejected(save_bulk(broken)));
    CHECK(error.find("duplicate") != std::string::npos);
  }
  // After all that, a good file still loads.
  REQUIRE(load_bulk(bin, dst, error));
  CHECK(diff_bulk(src, dst) == "");
}

// Hidden (run with "[.perf]"): timings are noisy on a shared 2-core machine. The first round
// touches fresh memory, which is slow in a VM; the second round is the one measured.
TEST_CASE("bulk save and load of an L-size store is fast", "[.perf]") {
  const Store src = random_store(4, 30000, 300000);
  double save_ms = 0, load_ms = 0;
  size_t bytes = 0;
  for (int round = 0; round < 2; ++round) {
    auto t0 = std::chrono::steady_clock::now();
    const std::string bin = save_bulk(src);
    auto t1 = std::chrono::steady_clock::now();
    Store dst;
    std::string error;
    REQUIRE(load_bulk(bin, dst, error));
    auto t2 = std::chrono::steady_clock::now();
    save_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    load_ms = std::chrono::duration<double, std::milli>(t2 - t1).count();
    bytes = bin.size();
  }
  WARN("bulk " << bytes / 1e6 << " MB: save " << save_ms << " ms, load " << load_ms << " ms");
  CHECK(save_ms + load_ms < 1000);
}

// ---- user ---------------------------------------------------------------------------------------

TEST_CASE("user data and settings round trip", "[serialize]") {
  const Store src = random_store(6, 2000, 100);
  const std::string json = save_user(src);
  Store dst = random_store(7, 30, 60);  // different bulk data, which must not change
  const Store before = dst;
  std::string error;
  REQUIRE(load_user(json, dst, error));
  CHECK(diff_user_map(src, dst) == "");
  CHECK(diff_settings(src.settings, dst.settings) == "");
  CHECK(diff_bulk(before, dst) == "");
  CHECK(save_user(dst) == json);

  auto doc = nlohmann::json::parse(json);
  CHECK(doc["format"] == kUserFormat);
  CHECK(doc["user"].is_object());
  CHECK(doc["settings"]["weights"].is_object());
}

TEST_CASE("bad user data is rejected and the store is left untouched", "[serialize]") {
  const Store orig = random_store(8, 50, 100);
  const std::string good = save_user(orig);
  Store dst = orig;
  std::string error;
  auto rejected = [&](const std::string& text) {
    error.clear();
    return !load_user(text, dst, error) && !error.empty() && diff_all(orig, dst).empty();
  };
  for (size_t n = 0; n < good.size(); n += 7) {
    INFO("length " << n);
    REQUIRE(rejected(good.substr(0, n)));
  }
  CHECK(rejected(""));
  CHECK(rejected("garbage"));
  CHECK(rejected("[1,2,3]"));
  CHECK(rejected(R"({"user":{}})"));                 // no format
  CHECK(rejected(R"({"format":"1","user":{}})"));    // format of the wrong type
  CHECK(rejected(R"({"format":2,"user":{}})"));      // newer
  CHECK(error.find("newer") != std::string::npos);
  CHECK(rejected(R"({"format":-1})"));
  CHECK(rejected(R"({"format":1,"user":[]})"));
  CHECK(rejected(R"({"format":1,"user":{"abc":{}}})"));
  CHECK(rejected(R"({"format":1,"user":{"0":{}}})"));
  CHECK(rejected(R"({"format":1,"user":{"12":{"note":5}}})"));
  CHECK(error.find("user.12.note") != std::string::npos);
  CHECK(rejected(R"({"format":1,"user":{"12":{"tags":"vip"}}})"));
  CHECK(rejected(R"({"format":1,"user":{"12":{"tags":[1]}}})"));
  CHECK(rejected(R"({"format":1,"user":{"12":{"cadence_days":1.5}}})"));
  CHECK(rejected(R"({"format":1,"user":{"12":{"cadence_days":99999999999}}})"));
  CHECK(rejected(R"({"format":1,"user":{"12":{"next_follow_up":"2024-02-30"}}})"));
  CHECK(rejected(R"({"format":1,"user":{"12":{"next_follow_up":20240201}}})"));
  CHECK(rejected(R"({"format":1,"user":{"12":{"archived":"yes"}}})"));
  CHECK(rejected(R"({"format":1,"user":{"12":{"interactions":[{"day":"2024-13-01"}]}}})"));
  CHECK(rejected(R"({"format":1,"user":{"12":{"interactions":[3]}}})"));
  CHECK(rejected(R"({"format":1,"settings":[]})"));
  CHECK(rejected(R"({"format":1,"settings":{"weights":{"recency":"high"}}})"));
  CHECK(rejected(R"({"format":1,"settings":{"tag_cadence_days":{"vip":"30"}}})"));
  CHECK(rejected(R"({"format":1,"settings":{"templates":[{"name":1}]}})"));
  CHECK(rejected(R"({"format":1,"settings":{"theme":false}})"));
  // And a minimal valid document loads (defaults for everything missing).
  REQUIRE(load_user(R"({"format":1})", dst, error));
  CHECK(dst.user.empty());
  CHECK(dst.settings.default_cadence_days == Settings().default_cadence_days);
}

// Format 0, the earlier shape (see user_from_json_v0 in serialize.cpp): "user" was an array of
// {id, note, tags, cadence_days} without dates, snoozing, archiving or interactions, and
// "settings" had no "weights" (the defaults apply).
TEST_CASE("user data in format 0 migrates to the current format", "[serialize]") {
  const std::string v0 = R"({
    "format": 0,
    "user": [
      {"id": 12, "note": "Met at PyCon — follow up about the job", "tags": ["vip", "Émigré"]},
      {"id": 40, "note": "", "tags": [], "cadence_days": 30},
      {"id": 7, "tags": ["friend"]}
    ],
    "settings": {"default_cadence_days": 60, "tag_cadence_days": {"vip": 14}, "theme": "dark",
                 "font_size": 18, "queue_size": 10,
                 "templates": [{"name": "Hello", "body": "Hi {first_name}!"}]}
  })";
  Store s = random_store(9, 20, 40);
  const Store before = s;
  std::string error;
  REQUIRE(load_user(v0, s, error));
  REQUIRE(s.user.size() == 3);
  CHECK(s.user[12].note == "Met at PyCon — follow up about the job");
  CHECK(s.user[12].tags == std::vector<std::string>{"vip", "Émigré"});
  CHECK(s.user[12].next_follow_up == kNoDay);
  CHECK(s.user[40].cadence_days == 30);
  CHECK(s.user[7].tags == std::vector<std::string>{"friend"});
  CHECK(s.settings.default_cadence_days == 60);
  CHECK(s.settings.tag_cadence_days.at("vip") == 14);
  CHECK(s.settings.weights.recency == Weights().recency);
  CHECK(s.settings.weights.ties == Weights().ties);
  CHECK(s.settings.theme == "dark");
  CHECK(s.settings.font_size == 18.0f);
  CHECK(s.settings.queue_size == 10);
  REQUIRE(s.settings.templates.size() == 1);
  CHECK(s.settings.templates[0].body == "Hi {first_name}!");
  CHECK(diff_bulk(before, s) == "");

  // Saved again, it is in the current format and reloads to the same state.
  const std::string v1 = save_user(s);
  CHECK(nlohmann::json::parse(v1)["format"] == kUserFormat);
  Store t = before;
  REQUIRE(load_user(v1, t, error));
  CHECK(diff_user_map(s, t) == "");
  CHECK(diff_settings(s.settings, t.settings) == "");

  // Format 0 with the wrong shape is still rejected.
  Store u = before;
  CHECK_FALSE(load_user(R"({"format":0,"user":{"12":{}}})", u, error));
  CHECK_FALSE(load_user(R"({"format":0,"user":[{"note":"no id"}]})", u, error));
  CHECK_FALSE(load_user(R"({"format":0,"user":[{"id":"12"}]})", u, error));
  CHECK(diff_all(before, u) == "");
}

// ---- backup -------------------------------------------------------------------------------------

TEST_CASE("backup round trip reproduces the whole store", "[serialize]") {
  const Store src = random_store(10, 2500, 25000);
  const std::string json = export_backup(src);
  Store dst = other_store();
  std::string error;
  REQUIRE(import_backup(json, dst, error));
  CHECK(diff_all(src, dst) == "");

  auto doc = nlohmann::json::parse(json);
  CHECK(doc["app"] == "rekindle");
  CHECK(doc["format"] == kBackupFormat);
  CHECK(doc["exported_at"].is_number_integer());
  CHECK(doc["contacts"].size() == src.contacts.size());
  CHECK(doc["messages"].size() == src.messages.size());
  // Dates are "YYYY-MM-DD", times integers.
  for (const auto& c : doc["contacts"]) {
    if (c["connected_on"].is_string() && c["connected_on"].get<std::string>().size() == 10) {
      const std::string d = c["connected_on"];
      CHECK(d[4] == '-');
      CHECK(d[7] == '-');
      break;
    }
  }
  for (const auto& m : doc["messages"])
    if (!m["time"].is_null()) {
      CHECK(m["time"].is_number_integer());
      break;
    }
}

TEST_CASE("backup of an empty store, and a known date", "[serialize]") {
  Store s;
  Contact c;
  c.id = 1;
  c.connected_on = 19542;  // 2023-07-04
  s.contacts.push_back(c);
  s.reindex();
  const std::string json = export_backup(s);
  auto doc = nlohmann::json::parse(json);
  CHECK(doc["contacts"][0]["connected_on"] == "2023-07-04");
  CHECK(doc["contacts"][0]["first_seen"].is_null());
  Store t = random_store(11, 10, 10);
  std::string error;
  REQUIRE(import_backup(json, t, error));
  CHECK(diff_all(s, t) == "");
}

TEST_CASE("invalid UTF-8 in a string still gives a backup that loads", "[serialize]") {
  Store s;
  Contact c;
  c.id = 1;
  c.first_name = std::string("bad\xff\xfe utf8 \xe2\x82");
  s.contacts.push_back(c);
  s.user[1].note = "also \xc3";
  s.reindex();
  const std::string json = export_backup(s);
  Store t;
  std::string error;
  REQUIRE(import_backup(json, t, error));
  CHECK(t.contacts[0].first_name == "bad\xEF\xBF\xBD\xEF\xBF\xBD utf8 \xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(t.user[1].note.find("also ") == 0);
  Store u;
  REQUIRE(load_user(save_user(s), u, error));
}

TEST_CASE("bad backups are rejected and the store is left untouched", "[serialize]") {
  const Store src = random_store(12, 40, 200);
  const std::string good = export_backup(src);
  const Store orig = other_store();
  Store dst = orig;
  std::string error;
  auto rejected = [&](const std::string& text) {
    error.clear();
    return !import_backup(text, dst, error) && !error.empty() && diff_all(orig, dst).empty();
  };
  SECTION("truncated") {
    for (size_t n = 0; n < good.size(); n += 13) {
      if (good.find_first_not_of(" \n\r\t", n) == std::string::npos) break;  // only the final newline cut
      INFO("length " << n);
      REQUIRE(rejected(good.substr(0, n)));
    }
    CHECK(rejected(good.substr(0, good.size() - 3)));
  }
  SECTION("not ours") {
    CHECK(rejected(""));
    CHECK(rejected("\x89PNG\r\n\x1a\n garbage"));
    CHECK(rejected("[]"));
    CHECK(rejected(R"({"format":1})"));
    CHECK(error.find("rekindle") != std::string::npos);
    CHECK(rejected(R"({"app":"other","format":1})"));
    CHECK(rejected(R"({"app":"rekindle"})"));
    CHECK(rejected(R"({"app":"rekindle","format":"1"})"));
    CHECK(rejected(R"({"app":"rekindle","format":2})"));
    CHECK(error.find("newer") != std::string::npos);
    CHECK(rejected(R"({"app":"rekindle","format":0})"));
  }
  SECTION("wrong types and inconsistent contents") {
    auto doc = nlohmann::json::parse(good);
    auto with = [&](auto edit) {
      auto d = doc;
      edit(d);
      return d.dump();
    };
    CHECK(rejected(with([](auto& d) { d["contacts"] = "none"; })));
    CHECK(rejected(with([](auto& d) { d["contacts"][0]["id"] = "1"; })));
    CHECK(rejected(with([](auto& d) { d["contacts"][0]["id"] = -4; })));
    CHECK(rejected(with([](auto& d) { d["contacts"][0].erase("id"); })));
    CHECK(rejected(with([](auto& d) { d["contacts"][0]["first_name"] = 3; })));
    CHECK(rejected(with([](auto& d) { d["contacts"][0]["connected_on"] = "04 Jul 2023"; })));
    CHECK(rejected(with([](auto& d) { d["contacts"][0]["connected"] = 1; })));
    CHECK(rejected(with([](auto& d) { d["contacts"][0]["invitations"] = {{{"direction", "sideways"}}}; })));
    CHECK(rejected(with([](auto& d) { d["contacts"][0]["endorsements"] = {{{"day", 5}}}; })));
    CHECK(rejected(with([](auto& d) { d["contacts"][1]["id"] = d["contacts"][0]["id"]; })));
    CHECK(rejected(with([](auto& d) { d["contacts"][0]["conversations"] = {999999}; })));
    CHECK(rejected(with([](auto& d) { d["conversations"][0]["messages"] = {999999}; })));
    CHECK(rejected(with([](auto& d) { d["conversations"][0]["participants"] = {"x"}; })));
    CHECK(rejected(with([](auto& d) { d["messages"][0]["conversation"] = 999999; })));
    CHECK(rejected(with([](auto& d) { d["messages"][0]["time"] = "2024-01-01"; })));
    CHECK(rejected(with([](auto& d) { d["messages"][0] = 5; })));
    CHECK(rejected(with([](auto& d) { d["user"] = {{"x", nlohmann::json::object()}}; })));
    CHECK(rejected(with([](auto& d) { d["settings"]["queue_size"] = "many"; })));
    CHECK(rejected(with([](auto& d) { d["owner"] = "me"; })));
    CHECK(rejected(with([](auto& d) { d["next_id"] = -1; })));
  }
  REQUIRE(import_backup(good, dst, error));
  CHECK(diff_all(src, dst) == "");
}

// The reader streams the document (no DOM of it); its errors must be exactly those of the DOM
// reader it replaced, recorded in tests/fixtures/backup_errors.json for every case of
// backup_cases.hpp ("" where the backup loads).
TEST_CASE("backup reader: every damaged field gives the error the DOM reader gave, the store untouched", "[serialize]") {
  const auto recorded = nlohmann::json::parse(rktest::read_file(std::string(REKINDLE_FIXTURES) + "/backup_errors.json"));
  std::map<std::string, std::string> want;
  for (const auto& e : recorded) want[e[0].get<std::string>()] = e[1].get<std::string>();
  const auto cases = rktest::backup_cases();
  REQUIRE(cases.size() == want.size());
  const Store orig = other_store();
  size_t loaded = 0;
  for (const auto& [what, doc] : cases) {
    INFO(what);
    REQUIRE(want.count(what));
    Store s = orig;
    std::string error;
    const bool ok = import_backup(doc, s, error);
    CHECK(error == want[what]);
    CHECK(ok == want[what].empty());
    if (!ok) CHECK(diff_all(orig, s) == "");
    loaded += ok;
  }
  CHECK(loaded > 100);  // (null and a few other values are fine in many places)
}

TEST_CASE("backup reader: the small backup with every field reads back exactly", "[serialize]") {
  Store s;
  std::string error;
  REQUIRE(import_backup(rktest::backup_base(), s, error));
  CHECK(s.owner.headline == "CTO");
  REQUIRE(s.contacts.size() == 2);
  CHECK(s.contacts[0].connected_on == days_from_civil(2020, 2, 29));
  CHECK(s.contacts[0].job_changes.size() == 1);
  REQUIRE(s.messages.size() == 3);
  CHECK(s.messages[1].sender == kOwner);
  CHECK(s.text(s.messages[1].subject) == "Re");
  CHECK(s.messages[2].time == kNoTime);
  CHECK(s.user.at(1).interactions.at(0).note == "coffee");
  CHECK(s.settings.templates.at(0).body == "Hi {first_name}");
  CHECK(s.find(3) == &s.contacts[1]);
  CHECK(s.contacts[0].disconnected_on == kNoDay);
  CHECK(s.contacts[1].disconnected_on == days_from_civil(2024, 4, 1));
  auto a = nlohmann::json::parse(export_backup(s)), b = nlohmann::json::parse(rktest::backup_base());
  a.erase("exported_at"), b.erase("exported_at");
  // Settings added since that backup was written come back with their defaults.
  const Settings defaults;
  auto& as = a["settings"];
  CHECK(as["reply_window_days"] == defaults.reply_window_days);
  CHECK(as["greeting_window_days"] == defaults.greeting_window_days);
  CHECK(as["today_size"] == defaults.today_size);
  CHECK(as["nudge_limit"] == defaults.nudge_limit);
  CHECK(as["default_cadence_max_days"] == defaults.default_cadence_max_days);
  CHECK(as["tiers"].size() == defaults.tiers.size());
  for (const char* k : {"reply_window_days", "greeting_window_days", "today_size", "nudge_limit",
                        "default_cadence_max_days", "tiers"})
    as.erase(k);
  for (auto& t : as["templates"]) t.erase("kind");
  CHECK(a == b);
}

TEST_CASE("backup round trip of a generated export (size S) with user data", "[serialize]") {
  rkgen::Options o;
  rkgen::SizeSpec spec{};
  REQUIRE(rkgen::size_spec("S", spec));
  o.size = "S", o.connections = spec.connections, o.messages = spec.messages, o.seed = 7;
  rkgen::MemorySink sink;
  rkgen::Manifest m;
  REQUIRE(rkgen::generate(o, sink, m));
  Store src;
  import_all(src, m.today, sink.files);
  REQUIRE(src.messages.size() > 5000);
  for (size_t i = 0; i < src.contacts.size(); i += 7) {
    UserData& u = src.user[src.contacts[i].id];
    u.note = "note \"" + std::to_string(i) + "\"\n\t\x01 Émilie 🚀";
    u.tags = {"", "vip"};
    u.interactions.push_back({m.today, "met", ""});
  }
  src.settings.templates.push_back({"", "{name}", ""});
  const std::string json = export_backup(src);
  Store dst = other_store();
  std::string error;
  int calls = 0;
  float last = 0;
  bool monotonic = true;
  REQUIRE(import_backup(json, dst, error, [&](float f) {
    monotonic = monotonic && f >= last && f <= 1.0f;
    last = f;
    ++calls;
  }));
  CHECK(diff_all(src, dst) == "");
  CHECK(calls >= 1);  // every MB or so
  CHECK(monotonic);
  // Exported again: the same document.
  auto a = nlohmann::json::parse(export_backup(dst)), b = nlohmann::json::parse(json);
  a.erase("exported_at"), b.erase("exported_at");
  CHECK(a == b);
}

TEST_CASE("backup cut anywhere is refused, the store untouched", "[serialize]") {
  const Store orig = other_store();
  std::string error;
  const std::string small = rktest::backup_base();
  for (size_t n = 0; n + 1 < small.size(); ++n) {  // (the last byte is the closing brace)
    Store s = orig;
    INFO("length " << n);
    REQUIRE_FALSE(import_backup(small.substr(0, n), s, error));
    REQUIRE(diff_all(orig, s) == "");
  }
  const std::string big = export_backup(random_store(31, 300, 3000));
  TRng r{5};
  for (int k = 0; k < 300; ++k) {
    const size_t n = size_t(r.below(big.size() - 2));
    Store s = orig;
    INFO("length " << n);
    REQUIRE_FALSE(import_backup(std::string_view(big).substr(0, n), s, error));
    REQUIRE(error == "backup is not valid JSON (damaged or truncated)");
    REQUIRE(diff_all(orig, s) == "");
  }
}

TEST_CASE("bulk data saved in format 1 (message texts inline) still loads, and saves in the current format", "[serialize]") {
  // tests/fixtures/bulk-format1.bin was written by the previous release (format 1) from an
  // import of tests/fixtures/import/export2024: what this release imports from the same files.
  const std::string old = rktest::read_file(std::string(REKINDLE_FIXTURES) + "/bulk-format1.bin");
  REQUIRE(old.size() > 100);
  REQUIRE(uint8_t(old[4]) == 1);
  Store loaded;
  std::string error;
  REQUIRE(load_bulk(old, loaded, error));
  Store imported;
  import_all(imported, days_from_civil(2026, 11, 25), rktest::export2024());
  REQUIRE(imported.messages.size() > 5);
  CHECK(diff_bulk(loaded, imported) == "");
  const std::string now = save_bulk(loaded);
  CHECK(uint8_t(now[4]) == kBulkFormat);
  Store again;
  REQUIRE(load_bulk(now, again, error));
  CHECK(diff_bulk(again, imported) == "");
}

TEST_CASE("bulk data saved in formats 2 and 3 (before disconnected_on) still loads", "[serialize]") {
  // Written by the previous release from an import of tests/fixtures/import/export2024 on
  // 2026-11-25: save_bulk (format 2) and save_bulk_parts (format 3, its texts apart).
  const std::string dir = std::string(REKINDLE_FIXTURES) + "/";
  const std::string two = rktest::read_file(dir + "bulk-format2.bin"), three = rktest::read_file(dir + "bulk-format3.bin");
  REQUIRE(uint8_t(two[4]) == 2);
  REQUIRE(uint8_t(three[4]) == 3);
  Store imported;
  import_all(imported, days_from_civil(2026, 11, 25), rktest::export2024());
  std::string error;
  Store a;
  REQUIRE(load_bulk(two, a, error));
  CHECK(diff_bulk(a, imported) == "");
  Store b;
  REQUIRE(load_bulk(std::string_view(three), b, error));
  REQUIRE(b.texts_pending);
  REQUIRE(attach_texts(rktest::read_file(dir + "bulk-format3.texts"), b, error));
  CHECK(diff_bulk(b, imported) == "");
  for (const Contact& c : b.contacts) CHECK(c.disconnected_on == kNoDay);
  // Saved again: the current formats, which read back the same.
  const BulkParts parts = save_bulk_parts(b);
  CHECK(uint8_t(parts.bulk[4]) == kBulkSplitFormat);
  CHECK(uint8_t(save_bulk(b)[4]) == kBulkFormat);
  Store again;
  REQUIRE(load_bulk(save_bulk(b), again, error));
  CHECK(diff_bulk(again, imported) == "");
}

TEST_CASE("bulk: disconnected_on round trips, and an older format with its flag is refused", "[serialize]") {
  Store s = random_store(21, 50, 100);
  s.contacts[3].connected = false;
  s.contacts[3].disconnected_on = days_from_civil(2025, 1, 31);
  s.contacts[4].connected = true;
  s.contacts[4].disconnected_on = kNoDay;
  std::string error;
  for (const std::string& bin : {save_bulk(s), save_bulk_parts(s).bulk}) {
    Store back;
    REQUIRE(load_bulk(std::string_view(bin), back, error));
    CHECK(back.contacts[3].disconnected_on == days_from_civil(2025, 1, 31));
    CHECK_FALSE(back.contacts[3].connected);
    CHECK(back.contacts[4].disconnected_on == kNoDay);
  }
  // The same bytes labelled format 2 (valid checksum): format 2 has no such flag, so the
  // contact's flags byte is out of range and the file is refused as damaged, not misread.
  std::string bad = save_bulk(s);
  bad[4] = char(2);
  put_u32le(bad, bad.size() - 4, uint32_t(crc32(0, reinterpret_cast<const Bytef*>(bad.data()), uInt(bad.size() - 4))));
  Store untouched;
  CHECK_FALSE(load_bulk(std::string_view(bad), untouched, error));
  CHECK(error.find("damaged") != std::string::npos);
}

TEST_CASE("bulk: the notes of last messages round trip; data without them loads unjudged", "[serialize]") {
  Store s = random_store(23, 50, 200);
  for (size_t i = 0; i < s.messages.size(); ++i) s.messages[i].note = uint8_t(i % 11);
  std::string error;
  for (const std::string& bin : {save_bulk(s), save_bulk_parts(s).bulk}) {
    Store back;
    REQUIRE(load_bulk(std::string_view(bin), back, error));
    REQUIRE(back.messages.size() == s.messages.size());
    for (size_t i = 0; i < s.messages.size(); ++i) CHECK(back.messages[i].note == s.messages[i].note);
  }
  // The format-2 and format-3 fixtures written by earlier versions carry no notes: all unjudged.
  for (const char* f : {"/bulk-format1.bin", "/bulk-format2.bin", "/bulk-format3.bin"}) {
    const std::string path = std::string(REKINDLE_FIXTURES) + f;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    const std::string bin((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Store old;
    REQUIRE(load_bulk(std::string_view(bin), old, error));
    for (const Message& m : old.messages) CHECK(m.note == 0);
  }
}

TEST_CASE("load_bulk from an owned buffer keeps it as the text buffer, with the same result", "[serialize]") {
  const Store src = random_store(99, 40, 300);
  const std::string bin = save_bulk(src);
  Store copied, adopted;
  std::string error;
  REQUIRE(load_bulk(std::string_view(bin), copied, error));
  std::string owned = bin;
  const char* buffer = owned.data();
  REQUIRE(load_bulk(std::move(owned), adopted, error));
  CHECK(adopted.texts.data() == buffer);  // no copy of the texts
  CHECK(diff_bulk(adopted, src) == "");
  CHECK(diff_bulk(copied, src) == "");
  CHECK(save_bulk(adopted) == bin);
  // A damaged buffer is refused and left to the caller.
  std::string bad = bin;
  bad[bad.size() / 2] ^= 0x20;
  Store untouched = copied;
  CHECK_FALSE(load_bulk(std::move(bad), untouched, error));
  CHECK(bad.size() == bin.size());
  CHECK(diff_bulk(untouched, copied) == "");
}

TEST_CASE("BulkLoader in the smallest slices equals load_bulk, for every format, and refuses the same damage",
          "[serialize]") {
  const Store src = random_store(17, 900, 3000);
  std::string error;
  auto sliced = [&](std::string data, Store& out, std::string& err, int& steps) {
    BulkLoader l(std::move(data));
    steps = 0;
    while (!l.step(0.0)) REQUIRE(++steps < 1000000);
    return l.take(out, err);
  };
  const BulkParts parts = save_bulk_parts(src);
  for (const std::string& bin : {save_bulk(src), parts.bulk}) {
    Store whole, piecewise;
    REQUIRE(load_bulk(std::string_view(bin), whole, error));
    int steps = 0;
    REQUIRE(sliced(bin, piecewise, error, steps));
    CHECK(steps > 10);  // 900 contacts, 3000 messages: many slices of a few hundred records
    CHECK(diff_bulk(piecewise, whole) == "");
    CHECK(piecewise.texts_pending == whole.texts_pending);
    CHECK(piecewise.texts_expected == whole.texts_expected);
    CHECK(piecewise.index.size() == piecewise.contacts.size());
  }
  // Format 2 through the loader adopts its buffer as the texts, like load_bulk(std::string&&).
  Store adopted;
  int steps = 0;
  REQUIRE(sliced(save_bulk(src), adopted, error, steps));
  CHECK(save_bulk(adopted) == save_bulk(src));

  // Damage anywhere: the same error as load_bulk, the target untouched.
  const std::string bin = save_bulk(src);
  for (size_t at : {size_t(2), size_t(6), bin.size() / 3, bin.size() / 2, bin.size() - 2}) {
    std::string bad = bin;
    bad[at] ^= 0x41;
    Store a = random_store(3, 5, 5), b = a;
    std::string ea, eb;
    CHECK_FALSE(load_bulk(std::string_view(bad), a, ea));
    CHECK_FALSE(sliced(bad, b, eb, steps));
    CHECK(ea == eb);
    CHECK(diff_bulk(a, b) == "");
  }
  Store untouched;
  CHECK_FALSE(sliced(bin.substr(0, bin.size() - 100), untouched, error, steps));
  CHECK(untouched.contacts.empty());
}

TEST_CASE("attach_texts with a checksum computed piece by piece as the bytes arrived", "[serialize]") {
  const Store src = random_store(8, 50, 400);
  const BulkParts parts = save_bulk_parts(src);
  REQUIRE(parts.texts.size() > 1000);
  std::string error;
  // The checksum of all but the last 4 bytes, in uneven pieces (as a takeover copies them).
  uint32_t crc = 0;
  const std::string_view body = std::string_view(parts.texts).substr(0, parts.texts.size() - 4);
  for (size_t at = 0, step = 1; at < body.size(); at += step, step = step * 3 + 1)
    crc = crc32_update(crc, body.substr(at, step));
  {
    Store s;
    REQUIRE(load_bulk(std::string_view(parts.bulk), s, error));
    REQUIRE(attach_texts(std::string(parts.texts), s, error, crc));
    CHECK(save_bulk(s) == save_bulk(src));
  }
  {
    Store s;
    REQUIRE(load_bulk(std::string_view(parts.bulk), s, error));
    CHECK_FALSE(attach_texts(std::string(parts.texts), s, error, crc ^ 1u));  // bytes damaged on the way
    CHECK(error.find("checksum") != std::string::npos);
    CHECK(s.texts_pending);
  }
}

TEST_CASE("split bulk data: the rest loads first, the message texts attach after", "[serialize]") {
  const Store src = random_store(5, 60, 500);
  const BulkParts parts = save_bulk_parts(src);
  REQUIRE(parts.texts.size() > 1000);
  CHECK(parts.bulk.size() < save_bulk(src).size() - parts.texts.size() + 64);  // texts are not in bulk
  Store s;
  std::string error;
  REQUIRE(load_bulk(std::string_view(parts.bulk), s, error));
  CHECK(s.texts_pending);
  CHECK(s.messages.size() == src.messages.size());
  size_t with_text = 0;
  for (const Message& m : s.messages) with_text += m.text.len > 0;
  CHECK(with_text > 400);
  CHECK(s.text(s.messages[0].text).empty());  // nothing to show yet, and nothing out of bounds

  SECTION("the right texts attach") {
    std::string texts = parts.texts;
    REQUIRE(attach_texts(std::move(texts), s, error));
    CHECK_FALSE(s.texts_pending);
    CHECK(diff_bulk(s, src) == "");
    CHECK(save_bulk(s) == save_bulk(src));
    std::string again = parts.texts;
    CHECK_FALSE(attach_texts(std::move(again), s, error));  // nothing pending any more
  }
  SECTION("texts of other data, or damaged ones, are refused and the load stays pending") {
    std::string other = save_bulk_parts(random_store(6, 60, 500)).texts;
    CHECK_FALSE(attach_texts(std::move(other), s, error));
    CHECK(error.find("do not match") != std::string::npos);
    std::string bad = parts.texts;
    bad[bad.size() / 2] ^= 1;
    CHECK_FALSE(attach_texts(std::move(bad), s, error));
    CHECK(error.find("checksum") != std::string::npos);
    CHECK_FALSE(attach_texts(std::string("RKT1"), s, error));
    CHECK(s.texts_pending);
    CHECK(s.texts.empty());
    std::string good = parts.texts;
    CHECK(attach_texts(std::move(good), s, error));
    CHECK(diff_bulk(s, src) == "");
  }
}

TEST_CASE("BulkSaver in tiny slices writes exactly what one call writes", "[serialize]") {
  const Store src = random_store(12, 700, 3000);
  for (int format : {kBulkFormat, kBulkSplitFormat}) {
    BulkSaver saver(src, format);
    int slices = 0;
    while (!saver.step(0.0)) REQUIRE(++slices < 1000000);
    const BulkParts sliced = saver.take();
    CHECK(slices > 10);
    CHECK(uint8_t(sliced.bulk[4]) == format);
    if (format == kBulkFormat) {
      CHECK(sliced.bulk == save_bulk(src));
      CHECK(sliced.texts.empty());
    } else {
      const BulkParts whole = save_bulk_parts(src);
      CHECK(sliced.bulk == whole.bulk);
      CHECK(sliced.texts == whole.texts);
      Store back;
      std::string error;
      REQUIRE(load_bulk(std::string_view(sliced.bulk), back, error));
      std::string texts = sliced.texts;
      REQUIRE(attach_texts(std::move(texts), back, error));
      CHECK(diff_bulk(back, src) == "");
    }
  }
}
