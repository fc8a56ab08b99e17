// UI logic that needs no browser: dashboard aggregations (charts), font needs per script,
// right-to-left display order with Arabic joining.
#include <catch2/catch.hpp>

#include "core/bidi.hpp"
#include "utf8_encode.hpp"
#include "core/charts.hpp"
#include "core/glyphs.hpp"
#include "core/scoring.hpp"
#include "store_builder.hpp"

using namespace rk;
using namespace rk::test;

namespace {

std::string u8(const char32_t* s) { return rktest::utf8(std::u32string_view(s)); }

}  // namespace

TEST_CASE("months: index, label and regrouping into bars", "[ui]") {
  CHECK(month_of_day(civil(2024, 3, 15)) == 2024 * 12 + 2);
  CHECK(month_of_day(kNoDay) == -1);
  CHECK(month_label(2024 * 12 + 2) == "Mar 2024");

  MonthSeries s;
  s.first = 2023 * 12 + 10;  // Nov 2023
  s.a = {1, 2, 3, 4, 5};     // Nov 2023 .. Mar 2024
  s.b = {0, 1, 0, 1, 0};
  CHECK(s.total_a() == 15);
  CHECK(s.total_b() == 2);

  Bars m = to_bars(s, 10);
  CHECK(m.months_per_bar == 1);
  REQUIRE(m.a.size() == 5);
  CHECK(m.labels.front() == "Nov 2023");
  CHECK(m.labels.back() == "Mar 2024");

  // Too many months: calendar quarters (Q4 2023 = Nov+Dec, Q1 2024 = Jan..Mar).
  Bars q = to_bars(s, 3);
  CHECK(q.months_per_bar == 3);
  REQUIRE(q.a.size() == 2);
  CHECK(q.a[0] == 3);
  CHECK(q.a[1] == 12);
  CHECK(q.b[1] == 1);
  CHECK(q.labels[0] == "Q4 2023");
  CHECK(q.labels[1] == "Q1 2024");

  // Two quarters still fit in two bars.
  CHECK(to_bars(s, 2).months_per_bar == 3);

  // Three years in at most five bars: years.
  MonthSeries three;
  three.first = 2020 * 12;
  three.a.assign(36, 1);
  three.b.assign(36, 0);
  Bars y = to_bars(three, 5);
  CHECK(y.months_per_bar == 12);
  REQUIRE(y.a.size() == 3);
  CHECK(y.a[0] == 12);
  CHECK(y.labels[0] == "2020");
  CHECK(y.labels[2] == "2022");

  // Totals are preserved whatever the grouping.
  MonthSeries long_s;
  long_s.first = 2005 * 12;
  long_s.a.assign(20 * 12, 1);
  long_s.b.assign(20 * 12, 2);
  for (int max_bars : {400, 100, 30, 10, 5}) {
    Bars b = to_bars(long_s, max_bars);
    CHECK(int(b.a.size()) <= max_bars);
    int ta = 0, tb = 0;
    for (size_t k = 0; k < b.a.size(); ++k) ta += b.a[k], tb += b.b[k];
    CHECK(ta == 240);
    CHECK(tb == 480);
    CHECK(b.labels.size() == b.a.size());
  }
  CHECK(to_bars(MonthSeries{}, 10).a.empty());
}

TEST_CASE("bars: the title's period, each bar's days, the partial last period", "[ui]") {
  MonthSeries s;
  s.first = 2023 * 12 + 10;  // Nov 2023 .. Mar 2024
  s.a = {1, 2, 3, 4, 5};
  s.b = {0, 0, 0, 0, 0};
  Bars m = to_bars(s, 10, civil(2024, 3, 31));
  CHECK(m.period == "month");
  CHECK(m.from.front() == civil(2023, 11, 1));
  CHECK(m.to.front() == civil(2023, 11, 30));
  CHECK(m.to.back() == civil(2024, 3, 31));
  CHECK_FALSE(m.partial_last);  // the data runs to the month's last day
  CHECK(to_bars(s, 10, civil(2024, 3, 12)).partial_last);
  CHECK_FALSE(to_bars(s, 10).partial_last);  // no end date known
  Bars q = to_bars(s, 3, civil(2024, 3, 12));
  CHECK(q.period == "quarter");
  CHECK(q.from[1] == civil(2024, 1, 1));
  CHECK(q.to[1] == civil(2024, 3, 31));
  CHECK(q.partial_last);
  MonthSeries years;
  years.first = 2010 * 12;
  years.a.assign(12 * 12, 1);
  years.b.assign(12 * 12, 0);
  Bars y = to_bars(years, 12);
  CHECK(y.period == "year");
  CHECK(y.to.back() == civil(2021, 12, 31));
  Bars y2 = to_bars(years, 6);
  CHECK(y2.period == "2 years");
  CHECK(y2.labels[0] == "2010-2011");
  // Every bar is the same length of time: a gap is as wide as the periods it covers.
  for (size_t k = 1; k < y.from.size(); ++k) CHECK(y.from[k] == y.to[k - 1] + 1);
}

