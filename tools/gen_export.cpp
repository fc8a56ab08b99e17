// gen_export: writes a deterministic synthetic LinkedIn data export (see gen_export_lib.hpp).
//
//   gen_export --size S|M|L|XL|tiny --seed N --out DIR [--zip] [--zip-subdir] [--level 0-9]
//              [--format 2024|2022|2018] [--today YYYY-MM-DD] [--connections N --messages N]
//              [--profile classic|realistic]
//
// --profile realistic shapes the network like real exports (most threads years old, closing
// notes and LinkedIn's system rows as the other person's last message, a few new silent
// connections, strong ties fading; see gen_realistic.hpp) and adds its counts to the manifest.
// The default, classic, keeps the distributions the benchmarks and tests were written for.
//
// Without --zip the CSV files go into DIR; with --zip DIR gets one
// Basic_LinkedInDataExport_MM-DD-YYYY.zip instead. DIR always gets manifest.json with the counts
// an import should find.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "gen_export_lib.hpp"

namespace {

int usage(const char* msg) {
  if (msg) std::fprintf(stderr, "gen_export: %s\n", msg);
  std::fprintf(stderr,
               "usage: gen_export --size tiny|S|M|L|XL --seed N --out DIR [--zip] [--zip-subdir] [--level 0-9]\n"
               "                  [--format 2024|2022|2018] [--today YYYY-MM-DD] [--connections N] [--messages N]\n"
               "                  [--profile classic|realistic]\n"
               "  --profile realistic: threads, last messages and new connections shaped like real exports\n"
               "                       (counts in manifest.json under \"realistic\"); classic is the default\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  rkgen::Options o;
  rkgen::SizeSpec spec{};
  rkgen::size_spec("S", spec);
  std::string out;
  bool zip = false;
  int level = -1;
  long connections = -1, messages = -1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (a == "--size") {
      const char* v = value();
      if (!v || !rkgen::size_spec(v, spec)) return usage("--size must be tiny, S, M, L or XL");
      o.size = v;
    } else if (a == "--seed") {
      const char* v = value();
      if (!v) return usage("--seed needs a number");
      o.seed = std::strtoull(v, nullptr, 10);
    } else if (a == "--out") {
      const char* v = value();
      if (!v) return usage("--out needs a folder");
      out = v;
    } else if (a == "--zip") {
      zip = true;
    } else if (a == "--zip-subdir") {
      o.zip_subdir = true;
    } else if (a == "--level") {
      const char* v = value();
      if (!v) return usage("--level needs 0-9");
      level = std::atoi(v);
    } else if (a == "--format") {
      const char* v = value();
      if (!v) return usage("--format needs 2024, 2022 or 2018");
      o.format = std::atoi(v);
      if (o.format != 2024 && o.format != 2022 && o.format != 2018) return usage("--format must be 2024, 2022 or 2018");
    } else if (a == "--today") {
      const char* v = value();
      if (!v || !rkgen::parse_ymd(v, o.today)) return usage("--today must be YYYY-MM-DD");
    } else if (a == "--connections") {
      const char* v = value();
      if (!v) return usage("--connections needs a number");
      connections = std::atol(v);
    } else if (a == "--messages") {
      const char* v = value();
      if (!v) return usage("--messages needs a number");
      messages = std::atol(v);
    } else if (a == "--profile") {
      const char* v = value();
      if (!v || !rkgen::valid_profile(v)) return usage("--profile must be classic or realistic");
      o.profile = v;
    } else if (a == "-h" || a == "--help") {
      return usage(nullptr);
    } else {
      return usage(("unknown argument " + a).c_str());
    }
  }
  if (out.empty()) return usage("--out is required");
  o.connections = connections >= 0 ? int(connections) : spec.connections;
  o.messages = messages >= 0 ? int(messages) : spec.messages;
  if (o.connections < 3) return usage("at least 3 connections");

  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec) {
    std::fprintf(stderr, "gen_export: cannot create %s: %s\n", out.c_str(), ec.message().c_str());
    return 1;
  }
  const auto t0 = std::chrono::steady_clock::now();
  rkgen::Manifest manifest;
  bool ok;
  std::string written;
  if (zip) {
    written = out + "/" + rkgen::zip_name(o.today);
    // Big sizes use a faster deflate level unless told otherwise.
    if (level < 0) level = o.connections * 10 >= 300000 || o.messages >= 300000 ? 1 : 6;
    rkgen::ZipSink sink(written, o.today, level);
    if (!sink.ok()) {
      std::fprintf(stderr, "gen_export: cannot create %s\n", written.c_str());
      return 1;
    }
    ok = rkgen::generate(o, sink, manifest) && sink.close();
  } else {
    written = out;
    rkgen::DirSink sink(out);
    ok = rkgen::generate(o, sink, manifest);
  }
  if (!ok) {
    std::fprintf(stderr, "gen_export: write error in %s\n", written.c_str());
    return 1;
  }
  const std::string mpath = out + "/manifest.json";
  std::FILE* f = std::fopen(mpath.c_str(), "wb");
  const std::string mj = manifest.to_json();
  if (!f || std::fwrite(mj.data(), 1, mj.size(), f) != mj.size() || std::fclose(f) != 0) {
    std::fprintf(stderr, "gen_export: cannot write %s\n", mpath.c_str());
    return 1;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "gen_export: %zu connections, %zu messages (+%zu spam), %zu conversations -> %s (%.2f s)\n",
               manifest.connections, manifest.messages, manifest.spam_messages, manifest.conversations,
               written.c_str(), secs);
  return 0;
}
