// The generator's realistic profile (tools/gen_realistic.hpp): what an import of it shows falls in
// the ranges measured on 13 real exports, and its manifest counts are what the import finds.
// (The classic profile's bytes are pinned in test_generator.cpp.)
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../../tools/gen_export_lib.hpp"
#include "core/import.hpp"

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

rkgen::Options realistic(const char* size, uint64_t seed, int format = 2024) {
  rkgen::Options o;
  rkgen::SizeSpec spec{};
  REQUIRE(rkgen::size_spec(size, spec));
  o.size = size, o.connections = spec.connections, o.messages = spec.messages;
  o.seed = seed, o.format = format, o.profile = "realistic";
  return o;
}

Files generate(const rkgen::Options& o, rkgen::Manifest& m) {
  rkgen::MemorySink sink;
  REQUIRE(rkgen::generate(o, sink, m));
  return sink.files;
}

rk::Store import(const Files& files, const rkgen::Manifest& m) {
  rk::Store store;
  const rk::ImportReport report = rk::import_all(store, m.today, files);
  for (const auto& f : report.files) {
    INFO(f.name);
    CHECK(f.errors.empty());
  }
  REQUIRE(report.committed);
  return store;
}

bool one_to_one(const rk::Conversation& c) { return !c.spam && !c.group && c.participants.size() == 1; }

// The realistic counts measured on an imported store, by the definitions of rkgen::RealisticCounts.
struct Measured {
  rkgen::RealisticCounts counts;
  size_t newest_age = 0, oldest_them_age = 0;
  size_t inmails = 0;  // from people who are not connections, with a subject
};

Measured measure(const rk::Store& s, rk::Day today) {
  Measured out;
  rkgen::RealisticCounts& n = out.counts;
  auto text = [&](rk::TextRef t) { return std::string_view(s.texts).substr(t.off, t.len); };
  std::vector<rk::Day> ages;
  out.newest_age = SIZE_MAX;
  for (const rk::Conversation& c : s.conversations) {
    if (c.spam || c.messages.empty()) continue;
    const rk::Message& last = s.messages[c.messages.back()];
    const rk::Day age = today - rk::day_of(last.time);
    out.newest_age = std::min(out.newest_age, size_t(age));
    if (!one_to_one(c)) continue;
    const rk::ContactId other = c.participants[0];
    const rk::Contact& person = s.contacts[s.index.at(other)];
    n.one_to_one++;
    size_t theirs = 0;
    for (uint32_t mi : c.messages) theirs += s.messages[mi].sender == other;
    const rk::Message& first = s.messages[c.messages.front()];
    if (!person.connected && first.sender == other && first.subject.len > 0) out.inmails++;
    if (last.sender == other) {
      const std::string_view t = text(last.text);
      const bool closing = rkgen::is_closing_note(t), system = rkgen::is_system_row(t);
      n.last_by_them++;
      ages.push_back(age);
      n.closing_last += closing;
      n.system_last += system;
      n.last_by_them_short += rkgen::code_points(t) <= 40;
      n.last_by_them_within_30d += age <= 30;
      n.fresh_awaiting += age <= 30 && !closing && !system;
    } else if (last.sender == rk::kOwner) {
      n.owner_last_within_30d += age <= 30;
    }
    if (person.connected && c.messages.size() >= 20 && theirs >= 5 && c.messages.size() - theirs >= 5 && age >= 120 &&
        age <= 548)
      n.strong_fading++;
  }
  for (const rk::Contact& p : s.contacts) {
    if (!p.connected || p.connected_on == rk::kNoDay || p.connected_on < today - 30) continue;
    const bool threaded = std::any_of(p.conversations.begin(), p.conversations.end(),
                                      [&](uint32_t ci) { return one_to_one(s.conversations[ci]); });
    if (threaded) continue;
    n.new_silent_connections_30d++;
    for (const rk::Invitation& inv : p.invitations)
      n.new_invited_with_note += inv.direction == rk::Direction::Incoming && !inv.message.empty();
  }
  std::sort(ages.begin(), ages.end());
  if (!ages.empty()) {
    n.last_by_them_median_age_days = ages[(ages.size() - 1) / 2];
    out.oldest_them_age = size_t(ages.back());
  }
  return out;
}

void check_same(const rkgen::RealisticCounts& a, const rkgen::RealisticCounts& b) {
  CHECK(a.one_to_one == b.one_to_one);
  CHECK(a.last_by_them == b.last_by_them);
  CHECK(a.last_by_them_within_30d == b.last_by_them_within_30d);
  CHECK(a.last_by_them_short == b.last_by_them_short);
  CHECK(a.closing_last == b.closing_last);
  CHECK(a.system_last == b.system_last);
  CHECK(a.fresh_awaiting == b.fresh_awaiting);
  CHECK(a.owner_last_within_30d == b.owner_last_within_30d);
  CHECK(a.new_silent_connections_30d == b.new_silent_connections_30d);
  CHECK(a.new_invited_with_note == b.new_invited_with_note);
  CHECK(a.strong_fading == b.strong_fading);
  CHECK(a.last_by_them_median_age_days == b.last_by_them_median_age_days);
}

}  // namespace