TEST_CASE("export_as_of and the stale export notice", "[ui]") {
  StoreBuilder b;
  ContactId a = b.contact("Ann", "Lee", "Acme", "Engineer", civil(2024, 1, 10));
  b.received(a, at(2025, 3, 14));
  b.invitation(a, Direction::Incoming, at(2024, 1, 9));
  CHECK(export_as_of(b.store()) == civil(2025, 3, 14));
  CHECK(stale_export_notice(b.store(), civil(2025, 4, 1)).empty());  // fresh enough
  const std::string n = stale_export_notice(b.store(), civil(2025, 11, 20));
  CHECK(n.find("from March 2025 (8 months ago)") != std::string::npos);
  CHECK(n.find("download a fresh one") != std::string::npos);
  CHECK(stale_export_notice(Store{}, civil(2025, 11, 20)).empty());
}

TEST_CASE("rank_labels groups spellings case- and accent-insensitively", "[ui]") {
  std::vector<std::string> labels = {"Société Générale", "societe generale", "Société Générale", "Acme",
                                     "ACME", "acme", "acme", "", "  ", "Zeta"};
  auto r = rank_labels(labels, 10);
  REQUIRE(r.size() == 3);
  CHECK(r[0].label == "acme");  // the most common spelling
  CHECK(r[0].count == 4);
  CHECK(r[1].label == "Société Générale");
  CHECK(r[1].count == 3);
  CHECK(r[2].label == "Zeta");
  CHECK(rank_labels(labels, 1).size() == 1);
}

TEST_CASE("compute_dashboard: totals, statuses, per-month series, accepted then dark", "[ui]") {
  StoreBuilder b;
  const Day today = civil(2025, 6, 1);
  ContactId a = b.contact("Ann", "Lee", "Acme", "Engineer", civil(2024, 1, 10));
  ContactId c = b.contact("Carl", "Ito", "ACME", "Engineer", civil(2024, 1, 20));
  ContactId d = b.contact("Dora", "Sun", "Beta", "Designer", civil(2024, 3, 2));
  ContactId e = b.contact("Eve", "Ray", "", "", kNoDay, false);  // not connected
  b.sent(a, at(2025, 5, 1));
  b.received(a, at(2025, 5, 2));
  b.received(a, at(2025, 3, 2));
  b.received(e, at(2024, 12, 24));
  uint32_t spam = b.conversation({d}, true);
  b.message(spam, d, at(2025, 5, 5));
  b.invitation(c, Direction::Incoming, at(2024, 1, 19));  // accepted (connected), never a message
  b.user(d).archived = true;
  Store& s = b.store();
  auto evals = evaluate_all(s, today);

  DashboardStats st = compute_dashboard(s, evals, today);
  CHECK(st.contacts == 4);
  CHECK(st.connections == 3);
  CHECK(st.archived == 1);
  CHECK(st.conversations == 2);  // spam excluded
  CHECK(st.messages_sent == 1);
  CHECK(st.messages_received == 3);
  CHECK(st.invitations_received == 1);
  CHECK(st.accepted == 1);
  CHECK(st.accepted_and_dark == (evals[s.index.at(c)].accepted_and_dark ? 1u : 0u));
  CHECK(st.never_messaged == 2);  // Carl, Dora (spam does not count)
  int counted = 0;
  for (int v : st.status) counted += v;
  CHECK(counted == 3);  // archived excluded

  // Connections per month: Jan 2024 (2), Feb 2024 (0), Mar 2024 (1).
  CHECK(st.connections_per_month.first == 2024 * 12);
  REQUIRE(st.connections_per_month.a.size() >= 3);
  CHECK(st.connections_per_month.a[0] == 2);
  CHECK(st.connections_per_month.a[1] == 0);
  CHECK(st.connections_per_month.a[2] == 1);

  // Messages: Dec 2024 .. May 2025; sent in a, received in b.
  const MonthSeries& m = st.messages_per_month;
  CHECK(m.first == 2024 * 12 + 11);
  REQUIRE(m.a.size() == 6);
  CHECK(m.total_a() == 1);
  CHECK(m.total_b() == 3);
  CHECK(m.b[0] == 1);  // Dec 2024
  CHECK(m.b[3] == 1);  // Mar 2025
  CHECK(m.a[5] == 1);  // May 2025
  CHECK(m.b[5] == 1);

  // The series run to the data's end (5 May 2025: the spam message counts for freshness too).
  CHECK(st.as_of == civil(2025, 5, 5));
  CHECK(st.connections_per_month.a.size() == 17);  // Jan 2024 .. May 2025, the last 14 empty
  CHECK(st.connections_per_month.a.back() == 0);
  // Who the others are: Eve is known from a message.
  CHECK(st.others_messaged == 1);
  CHECK(st.others_invited + st.others_endorsed == 0);

  REQUIRE(!st.top_companies.empty());
  CHECK(st.top_companies[0].count == 2);  // Acme + ACME
  CHECK(st.top_positions[0].label == "Engineer");

  DashboardStats empty = compute_dashboard(Store{}, {}, today);
  CHECK(empty.contacts == 0);
  CHECK(empty.messages_per_month.empty());
}

