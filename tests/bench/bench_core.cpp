// Scoring and serialisation on an imported store.
#include <benchmark/benchmark.h>

#include <algorithm>

#include "bench_alloc.hpp"
#include "bench_data.hpp"
#include "core/scoring.hpp"
#include "core/last_message.hpp"
#include "core/serialize.hpp"

namespace {

const char* size_of(const benchmark::State& st) {
  static const char* const kSizes[] = {"tiny", "S", "M", "L", "XL"};
  return kSizes[st.range(0)];
}
enum { kS = 1, kM = 2, kL = 3, kXL = 4 };

// evaluate_all over every contact (contacts/s).
void BM_EvaluateAll(benchmark::State& st) {
  const rk::Store& s = rkbench::imported(size_of(st));
  const rk::Day today = rkbench::dataset(size_of(st)).manifest.today;
  for (auto _ : st) {
    std::vector<rk::Evaluation> ev = rk::evaluate_all(s, today);
    benchmark::DoNotOptimize(ev.data());
  }
  st.SetItemsProcessed(int64_t(st.iterations()) * int64_t(s.contacts.size()));
}
BENCHMARK(BM_EvaluateAll)->Arg(kM)->Arg(kL)->Arg(kXL)->Unit(benchmark::kMillisecond);

// The same without the sentences, as the app scores (reasons are made for what is on screen).
void BM_EvaluateAllNoReasons(benchmark::State& st) {
  const rk::Store& s = rkbench::imported(size_of(st));
  const rk::Day today = rkbench::dataset(size_of(st)).manifest.today;
  for (auto _ : st) {
    std::vector<rk::Evaluation> ev = rk::evaluate_all(s, today, false);
    benchmark::DoNotOptimize(ev.data());
  }
  st.SetItemsProcessed(int64_t(st.iterations()) * int64_t(s.contacts.size()));
}
BENCHMARK(BM_EvaluateAllNoReasons)->Arg(kL)->Unit(benchmark::kMillisecond);

// Judging the last messages of every one-to-one thread (closing notes, LinkedIn's rows), as an
// import does once at its end (last_message.hpp): conversations/s.
void BM_JudgeLastMessages(benchmark::State& st) {
  rk::Store s = rkbench::imported(size_of(st));
  for (auto _ : st) {
    st.PauseTiming();
    for (rk::Message& m : s.messages) m.note = rk::kNoteUnjudged;
    st.ResumeTiming();
    benchmark::DoNotOptimize(rk::judge_last_messages(s));
  }
  st.SetItemsProcessed(int64_t(st.iterations()) * int64_t(s.conversations.size()));
}
BENCHMARK(BM_JudgeLastMessages)->Arg(kL)->Unit(benchmark::kMillisecond);

void BM_SaveBulk(benchmark::State& st) {
  const rk::Store& s = rkbench::imported(size_of(st));
  size_t bytes = 0;
  for (auto _ : st) {
    std::string b = rk::save_bulk(s);
    bytes = b.size();
    benchmark::DoNotOptimize(b.data());
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * int64_t(bytes));
  st.counters["file_MB"] = double(bytes) / 1e6;
}
BENCHMARK(BM_SaveBulk)->Arg(kL)->Arg(kXL)->Unit(benchmark::kMillisecond);

void BM_LoadBulk(benchmark::State& st) {
  const rk::Store& s = rkbench::imported(size_of(st));
  const std::string b = rk::save_bulk(s);
  for (auto _ : st) {
    rk::Store t;
    std::string error;
    if (!rk::load_bulk(b, t, error)) {
      st.SkipWithError(error.c_str());
      return;
    }
    benchmark::DoNotOptimize(t.messages.data());
    st.PauseTiming();
    { rk::Store gone = std::move(t); }
    st.ResumeTiming();
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * int64_t(b.size()));
}
BENCHMARK(BM_LoadBulk)->Arg(kL)->Arg(kXL)->Unit(benchmark::kMillisecond);

void BM_SaveUser(benchmark::State& st) {
  rk::Store s = rkbench::imported(size_of(st));
  // A heavy user: notes and tags on one contact in ten.
  for (size_t i = 0; i < s.contacts.size(); i += 10) {
    rk::UserData& u = s.user[s.contacts[i].id];
    u.note = "Met at the conference; follow up about the partnership.";
    u.tags = {"conference", "partner"};
    u.interactions.push_back({rk::Day(20000), "met", "coffee"});
  }
  size_t bytes = 0;
  for (auto _ : st) {
    std::string j = rk::save_user(s);
    bytes = j.size();
    benchmark::DoNotOptimize(j.data());
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * int64_t(bytes));
}
BENCHMARK(BM_SaveUser)->Arg(kL)->Unit(benchmark::kMillisecond);

void BM_ExportBackup(benchmark::State& st) {
  const rk::Store& s = rkbench::imported(size_of(st));
  size_t bytes = 0, peak = 0;
  for (auto _ : st) {
    const size_t before = rkbench::heap_in_use();
    rkbench::heap_reset_peak();
    std::string j = rk::export_backup(s);
    peak = std::max(peak, rkbench::heap_peak() - before);
    bytes = j.size();
    benchmark::DoNotOptimize(j.data());
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * int64_t(bytes));
  st.counters["file_MB"] = double(bytes) / 1e6;
  st.counters["peak_MB"] = double(peak) / 1e6;  // the file itself included
}
BENCHMARK(BM_ExportBackup)->Arg(kL)->Arg(kXL)->Unit(benchmark::kMillisecond);

// peak_MB: the most heap in use during one import beyond what was in use before it (the
// JSON text itself is not counted; the Store built is).
void BM_ImportBackup(benchmark::State& st) {
  const rk::Store& s = rkbench::imported(size_of(st));
  const std::string j = rk::export_backup(s);
  size_t peak = 0;
  for (auto _ : st) {
    rk::Store t;
    std::string error;
    const size_t before = rkbench::heap_in_use();
    rkbench::heap_reset_peak();
    if (!rk::import_backup(j, t, error)) {
      st.SkipWithError(error.c_str());
      return;
    }
    st.PauseTiming();
    peak = std::max(peak, rkbench::heap_peak() - before);
    { rk::Store gone = std::move(t); }
    st.ResumeTiming();
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * int64_t(j.size()));
  st.counters["file_MB"] = double(j.size()) / 1e6;
  st.counters["peak_MB"] = double(peak) / 1e6;
}
BENCHMARK(BM_ImportBackup)->Arg(kL)->Arg(kXL)->Unit(benchmark::kMillisecond);

}  // namespace

namespace {

// The generator itself (MB/s of CSV written to memory).
void BM_GenerateExport(benchmark::State& st) {
  const rkgen::Options o = rkbench::options_for(size_of(st));
  size_t bytes = 0;
  for (auto _ : st) {
    rkgen::MemorySink sink;
    rkgen::Manifest m;
    rkgen::generate(o, sink, m);
    bytes = 0;
    for (const auto& f : sink.files) bytes += f.second.size();
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * int64_t(bytes));
}
BENCHMARK(BM_GenerateExport)->Arg(kM)->Unit(benchmark::kMillisecond);

}  // namespace
