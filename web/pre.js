// Rekindle's browser side, prepended to the Emscripten output (--pre-js).
//
// It owns what only JavaScript can do: IndexedDB, drag-and-drop, file pickers, the clipboard,
// downloads, BroadcastChannel between tabs, and the window.rekindle scripting API. The C++ side
// (src/platform/web.cpp) calls in through EM_JS functions and is called back through exported
// rk_* functions. Nothing here talks to the network.
//
// Storage: the IndexedDB API directly (not IDBFS): IDBFS's syncfs copies whole files on every
// save, while Rekindle writes the bulk import data once per import and only the small user data
// after an edit. One object store "state" holds:
//   "bulk:0" … "bulk:N-1"  the binary import data without the message texts (C++
//                          rk::save_bulk_parts, kBulkSplitFormat), cut into Uint8Array chunks of at most
//                          RK.chunkBytes, in order;
//   "texts:0" … "texts:M-1" the message subjects and bodies (most of the bytes), chunked the same
//                          way: read only after the first interactive frame (RK.loadTexts);
//   "user"                 the notes, tags and settings (JSON string);
//   "meta"                 {rev, tab, saved_at, bulk_chunks: N, bulk_bytes, texts_chunks: M,
//                          texts_bytes, bulk_id}.
// Older versions stored the bulk data (texts included) as one Uint8Array under "bulk" (and no
// bulk_chunks in meta), or as "bulk:*" chunks without texts records: both still load, and the
// next bulk save replaces them.
// A write is one transaction (RKIdb.write, web/idb_write.pre.js), so a failed write (quota,
// private mode, conflict, tab closed) leaves the old state. The chunks are put a few
// milliseconds' worth at a time, each batch from the success callback of the one before, and
// each chunk is copied out of the wasm heap only when it is put: the page keeps drawing while
// tens of MB are saved, instead of freezing for one big copy and structured clone. The import
// worker's result is saved by a worker instead (RK.writeInWorker): its clones and the browser's
// work behind them then cost the page nothing. (Blobs would cost less main-thread time per MB
// than Uint8Arrays, but Safari's private mode refuses Blobs in IndexedDB.)

var RK = (Module.RK = Module.RK || {});
RK.tab = Math.random().toString(36).slice(2) + Date.now().toString(36);
RK.stored = { bulk: null, bulkBytes: 0, bulkProblem: null, texts: null, user: null, rev: 0, error: null };
// The bulk data is stored in chunks of 1 MB. Each IndexedDB callback of a save copies chunks out
// of the wasm heap and puts them (a structured clone) until it has used RK.chunkBudgetMs, at least
// one chunk: ~15 ms per chunk on a slow 2-core machine (well under a 50 ms long task), while a
// fast machine puts several per callback and needs fewer round trips to the storage process.
RK.chunkBytes = 1024 * 1024;
RK.chunkBudgetMs = 8;
RK.chunkKey = RKIdb.chunkKey;
RK.textsKey = RKIdb.textsKey;
RK.chunkRange = RKIdb.chunkRange;
RK.textsRange = RKIdb.textsRange;
RK.lastWrite = null;      // the last write: chunks put, main-thread time of each callback (task_ms)
RK.lastBulkWrite = null;  // the same for the last write with bulk data (in_worker: RK.writeInWorker)
RK.writeFailAtChunk = undefined;  // TEST HOOK: a bulk save aborts at this chunk (RKIdb.write)
RK.knownRev = 0;
RK.writes = 0;            // writes in flight
RK.idleWaiters = [];      // flush() promises waiting for writes to end
RK.importWaiters = [];    // importFiles() promises, resolved in order
RK.lastPaste = '';
RK.dragDepth = 0;
RK.dragging = false;
RK.channel = null;
// One database per copy of the app: several copies hosted on one origin (GitHub Pages serves all
// of an account's sites from user.github.io) must not share or overwrite each other's data.
RK.dbName = (function () {
  var dir = location.pathname.replace(/[^/]*$/, '');
  return dir === '/' ? 'rekindle' : 'rekindle:' + dir;
})();

RK.openDb = function () { return RKIdb.open(RK.dbName); };

RK.loadStored = function () {
  return RK.openDb().then(function (db) {
    RK.db = db;
    if (typeof performance !== 'undefined' && performance.mark) performance.mark('rk:idb-open');
    return new Promise(function (resolve) {
      var tx = db.transaction('state', 'readonly');
      var st = tx.objectStore('state');
      var out = { user: undefined, meta: undefined, legacy: undefined, chunks: null };
      var u = st.get('user');
      u.onsuccess = function () { out.user = u.result; };
      var m = st.get('meta');
      m.onsuccess = function () {
        out.meta = m.result;
        var n = RK.chunkCount(out.meta);
        if (n < 0) {
          // The format of older versions: one record.
          var b = st.get('bulk');
          b.onsuccess = function () { out.legacy = b.result; };
          return;
        }
        out.chunks = new Array(n);
        for (var k = 0; k < n; k++) (function (k) {
          var r = st.get(RK.chunkKey(k));
          r.onsuccess = function () { out.chunks[k] = r.result; };
        })(k);
      };
      tx.oncomplete = function () {
        RK.takeStoredBulk(out);
        // The texts are read later (RK.loadTexts); only what to expect is kept.
        var tn = out.meta ? out.meta.texts_chunks : undefined, tb = out.meta ? out.meta.texts_bytes : undefined;
        RK.stored.texts = RK.chunkCount(out.meta) >= 0 && typeof tn === 'number' && tn >= 0 && typeof tb === 'number' && tb >= 0
          ? { chunks: tn, bytes: tb, bulkId: out.meta.bulk_id } : null;
        RK.stored.user = typeof out.user === 'string' ? out.user : null;
        RK.stored.rev = out.meta && typeof out.meta.rev === 'number' ? out.meta.rev : 0;
        RK.knownRev = RK.stored.rev;
        resolve();
      };
      tx.onerror = tx.onabort = function () {
        RK.stored.error = 'could not read IndexedDB: ' + (tx.error ? tx.error.message : 'unknown error');
        resolve();
      };
    });
  }).catch(function (e) {
    RK.stored.error = String(e && e.message ? e.message : e);
  });
};