TEST_CASE("fonts: which scripts the text needs, and only their glyphs", "[ui]") {
  CHECK(script_of(U'a') == kScriptNone);
  CHECK(script_of(U'Ж') == kScriptNone);
  CHECK(script_of(U'ש') == kScriptHebrew);
  CHECK(script_of(U'م') == kScriptArabic);
  CHECK(script_of(0xFEFB) == kScriptArabic);  // lam-alef ligature
  CHECK(script_of(U'न') == kScriptDevanagari);
  CHECK(script_of(U'ก') == kScriptThai);
  CHECK(script_of(U'王') == kScriptCJK);
  CHECK(script_of(U'さ') == kScriptCJK);
  CHECK(script_of(U'한') == kScriptCJK);
  CHECK(script_of(0x1F680) == kScriptNone);  // emoji: no font, a placeholder box

  std::vector<CodepointRange> latin = {{0x20, 0x24F}, {0x400, 0x4FF}};
  CHECK(scripts_needed(latin) == 0);
  std::vector<CodepointRange> mixed = {{0x20, 0x7E}, {U'ש', U'ש'}, {U'王', U'王'}, {U'ก', U'ก'}};
  CHECK(scripts_needed(mixed) == (kScriptHebrew | kScriptCJK | kScriptThai));
  auto cjk = ranges_for_script(mixed, kScriptCJK);
  REQUIRE(cjk.size() == 1);
  CHECK(cjk[0].first == U'王');
  CHECK(cjk[0].last == U'王');
  // Adjacent code points merge into one range.
  auto heb = ranges_for_script({{0x5D0, 0x5D3}, {0x5D4, 0x5D4}, {'a', 'z'}}, kScriptHebrew);
  REQUIRE(heb.size() == 1);
  CHECK(heb[0].first == 0x5D0);
  CHECK(heb[0].last == 0x5D4);

  CHECK(cjk_face({{U'王', U'王'}, {U'さ', U'さ'}}) == 0);  // kana: Japanese
  CHECK(cjk_face({{U'한', U'한'}}) == 1);                  // Hangul only: Korean
  CHECK(cjk_face({{U'王', U'王'}}) == 2);                  // Han: Simplified Chinese
  for (const ScriptFont& f : script_fonts()) CHECK(f.regular != nullptr);
}

TEST_CASE("visual_order: right-to-left runs reversed, Arabic letters joined", "[ui]") {
  CHECK(visual_order("Anna Smith") == "Anna Smith");
  CHECK(visual_order("Jürgen 王") == "Jürgen 王");
  CHECK(!has_rtl("Ωμέγα Кирилл 王"));
  CHECK(has_rtl(u8(U"דוד")));
  CHECK(has_rtl(u8(U"محمد")));

  // Hebrew: letters in reverse order (no joining).
  CHECK(visual_order(u8(U"דוד כהן")) == u8(U"ןהכ דוד"));

  // Arabic "محمد": meem initial, hah medial, meem medial, dal final; shown right to left.
  CHECK(visual_order(u8(U"محمد")) == u8(U"\uFEAA\uFEE4\uFEA4\uFEE3"));
  // Right-joining letters (dal, alef, reh) never join the next letter: all three stay isolated.
  CHECK(visual_order(u8(U"دار")) == u8(U"\uFEAD\uFE8D\uFEA9"));
  // Lam-alef ligature: "لا" -> one glyph.
  CHECK(visual_order(u8(U"لا")) == u8(U"\uFEFB"));

  // A Latin word inside right-to-left text keeps its own order; the whole line reads right to left.
  CHECK(visual_order(u8(U"שלום Bob")) == u8(U"Bob םולש"));
  // Left-to-right line with a Hebrew word: only the word is reversed.
  CHECK(visual_order(u8(U"Hi שלום!")) == u8(U"Hi םולש!"));
  // Digits stay left to right.
  CHECK(visual_order(u8(U"דירה 12")) == u8(U"12 הריד"));
  // Brackets are mirrored inside right-to-left runs.
  CHECK(visual_order(u8(U"(דוד)")) == u8(U"(דוד)"));
}
