// The browser implementation of platform.hpp, plus the exported rk_* functions web/pre.js calls
// (the window.rekindle API, dropped files, storage callbacks). All EM_JS glue lives here.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <imgui.h>

#include <emscripten/heap.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/api.hpp"
#include "core/dates.hpp"
#include "core/detached_import.hpp"
#include "core/export.hpp"
#include "core/serialize.hpp"
#include "core/session.hpp"
#include "platform/buffers.hpp"
#include "platform/platform.hpp"
#include "ui/ui.hpp"

using nlohmann::json;

namespace {

rk::Session* g_session = nullptr;
rk::platform::StorageStatus g_storage;
std::vector<std::pair<std::string, std::string>> g_pending_files;  // committed by JS, not yet imported
std::string g_alloc_file;      // buffer JS is filling (rk_file_alloc -> rk_file_commit)
bool g_import_requested = false;
std::string g_api_result;
std::string g_raw_bulk;        // unreadable stored state, kept for "download raw"
std::string g_raw_user;
std::string g_raw_texts;       // stored message texts that could not be attached, for "download raw"
std::string g_paste;
double g_last_change_ms = 0;
uint64_t g_seen_revision = 0;
bool g_write_in_flight = false;
bool g_bulk_in_flight = false;
// The serialised bulk data of the write in flight (the split format: the message texts apart in
// g_save_texts). JS (RK.write) copies them out of the heap one chunk at a time, between frames,
// so both must stay alive and unchanged until rk_storage_done.
std::string g_save_bulk;
std::string g_save_texts;
// An import's save is serialised a slice per frame (the Store does not change meanwhile:
// imports wait, restores and "delete all" cancel it), then handed to JS.
std::unique_ptr<rk::BulkSaver> g_saver;
double g_saver_work_ms = 0, g_saver_longest_ms = 0;
// The stored message texts, read after the first interactive frame (rk_texts_alloc ->
// rk_texts_commit / rk_texts_failed): JS copies the chunks straight into this buffer.
std::string g_load_texts;
bool g_texts_loading = false;
double g_texts_started_ms = 0;
bool g_first_frame_out = false;  // signal_ready() was called
int g_texts_start_frame = 0;      // the stored message texts are read from this frame on (0: not yet / done)
double g_import_ended_ms = -1e9;  // when the last import finished (its save waits a moment)
double g_retry_after_ms = 0;
// An import in the worker (RK.job in pre.js): JS asks for it (g_remote_requested); when nothing
// stands in the way the page's imported data is serialised for the worker a slice per frame
// (g_base_saver) and handed over with the files.
bool g_remote_requested = false;
std::unique_ptr<rk::BulkSaver> g_base_saver;
// A restore in the worker (RK.restore in pre.js): asked for (g_restore_requested), then under way
// (g_restoring) from the moment the Session's remote import is begun for it until the page has
// re-scored the restored data, or the restore failed; js_restore_finished tells JS either way.
bool g_restore_requested = false;
bool g_restoring = false;
// The worker's result is taken over in steps a frame apart, each well under 100 ms, because the
// first touch of fresh heap pages is what costs (~25 µs per 4 KB page on slow machines: ~300 ms
// for 50 MB): JS copies the bulk part in a few MB per frame (Copy), then the Store is read from it
// a slice at a time (Load, rk::BulkLoader) and adopted; the Session then re-scores in slices.
// rk_worker_done starts it.
struct Takeover {
  enum Stage { Copy, Load, Adopt } stage = Copy;
  rk::ImportReport report;
  bool restore = false;
  std::string user;  // a restore's user data and settings (rk::save_user's JSON)
  std::string bulk, texts;  // filled by JS (RK.workerCopy): the bulk part here, the texts after (TextsTail)
  size_t bulk_len = 0;
  std::unique_ptr<rk::BulkLoader> loader;
};
std::unique_ptr<Takeover> g_takeover;
// The takeover ends once the data is read (Takeover::Adopt): the message texts, most of the
// result's bytes, are copied in over the frames after that, as a reload reads its stored texts
// after the first frame. The import is done (data and statuses drawn) without waiting for them;
// until they are attached the Store has texts_pending (saves, imports and backups wait for them,
// and the scripting API completes the copy first: texts_tail_step).
struct TextsTail {
  std::string texts;
  size_t bulk_len = 0;  // RK.workerCopy counts the bulk part's bytes first
  // The texts' checksum, computed as their bytes arrive (their last 4 bytes are the stored one).
  uint32_t crc = 0;
  size_t crc_done = 0;
};
std::unique_ptr<TextsTail> g_texts_tail;
// RK.workerParts holds the current bulk data exactly as the worker serialised it: the next bulk
// save writes those bytes instead of serialising the Store again.
bool g_worker_parts = false;
bool g_parts_in_flight = false;

// Measurements for rekindle.stats(): the benchmark reads them instead of guessing from outside.
struct Stats {
  double frame_ms[240] = {};
  int frame_count = 0;
  int drawn_frames = 0;  // frames that drew the canvas (the others repeated the last picture)
  bool import_texts_after = false;  // the last worker import's message texts came after its data (TextsTail)
  double last_save_ms = 0;      // main-thread time to serialise and hand over the last save
  double last_save_serialise_ms = 0;  // of which rk::save_bulk (0 for a user-only save)
  double last_bulk_save_ms = 0, last_bulk_serialise_ms = 0;  // the same for the last save with bulk data
  bool last_save_bulk = false;
  double import_started_ms = 0, last_import_ms = 0;
  double init_ms = 0;           // deserialising the stored state at start-up
  double init_score_ms = 0;     // …of which scoring it (Session::recompute)
  double texts_load_ms = 0;     // reading and attaching the stored message texts after start-up
  // The last import: main-thread time in its slices, frames while it ran, and how many drawn.
  double import_work_ms = 0, import_longest_slice_ms = 0;
  int import_frames = 0, import_drawn_frames = 0;
  std::vector<std::string> long_slices;  // slices over their budget by > 10 ms: "phase: ms of budget"
  bool import_in_worker = false;
  double worker_result_ms = 0;  // loading the worker's result into the Session (one task)
} g_stats;

}  // namespace