RK.chunkCount = RKIdb.chunkCount;

// Called from C++ (js_load_texts) after the first interactive frame: reads the "texts:*" chunks
// in their own readonly transaction and copies each straight into the C++ buffer
// (rk_texts_alloc), dropping it at once; then rk_texts_commit, or rk_texts_failed with the reason.
RK.textsStat = null;
RK.loadTexts = function () {
  var want = RK.stored.texts;
  RK.stored.texts = null;
  var stat = RK.textsStat = { started: performance.now(), total_ms: 0, chunks: 0, bytes: 0 };
  var finished = false;
  var fail = function (why) {
    if (finished) return;
    finished = true;
    stat.total_ms = performance.now() - stat.started;
    try { Module._rk_texts_failed(RK.withString(why)); } catch (e) { console.warn(e); }
  };
  if (!want) { fail('they are missing'); return; }
  var ptr = Module._rk_texts_alloc(want.bytes) >>> 0;
  if (!ptr && want.bytes > 0) { fail('they are too large for this browser tab'); return; }
  var go = function (db) {
    var tx;
    try { tx = db.transaction('state', 'readonly'); } catch (e) { fail(e.name + ': ' + e.message); return; }
    var st = tx.objectStore('state');
    var at = 0, problem = null;
    var m = st.get('meta');
    m.onsuccess = function () {
      var meta = m.result;
      // Another tab may have saved other data since the page loaded: those texts are not ours.
      if (!meta || meta.bulk_id !== want.bulkId || meta.texts_chunks !== want.chunks || meta.texts_bytes !== want.bytes) {
        problem = problem || 'the stored data was replaced in another tab; reload the page';
      }
    };
    for (var k = 0; k < want.chunks; k++) (function (k) {
      var r = st.get(RK.textsKey(k));
      // Requests of a transaction succeed in order: chunk k lands right after chunk k-1.
      r.onsuccess = function () {
        if (problem) return;
        var c = r.result;
        if (c instanceof ArrayBuffer) c = new Uint8Array(c);
        if (!(c instanceof Uint8Array)) { problem = 'part ' + (k + 1) + ' of ' + want.chunks + ' is missing'; return; }
        if (at + c.length > want.bytes) { problem = 'they have more than ' + want.bytes + ' bytes'; return; }
        HEAPU8.set(c, ptr + at);  // the current HEAPU8: the heap may have grown since the last chunk
        at += c.length;
        stat.chunks++;
      };
    })(k);
    tx.oncomplete = function () {
      if (finished) return;
      if (!problem && at !== want.bytes) problem = 'they have ' + at + ' bytes instead of ' + want.bytes;
      if (problem) { fail(problem); return; }
      finished = true;
      stat.bytes = at;
      stat.total_ms = performance.now() - stat.started;
      try { Module._rk_texts_commit(); } catch (e) { console.warn(e); }
    };
    tx.onerror = tx.onabort = function () {
      fail('could not read IndexedDB: ' + (tx.error ? tx.error.message : 'unknown error'));
    };
  };
  if (RK.db) go(RK.db);
  else RK.openDb().then(function (db) { RK.db = db; go(db); }, function (e) { fail(String(e && e.message || e)); });
};

// Sets RK.stored.bulk to the list of stored pieces (C++ copies them one by one into its own
// buffer: js_stored_bulk_copy), or null when nothing is stored. A missing or malformed chunk is
// reported in RK.stored.bulkProblem: C++ then keeps what is there and never overwrites it.
RK.takeStoredBulk = function (out) {
  var parts = null, problem = null;
  if (out.chunks) {
    parts = [];
    for (var k = 0; k < out.chunks.length; k++) {
      var c = out.chunks[k];
      if (c instanceof Uint8Array) parts.push(c);
      else if (c instanceof ArrayBuffer) parts.push(new Uint8Array(c));
      else if (!problem) problem = 'part ' + (k + 1) + ' of ' + out.chunks.length + ' is missing';
    }
    out.chunks = null;
  } else if (out.legacy) {
    parts = [out.legacy instanceof Uint8Array ? out.legacy : new Uint8Array(out.legacy)];
    out.legacy = null;
  }
  var total = 0;
  if (parts) parts.forEach(function (p) { total += p.length; });
  var want = out.meta && typeof out.meta.bulk_bytes === 'number' ? out.meta.bulk_bytes : -1;
  if (parts && !problem && want >= 0 && want !== total) {
    problem = 'it has ' + total + ' bytes instead of ' + want;
  }
  RK.stored.bulk = parts;
  RK.stored.bulkBytes = total;
  RK.stored.bulkProblem = problem;
};

