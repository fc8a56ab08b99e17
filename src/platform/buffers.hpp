// Buffers that JavaScript fills right after allocating them (dropped files, stored data, the
// import worker's result): their bytes are not zero-filled first. Zero-filling tens of MB of a
// freshly grown wasm heap touches every page one extra time, and a first touch is the expensive
// part (on some machines ~25 µs per 4 KB page: ~300 ms for 50 MB in one task).
#pragma once

#include <cstddef>
#include <string>

namespace rk::platform {

inline void resize_for_overwrite(std::string& s, size_t n) {
#if defined(_LIBCPP_VERSION)
  s.__resize_default_init(n);  // libc++'s (public) resize without value-initialisation
#else
  s.resize(n);
#endif
}

}  // namespace rk::platform
