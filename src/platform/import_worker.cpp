// The import worker's engine: a second, small wasm module (the core, no UI) that runs in a Web
// Worker, so a big import never holds up the page. web/import_worker.pre.js drives it: it copies
// the page's data and the dropped files in, steps the import (posting progress), and hands the
// result (bulk parts + report) back to the page, which only loads it (see web.cpp). A restore of a
// backup runs here the same way: the backup is read into a Store, which goes back as bulk parts
// plus its user data and settings.
//
// One import per worker instance: the page terminates the worker afterwards, which gives all of
// its memory back at once.
#include <emscripten.h>

#include <memory>
#include <string>

#include "core/api.hpp"
#include "core/detached_import.hpp"
#include "platform/buffers.hpp"

namespace {
std::unique_ptr<rk::DetachedImport> g_job;
std::string g_in[2];    // buffers JS fills: [0] a file or the base's bulk part, [1] the base's texts
rk::BulkParts g_result;
std::string g_user;     // a restore's user data and settings
std::string g_out;      // the last string handed to JS
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void rkw_begin(int today) { g_job = std::make_unique<rk::DetachedImport>(rk::Day(today)); }

// A buffer of len bytes for JS to fill (which: 0 or 1); null if the heap cannot hold it.
EMSCRIPTEN_KEEPALIVE char* rkw_alloc(int which, double len) {
  if (which < 0 || which > 1 || len < 0 || len > 2147483647.0) return nullptr;
  std::string& b = g_in[which];
  b = std::string();
  rk::platform::resize_for_overwrite(b, size_t(len));
  return b.data();
}

// The page's data to import on top of (buffers 0 and 1): "" or why it cannot be read.
EMSCRIPTEN_KEEPALIVE const char* rkw_set_base() {
  std::string err;
  if (!g_job) err = "no import";
  else g_job->set_base(std::move(g_in[0]), std::move(g_in[1]), err);
  g_in[0] = std::string();
  g_in[1] = std::string();
  g_out = err;
  return g_out.c_str();
}

// Buffer 0 is the file `name`.
EMSCRIPTEN_KEEPALIVE void rkw_add_file(const char* name) {
  if (g_job) g_job->add_file(name ? name : "file", std::move(g_in[0]));
  g_in[0] = std::string();
}

EMSCRIPTEN_KEEPALIVE int rkw_step(double budget_ms) { return !g_job || g_job->step(budget_ms) ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE double rkw_progress() { return g_job ? g_job->progress() : 0.0; }

EMSCRIPTEN_KEEPALIVE const char* rkw_phase() {
  g_out = g_job ? g_job->phase() : std::string();
  return g_out.c_str();
}

// The report (rekindle.importFiles' JSON shape); once it says committed, rkw_take_result().
EMSCRIPTEN_KEEPALIVE const char* rkw_report() {
  g_out = g_job ? rk::report_json(g_job->report()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                : std::string("{}");
  return g_out.c_str();
}

// A restore: buffer 0 is a backup. "" once it is read (the Store is then in the result, as an
// import's: rkw_result_*, plus rkw_restored_user), or why it cannot be restored. Reading posts
// progress messages to the page every MB or so.
EMSCRIPTEN_KEEPALIVE const char* rkw_restore() {
  std::string text = std::move(g_in[0]);
  g_in[0] = std::string();
  rk::Store s;
  std::string err;
  const bool ok = rk::import_backup(text, s, err, [](float f) {
    EM_ASM({ postMessage({type : 'progress', progress : $0, phase : 'Reading the backup'}); }, double(f));
  });
  std::string().swap(text);  // (before the result is made: the heap holds one of them at a time)
  if (ok) {
    g_result = rk::save_bulk_parts(s);
    g_user = rk::save_user(s);
  }
  g_out = err;
  return g_out.c_str();
}
// The restored user data and settings (rk::save_user's JSON), once rkw_restore() succeeded.
EMSCRIPTEN_KEEPALIVE const char* rkw_restored_user() { return g_user.c_str(); }

EMSCRIPTEN_KEEPALIVE void rkw_take_result() {
  if (g_job) g_result = g_job->take_result();
  g_job.reset();
}
EMSCRIPTEN_KEEPALIVE const char* rkw_result_ptr(int which) { return which ? g_result.texts.data() : g_result.bulk.data(); }
EMSCRIPTEN_KEEPALIVE double rkw_result_len(int which) { return double(which ? g_result.texts.size() : g_result.bulk.size()); }

}  // extern "C"