// ---- EM_JS glue ------------------------------------------------------------------------------
EM_JS(void, js_install_listeners, (), { Module.RK.installListeners(); Module.RK.persist(); });
EM_JS(int, js_stored_loaded, (), { return Module.RK.storedLoaded ? 1 : 0; });
// The stored bulk data is a list of pieces (the chunks, or the one record of older versions).
EM_JS(int, js_stored_bulk_size, (), { return Module.RK.stored.bulk ? Module.RK.stored.bulkBytes : -1; });
// Copies the pieces one after the other into dst and drops each as soon as it is copied, so the
// browser can free them: there is never a second, concatenated copy on the JS side.
EM_JS(void, js_stored_bulk_copy, (char* dst), {
  var parts = Module.RK.stored.bulk || [];
  var at = dst >>> 0;
  for (var i = 0; i < parts.length; i++) {
    HEAPU8.set(parts[i], at);
    at += parts[i].length;
    parts[i] = null;
  }
  Module.RK.stored.bulk = null;
});
EM_JS(char*, js_stored_bulk_problem, (), {
  var e = Module.RK.stored.bulkProblem;
  return e ? Module.RK.heapString(e) : 0;
});
EM_JS(void, js_stored_bulk_drop, (), { Module.RK.stored.bulk = null; });
// The size of the stored message texts (read later: js_load_texts), or -1 when none are stored.
EM_JS(double, js_stored_texts_bytes, (), {
  var t = Module.RK.stored.texts;
  return t ? t.bytes : -1;
});
// Starts reading the stored message texts (RK.loadTexts): rk_texts_alloc, then rk_texts_commit
// or rk_texts_failed, from IndexedDB callbacks.
EM_JS(void, js_load_texts, (), { Module.RK.loadTexts(); });
EM_JS(char*, js_stored_user, (), {
  var u = Module.RK.stored.user;
  if (u === null || u === undefined) return 0;
  Module.RK.stored.user = null;
  return Module.RK.heapString(u);
});
EM_JS(char*, js_stored_error, (), {
  var e = Module.RK.stored.error;
  return e ? Module.RK.heapString(e) : 0;
});
// Hands a save to RK.write. No copy of the bulk data here: JS reads it from the heap chunk by
// chunk (bulk and texts stay valid until rk_storage_done). bulk_len < 0: save the user data only.
EM_JS(void, js_store_write, (const char* bulk, int bulk_len, const char* texts, int texts_len, const char* user), {
  Module.RK.write(bulk, bulk_len, texts, texts_len, UTF8ToString(user));
});
// The worker's result as it is (RK.workerParts): no serialisation on the page. 0 if JS has none.
EM_JS(int, js_store_write_worker_parts, (const char* user), {
  var p = Module.RK.workerParts;
  if (!p) return 0;
  Module.RK.write(0, p.bulk.length, 0, p.texts.length, UTF8ToString(user), p);
  return 1;
});
EM_JS(void, js_drop_worker_parts, (), { Module.RK.workerParts = null; });
EM_JS(int, js_have_worker_parts, (), { return Module.RK.workerParts ? 1 : 0; });
// Starts the worker of RK.job with the page's imported data (copied by JS before this returns).
EM_JS(void, js_worker_start, (int today, const char* bulk, double bulk_len, const char* texts, double texts_len), {
  Module.RK.workerStart(today, bulk, bulk_len, texts, texts_len);
});
EM_JS(void, js_worker_cancel, (), { Module.RK.workerCancel(); });
// Starts the worker of RK.job, a restore (its backup stays in JS).
EM_JS(void, js_worker_restore_start, (), { Module.RK.workerRestoreStart(); });
EM_JS(void, js_restore_finished, (const char* result), { Module.RK.restoreFinished(UTF8ToString(result)); });
// Copies the next few MB of RK.workerParts into the two buffers: how many bytes of the two
// (bulk first) are copied so far, or -1 when the parts are gone.
EM_JS(double, js_worker_copy, (char* bulk, char* texts, double budget_ms, double upto), {
  return Module.RK.workerCopy(bulk, texts, budget_ms, upto);
});
EM_JS(void, js_force_next_write, (), { Module.RK.forceNextWrite = true; });
EM_JS(void, js_clear_store, (), { Module.RK.clearStore().catch(function (e) { console.warn(e); }); });
EM_JS(void, js_import_finished, (const char* report), { Module.RK.importFinished(UTF8ToString(report)); });
EM_JS(void, js_pick_files, (int purpose), { Module.RK.pickFiles(purpose); });
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int len), {
  Module.RK.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + len));
});
EM_JS(void, js_copy, (const char* text), { Module.RK.copy(UTF8ToString(text)); });
EM_JS(char*, js_last_paste, (), { return Module.RK.heapString(Module.RK.lastPaste || ""); });
EM_JS(void, js_open_url, (const char* url), {
  var w = window.open(UTF8ToString(url), '_blank', 'noopener,noreferrer');
  if (w) w.opener = null;
});
// A mailto: link followed like a click on one: the mail app opens, the page stays.
EM_JS(void, js_open_mailto, (const char* url), {
  var a = document.createElement('a');
  a.href = UTF8ToString(url);
  a.rel = 'noopener noreferrer';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
});
EM_JS(int, js_inner_width, (), { return window.innerWidth | 0; });
EM_JS(int, js_inner_height, (), { return window.innerHeight | 0; });
EM_JS(int, js_prefers_dark, (), { return Module.RK.dark ? 1 : 0; });
EM_JS(int, js_coarse_pointer, (), { return Module.RK.coarse ? 1 : 0; });
EM_JS(int, js_dragging, (), { return Module.RK.dragging ? 1 : 0; });
EM_JS(int, js_today, (), {
  var d = new Date();
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
});
EM_JS(void, js_resolve_ready, (), {
  Module.RK.resolveReady();
  var l = document.getElementById('loading');
  if (l) l.remove();
  var c = document.getElementById('canvas');
  if (c && document.activeElement === document.body) c.focus();
});
EM_JS(void, js_estimate, (), { Module.RK.estimate(); });
EM_JS(void, js_persist, (), { Module.RK.persist(); });
EM_JS(void, js_reload, (), { location.reload(); });
// performance.mark() for the benchmark's breakdown of start-up and import.
EM_JS(void, js_mark, (const char* name), {
  if (typeof performance !== 'undefined' && performance.mark) performance.mark(UTF8ToString(name));
});

static void texts_unreadable(rk::Session& s, const std::string& why);  // (below, with the stored texts)