// Called from C++ (js_store_write). bulkLen < 0: user data only. Otherwise the bulk data is the
// bulkLen bytes at bulkPtr in the wasm heap, and the message texts the textsLen bytes at
// textsPtr, which C++ keeps alive and unchanged until rk_storage_done. They are read chunk by
// chunk, each time through the current HEAPU8: the heap may grow between two chunks (which
// replaces HEAPU8), so no view is kept across callbacks.
// `parts` ({bulk, texts} Uint8Arrays, the import worker's result), when given, is the source of
// the chunks instead of the heap: that data is already serialised and never entered C++'s save.
// It is saved by a worker (RK.writeInWorker) when there can be one.
RK.write = function (bulkPtr, bulkLen, textsPtr, textsLen, user, parts) {
  RK.writes++;
  if (bulkLen < 0 || textsLen < 0) textsLen = 0;
  var stat = RK.lastWrite = {
    bulk: bulkLen >= 0, bytes: Math.max(0, bulkLen) + textsLen, chunks: 0, tasks: 0, longest_task_ms: 0,
    started: performance.now(), total_ms: 0, task_ms: [], in_worker: false,
  };
  if (bulkLen >= 0) RK.lastBulkWrite = stat;
  // Measures the main-thread time of each of this write's callbacks.
  var timed = function (f) {
    return function (ev) {
      var t = performance.now();
      try { return f(ev); } finally {
        var d = performance.now() - t;
        stat.task_ms.push(Math.round(d * 10) / 10);
        stat.tasks++;
        if (d > stat.longest_task_ms) stat.longest_task_ms = d;
      }
    };
  };
  var finished = false;
  var done = function (ok, msg, rev) {
    if (finished) return;
    finished = true;
    if (ok) {
      RK.knownRev = rev;
      if (RK.channel) RK.channel.postMessage({ rev: rev, tab: RK.tab });
    }
    stat.total_ms = performance.now() - stat.started;
    RK.writes--;
    try { Module._rk_storage_done(ok ? 1 : 0, RK.withString(msg || '')); } catch (e) { console.warn(e); }
    if (RK.writes === 0) {
      var w = RK.idleWaiters; RK.idleWaiters = [];
      w.forEach(function (f) { f(); });
    }
  };
  var o = {
    bulkLen: bulkLen, textsLen: textsLen, user: user, tab: RK.tab, knownRev: RK.knownRev,
    force: !!RK.forceNextWrite, chunkBytes: RK.chunkBytes, failAtChunk: RK.writeFailAtChunk,
  };
  if (parts && RK.writeInWorker(parts, o, stat, timed, done)) return;
  o.source = parts ? function (which) { return [which ? parts.texts : parts.bulk, 0]; }
    : function (which) { return [HEAPU8, (which ? textsPtr : bulkPtr) >>> 0]; };
  o.budgetMs = RK.chunkBudgetMs;
  o.wrap = timed;
  o.stat = stat;
  o.onPassed = function () { RK.forceNextWrite = false; };
  if (RK.db) RKIdb.write(RK.db, o, done);
  else RK.openDb().then(function (db) { RK.db = db; RKIdb.write(db, o, done); }, function (e) { done(false, String(e && e.message || e)); });
};

// Saves the import worker's result in a worker (the spare one, or a new one): put()'s structured
// clones of ~50 MB and the browser's work behind them took the page's thread 300+ ms spread
// over ~2 s, frames of 150-450 ms right after an import. The parts' buffers are transferred, so
// the page no longer has them: a failed save hands them back (C++ retries with them); a worker
// that dies before it got to the save loses them, and RK.workerParts is dropped so that C++
// serialises its Store for the retry instead. false: no worker (the caller saves on the page).
RK.writeWorker = null;  // a promise while a worker saves (RK.clearStore waits for it)
RK.writeInWorker = function (parts, o, stat, timed, done) {
  if (RK.workerDisabled || RK.workerBroken || typeof Worker !== 'function') return false;
  var rec = RK.spare;
  RK.spare = null;
  try {
    if (!rec || rec.failed) rec = RK.newWorker();
  } catch (e) {
    return false;
  }
  // Whole buffers are transferred; a view of part of one is copied out first.
  var own = function (u) { return u.byteOffset === 0 && u.byteLength === u.buffer.byteLength ? u.buffer : u.slice().buffer; };
  var msg = {
    type: 'write', dbName: RK.dbName, knownRev: o.knownRev, force: o.force, tab: o.tab, user: o.user,
    bulk: own(parts.bulk), texts: own(parts.texts), bulkLen: o.bulkLen, textsLen: o.textsLen,
    chunkBytes: o.chunkBytes, failAtChunk: o.failAtChunk,
  };
  parts.bulk = parts.texts = null;  // in the worker now
  stat.in_worker = true;
  var w = rec.worker, running = false, over = false, settle;
  RK.writeWorker = new Promise(function (r) { settle = r; });
  var end = function () {
    over = true;
    w.onmessage = rec.onmessage;
    w.onerror = rec.onerror;
    if (!RK.spare && !rec.failed) RK.spare = rec;  // the next import's worker
    else { try { w.terminate(); } catch (e) {} }
    RK.writeWorker = null;
    settle();
  };
  w.onmessage = function (e) {
    var m = e.data || {};
    if (m.type === 'writing') running = true;
    else if (m.type !== 'written') rec.onmessage(e);  // the engine's 'ready' or 'failed'
    else if (!over) timed(function () {
      end();
      stat.chunks = m.chunks | 0;
      if (!m.ok && RK.workerParts === parts) {
        if (m.bulk instanceof ArrayBuffer && m.texts instanceof ArrayBuffer) {
          parts.bulk = new Uint8Array(m.bulk);
          parts.texts = new Uint8Array(m.texts);
        } else {
          RK.workerParts = null;
        }
      }
      if (m.checked) RK.forceNextWrite = false;
      done(!!m.ok, String(m.message || ''), m.rev);
    })();
  };
  w.onerror = function (e) {
    rec.onerror(e);  // (not reused)
    // Once it said 'writing', the save runs to its reply whatever else fails in the worker.
    if (running || over) return;
    end();
    if (RK.workerParts === parts) RK.workerParts = null;
    done(false, 'the worker saving the import stopped: ' + rec.failed);
  };
  w.postMessage(msg, [msg.bulk, msg.texts]);
  return true;
};

