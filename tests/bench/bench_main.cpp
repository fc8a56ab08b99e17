// Native benchmarks (Google Benchmark) of each stage, on generated exports. See BENCHMARKS.md.
//
// main() is BENCHMARK_MAIN() plus one tweak: glibc is told to keep freed memory instead of
// returning it to the kernel. In the VM these numbers come from, first-touching fresh pages costs
// ~25 us per page, which would otherwise dominate every benchmark that allocates tens of MB; the
// browser's wasm heap does not give memory back either.
#include <benchmark/benchmark.h>
#include <malloc.h>

int main(int argc, char** argv) {
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
