// Import stages: zip inflate, text decoding, CSV parsing, recognition, identity keys, and the
// whole import.
#include <benchmark/benchmark.h>

#include "bench_data.hpp"
#include "core/csv.hpp"
#include "core/identity.hpp"
#include "core/recognize.hpp"
#include "core/text.hpp"
#include "core/zip.hpp"

namespace {

const char* size_of(const benchmark::State& st) {
  static const char* const kSizes[] = {"tiny", "S", "M", "L", "XL"};
  return kSizes[st.range(0)];
}
enum { kTiny = 0, kS = 1, kM = 2, kL = 3, kXL = 4 };

// Opening the archive and inflating every entry (MB/s of uncompressed output).
void BM_ZipInflate(benchmark::State& st) {
  const rkbench::Dataset& d = rkbench::dataset(size_of(st));
  size_t out_bytes = 0;
  for (auto _ : st) {
    rk::zip::Archive a;
    std::string error;
    if (!a.open(d.zip, error)) {
      st.SkipWithError(error.c_str());
      return;
    }
    out_bytes = 0;
    for (size_t i = 0; i < a.entries().size(); ++i) {
      std::string out;
      if (!a.extract(i, {}, out, error)) {
        st.SkipWithError(error.c_str());
        return;
      }
      out_bytes += out.size();
      benchmark::DoNotOptimize(out.data());
    }
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * int64_t(out_bytes));
  st.counters["zip_MB"] = double(d.zip.size()) / 1e6;
}
BENCHMARK(BM_ZipInflate)->Arg(kM)->Unit(benchmark::kMillisecond);

// Validating / converting messages.csv to UTF-8.
void BM_ToUtf8Messages(benchmark::State& st) {
  const std::string& text = rkbench::dataset(size_of(st)).file("messages.csv");
  std::string out;
  for (auto _ : st) {
    out.clear();
    benchmark::DoNotOptimize(rk::to_utf8(text, out));
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_ToUtf8Messages)->Arg(kM)->Unit(benchmark::kMillisecond);

// The CSV reader over messages.csv (MB/s and rows/s). Target: >= 300 MB/s natively.
void BM_CsvParseMessages(benchmark::State& st) {
  const std::string& text = rkbench::dataset(size_of(st)).file("messages.csv");
  std::vector<std::string_view> fields;
  size_t rows = 0;
  for (auto _ : st) {
    rk::csv::Reader r(text, ',');
    rows = 0;
    size_t chars = 0;
    for (;;) {
      rk::csv::Status s = r.next(fields);
      if (s == rk::csv::Status::End) break;
      if (s == rk::csv::Status::Ok) {
        ++rows;
        chars += fields.size();
      }
    }
    benchmark::DoNotOptimize(chars);
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * int64_t(text.size()));
  st.SetItemsProcessed(int64_t(st.iterations()) * int64_t(rows));
}
BENCHMARK(BM_CsvParseMessages)->Arg(kM)->Arg(kXL)->Unit(benchmark::kMillisecond);

// Recognising every file of the export from its header.
void BM_Recognize(benchmark::State& st) {
  const rkbench::Dataset& d = rkbench::dataset(size_of(st));
  for (auto _ : st)
    for (const auto& f : d.files) benchmark::DoNotOptimize(rk::recognize(f.first, f.second).kind);
  st.SetItemsProcessed(int64_t(st.iterations()) * int64_t(d.files.size()));
}
BENCHMARK(BM_Recognize)->Arg(kM);

// Identity keys: url_key + name_key for every connection (contacts/s).
void BM_IdentityKeys(benchmark::State& st) {
  const rk::Store& s = rkbench::imported(size_of(st));
  for (auto _ : st)
    for (const rk::Contact& c : s.contacts) {
      benchmark::DoNotOptimize(rk::url_key(c.url));
      benchmark::DoNotOptimize(rk::name_key(c.first_name, c.last_name));
    }
  st.SetItemsProcessed(int64_t(st.iterations()) * int64_t(s.contacts.size()));
}
BENCHMARK(BM_IdentityKeys)->Arg(kL)->Unit(benchmark::kMillisecond);

// The whole import of the CSV files into an empty store (rows/s, MB/s).
void BM_ImportAll(benchmark::State& st) {
  const rkbench::Dataset& d = rkbench::dataset(size_of(st));
  for (auto _ : st) {
    st.PauseTiming();
    rkbench::Files files = d.files;
    rk::Store store;
    st.ResumeTiming();
    rk::ImportReport r = rk::import_all(store, d.manifest.today, std::move(files));
    if (!r.committed) {
      st.SkipWithError("import failed");
      return;
    }
    benchmark::DoNotOptimize(store.contacts.data());
    st.PauseTiming();
    { rk::Store gone = std::move(store); }  // freeing is not part of the import
    st.ResumeTiming();
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * int64_t(d.bytes));
  st.SetItemsProcessed(int64_t(st.iterations()) * int64_t(d.rows));
}
BENCHMARK(BM_ImportAll)->Arg(kS)->Arg(kM)->Arg(kL)->Unit(benchmark::kMillisecond);

// The whole import from the zip, as a user drops it.
void BM_ImportZip(benchmark::State& st) {
  const rkbench::Dataset& d = rkbench::dataset(size_of(st));
  const std::string name = rkgen::zip_name(d.manifest.today);
  for (auto _ : st) {
    st.PauseTiming();
    rkbench::Files files = {{name, d.zip}};
    rk::Store store;
    st.ResumeTiming();
    rk::ImportReport r = rk::import_all(store, d.manifest.today, std::move(files));
    if (!r.committed) {
      st.SkipWithError("import failed");
      return;
    }
    st.PauseTiming();
    { rk::Store gone = std::move(store); }
    st.ResumeTiming();
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * int64_t(d.bytes));
  st.SetItemsProcessed(int64_t(st.iterations()) * int64_t(d.rows));
}
BENCHMARK(BM_ImportZip)->Arg(kM)->Unit(benchmark::kMillisecond);

// Re-importing the same export over the store it produced (dedup path).
void BM_Reimport(benchmark::State& st) {
  const rkbench::Dataset& d = rkbench::dataset(size_of(st));
  const rk::Store& base = rkbench::imported(size_of(st));
  for (auto _ : st) {
    st.PauseTiming();
    rkbench::Files files = d.files;
    rk::Store store = base;
    st.ResumeTiming();
    rk::import_all(store, d.manifest.today + 30, std::move(files));
    st.PauseTiming();
    { rk::Store gone = std::move(store); }
    st.ResumeTiming();
  }
  st.SetItemsProcessed(int64_t(st.iterations()) * int64_t(d.rows));
}
BENCHMARK(BM_Reimport)->Arg(kM)->Unit(benchmark::kMillisecond);

}  // namespace