RK.clearStore = function () {
  // (A worker's save in flight goes first, as one of the page's own would: its transaction may
  // not have begun yet.)
  var after = RK.writeWorker || Promise.resolve();
  var go = function (db) {
    return new Promise(function (resolve, reject) {
      var tx = db.transaction('state', 'readwrite');
      tx.objectStore('state').clear();
      tx.oncomplete = function () { resolve(); };
      tx.onerror = tx.onabort = function () { reject(tx.error || new Error('could not clear')); };
    });
  };
  return after.then(function () { return RK.db || RK.openDb(); }).then(function (db) { RK.db = db; return go(db); })
    .then(function () { RK.knownRev = 0; if (RK.channel) RK.channel.postMessage({ rev: -1, tab: RK.tab }); RK.estimate(); });
};

RK.idle = function () {
  if (RK.writes === 0) return Promise.resolve();
  return new Promise(function (resolve) { RK.idleWaiters.push(resolve); });
};

// A UTF-8 copy of s on the wasm heap that the caller owns (C++ frees it).
RK.heapString = function (s) {
  var len = lengthBytesUTF8(s) + 1;
  var p = Module._malloc(len);
  stringToUTF8(s, p, len);
  return p;
};

// A UTF-8 copy of s on the wasm heap, freed a few calls later: big strings must not go through
// ccall's stack-allocated string arguments.
RK.scratch = [];
RK.withString = function (s) {
  var p = RK.heapString(s);
  RK.scratch.push(p);
  if (RK.scratch.length > 8) Module._free(RK.scratch.shift());
  return p;
};

RK.api = function (method, args) {
  var m = RK.withString(method);
  var a = RK.withString(args === undefined ? '{}' : (typeof args === 'string' ? args : JSON.stringify(args)));
  var r = UTF8ToString(Module._rk_api(m, a));
  var out = JSON.parse(r);
  return out;
};

// Copies one file's bytes into a buffer owned by C++ (no extra copy on the heap).
RK.addFile = function (name, bytes) {
  var p = Module._rk_file_alloc(bytes.length);
  if (!p && bytes.length) return false;
  if (bytes.length) HEAPU8.set(bytes, p);
  Module._rk_file_commit(RK.withString(name));
  return true;
};

// The one path for drops, the picker and rekindle.importFiles(). An import runs in a Web Worker
// (import-worker.js: the engine without the interface) whenever the browser can start one: the
// page keeps drawing and answering at full speed however big the export, and if the engine runs
// out of memory only the worker dies. Otherwise (file://, no Worker, its files missing) the page
// imports itself, in slices between frames.
RK.workerDisabled = false;  // set by tests to exercise the in-page path
RK.workerBroken = false;    // the worker could not start once: the page imports itself from then on
RK.job = null;              // the worker import (or restore: {restore, backup}) under way: {files, names, unreadable, worker, ready}
RK.workerParts = null;      // the last worker result, kept until C++ has saved it (RK.write)
RK.workerStats = null;      // the last worker import's timings (the benchmark reads them)

RK.importFiles = function (files) {
  RK.importChain = (RK.importChain || Promise.resolve()).then(function () {
    var worker = !RK.workerDisabled && !RK.workerBroken && typeof Worker === 'function' && location.protocol !== 'file:';
    return worker ? RK.importInWorker(files) : RK.importInPage(files);
  });
  return RK.importChain;
};

// The files of a drop or a call, with those that cannot be imported set apart.
RK.checkFiles = function (files) {
  var list = [], out = { files: [], names: [], unreadable: [] };
  try { list = Array.prototype.slice.call(files || []); } catch (e) { list = []; }
  list.forEach(function (f) {
    var name = (f && typeof f.name === 'string' && f.name) ? f.name : 'file';
    if (!f || typeof f.arrayBuffer !== 'function') { out.unreadable.push({ name: name, error: 'is not a file' }); return; }
    // Refused before reading: a 2 GB file would otherwise fail with an obscure browser error or
    // exhaust the tab's memory. 1024 MB is ImportLimits::max_file_bytes (src/core/import.hpp).
    if (typeof f.size === 'number' && f.size > 1024 * 1024 * 1024) {
      out.unreadable.push({ name: name, error: 'is too large (' + Math.round(f.size / 1048576) + ' MB; the limit is 1024 MB per file)' });
      return;
    }
    out.files.push(f);
    out.names.push(name);
  });
  return out;
};