TEST_CASE("generator: the realistic profile's S export falls in the ranges of real exports", "[generator][import]") {
  for (uint64_t seed : {1u, 2u}) {
    INFO("seed " << seed);
    rkgen::Manifest m;
    const Files files = generate(realistic("S", seed), m);
    const rk::Store store = import(files, m);
    const Measured got = measure(store, m.today);
    const rkgen::RealisticCounts& n = got.counts;
    const double one = double(n.one_to_one), them = double(n.last_by_them), conns = double(m.connections);
    INFO(m.to_json());
    REQUIRE(n.one_to_one > 300);
    CHECK(them / one >= 0.41);  // they wrote last: 41-78 % of one-to-one conversations
    CHECK(them / one <= 0.78);
    CHECK(n.last_by_them_median_age_days >= 280);  // median age of their last messages: 280-2,750 days
    CHECK(n.last_by_them_median_age_days <= 2750);
    CHECK(got.oldest_them_age > 3000);   // a tail over years...
    CHECK(got.oldest_them_age <= 4400);  // ...up to ~12
    CHECK(n.last_by_them_within_30d / one >= 0.002);  // 0.2-8 % within 30 days
    CHECK(n.last_by_them_within_30d / them <= 0.08);
    CHECK(n.last_by_them_short / them >= 0.06);  // 6-63 % of 40 characters or less
    CHECK(n.last_by_them_short / them <= 0.63);
    CHECK(n.closing_last / them >= 0.2);  // aim: ~30 % closing notes
    CHECK(n.closing_last / them <= 0.4);
    CHECK(n.system_last > 0);
    CHECK(n.system_last < n.closing_last);
    CHECK(n.new_silent_connections_30d >= 3);  // 2-106 per export, ~1 % of connections
    CHECK(n.new_silent_connections_30d / conns <= 0.02);
    CHECK(n.new_invited_with_note >= 1);
    CHECK(n.strong_fading / conns >= 0.01);  // a few % of strong ties fading
    CHECK(n.strong_fading / conns <= 0.06);
    CHECK(n.fresh_awaiting >= 2);  // a handful of fresh threads awaiting the owner's reply
    CHECK(n.fresh_awaiting <= n.last_by_them_within_30d);
    CHECK(n.owner_last_within_30d >= 2);
    CHECK(n.owner_last_within_30d / one <= 0.08);
    CHECK(got.inmails >= 2);
    CHECK(got.newest_age == 1);  // "today" is the day after the export's last message
    check_same(m.realistic, n);

    // The classic counts hold too, and the manifest says which profile made it.
    const rk::Summary s = rk::summarize(store);
    CHECK(s.connections == m.connections);
    CHECK(s.contacts == m.contacts);
    CHECK(s.messages == m.messages);
    CHECK(s.conversations == m.conversations);
    CHECK(s.invitations == m.invitations);
    CHECK(s.endorsements == m.endorsements());
    CHECK(s.recommendations == m.recommendations());
    const auto j = nlohmann::json::parse(m.to_json());
    CHECK(j["profile"] == "realistic");
    CHECK(j["realistic"]["one_to_one"] == n.one_to_one);
    CHECK(j["realistic"]["closing_last"] == n.closing_last);
    CHECK(j["realistic"]["strong_fading"] == n.strong_fading);
    size_t states = 0;
    for (auto& [k, v] : j["states"].items()) states += v.get<size_t>();
    CHECK(states == m.connections);
  }
}

TEST_CASE("generator: the realistic profile imports cleanly in every format", "[generator][import]") {
  for (int format : {2024, 2022, 2018}) {
    INFO("format " << format);
    rkgen::Manifest m, again;
    const Files files = generate(realistic("tiny", 3, format), m);
    CHECK(generate(realistic("tiny", 3, format), again) == files);  // deterministic
    const rk::Store store = import(files, m);
    const rk::Summary s = rk::summarize(store);
    CHECK(s.messages == m.messages);
    CHECK(s.invitations == m.invitations);
    CHECK(s.endorsements == m.endorsements());
    if (format == 2018) continue;  // conversations by counterpart name; namesakes may merge
    CHECK(s.conversations == m.conversations);
    const Measured got = measure(store, m.today);
    check_same(m.realistic, got.counts);
    CHECK(got.counts.new_silent_connections_30d >= 3);  // even a 50-connection network gets them
    CHECK(got.counts.strong_fading >= 1);
  }
}

TEST_CASE("generator: closing notes and system rows are told apart from real messages", "[generator]") {
  CHECK(rkgen::is_closing_note("Obrigada"));
  CHECK(rkgen::is_closing_note("Merci !"));
  CHECK(rkgen::is_closing_note("👍"));
  CHECK_FALSE(rkgen::is_closing_note("Thanks! Are you free on Thursday?"));
  CHECK(rkgen::is_system_row("Ana Silva accepted your invitation"));
  CHECK(rkgen::is_system_row("Message request accepted"));
  CHECK_FALSE(rkgen::is_system_row(" accepted your invitation"));
  CHECK(rkgen::code_points("Danke schön") == 11);
  CHECK(rkgen::code_points("👍") == 1);
  for (const char* s : rkgen::realistic_text::kClosingNotes) CHECK(rkgen::code_points(s) <= 40);
  for (const char* s : rkgen::detail::realistic::kRealLast) {
    CHECK_FALSE(rkgen::is_closing_note(s));
    CHECK(rkgen::code_points(s) > 40);
  }
}
