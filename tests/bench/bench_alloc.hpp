// Peak heap use of a piece of code, for the benchmarks' peak_MB counters: bench_alloc.cpp replaces
// the global operator new/delete with versions that count the bytes in use (malloc_usable_size).
// Only C++ allocations are counted (zlib's malloc calls are not); that is where the JSON and
// Store memory goes.
#pragma once

#include <cstddef>

namespace rkbench {
size_t heap_in_use();
// Starts a new peak at what is in use now; heap_peak() is the most in use since then.
void heap_reset_peak();
size_t heap_peak();
}  // namespace rkbench