// Adds the files the import never saw to its report (the promise's; the interface shows the
// engine's report).
RK.withUnreadable = function (unreadable, report) {
  unreadable.forEach(function (u) {
    report.files.push({ name: u.name, kind: 'unknown', rows: 0, skipped: 0, errors: ['The file ' + u.error + '.'] });
  });
  return report;
};

RK.importInPage = function (files) {
  var checked = RK.checkFiles(files);
  return new Promise(function (resolve) {
    RK.importWaiters.push(function (report) { resolve(RK.withUnreadable(checked.unreadable, report)); });
    RK.addFilesAndBegin(checked);
  });
};

// Reads the files into C++ (each copied into a buffer it owns, then dropped) and starts the
// in-page import.
RK.addFilesAndBegin = function (checked) {
  var i = 0;
  var next = function () {
    if (i >= checked.files.length) { Module._rk_import_begin(); return; }
    var f = checked.files[i], name = checked.names[i];
    i++;
    f.arrayBuffer().then(function (ab) {
      try {
        if (!RK.addFile(name, new Uint8Array(ab))) checked.unreadable.push({ name: name, error: 'is too large for this browser tab' });
      } catch (e) { checked.unreadable.push({ name: name, error: 'is too large for this browser tab' }); }
      next();
    }, function (e) {
      checked.unreadable.push({ name: name, error: 'could not be read: ' + (e && e.message || e) });
      next();
    });
  };
  next();
};

RK.importInWorker = function (files) {
  var job = RK.checkFiles(files);
  job.worker = null;
  job.ready = false;
  return new Promise(function (resolve) {
    RK.importWaiters.push(function (report) { resolve(RK.withUnreadable(job.unreadable, report)); });
    RK.job = job;
    // C++ starts it when it can (not while stored texts are loading or a save is being made),
    // serialises its data for the worker and calls RK.workerStart.
    Module._rk_import_begin_remote();
  });
};

// Called from C++ (js_worker_start): the page's imported data (the split format's parts in the heap,
// copied here) and the files go to a new worker.
RK.workerStart = function (today, bulkPtr, bulkLen, textsPtr, textsLen) {
  var job = RK.job;
  if (!job) return;
  bulkPtr >>>= 0; textsPtr >>>= 0;
  var base = { bulk: HEAPU8.slice(bulkPtr, bulkPtr + bulkLen).buffer, texts: HEAPU8.slice(textsPtr, textsPtr + textsLen).buffer };
  RK.startJobWorker(job, { type: 'import', today: today, files: job.files, names: job.names, base: base }, [base.bulk, base.texts]);
};

// Called from C++ (js_worker_restore_start) once a restore can begin: its backup goes to a worker.
RK.workerRestoreStart = function () {
  var job = RK.job;
  if (job) RK.startJobWorker(job, { type: 'restore', backup: job.backup }, []);
};

// Hands the job's message to the spare worker (or a new one) and follows its answers.
RK.startJobWorker = function (job, msg, transfer) {
  var rec = RK.spare;
  RK.spare = null;
  try {
    if (!rec || rec.failed) rec = RK.newWorker();
  } catch (e) {
    RK.workerFallback(job, e && e.message || String(e));
    return;
  }
  var w = rec.worker;
  job.worker = w;
  job.posted = performance.now();
  job.ready = rec.ready;
  job.readyAt = rec.ready ? job.posted : 0;
  w.onmessage = function (e) { RK.onWorkerMessage(job, e.data || {}); };
  w.onerror = function (e) {
    if (e && e.preventDefault) e.preventDefault();
    var why = (e && e.message) || 'the import worker could not run';
    if (!job.ready) RK.workerFallback(job, why);
    else RK.workerFailed(job, why);
  };
  w.postMessage(msg, transfer);
};

RK.endJob = function (job) {
  if (job.worker) { try { job.worker.terminate(); } catch (e) {} }
  job.worker = null;
  if (RK.job === job) RK.job = null;
  setTimeout(RK.prewarmWorker, 3000);
};

// A worker is started ahead of time (a moment after the page is ready, and after each import)
// so that an import does not wait for the engine to be fetched and instantiated. Each import
// uses a fresh worker and ends it: that gives all of its memory back at once.
RK.spare = null;
RK.newWorker = function () {
  var rec = { worker: new Worker(RK.scriptURL ? RK.scriptURL('import-worker.js') : 'import-worker.js'), ready: false, failed: null };
  // (Kept on rec: a save borrowing the worker forwards to them and puts them back.)
  rec.onmessage = function (e) {
    var m = e.data || {};
    if (m.type === 'ready') rec.ready = true;
    else if (m.type === 'failed') rec.failed = String(m.message);
  };
  rec.onerror = function (e) {
    if (e && e.preventDefault) e.preventDefault();
    rec.failed = (e && e.message) || 'the import worker could not run';
  };
  rec.worker.onmessage = rec.onmessage;
  rec.worker.onerror = rec.onerror;
  return rec;
};
RK.prewarmWorker = function () {
  if (RK.spare || RK.job || RK.workerDisabled || RK.workerBroken || typeof Worker !== 'function' || location.protocol === 'file:') return;
  try { RK.spare = RK.newWorker(); } catch (e) { RK.spare = null; }
};

