// Shared data for the native benchmarks: synthetic exports made at startup with the generator
// (tools/gen_export_lib.hpp), cached per size, plus the stores they import into.
#pragma once

#include <cstdio>
#include <map>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include "../../tools/gen_export_lib.hpp"
#include "core/import.hpp"

namespace rkbench {

using Files = std::vector<std::pair<std::string, std::string>>;

constexpr uint64_t kSeed = 42;

struct Dataset {
  rkgen::Options options;
  rkgen::Manifest manifest;
  Files files;         // the CSV files, as dropped
  size_t bytes = 0;    // all CSV bytes
  size_t rows = 0;     // data rows across the files the importer reads
  std::string zip;     // the same files as one deflate zip
  const std::string& file(const std::string& name) const {
    for (const auto& f : files)
      if (f.first == name) return f.second;
    static const std::string none;
    return none;
  }
};

inline rkgen::Options options_for(const std::string& size) {
  rkgen::Options o;
  rkgen::SizeSpec spec{};
  rkgen::size_spec(size, spec);
  o.size = size;
  o.connections = spec.connections;
  o.messages = spec.messages;
  o.seed = kSeed;
  return o;
}

inline const Dataset& dataset(const std::string& size) {
  static std::map<std::string, Dataset> cache;
  auto it = cache.find(size);
  if (it != cache.end()) return it->second;
  Dataset& d = cache[size];
  d.options = options_for(size);
  rkgen::MemorySink sink;
  rkgen::generate(d.options, sink, d.manifest);
  d.files = std::move(sink.files);
  for (const auto& f : d.files) d.bytes += f.second.size();
  const rkgen::Manifest& m = d.manifest;
  d.rows = m.connections + m.deleted_connections + m.messages + m.spam_messages + m.invitations +
           m.endorsements() + m.recommendations() + 1;
  // The zip goes through a temporary file (minizip writes files).
  const std::string path = "/tmp/rekindle_bench_" + size + "_" + std::to_string(::getpid()) + ".zip";
  {
    rkgen::ZipSink zs(path, d.options.today, 6);
    rkgen::Manifest ignored;
    rkgen::generate(d.options, zs, ignored);
    zs.close();
  }
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) d.zip.append(buf, n);
    std::fclose(f);
  }
  std::remove(path.c_str());
  return d;
}

// The store an import of `size` produces (imported once, then cached).
inline const rk::Store& imported(const std::string& size) {
  static std::map<std::string, rk::Store> cache;
  auto it = cache.find(size);
  if (it != cache.end()) return it->second;
  const Dataset& d = dataset(size);
  rk::Store& s = cache[size];
  rk::import_all(s, d.manifest.today, d.files);
  return s;
}

}  // namespace rkbench
