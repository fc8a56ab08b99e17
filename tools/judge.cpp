// judge: imports an export (files, or a generated one) natively, scores it as the app does and
// prints what the follow-up judgement shows: the figures issue #14 asks for and the first entries
// of the queue with their reasons, to be read as the person the export belongs to.
//
//   judge [--today YYYY-MM-DD] [--top N] FILE...        a LinkedIn zip or its CSV files
//   judge --gen S|M|L|XL [--seed N] [--profile realistic|classic] [--top N]
//   --check: exit 1 unless the judgement meets issue #14's requirements (rkjudge::failures)
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/dates.hpp"
#include "core/import.hpp"
#include "gen_export_lib.hpp"
#include "judge_metrics.hpp"

int main(int argc, char** argv) {
  rk::Day today = rk::kNoDay;
  size_t top = 20;
  bool check = false;
  std::string gen, profile = "realistic";
  uint64_t seed = 1;
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
    if (a == "--today" && v && rk::parse_iso(v, today)) ++i;
    else if (a == "--top" && v) top = size_t(std::atoi(argv[++i]));
    else if (a == "--gen" && v) gen = argv[++i];
    else if (a == "--check") check = true;
    else if (a == "--seed" && v) seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--profile" && v) profile = argv[++i];
    else if (a.rfind("--", 0) == 0) {
      std::fprintf(stderr, "usage: judge [--today YYYY-MM-DD] [--top N] FILE... | judge --gen S|M|L|XL [--seed N] [--profile P]\n");
      return 2;
    } else {
      std::ifstream in(a, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      if (!in) return std::fprintf(stderr, "cannot read %s\n", a.c_str()), 2;
      files.push_back({a.substr(a.find_last_of('/') + 1), ss.str()});
    }
  }
  if (!gen.empty()) {
    rkgen::Options o;
    rkgen::SizeSpec spec{};
    if (!rkgen::size_spec(gen, spec) || !rkgen::valid_profile(profile)) return std::fprintf(stderr, "bad --gen or --profile\n"), 2;
    o.size = gen, o.connections = spec.connections, o.messages = spec.messages, o.seed = seed, o.profile = profile;
    rkgen::MemorySink sink;
    rkgen::Manifest m;
    if (!rkgen::generate(o, sink, m)) return 1;
    files = std::move(sink.files);
    if (today == rk::kNoDay) today = m.today;
  }
  if (files.empty()) return std::fprintf(stderr, "nothing to import\n"), 2;
  rk::Session s;
  const rk::ImportReport report = rk::import_all(s.store, today == rk::kNoDay ? rk::days_from_civil(2026, 12, 3) : today, files);
  if (!report.committed) return std::fprintf(stderr, "import failed: %s\n", report.error.c_str()), 1;
  if (today == rk::kNoDay) {  // the day after the export's last message, as the issue measured
    rk::Time last = 0;
    for (const rk::Message& msg : s.store.messages) last = std::max(last, msg.time);
    today = rk::day_of(last) + 1;
  }
  s.set_today(today);
  const rkjudge::Metrics m = rkjudge::measure(s);
  std::printf("today %s: %zu contacts, %zu with messages\n", rk::format_iso(today).c_str(), m.contacts, m.with_messages);
  std::printf("awaiting your reply: %zu (%.1f %% of contacts with messages), oldest %d days, ending with a closing note %zu\n",
              m.awaiting, 100 * m.awaiting_share(), m.oldest_awaiting_days, m.awaiting_closing);
  std::printf("queue %zu, Today %zu; top %zu: %zu in touch or connected within a year\n", m.queue, m.today, m.top, m.top_recent);
  std::printf("new connections without a message (30 days): %zu, queued %zu, in Today %zu\n", m.new_silent,
              m.new_silent_queued, m.new_silent_today);
  std::printf("per kind (queue / Today):");
  for (int k = 1; k < rk::kActionCount; ++k)
    std::printf(" %s %zu/%zu", rk::action_name(rk::Action(k)), m.per_kind[k], m.per_kind_today[k]);
  std::printf("\n\n");
  const auto& q = s.queue();
  for (size_t k = 0; k < q.size() && k < top; ++k) {
    const rk::Contact& c = s.store.contacts[q[k]];
    const rk::Evaluation e = s.eval_with_reasons(q[k]);
    std::printf("%2zu%s %-9s %-14s %s\n", k + 1, k < m.today ? "*" : " ", rk::action_name(e.action),
                rk::status_name(e.status), c.name().c_str());
    for (size_t r = 0; r < e.reasons.size() && r < 2; ++r) std::printf("      - %s\n", e.reasons[r == 0 ? 1 : 0].c_str());
  }
  if (check) {
    const auto bad = rkjudge::failures(m, s.store.settings.reply_window_days);
    for (const std::string& b : bad) std::printf("FAILED: %s\n", b.c_str());
    if (!bad.empty()) return 1;
    std::printf("judgement checks passed\n");
  }
  return 0;
}