// The worker never came up (its files are missing, the browser refused it): this import and
// the next ones run in the page.
RK.workerFallback = function (job, why) {
  if (RK.job !== job) return;
  console.info('import worker unavailable (' + why + '); importing in the page');
  RK.workerBroken = true;
  RK.endJob(job);
  Module._rk_worker_unavailable();
  if (job.restore) RK.restoreInPage(job.backup).then(RK.restoreFinished);
  else RK.addFilesAndBegin(job);  // its waiter, already queued, gets the in-page import's report
};

RK.workerFailed = function (job, why) {
  if (RK.job !== job) return;
  RK.endJob(job);
  Module._rk_worker_failed(RK.withString(String(why)));
};

RK.onWorkerMessage = function (job, m) {
  if (RK.job !== job) return;
  if (m.type === 'ready') {
    job.ready = true;
    job.readyAt = performance.now();
  } else if (m.type === 'progress') {
    Module._rk_worker_progress(+m.progress || 0, RK.withString(String(m.phase || '')));
  } else if (m.type === 'failed') {
    if (!job.ready) RK.workerFallback(job, m.message);
    else RK.workerFailed(job, m.message);
  } else if (m.type === 'restored') {
    RK.endJob(job);
    var restored = !m.error && m.bulk instanceof ArrayBuffer && m.texts instanceof ArrayBuffer;
    // (Refused: the current data's parts, if any, stay as they are.)
    if (restored) RK.workerParts = { bulk: new Uint8Array(m.bulk), texts: new Uint8Array(m.texts), copied: 0 };
    Module._rk_worker_restored(RK.withString(String(m.error || (restored ? '' : 'it did not arrive from the worker'))),
      RK.withString(String(m.user || '')), restored ? m.bulk.byteLength : -1, restored ? m.texts.byteLength : -1);
  } else if (m.type === 'done') {
    var t0 = performance.now();
    RK.endJob(job);
    (m.unreadable || []).forEach(function (u) { job.unreadable.push(u); });
    var hasData = m.bulk instanceof ArrayBuffer && m.texts instanceof ArrayBuffer;
    // Kept here until C++ has copied them in (RK.workerCopy, over the next frames) and saved
    // them as they are (RK.write).
    RK.workerParts = hasData ? { bulk: new Uint8Array(m.bulk), texts: new Uint8Array(m.texts), copied: 0 } : null;
    var stats = m.stats || {};
    stats.started_to_ready_ms = job.readyAt ? job.readyAt - job.posted : 0;
    stats.posted_to_done_ms = t0 - job.posted;
    RK.workerStats = stats;
    Module._rk_worker_done(RK.withString(String(m.report || '{}')),
      hasData ? m.bulk.byteLength : -1, hasData ? m.texts.byteLength : -1);
  }
};

// Called from C++ (js_worker_copy) once per frame during the takeover, then for the texts after
// it: copies the next pieces of the worker's result into C++'s buffers for about budgetMs, up to
// byte `upto` of the whole (bulk first, then texts). Returns the bytes copied so far, or -1 when
// there is nothing to copy.
RK.workerCopy = function (bulkPtr, textsPtr, budgetMs, upto) {
  var p = RK.workerParts;
  if (!p || !p.bulk || !p.texts) return -1;
  var total = Math.min(p.bulk.length + p.texts.length, upto), t0 = performance.now();
  while (p.copied < total) {
    var inBulk = p.copied < p.bulk.length;
    var src = inBulk ? p.bulk : p.texts, off = inBulk ? p.copied : p.copied - p.bulk.length;
    var n = Math.min(1024 * 1024, src.length - off);
    // The current HEAPU8 each time: the heap may have grown since the last call.
    HEAPU8.set(src.subarray(off, off + n), ((inBulk ? bulkPtr : textsPtr) >>> 0) + off);
    p.copied += n;
    if (performance.now() - t0 >= budgetMs) break;
  }
  return p.copied;
};

// Called from C++ (js_worker_cancel): "Cancel import", a restore or "delete all" stops it.
RK.workerCancel = function () { if (RK.job) RK.endJob(RK.job); };

RK.importFinished = function (json) {
  var f = RK.importWaiters.shift();
  var report = JSON.parse(json);
  if (f) f(report);
};

RK.pickFiles = function (purpose) {
  var input = document.createElement('input');
  input.type = 'file';
  input.multiple = purpose === 0;
  input.accept = purpose === 0 ? '.zip,.csv,application/zip,text/csv' : '.json,application/json';
  input.style.display = 'none';
  input.addEventListener('change', function () {
    var files = Array.prototype.slice.call(input.files || []);
    input.remove();
    if (!files.length) return;
    if (purpose === 0) RK.importFiles(files);
    else RK.restore(files[0]);
  });
  document.body.appendChild(input);
  input.click();
};

