// pipeline: runs the browser's import-to-reload path natively on real files and prints how long
// each stage takes, so a profiler (perf, callgrind) can be pointed at exactly that work.
//
//   pipeline [--today YYYY-MM-DD] [--repeat N] [--stream-min BYTES] [--stream-chunk BYTES] FILE...
//   (a LinkedIn zip, or its CSV files; --stream-*: ImportLimits::stream_min_bytes and
//   stream_chunk_bytes, e.g. --stream-min 1e18 to read every zip entry whole)
//
// Stages: import (expand, parse, merge, as Importer::step reports them), scoring + search index
// (Session::recompute), bulk save, bulk load into a fresh store, and the reload's recompute.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "core/dates.hpp"
#include "core/import.hpp"
#include "core/serialize.hpp"
#include "core/session.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

double peak_rss_mb() {  // the most this process has held in RAM so far
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_maxrss) / 1024.0;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  rk::Day today = rk::days_from_civil(2026, 11, 1);
  int repeat = 1;
  rk::ImportLimits limits;
  bool custom_limits = false;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--today" && i + 1 < argc) {
      if (!rk::parse_day(argv[++i], today)) {
        std::fprintf(stderr, "pipeline: --today must be YYYY-MM-DD\n");
        return 2;
      }
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if ((a == "--stream-min" || a == "--stream-chunk") && i + 1 < argc) {
      const double v = std::strtod(argv[++i], nullptr);
      const size_t n = v >= 1.8e19 ? SIZE_MAX : size_t(std::max(0.0, v));
      (a == "--stream-min" ? limits.stream_min_bytes : limits.stream_chunk_bytes) = n;
      custom_limits = true;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: pipeline [--today YYYY-MM-DD] [--repeat N] FILE...\n");
    return 2;
  }
  std::vector<std::pair<std::string, std::string>> inputs;
  size_t input_bytes = 0;
  for (const auto& p : paths) {
    std::string bytes;
    if (!read_file(p, bytes)) {
      std::fprintf(stderr, "pipeline: cannot read %s\n", p.c_str());
      return 1;
    }
    input_bytes += bytes.size();
    inputs.emplace_back(p, std::move(bytes));
  }
  for (int r = 0; r < repeat; ++r) {
    rk::Session s;
    s.today = today;
    auto files = inputs;
    auto t0 = Clock::now();
    if (custom_limits) {  // the Session's importer, with other limits
      s.start_import({});
      s.importer = std::make_unique<rk::Importer>(s.store, today, limits);
      for (auto& f : files) s.importer->add_file(std::move(f.first), std::move(f.second));
    } else {
      s.start_import(std::move(files));
    }
    rk::ImportStats stats;
    double slices = 0, longest = 0;
    std::string longest_phase;
    std::string last_phase;
    auto phase_start = Clock::now();
    std::vector<std::pair<std::string, double>> phases;
    for (;;) {
      auto ts = Clock::now();
      std::string ph = s.importer ? s.importer->phase() : std::string("Done");
      std::string kind = ph.substr(0, ph.find(' '));
      if (kind != last_phase) {
        if (!last_phase.empty()) phases.emplace_back(last_phase, ms_since(phase_start));
        last_phase = kind;
        phase_start = Clock::now();
      }
      if (s.importer) stats = s.importer->stats();
      bool done = s.pump_import(40.0);
      double d = ms_since(ts);
      if (d > longest) longest_phase = ph;
      longest = std::max(longest, d);
      ++slices;
      if (done) break;
    }
    phases.emplace_back(last_phase + " (+ recompute)", ms_since(phase_start));
    double import_ms = ms_since(t0);
    const double import_peak = peak_rss_mb();
    auto t1 = Clock::now();
    s.recompute();
    double recompute_ms = ms_since(t1);
    auto t2 = Clock::now();
    std::string bulk = rk::save_bulk(s.store);
    double save_ms = ms_since(t2);
    auto t3 = Clock::now();
    rk::Session s2;
    s2.today = today;
    std::string err;
    std::string copy = bulk;
    t3 = Clock::now();
    bool ok = rk::load_bulk(std::move(copy), s2.store, err);
    double load_ms = ms_since(t3);
    auto t4 = Clock::now();
    s2.recompute();
    double re_ms = ms_since(t4);
    std::printf("run %d: %zu input bytes, %zu contacts, %zu messages; %zu zip entries streamed (buffer up to %zu bytes)\n",
                r + 1, input_bytes, s.store.contacts.size(), s.store.messages.size(), stats.streamed,
                stats.max_buffer);
    for (auto& p : phases) std::printf("  %-28s %9.1f ms\n", p.first.c_str(), p.second);
    std::printf("  %-28s %9.1f ms  (%.0f slices of 40 ms, longest %.1f ms in \"%s\")\n", "import total", import_ms,
                slices, longest, longest_phase.c_str());
    std::printf("  %-28s %9.1f MB  (the process so far)\n", "peak RSS after the import", import_peak);
    std::printf("  %-28s %9.1f ms\n", "recompute (again)", recompute_ms);
    std::printf("  %-28s %9.1f ms  (%zu bytes)\n", "save_bulk", save_ms, bulk.size());
    std::printf("  %-28s %9.1f ms  %s\n", "load_bulk", load_ms, ok ? "" : err.c_str());
    std::printf("  %-28s %9.1f ms\n", "recompute after load", re_ms);
  }
  return 0;
}