namespace rk::platform {

double now_ms() { return emscripten_get_now(); }
bool prefers_dark() { return js_prefers_dark() != 0; }
bool coarse_pointer() { return js_coarse_pointer() != 0; }
float device_pixel_ratio() { return float(emscripten_get_device_pixel_ratio()); }
void canvas_css_size(int& w, int& h) {
  // The canvas fills the window (shell.html); SDL pins its inline CSS size, so measure the window.
  w = js_inner_width();
  h = js_inner_height();
}
bool is_dragging_over() { return js_dragging() != 0; }
const StorageStatus& storage() { return g_storage; }
void request_persistent_storage() { js_persist(); }
void reload_page() { js_reload(); }

void open_file_picker(PickPurpose purpose) { js_pick_files(int(purpose)); }

void download(std::string_view filename, std::string_view mime, std::string_view data) {
  std::string n(filename), m(mime);
  js_download(n.c_str(), m.c_str(), data.data(), int(data.size()));
}

void copy_to_clipboard(std::string_view text) {
  std::string t(text);
  js_copy(t.c_str());
}

const char* clipboard_text() {
  char* p = js_last_paste();
  g_paste = p ? p : "";
  free(p);
  return g_paste.c_str();
}

bool open_mailto(std::string_view email) {
  const std::string url = rk::mailto_url(email);
  if (url.empty()) return false;
  js_open_mailto(url.c_str());
  return true;
}

bool open_profile(std::string_view url) {
  if (!rk::is_safe_profile_url(url)) return false;
  std::string u(url);
  js_open_url(u.c_str());
  return true;
}

// rekindle.setToday(): the day the app uses from then on instead of the clock's (tests, demos).
static Day g_today_override = rk::kNoDay;

static Day today_from_browser() {
  if (g_today_override != rk::kNoDay) return g_today_override;
  int v = js_today();
  return rk::days_from_civil(v / 10000, (v / 100) % 100, v % 100);
}

void record_frame_time(double ms) {
  g_stats.frame_ms[g_stats.frame_count % 240] = ms;
  ++g_stats.frame_count;
}
void count_drawn_frame() { ++g_stats.drawn_frames; }

bool stored_state_read() { return js_stored_loaded() != 0; }

void init(Session& s) {
  js_mark("rk:init-start");
  double t0 = emscripten_get_now();
  g_session = &s;
  js_install_listeners();
  s.today = today_from_browser();

  // What pre.js read from IndexedDB before main() ran.
  if (char* e = js_stored_error()) {
    g_storage.save_error = std::string("Your browser's storage is unavailable (") + e +
                           "). Rekindle works, but nothing will be kept after you close the tab.";
    free(e);
  }
  // The bulk data goes straight from the stored chunks into one buffer (not zero-filled first:
  // JS overwrites every byte), then into the store; the buffer is freed once it is loaded.
  int bulk_size = js_stored_bulk_size();
  std::unique_ptr<char[]> bulk;
  std::string err;
  bool ok = true;
  if (bulk_size >= 0) {
    bulk.reset(new (std::nothrow) char[size_t(bulk_size) + 1]);
    if (bulk) {
      js_stored_bulk_copy(bulk.get());
    } else {
      js_stored_bulk_drop();
      bulk_size = 0;
      ok = false;
      g_storage.load_error = "The imported data stored in this browser is too large for this browser tab.";
    }
  }
  std::string_view bulk_bytes(bulk.get(), bulk ? size_t(bulk_size) : 0);
  if (char* problem = js_stored_bulk_problem()) {
    if (ok) g_storage.load_error = std::string("The imported data stored in this browser could not be read (") + problem + ").";
    ok = false;
    free(problem);
  }
  std::string user;
  if (char* u = js_stored_user()) {
    user = u;
    free(u);
  }
  if (ok && bulk && !rk::load_bulk(bulk_bytes, s.store, err)) {
    ok = false;
    g_storage.load_error = "The imported data stored in this browser could not be read (" + err + ").";
  }
  if (ok && s.store.texts_pending && js_stored_texts_bytes() < 0) {
    ok = false;
    g_storage.load_error = "The imported data stored in this browser could not be read (its message texts are missing).";
  }
  if (ok && !user.empty() && !rk::load_user(user, s.store, err)) {
    ok = false;
    g_storage.load_error = "Your notes and settings stored in this browser could not be read (" + err + ").";
  }
  if (!ok) {
    // Never wipe silently: keep the raw bytes for download and stop saving until the user decides.
    g_storage.blocked = true;
    g_raw_bulk.assign(bulk_bytes.data(), bulk_bytes.size());
    g_raw_user = std::move(user);
    s.store = rk::Store{};
  }
  bulk.reset();
  const double t_score = emscripten_get_now();
  s.recompute();
  g_stats.init_score_ms = emscripten_get_now() - t_score;
  g_seen_revision = s.revision;
  g_storage.loaded = true;
  g_stats.init_ms = emscripten_get_now() - t0;
  js_mark("rk:init-end");
  js_estimate();
}

static std::string report_string(const rk::ImportReport& r) { return rk::report_json(r).dump(); }

// The worker's parts no longer describe the Store (another import, a restore, "delete all").
static void drop_worker_parts() {
  if (!g_worker_parts) return;
  g_worker_parts = false;
  if (!g_parts_in_flight) js_drop_worker_parts();  // (a write in flight still reads them)
}

// A restore in the worker ended: `error` empty once the restored data is in place and scored;
// otherwise nothing was changed, and the page says why as the in-page restore does.
static void end_restore(Session& s, const std::string& error) {
  g_restoring = false;
  g_takeover.reset();
  s.end_remote_restore();
  json out;
  if (error.empty()) {
    out["ok"] = true;
  } else {
    out["error"] = "This backup could not be restored: " + error;
    rk::ui::show_message("Restore failed", out["error"].get<std::string>());
  }
  js_restore_finished(out.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
}

// A worker import ended without data (failed, cancelled, its result unreadable).
static void finish_remote(Session& s, rk::ImportReport report) {
  if (g_restoring) {
    end_restore(s, report.cancelled ? "it was cancelled" : report.error);
    return;
  }
  g_base_saver.reset();
  g_takeover.reset();
  s.end_remote_import(std::move(report));
  g_stats.last_import_ms = emscripten_get_now() - g_stats.import_started_ms;
  js_import_finished(report_string(s.last_report).c_str());
}

static void cancel_remote(Session& s) {
  if (!s.remote || s.finishing()) return;
  js_worker_cancel();
  if (g_takeover) js_drop_worker_parts();  // the cancelled import's result
  rk::ImportReport r;
  r.cancelled = true;
  finish_remote(s, std::move(r));
}

// How long an import slice on the page may run in this frame (the import in the page, the
// takeover of a worker's result, the re-scoring after either): what is left of ~80 ms after the
// browser's own share of a frame (drawing, presenting, events), measured separately for drawn and
// undrawn frames. So the page answers at least ~11 times a second however slow the machine
// draws (a drawn frame costs a software-composited browser a read-back of the canvas, tens of ms
// to over 100 when the CPU is busy), and nearly all the rest goes to the import.
struct SliceBudget {
  double last_end = 0;
  // The browser's share, [drawn, undrawn]: it rises at once to a longer share measured, and
  // falls back slowly. (An average lagged behind: the first slices of a takeover, a handful,
  // ran on the share of idle frames and made the page's longest gaps, ~115 ms.)
  double overhead[2] = {40.0, 30.0};
  bool last_drew = true;
  double begin(bool will_draw) {
    const double start = emscripten_get_now();
    if (last_end > 0) {
      double& o = overhead[last_drew ? 0 : 1];
      const double seen = std::min(start - last_end, 200.0);
      o = std::max(seen, 0.8 * o + 0.2 * seen);
    }
    last_drew = will_draw;
    // (70 ms, not 100: a slice overruns its budget by up to ~20 ms, e.g. the end of the
    // re-scoring, which frees the previous evaluations and search texts.)
    return std::clamp(70.0 - overhead[will_draw ? 0 : 1], 8.0, 60.0);
  }
  void end(bool finished) { last_end = finished ? 0 : emscripten_get_now(); }
};
SliceBudget g_slice_budget;

// Checksums the texts that have arrived (`copied` bytes of bulk then texts), up to their last 4
// bytes (the stored checksum).
static void texts_crc_upto(const std::string& texts, size_t bulk_len, size_t copied, uint32_t& crc, size_t& done) {
  const size_t have = copied > bulk_len ? copied - bulk_len : 0;
  const size_t upto = std::min(have, texts.size() >= 4 ? texts.size() - 4 : size_t(0));
  if (upto > done) {
    crc = rk::crc32_update(crc, std::string_view(texts).substr(done, upto - done));
    done = upto;
  }
}

// A slice of copying the worker's texts in after the takeover (TextsTail); true once there is
// nothing left to do. They are attached when all have arrived.
static bool texts_tail_step(Session& s, double budget_ms) {
  if (!g_texts_tail) return true;
  TextsTail& t = *g_texts_tail;
  const double t0 = emscripten_get_now();
  const double copied = js_worker_copy(nullptr, t.texts.data(), budget_ms, double(t.bulk_len + t.texts.size()));
  if (copied >= 0) texts_crc_upto(t.texts, t.bulk_len, size_t(copied), t.crc, t.crc_done);
  g_stats.worker_result_ms += emscripten_get_now() - t0;
  if (copied >= 0 && size_t(copied) < t.bulk_len + t.texts.size()) return false;
  std::unique_ptr<TextsTail> tail = std::move(g_texts_tail);
  std::string err = copied < 0 ? "they were lost on their way from the import worker" : "";
  if (copied >= 0 && s.store.texts_pending && rk::attach_texts(std::move(tail->texts), s.store, err, tail->crc)) {
    s.texts_attached();  // re-scored (closing notes) and the font code rescans the text
    return true;
  }
  if (!s.store.texts_pending) return true;  // (the data was replaced meanwhile)
  g_storage.load_error = "The imported messages' texts could not be taken over (" + err +
                         "). Your contacts and their statuses are there; the messages show without their "
                         "text, and nothing is saved until you choose.";
  ::texts_unreadable(s, err);
  drop_worker_parts();
  return true;
}

// One step of taking over the worker's result (see Takeover).
static void take_over_step(Session& s, bool will_draw) {
  Takeover& t = *g_takeover;
  const double t0 = emscripten_get_now();
  static const char* const kStage[] = {"taking over: copying", "taking over: reading", "taking over: adopting"};
  const char* stage = kStage[t.stage];
  const double budget = g_slice_budget.begin(will_draw);
  if (t.stage == Takeover::Copy) {
    // (Part of the budget is left for checksumming what arrived.)
    const double copied = js_worker_copy(t.bulk.data(), t.texts.data(), budget, double(t.bulk_len));
    if (copied < 0) {
      rk::ImportReport fail;
      fail.error = "The imported data was lost on its way from the import worker. Nothing was changed.";
      finish_remote(s, std::move(fail));
      return;
    }
    if (size_t(copied) >= t.bulk_len) {  // (the texts follow after the takeover: TextsTail)
      t.stage = Takeover::Load;
      t.loader = std::make_unique<rk::BulkLoader>(std::move(t.bulk));
    }
  } else if (t.stage == Takeover::Load) {
    if (t.loader->step(budget)) t.stage = Takeover::Adopt;  // (adopted in the next frame)
  } else {
    rk::Store imported;
    std::string err;
    bool ok = t.loader->take(imported, err);
    t.loader.reset();

    if (t.restore) {
      if (ok && !rk::load_user(t.user, imported, err)) ok = false;
      if (!ok) {
        js_drop_worker_parts();
        end_restore(s, "its data could not be taken over from the worker (" + err + ")");
        return;
      }
      // Everything is replaced, settings included; a save of the data being replaced stops.
      g_saver.reset();
      s.adopt_restore(std::move(imported));
      g_storage.blocked = false;
      g_storage.load_error.clear();
      js_force_next_write();
    } else if (!ok) {
      rk::ImportReport fail = std::move(t.report);
      fail.committed = false;
      fail.error = "The imported data could not be taken over (" + err + "). Nothing was changed.";
      js_drop_worker_parts();
      finish_remote(s, std::move(fail));
      return;
    }
    const bool tail = t.restore ? s.store.texts_pending : imported.texts_pending;
    if (!t.restore) s.adopt_import(std::move(imported), std::move(t.report));
    g_stats.import_texts_after = tail;
    if (tail) {
      g_texts_tail = std::make_unique<TextsTail>();
      g_texts_tail->texts = std::move(t.texts);
      g_texts_tail->bulk_len = t.bulk_len;
    }
    g_takeover.reset();
    g_worker_parts = true;  // RK.workerParts: saved as they are
  }
  g_slice_budget.end(false);  // (the re-scoring that follows goes on measuring)
  const double spent = emscripten_get_now() - t0;
  if (spent > budget + 10) g_stats.long_slices.push_back(std::string(stage) + ": " + std::to_string(int(spent)) + " ms of " + std::to_string(int(budget)));
  g_stats.worker_result_ms += spent;
  g_stats.import_work_ms += spent;
  g_stats.import_longest_slice_ms = std::max(g_stats.import_longest_slice_ms, spent);
}

// Starts an import the worker asked for once nothing stands in the way, serialises the page's
// data for it (a slice per frame), hands it over, and stops it on "Cancel import".
static void drive_remote_import(Session& s, bool will_draw) {
  // (begin_remote_import refuses while another import runs or stored texts are loading.)
  if (g_remote_requested && !g_saver && s.begin_remote_import()) {
    g_remote_requested = false;
    g_stats.import_in_worker = true;
    g_stats.import_started_ms = emscripten_get_now();
    g_stats.import_work_ms = g_stats.import_longest_slice_ms = 0;
    g_stats.import_frames = g_stats.import_drawn_frames = 0;
    g_stats.long_slices.clear();
    g_base_saver = std::make_unique<rk::BulkSaver>(s.store);
    s.remote->phase = "Preparing the import";
  }
  if (g_restore_requested && !g_saver && s.begin_remote_import(/*restore=*/true)) {
    g_restore_requested = false;
    g_restoring = true;
    s.remote->phase = "Reading the backup";
    js_worker_restore_start();
  }
  if (!s.remote || s.finishing()) return;
  if (s.remote->cancel_requested) {
    cancel_remote(s);
    return;
  }
  if (g_takeover) {
    take_over_step(s, will_draw);
    return;
  }
  if (g_base_saver) {
    // The Store's imported data does not change meanwhile (restores and "delete all" cancel
    // the import first; edits only touch user data, which never goes to the worker).
    const double t0 = emscripten_get_now();
    if (!g_base_saver->step(40.0)) return;
    rk::BulkParts base = g_base_saver->take();
    g_base_saver.reset();
    js_worker_start(int(s.today), base.bulk.data(), double(base.bulk.size()), base.texts.data(), double(base.texts.size()));
    g_stats.import_work_ms += emscripten_get_now() - t0;
    s.remote->phase = "Starting the import";
  }
}

static void start_loading_texts();

void begin_frame(Session& s, bool will_draw) {
  if (g_texts_start_frame > 0 && g_stats.frame_count >= g_texts_start_frame) {
    g_texts_start_frame = 0;
    start_loading_texts();
  }
  Day t = today_from_browser();
  if (t != s.today && !s.importing()) s.set_today(t);
  // (A frame that took a step of a worker import's takeover does nothing else for the import.)
  const bool took_over = g_takeover != nullptr;
  drive_remote_import(s, will_draw);
  // The worker's message texts after its takeover, a slice per frame (small: the page is in use).
  if (g_texts_tail && !g_takeover && !s.finishing()) texts_tail_step(s, will_draw ? 8.0 : 24.0);
  // An import asked for while the stored message texts are still loading waits for them (it
  // would append to the wrong buffer): the files stay in g_pending_files until then.
  if (g_import_requested && !s.importing() && !s.store.texts_pending && !g_saver) {
    g_import_requested = false;
    drop_worker_parts();
    s.start_import(std::move(g_pending_files));
    g_stats.import_in_worker = false;
    g_stats.import_started_ms = emscripten_get_now();
    g_stats.import_work_ms = g_stats.import_longest_slice_ms = 0;
    g_stats.import_frames = g_stats.import_drawn_frames = 0;
    g_stats.long_slices.clear();
    g_pending_files.clear();
  }
  if (!took_over && (s.importer || s.finishing())) {
    // The import (or, after a worker's, the re-scoring) runs in slices between frames
    // (SliceBudget).
    const double start = emscripten_get_now();
    const double budget = g_slice_budget.begin(will_draw);
    const std::string phase = s.import_phase();
    bool finished = s.pump_import(budget);
    const double spent = emscripten_get_now() - start;
    if (spent > budget + 10) g_stats.long_slices.push_back(phase + ": " + std::to_string(int(spent)) + " ms of " + std::to_string(int(budget)));
    g_stats.import_work_ms += spent;
    g_stats.import_longest_slice_ms = std::max(g_stats.import_longest_slice_ms, spent);
    ++g_stats.import_frames;
    if (will_draw) ++g_stats.import_drawn_frames;
    g_slice_budget.end(finished);
    if (finished) {
      g_import_ended_ms = emscripten_get_now();
      g_stats.last_import_ms = emscripten_get_now() - g_stats.import_started_ms;
      if (g_restoring) end_restore(s, "");
      else js_import_finished(report_string(s.last_report).c_str());
    }
  }
  // (The scripting API may have completed the re-scoring itself: Session::finish_now.)
  if (g_restoring && !s.importing()) end_restore(s, "");
}

// Starts a save. With bulk data, `slice_ms` > 0 serialises only that much now (false: call again
// next frame); 0 finishes at once (flush, page hidden).
static bool start_write(Session& s, bool with_bulk, double slice_ms = 0) {
  // The bulk data cannot be saved without its message texts: while they are still loading (a
  // moment after start-up) such a save ("Keep this tab's version") waits for them.
  if (with_bulk && s.store.texts_pending) return false;
  double t0 = emscripten_get_now();
  g_stats.last_save_serialise_ms = 0;
  // JS dropped them (the worker saving them died with them): the Store is serialised instead.
  if (g_worker_parts && !js_have_worker_parts()) g_worker_parts = false;
  if (with_bulk && !g_worker_parts) {
    if (!g_saver) {
      g_saver = std::make_unique<rk::BulkSaver>(s.store);
      g_saver_work_ms = g_saver_longest_ms = 0;
    }
    if (slice_ms > 0) {
      const bool done = g_saver->step(slice_ms);
      // Every slice counts, the one that finishes too (a small Store is serialised in one).
      const double d = emscripten_get_now() - t0;
      g_saver_work_ms += d;
      g_saver_longest_ms = std::max(g_saver_longest_ms, d);
      if (!done) return false;
    }
  }
  std::string user = rk::save_user(s.store);
  g_parts_in_flight = false;
  if (with_bulk && g_worker_parts && js_store_write_worker_parts(user.c_str())) {
    // The worker's result, written as it arrived.
    g_saver.reset();
    g_parts_in_flight = true;
    g_stats.last_save_serialise_ms = 0;
  } else if (with_bulk) {
    // Kept in g_save_bulk until rk_storage_done: JS copies it chunk by chunk in later tasks.
    double ts = emscripten_get_now();
    rk::BulkParts parts = g_saver->take();
    g_saver.reset();
    g_save_bulk = std::move(parts.bulk);
    g_save_texts = std::move(parts.texts);
    g_stats.last_save_serialise_ms = g_saver_work_ms + (emscripten_get_now() - ts);
    js_store_write(g_save_bulk.data(), int(g_save_bulk.size()), g_save_texts.data(), int(g_save_texts.size()),
                   user.c_str());
  } else {
    js_store_write(nullptr, -1, nullptr, -1, user.c_str());
  }
  g_write_in_flight = true;
  g_bulk_in_flight = with_bulk;
  g_stats.last_save_ms = emscripten_get_now() - t0;
  g_stats.last_save_bulk = with_bulk;
  if (with_bulk) {
    // The longest main-thread task of the serialisation (its slices, or the final one).
    g_stats.last_bulk_save_ms = std::max(g_saver_longest_ms, g_stats.last_save_ms);
    g_stats.last_bulk_serialise_ms = g_stats.last_save_serialise_ms;
  }
  g_storage.saving = true;
  s.user_dirty = false;
  if (with_bulk) s.bulk_dirty = false;
  return true;
}

void save_now(Session& s) {
  // (During a worker import the Store is whole and edits are saved as usual.)
  if (g_storage.blocked || g_write_in_flight || s.importer || s.finishing()) return;
  if (!s.user_dirty && !s.bulk_dirty) return;
  start_write(s, s.bulk_dirty);
}

void end_frame(Session& s) {
  double now = now_ms();
  if (s.revision != g_seen_revision) {
    g_seen_revision = s.revision;
    g_last_change_ms = now;
  }
  // The search index is built a few ms per frame once the first interactive frame is out (a
  // search before it is complete finishes it at once: Session::search_index).
  if (g_first_frame_out && !s.importing()) s.build_search(4.0);
  // Message texts arrived after the first frame: their last messages are read a slice a frame.
  if (g_first_frame_out && !s.importing()) s.rejudge(8.0);
  if (g_storage.blocked || g_storage.other_tab_changed || g_write_in_flight || s.importer || s.finishing()) return;
  if (now < g_retry_after_ms) return;
  // Debounce: save 400 ms after the last change. An import's bulk data is saved once the frames
  // that show its result are out (a second and a half): the save (tens of MB through IndexedDB,
  // in a worker or serialised a few ms per frame here) competes with them for the CPU, and on a
  // 2-core machine that stretched them to 150-250 ms. By then the page is mostly idle, and an
  // idle page draws nothing (main.cpp), so the save costs it nothing. (flush() saves at once.)
  if (s.bulk_dirty) {
    if (now - g_import_ended_ms >= 1500.0) start_write(s, true, 8.0);
  }
  else if (s.user_dirty && now - g_last_change_ms > 400) save_now(s);
}

void download_raw_stored_state() {
  json j;
  j["note"] = "Rekindle could not read this stored state. It is kept here unchanged.";
  j["user_json"] = g_raw_user;
  std::string name = "rekindle-unreadable-user.json";
  download(name, "application/json", j.dump(2));
  if (!g_raw_bulk.empty()) download("rekindle-unreadable-bulk.bin", "application/octet-stream", g_raw_bulk);
  if (!g_raw_texts.empty()) download("rekindle-unreadable-texts.bin", "application/octet-stream", g_raw_texts);
}

void cancel_bulk_save() {
  g_saver.reset();
  g_texts_tail.reset();  // (the data it belongs to is being replaced)
  drop_worker_parts();
  if (g_session) cancel_remote(*g_session);  // its result would replace what is being put in place
}

void start_fresh(Session& s) {
  g_saver.reset();  // (the worker's parts, if any, are still the Store's data: kept)
  g_storage.blocked = false;
  g_storage.load_error.clear();
  js_force_next_write();
  s.bulk_dirty = s.user_dirty = true;
  save_now(s);
}

void clear_all_data(Session& s) {
  cancel_bulk_save();  // it reads the Store being replaced; a worker import is stopped
  s.store = rk::Store{};
  s.last_report = {};
  s.has_report = false;
  s.recompute();
  s.bulk_dirty = s.user_dirty = false;
  g_storage.blocked = false;
  g_storage.load_error.clear();
  g_storage.other_tab_changed = false;
  js_clear_store();
  ui::on_data_cleared(s);
}

}  // namespace rk::platform

// ---- functions web/pre.js calls --------------------------------------------------------------
extern "C" {

EMSCRIPTEN_KEEPALIVE char* rk_file_alloc(int len) {
  if (len < 0) return nullptr;
  try {
    rk::platform::resize_for_overwrite(g_alloc_file, size_t(len));
  } catch (...) {
    return nullptr;
  }
  return g_alloc_file.data();
}

EMSCRIPTEN_KEEPALIVE void rk_file_commit(const char* name) {
  g_pending_files.emplace_back(name ? name : "file", std::move(g_alloc_file));
  g_alloc_file = std::string();
}

EMSCRIPTEN_KEEPALIVE void rk_import_begin() { g_import_requested = true; }
EMSCRIPTEN_KEEPALIVE void rk_import_begin_remote() { g_remote_requested = true; }
EMSCRIPTEN_KEEPALIVE void rk_restore_begin_remote() { g_restore_requested = true; }

EMSCRIPTEN_KEEPALIVE void rk_worker_progress(double progress, const char* phase) {
  rk::Session* s = g_session;
  if (!s || !s->remote || s->finishing()) return;
  s->remote->progress = float(std::clamp(progress, 0.0, 1.0));
  if (phase && *phase) s->remote->phase = phase;
}

// The worker never came up: the import is redone in the page (JS commits the files and calls
// rk_import_begin), so this one ends without a report.
EMSCRIPTEN_KEEPALIVE void rk_worker_unavailable() {
  g_base_saver.reset();
  g_restoring = false;  // (JS restores in the page instead)
  if (g_session && g_session->remote && !g_session->finishing()) g_session->remote.reset();
}

EMSCRIPTEN_KEEPALIVE void rk_worker_failed(const char* why) {
  if (!g_session || !g_session->remote || g_session->finishing()) return;
  rk::ImportReport r;
  r.error = std::string("The import stopped (") + (why && *why ? why : "unknown error") +
            "). Nothing was changed; try again, or import the CSV files one at a time.";
  if (g_restoring) r.error = std::string("the worker reading it stopped (") + (why && *why ? why : "unknown error") + ")";
  rk::platform::finish_remote(*g_session, std::move(r));
}

// The worker read a backup (a restore): `error` empty, the restored user data and settings, and
// the sizes of the Store's bulk parts (RK.workerParts), taken over like an import's result; or
// why it cannot be restored.
EMSCRIPTEN_KEEPALIVE void rk_worker_restored(const char* error, const char* user, double bulk_len, double texts_len) {
  if (bulk_len >= 0) g_worker_parts = false;  // RK.workerParts are the restored data's now
  rk::Session* sp = g_session;
  if (!sp || !g_restoring || !sp->remote || sp->finishing() || g_takeover) {  // cancelled meanwhile
    if (bulk_len >= 0) js_drop_worker_parts();
    return;
  }
  rk::Session& s = *sp;
  if (error && *error) {
    rk::platform::end_restore(s, error);
    return;
  }
  auto t = std::make_unique<Takeover>();
  try {
    rk::platform::resize_for_overwrite(t->bulk, size_t(bulk_len));
    rk::platform::resize_for_overwrite(t->texts, size_t(texts_len));
  } catch (...) {
    js_drop_worker_parts();
    rk::platform::end_restore(s, "it is too large for this browser tab");
    return;
  }
  t->bulk_len = t->bulk.size();
  t->restore = true;
  t->user = user ? user : "";
  g_takeover = std::move(t);
  s.remote->phase = "Taking over the backup";
}

// The worker finished: its report, and the sizes of its result (RK.workerParts; -1: none).
// The takeover runs over the next frames (see Takeover).
EMSCRIPTEN_KEEPALIVE void rk_worker_done(const char* report_c, double bulk_len, double texts_len) {
  // RK.workerParts now holds this import's result: parts of an earlier one, not saved yet, are
  // gone (a write in flight keeps its own reference); the bulk save serialises afresh if needed.
  g_worker_parts = false;
  rk::Session* sp = g_session;
  if (!sp || !sp->remote || sp->finishing() || g_takeover) {  // cancelled meanwhile
    js_drop_worker_parts();
    return;
  }
  rk::Session& s = *sp;
  rk::ImportReport r;
  if (!rk::report_from_json(json::parse(report_c ? report_c : "", nullptr, false), r)) {
    r = rk::ImportReport{};
    r.error = "The import's report could not be read. Nothing was changed.";
  }
  if (r.committed && bulk_len >= 0 && texts_len >= 0) {
    g_stats.worker_result_ms = 0;
    auto t = std::make_unique<Takeover>();
    try {
      rk::platform::resize_for_overwrite(t->bulk, size_t(bulk_len));
      rk::platform::resize_for_overwrite(t->texts, size_t(texts_len));
      t->bulk_len = t->bulk.size();
      t->report = std::move(r);
      g_takeover = std::move(t);
      s.remote->phase = "Taking over the imported data";
      return;
    } catch (...) {
      r = std::move(t->report);
      r.committed = false;
      r.error = "The imported data is too large for this browser tab. Nothing was changed.";
    }
  } else if (r.committed) {
    r.committed = false;
    r.error = "The imported data did not arrive from the import worker. Nothing was changed.";
  }
  js_drop_worker_parts();
  rk::platform::finish_remote(s, std::move(r));
}

// The stored message texts (RK.loadTexts): a buffer of len bytes JS fills chunk by chunk, or null
// when no texts are expected any more (a restore or clearAll replaced the data meanwhile).
EMSCRIPTEN_KEEPALIVE char* rk_texts_alloc(double len) {
  if (!g_session || !g_session->store.texts_pending || len < 0) return nullptr;
  try {
    rk::platform::resize_for_overwrite(g_load_texts, size_t(len));
  } catch (...) {
    return nullptr;
  }
  return g_load_texts.data();
}

static void texts_finished() {
  g_texts_loading = false;
  g_stats.texts_load_ms = emscripten_get_now() - g_texts_started_ms;
  js_mark("rk:texts-end");
}

// The texts could not be read or attached: reported like an unreadable stored state (saving
// stays off so nothing is overwritten). The rest of the data stays usable; its messages show
// without text, and an import can run (into memory only, until the user chooses).
static void texts_unreadable(rk::Session& s, const std::string& why) {
  if (g_storage.load_error.empty())
    g_storage.load_error = "The message texts stored in this browser could not be read (" + why + ").";
  g_storage.blocked = true;
  for (rk::Message& m : s.store.messages) m.subject = m.text = rk::TextRef{};
  s.store.texts.clear();
  s.store.texts_pending = false;
  s.store.texts_expected = 0;
  ++s.revision;
}

EMSCRIPTEN_KEEPALIVE void rk_texts_commit() {
  texts_finished();
  if (!g_session || !g_session->store.texts_pending) {
    std::string().swap(g_load_texts);
    return;
  }
  rk::Session& s = *g_session;
  std::string err;
  if (rk::attach_texts(std::move(g_load_texts), s.store, err)) {
    s.texts_attached();  // re-scored (closing notes) and the font code rescans the text
  } else {
    g_raw_texts = std::move(g_load_texts);
    texts_unreadable(s, err);
  }
  g_load_texts = std::string();
}

EMSCRIPTEN_KEEPALIVE void rk_texts_failed(const char* problem) {
  texts_finished();
  std::string().swap(g_load_texts);
  if (g_session && g_session->store.texts_pending) texts_unreadable(*g_session, problem ? problem : "unknown error");
}

EMSCRIPTEN_KEEPALIVE void rk_storage_done(int ok, const char* err) {
  g_write_in_flight = false;
  if (g_parts_in_flight) {
    g_parts_in_flight = false;
    // Saved: the parts are no longer needed. Failed: kept for the retry, unless they went stale.
    if (ok) g_worker_parts = false;
    if (!g_worker_parts && !g_takeover) js_drop_worker_parts();  // (a takeover reads the next ones)
  }
  g_storage.saving = false;
  std::string().swap(g_save_bulk);  // JS is done with them (committed or aborted): free them
  std::string().swap(g_save_texts);
  // (a failed write marks bulk_dirty again below and serialises anew on the retry)
  if (ok) {
    g_storage.save_error.clear();
    g_storage.last_saved_ms = emscripten_get_now();
    js_estimate();
    return;
  }
  std::string e = err ? err : "";
  if (g_session) {
    // Keep the unsaved changes marked so a later save (or flush) tries again.
    g_session->user_dirty = true;
    if (g_bulk_in_flight) g_session->bulk_dirty = true;
  }
  g_retry_after_ms = emscripten_get_now() + 30000;
  if (e == "conflict") {
    g_storage.other_tab_changed = true;
    g_storage.save_error = "Rekindle was changed in another tab. Reload to see those changes, or keep this tab's version.";
  } else {
    g_storage.save_error = "Could not save (" + e + "). What was saved before is safe; your latest changes live in this tab only until saving works again.";
  }
}

EMSCRIPTEN_KEEPALIVE void rk_storage_estimate(double used, double quota, int persisted, double data, double files) {
  g_storage.used_bytes = used;
  g_storage.data_bytes = data;
  g_storage.app_files_bytes = files;
  g_storage.quota_bytes = quota;
  g_storage.persisted = persisted != 0;
}

EMSCRIPTEN_KEEPALIVE void rk_on_hidden() {
  rk::platform::flush_text_areas();  // a note typed just now
  if (g_session) rk::platform::save_now(*g_session);
}

EMSCRIPTEN_KEEPALIVE void rk_other_tab() { g_storage.other_tab_changed = true; }

EMSCRIPTEN_KEEPALIVE void rk_on_paste() {
  // Replays the paste shortcut now that the clipboard text is known (see pre.js).
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, true);
  io.AddKeyEvent(ImGuiKey_V, true);
  io.AddKeyEvent(ImGuiKey_V, false);
  io.AddKeyEvent(ImGuiMod_Ctrl, false);
}

EMSCRIPTEN_KEEPALIVE const char* rk_api(const char* method_c, const char* args_c) {
  if (!g_session) {  // (window.rekindle resolves ready only after the app is set up)
    g_api_result = R"({"error":"Rekindle is still starting"})";
    return g_api_result.c_str();
  }
  rk::platform::flush_text_areas();  // the API sees a note as typed, even within this frame
  json out;
  try {
    std::string method = method_c ? method_c : "";
    json args = json::parse(args_c ? args_c : "{}", nullptr, false);
    if (args.is_discarded()) args = json::object();
    rk::Session& s = *g_session;
    std::string err;
    // Mid-merge the data is half-updated: a call that reads or changes it completes the import
    // first (one long task, only when a script asks during those few frames).
    if (s.finishing() && method != "stats" && method != "report" && method != "storageStatus" && method != "view" &&
        method != "cancelImport")
      s.finish_now();
    // Likewise the message texts of a worker's import still being copied in.
    if (g_texts_tail && method != "stats" && method != "report" && method != "storageStatus" && method != "view" &&
        method != "cancelImport")
      while (!rk::platform::texts_tail_step(s, 1e9)) {
      }
    if (method == "summary") {
      out = rk::summary_json(s.store, s.evals);
    } else if (method == "contacts") {
      rk::Query q;
      if (!rk::query_from_json(args, q, err)) {
        out["error"] = err;
      } else {
        auto rows = rk::run_query(s.store, s.evals, s.search_index(), q, &s.queue());
        json arr = json::array();
        for (uint32_t i : rows) {
          const uint32_t place = s.queue_place(i);
          arr.push_back(rk::contact_json(s.store, s.store.contacts[i], s.eval_with_reasons(i), place,
                                         place > 0 && place <= s.today_count()));
        }
        out["contacts"] = std::move(arr);
      }
    } else if (method == "update" || method == "markContacted") {
      rk::ContactId id = args.value("id", 0u);
      bool ok;
      if (method == "update") {
        ok = rk::apply_patch(s.store, id, args.value("patch", json::object()), err);
      } else {
        rk::Day day = s.today;
        if (args.contains("date") && args["date"].is_string() && !rk::parse_iso(args["date"].get<std::string>(), day)) {
          ok = false;
          err = "date must be YYYY-MM-DD";
        } else {
          ok = rk::mark_contacted(s.store, id, day, err);
        }
      }
      if (!ok) {
        out["error"] = err;
      } else {
        s.touched(id);
        const uint32_t i = uint32_t(s.index_of(id)), place = s.queue_place(i);
        out["contact"] = rk::contact_json(s.store, s.store.contacts[i], s.eval_with_reasons(i), place,
                                          place > 0 && place <= s.today_count());
      }
    } else if (method == "flush") {
      rk::platform::save_now(s);
      out["ok"] = true;
    } else if (method == "storageStatus") {
      const auto& st = g_storage;
      out = {{"loaded", st.loaded}, {"blocked", st.blocked}, {"load_error", st.load_error},
             {"save_error", st.save_error}, {"other_tab_changed", st.other_tab_changed},
             {"saving", st.saving}, {"used_bytes", st.used_bytes}, {"quota_bytes", st.quota_bytes},
             {"data_bytes", st.data_bytes}, {"app_files_bytes", st.app_files_bytes},
             {"persisted", st.persisted}, {"dirty", s.user_dirty || s.bulk_dirty}};
    } else if (method == "exportState") {
      // Never a backup without the message texts.
      if (s.store.texts_pending)
        out["error"] = "Messages are still loading; try again in a moment.";
      else
        out["json"] = rk::export_backup(s.store);
    } else if (method == "importState") {
      std::string text = args.value("json", std::string());
      rk::Store restored;
      restored.settings = s.store.settings;
      if (!rk::import_backup(text, restored, err)) {
        out["error"] = "This backup could not be restored: " + err;
        rk::ui::show_message("Restore failed", out["error"].get<std::string>());
      } else {
        rk::platform::cancel_bulk_save();
        s.store = std::move(restored);
        s.recompute();
        s.bulk_dirty = s.user_dirty = true;
        g_storage.blocked = false;
        js_force_next_write();
        out["ok"] = true;
      }
    } else if (method == "cancelImport") {
      // Like the button: too late once the data is being put in place.
      out["ok"] = s.importing() && !s.finishing();
      if (out["ok"].get<bool>()) s.cancel_import();
    } else if (method == "clearAll") {
      rk::platform::clear_all_data(s);
      out["ok"] = true;
    } else if (method == "setToday") {
      rk::Day d;
      if (args.contains("date") && args["date"].is_string() && rk::parse_iso(args["date"].get<std::string>(), d)) {
        // (Kept: each frame otherwise sets the clock's day again.)
        rk::platform::g_today_override = d;
        s.set_today(d);
        out["ok"] = true;
      } else {
        out["error"] = "date must be YYYY-MM-DD";
      }
    } else if (method == "stats") {
      int n = std::min(g_stats.frame_count, 240);
      json frames = json::array();
      for (int i = 0; i < n; ++i) frames.push_back(g_stats.frame_ms[(g_stats.frame_count - n + i) % 240]);
      out = {{"frame_ms", frames}, {"frames", g_stats.frame_count}, {"drawn_frames", g_stats.drawn_frames}, {"import_texts_after", g_stats.import_texts_after}, {"last_save_ms", g_stats.last_save_ms},
             {"last_save_bulk", g_stats.last_save_bulk},
             {"last_save_serialise_ms", g_stats.last_save_serialise_ms}, {"last_bulk_save_ms", g_stats.last_bulk_save_ms},
             {"last_bulk_serialise_ms", g_stats.last_bulk_serialise_ms}, {"last_import_ms", g_stats.last_import_ms},
             {"init_ms", g_stats.init_ms}, {"init_score_ms", g_stats.init_score_ms}, {"import_work_ms", g_stats.import_work_ms},
             {"import_longest_slice_ms", g_stats.import_longest_slice_ms},
             {"import_frames", g_stats.import_frames}, {"import_long_slices", g_stats.long_slices}, {"import_drawn_frames", g_stats.import_drawn_frames}, {"heap_bytes", double(emscripten_get_heap_size())},
             {"importing", s.importing()}, {"texts_pending", s.store.texts_pending},
             {"import_in_worker", g_stats.import_in_worker}, {"worker_result_ms", g_stats.worker_result_ms},
             {"texts_load_ms", g_stats.texts_load_ms}};
      // Where the UI drew things last frame, and the Contacts view's filter (browser tests).
      json rects = json::object();
      for (const auto& [name, r] : rk::ui::debug_rects()) rects[name] = {r[0], r[1], r[2], r[3]};
      out["ui"] = {{"rects", rects}, {"contacts_filter", rk::ui::contacts_filter_summary()},
                   {"contacts_shown", rk::ui::contacts_shown()}};
    } else if (method == "report") {
      out = s.has_report ? rk::report_json(s.last_report) : json();
    } else if (method == "view") {
      out["ok"] = rk::ui::set_view(args.value("name", std::string()));
    } else if (method == "select") {
      out["ok"] = rk::ui::select_contact(s, args.value("id", 0u));
    } else {
      out["error"] = "unknown method " + method;
    }
  } catch (const std::exception& e) {
    out = json{{"error", std::string("internal error: ") + e.what()}};
  }
  g_api_result = out.dump(-1, ' ', false, json::error_handler_t::replace);
  return g_api_result.c_str();
}

}  // extern "C"

namespace rk::platform {
void signal_ready() {
  g_first_frame_out = true;
  js_mark("rk:ready");
  js_resolve_ready();
  // The message texts (most of the stored bytes) are read once that frame is on screen: two
  // frames later (their first IndexedDB callbacks used to land before the browser had shown it).
  g_texts_start_frame = g_stats.frame_count + 2;
}

static void start_loading_texts() {
  if (g_session && g_session->store.texts_pending && !g_storage.blocked && !g_texts_loading) {
    g_texts_loading = true;
    g_texts_started_ms = emscripten_get_now();
    js_mark("rk:texts-start");
    js_load_texts();
  }
}
}  // namespace rk::platform