// The one path for restoring a backup (the picker, a dropped .json, rekindle.importState): a
// File, Blob or string. Resolves to {ok: true} or {error} (the message the page also shows); a
// failed restore changes nothing. The backup is read in the import worker (web/import_worker.pre.js)
// when one can start, so the page keeps drawing while hundreds of MB of JSON are parsed; its
// result is taken over like an import's (web.cpp). Otherwise the page reads it in one go.
RK.restoreWaiter = null;
RK.restore = function (backup) {
  RK.importChain = (RK.importChain || Promise.resolve()).then(function () {
    var worker = !RK.workerDisabled && !RK.workerBroken && typeof Worker === 'function' && location.protocol !== 'file:';
    if (!worker) return RK.restoreInPage(backup);
    return new Promise(function (resolve) {
      RK.restoreWaiter = resolve;
      RK.job = { restore: true, backup: backup, worker: null, ready: false, unreadable: [] };
      // C++ starts it when nothing stands in the way (an import, stored texts loading) and calls
      // RK.workerRestoreStart.
      Module._rk_restore_begin_remote();
    });
  });
  return RK.importChain;
};
RK.restoreInPage = function (backup) {
  var text = typeof backup === 'string' ? Promise.resolve(backup) : backup.text();
  return text.then(function (t) { return RK.api('importState', { json: t }); }, function (e) {
    return { error: 'This backup could not be restored: it could not be read (' + (e && e.message || e) + ')' };
  });
};
// Called from C++ (js_restore_finished) when a restore in the worker ended.
RK.restoreFinished = function (result) {
  var f = RK.restoreWaiter;
  RK.restoreWaiter = null;
  if (f) f(typeof result === 'string' ? JSON.parse(result) : result);
};

RK.download = function (name, mime, bytes) {
  var blob = new Blob([bytes], { type: mime });
  var url = URL.createObjectURL(blob);
  var a = document.createElement('a');
  a.href = url; a.download = name; a.rel = 'noopener'; a.style.display = 'none';
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
};

RK.copy = function (text) {
  RK.lastPaste = text;  // so paste inside the app works even if the OS clipboard is refused
  try {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function () { RK.copyFallback(text); });
      return;
    }
  } catch (e) {}
  RK.copyFallback(text);
};
RK.copyFallback = function (text) {
  try {
    var ta = document.createElement('textarea');
    ta.value = text; ta.style.position = 'fixed'; ta.style.opacity = '0';
    document.body.appendChild(ta); ta.select(); document.execCommand('copy'); ta.remove();
    var c = document.getElementById('canvas'); if (c) c.focus();
  } catch (e) {}
};

RK.installListeners = function () {
  var overlay = document.getElementById('drop-overlay');
  var show = function (on) { RK.dragging = on; if (overlay) overlay.classList.toggle('on', on); };
  var hasFiles = function (e) {
    var t = e.dataTransfer && e.dataTransfer.types;
    return !!t && Array.prototype.indexOf.call(t, 'Files') >= 0;
  };
  window.addEventListener('dragenter', function (e) { if (!hasFiles(e)) return; e.preventDefault(); RK.dragDepth++; show(true); });
  window.addEventListener('dragover', function (e) { if (!hasFiles(e)) return; e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; show(true); });
  window.addEventListener('dragleave', function (e) { RK.dragDepth = Math.max(0, RK.dragDepth - 1); if (RK.dragDepth === 0) show(false); });
  window.addEventListener('drop', function (e) {
    e.preventDefault(); RK.dragDepth = 0; show(false);
    var files = e.dataTransfer ? Array.prototype.slice.call(e.dataTransfer.files || []) : [];
    if (!files.length) return;
    var jsonOnly = files.length === 1 && /\.json$/i.test(files[0].name);
    if (jsonOnly) RK.restore(files[0]);
    else RK.importFiles(files);
  });
  // Paste: the browser only hands over the OS clipboard in a 'paste' event, which comes after
  // the key press. So Ctrl/Cmd+V is kept from SDL, and the app is told to paste once the text
  // has arrived (rk_on_paste replays the shortcut into ImGui).
  window.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'v' || e.key === 'V')) e.stopImmediatePropagation();
  }, true);
  document.addEventListener('paste', function (e) {
    if (e.target === RK.area || e.target === RK.field) return;  // the notes and text fields paste by themselves
    var t = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (!t) return;
    e.preventDefault();
    RK.lastPaste = t;
    Module._rk_on_paste();
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') Module._rk_on_hidden();
  });
  window.addEventListener('pagehide', function () { Module._rk_on_hidden(); });
  if (typeof BroadcastChannel !== 'undefined') {
    RK.channel = new BroadcastChannel(RK.dbName);
    RK.channel.onmessage = function (ev) {
      var d = ev.data || {};
      if (d.tab !== RK.tab) Module._rk_other_tab();
    };
  }
  if (window.matchMedia) {
    var mq = window.matchMedia('(prefers-color-scheme: dark)');
    RK.dark = mq.matches;
    var onChange = function (ev) { RK.dark = ev.matches; };
    if (mq.addEventListener) mq.addEventListener('change', onChange);
    // A finger as the main pointer: the app makes its targets finger-sized.
    var coarse = window.matchMedia('(pointer: coarse)');
    RK.coarse = coarse.matches;
    if (coarse.addEventListener) coarse.addEventListener('change', function (ev) { RK.coarse = ev.matches; });
  }
};

RK.estimate = function () {
  if (!(navigator.storage && navigator.storage.estimate)) return;
  navigator.storage.estimate().then(function (e) {
    // Chromium says what is whose: IndexedDB is the user's data, the caches and the service
    // worker are the app's own offline files (-1 where the browser does not tell).
    var d = e.usageDetails;
    var data = d ? (d.indexedDB || 0) : -1;
    var files = d ? (d.caches || 0) + (d.serviceWorkerRegistrations || 0) : -1;
    Module._rk_storage_estimate(e.usage || 0, e.quota || 0, RK.persisted ? 1 : 0, data, files);
  }).catch(function () {});
};
RK.persist = function () {
  if (!(navigator.storage && navigator.storage.persist)) return;
  var ask = navigator.storage.persisted ? navigator.storage.persisted() : Promise.resolve(false);
  ask.then(function (p) { return p || navigator.storage.persist(); })
    .then(function (p) { RK.persisted = !!p; RK.estimate(); })
    .catch(function () {});
};

// IndexedDB is read from the start, as this script runs: while index.wasm is fetched and
// compiled and main() sets up WebGL and the interface (preRun would wait for the compile). The
// frame function starts the app with the stored data once it is there (RK.storedLoaded), so the
// first interactive frame already shows it.
RK.storedLoaded = false;
(function () {
  if (typeof performance !== 'undefined' && performance.mark) performance.mark('rk:idb-start');
  RK.loadStored().then(function () {
    if (typeof performance !== 'undefined' && performance.mark) performance.mark('rk:idb-end');
    RK.storedLoaded = true;
  });
})();

// ---- window.rekindle: the scripting API (documented in README.md) --------------------------
(function () {
  var readyResolve;
  var api = {
    ready: new Promise(function (r) { readyResolve = r; }),
    version: 1,
    summary: function () { return RK.api('summary'); },
    importFiles: function (files) { return RK.importFiles(files); },
    cancelImport: function () { return RK.api('cancelImport').ok; },
    contacts: function (opts) {
      var r = RK.api('contacts', opts || {});
      if (r && r.error) throw new Error(r.error);
      return r.contacts;
    },
    update: function (id, patch) {
      var r = RK.api('update', { id: id, patch: patch || {} });
      if (r && r.error) throw new Error(r.error);
      return r.contact;
    },
    markContacted: function (id, date) {
      var r = RK.api('markContacted', { id: id, date: date || null });
      if (r && r.error) throw new Error(r.error);
      return r.contact;
    },
    flush: function () {
      // A save may already be in flight when flush() is called (e.g. the one after an import):
      // wait for it, then save again until nothing is left unsaved or the browser refuses.
      var round = function (n) {
        RK.api('flush');
        return RK.idle().then(function () {
          var s = RK.api('storageStatus');
          if (s.save_error) throw new Error(s.save_error);
          if (s.dirty && !s.blocked && n < 20) return round(n + 1);
          return true;
        });
      };
      return round(0);
    },
    exportState: function () {
      var r = RK.api('exportState');
      if (r && r.error) throw new Error(r.error);
      return r.json;
    },
    importState: function (json) {
      return RK.restore(typeof json === 'string' ? json : JSON.stringify(json)).then(function (r) {
        if (r && r.error) throw new Error(r.error);
        return true;
      });
    },
    clearAll: function () {
      RK.api('clearAll');
      return RK.idle().then(function () { return RK.clearStore(); });
    },
    storageStatus: function () { return RK.api('storageStatus'); },
    setToday: function (date) { return RK.api('setToday', { date: date }); },
    report: function () { return RK.api('report'); },
    stats: function () {
      var s = RK.api('stats');
      // The last save: main-thread time of starting it (last_save_ms, in C++), the longest of its
      // tasks (that start or one of its IndexedDB callbacks), chunks written, callbacks, and the
      // time until it was on disk (0 while in flight). bulk_save_*: the same for the last save
      // with bulk data (an import's), which a later edit's save does not replace.
      var w = RK.lastWrite, b = RK.lastBulkWrite;
      s.longest_save_task_ms = Math.max(s.last_save_ms || 0, w ? w.longest_task_ms : 0);
      s.save_chunks = w ? w.chunks : 0;
      s.save_tasks = w ? w.tasks : 0;
      s.save_total_ms = w ? w.total_ms : 0;
      s.bulk_save_longest_task_ms = Math.max(s.last_bulk_save_ms || 0, b ? b.longest_task_ms : 0);
      s.bulk_save_chunks = b ? b.chunks : 0;
      s.bulk_save_tasks = b ? b.tasks : 0;
      s.bulk_save_total_ms = b ? b.total_ms : 0;
      s.bulk_save_in_worker = !!(b && b.in_worker);  // then its tasks are the page's share only
      // Reading the message texts after start-up (texts_load_ms, in C++, ends when they are attached).
      var t = RK.textsStat;
      s.texts_read_chunks = t ? t.chunks : 0;
      s.texts_read_ms = t ? t.total_ms : 0;
      return s;
    },
    view: function (name) { return RK.api('view', { name: name || '' }); },
    // Dear ImGui's windows (name, place, scroll) and its active and focused items (tests).
    layout: function () { return JSON.parse(UTF8ToString(Module._rk_layout())); },
    select: function (id) { return RK.api('select', { id: id }); },
    settings: function (patch) { return RK.api('settings', patch || {}); },
  };
  RK.resolveReady = function () {
    readyResolve(api);
    setTimeout(RK.prewarmWorker, 200);
    // The first interactive frame is on screen once the browser starts the next one (the
    // benchmark reads this mark: asking the page from outside adds the round trips' delay).
    requestAnimationFrame(function () { if (performance.mark) performance.mark('rk:interactive'); });
  };
  window.rekindle = api;
})();
