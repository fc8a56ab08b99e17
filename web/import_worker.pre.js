// The import worker's JavaScript, prepended to its Emscripten output (import-worker.js). It runs
// in a Web Worker that the page (web/pre.js, RK.worker*) starts for one import and terminates
// afterwards, or that saves an import's result to IndexedDB for the page (RK.writeInWorker),
// with the same transaction code as the page's own saves (web/idb_write.pre.js, linked in
// ahead of this file). Nothing here touches the network: files and data come in by
// postMessage, the result goes back the same way.
//
// Page → worker: {type: 'import', today, files: [File or Blob], names: [string],
//                 base: {bulk: ArrayBuffer, texts: ArrayBuffer} or null};
//                {type: 'restore', backup: File, Blob or string}: a backup to read (a restore);
//                {type: 'write', dbName, knownRev, force, tab, user: string, bulk, texts:
//                 ArrayBuffer (transferred), bulkLen, textsLen, chunkBytes, failAtChunk (a test
//                 hook)}: a save as RKIdb.write does it, handled at once (it needs no engine).
// Worker → page: {type: 'ready'} once the engine is instantiated;
//                {type: 'progress', progress: 0..1, phase};
//                {type: 'done', report: JSON string, unreadable: [{name, error}],
//                 bulk, texts: ArrayBuffer (transferred; only when the report says committed),
//                 stats: {worker_ms, read_ms, import_ms, result_ms, heap_bytes}};
//                {type: 'restored', error: '' or why the backup cannot be restored, user: the
//                 restored user data and settings (JSON), bulk, texts: ArrayBuffer (transferred;
//                 only without error)}; progress messages come before it;
//                {type: 'failed', message} when the engine stops (out of memory, a bug);
//                {type: 'writing'} as a save begins, then {type: 'written', ok, message, rev
//                 (the new meta.rev), checked (the rev check passed), chunks (put), total_ms,
//                 and when it failed bulk, texts: the buffers, transferred back for a retry}.
var RKW = { ready: false, queue: [], busy: false };

Module.print = function (t) { console.log('[import worker] ' + t); };
Module.printErr = function (t) { console.warn('[import worker] ' + t); };
Module.onAbort = function (what) {
  postMessage({ type: 'failed', message: String(what || 'the import engine stopped') });
};
Module.onRuntimeInitialized = function () {
  RKW.ready = true;
  postMessage({ type: 'ready' });
  var q = RKW.queue;
  RKW.queue = [];
  q.forEach(RKW.run);
};

self.onmessage = function (e) {
  var m = e.data;
  if (m && m.type === 'write') { RKW.write(m); return; }
  if (!m || (m.type !== 'import' && m.type !== 'restore')) return;
  if (RKW.ready) RKW.run(m);
  else RKW.queue.push(m);
};

// A save for the page (see the header). Nothing waits on this thread, but the chunks still go
// out a few at a time, each batch after the last one was stored: bursts of 50 ms of puts kept the
// storage process and this worker busy on every core at once, and the page's frames right after
// an import stretched to 150-250 ms on a 2-core machine (one chunk per round trip: under 100 ms
// after the first second).
RKW.writeBudgetMs = 2;
RKW.write = function (m) {
  postMessage({ type: 'writing' });
  var t0 = performance.now(), stat = { chunks: 0 }, checked = false, db = null, replied = false, src = null;
  var reply = function (ok, message, rev) {
    if (replied) return;
    replied = true;
    if (db) { try { db.close(); } catch (e) {} }
    var out = { type: 'written', ok: ok, message: message || '', rev: rev || 0, checked: checked,
      chunks: stat.chunks, total_ms: performance.now() - t0 };
    var transfer = [];
    if (!ok && m.bulk instanceof ArrayBuffer && m.texts instanceof ArrayBuffer) {
      out.bulk = m.bulk;
      out.texts = m.texts;
      transfer = [m.bulk, m.texts];
    }
    m.bulk = m.texts = src = null;  // sent back, or freed
    postMessage(out, transfer);
  };
  try {
    src = [new Uint8Array(m.bulk), new Uint8Array(m.texts)];
    RKIdb.open(m.dbName).then(function (d) {
      db = d;
      RKIdb.write(db, {
        bulkLen: m.bulkLen, textsLen: m.textsLen, user: m.user, tab: m.tab, knownRev: m.knownRev, force: !!m.force,
        chunkBytes: m.chunkBytes, budgetMs: RKW.writeBudgetMs, stat: stat, failAtChunk: m.failAtChunk,
        source: function (which) { return [src[which], 0]; },
        onPassed: function () { checked = true; },
      }, reply);
    }, function (e) { reply(false, RKIdb.describe(e), 0); });
  } catch (e) {
    reply(false, RKIdb.describe(e), 0);
  }
};

// Copies bytes into engine buffer `which` (0 or 1); false if the heap cannot hold them.
RKW.copyIn = function (which, bytes) {
  var p = Module._rkw_alloc(which, bytes.length) >>> 0;
  if (!p && bytes.length) return false;
  if (bytes.length) HEAPU8.set(bytes, p);
  return true;
};

RKW.withString = function (s, f) {
  var n = lengthBytesUTF8(s) + 1;
  var p = Module._malloc(n);
  stringToUTF8(s, p, n);
  try { return f(p); } finally { Module._free(p); }
};

RKW.fail = function (message) { postMessage({ type: 'failed', message: message }); };

RKW.run = function (m) {
  if (RKW.busy) { RKW.fail('an import is already running in this worker'); return; }
  RKW.busy = true;
  if (m.type === 'restore') { RKW.restore(m.backup); return; }
  var t0 = performance.now();
  var stats = { worker_ms: 0, read_ms: 0, import_ms: 0, result_ms: 0, heap_bytes: 0 };
  Module._rkw_begin(m.today | 0);
  if (m.base) {
    var ok = RKW.copyIn(0, new Uint8Array(m.base.bulk)) && RKW.copyIn(1, new Uint8Array(m.base.texts));
    m.base = null;
    if (!ok) { RKW.fail('your current data is too large to import more on top of it in this browser tab'); return; }
    var err = UTF8ToString(Module._rkw_set_base());
    if (err) { RKW.fail('your current data could not be handed to the import (' + err + ')'); return; }
  }
  // The files, one at a time: each is read, copied into the engine's heap and dropped before
  // the next, so the worker never holds two copies of a big export.
  var files = m.files || [], names = m.names || [], unreadable = [];
  var readNext = function (i) {
    if (i >= files.length) { stats.read_ms = performance.now() - t0; RKW.importAll(stats, t0, unreadable); return; }
    var name = names[i] || 'file';
    files[i].arrayBuffer().then(function (ab) {
      var ok = false;
      try { ok = RKW.copyIn(0, new Uint8Array(ab)); } catch (e) { ok = false; }
      ab = null;
      if (ok) RKW.withString(name, function (p) { Module._rkw_add_file(p); });
      else unreadable.push({ name: name, error: 'is too large for this browser tab' });
      files[i] = null;
      readNext(i + 1);
    }, function (e) {
      unreadable.push({ name: name, error: 'could not be read: ' + (e && e.message || e) });
      files[i] = null;
      readNext(i + 1);
    });
  };
  readNext(0);
};

// The import itself, in slices of ~100 ms with a progress message after each: nothing else
// needs this thread, and the page's "Cancel" terminates the worker.
RKW.importAll = function (stats, t0, unreadable) {
  var t1 = performance.now();
  var last = -1, lastPhase = '';
  while (!Module._rkw_step(100)) {
    var p = Module._rkw_progress(), phase = UTF8ToString(Module._rkw_phase());
    if (p - last >= 0.005 || phase !== lastPhase) {
      last = p;
      lastPhase = phase;
      postMessage({ type: 'progress', progress: p, phase: phase });
    }
  }
  var report = UTF8ToString(Module._rkw_report());
  stats.import_ms = performance.now() - t1;
  var msg = { type: 'done', report: report, unreadable: unreadable, bulk: null, texts: null, stats: stats };
  var transfer = [];
  var committed = false;
  try { committed = !!JSON.parse(report).committed; } catch (e) {}
  if (committed) {
    var t2 = performance.now();
    postMessage({ type: 'progress', progress: 1, phase: 'Handing over the imported data' });
    Module._rkw_take_result();
    var take = function (which) {
      var p = Module._rkw_result_ptr(which) >>> 0, n = Module._rkw_result_len(which);
      return HEAPU8.slice(p, p + n).buffer;
    };
    msg.bulk = take(0);
    msg.texts = take(1);
    transfer.push(msg.bulk, msg.texts);
    stats.result_ms = performance.now() - t2;
  }
  stats.heap_bytes = HEAPU8.length;  // the heap only grows: this is its peak
  stats.worker_ms = performance.now() - t0;
  postMessage(msg, transfer);
};

// A restore: the backup (a File or Blob from the picker, or the string given to
// rekindle.importState) is copied into the engine's heap, read into a Store there, and handed
// back as an import's result is, with the user data and settings apart.
RKW.restore = function (backup) {
  var reply = function (error) {
    var msg = { type: 'restored', error: error, user: '', bulk: null, texts: null };
    if (error) { postMessage(msg); return; }
    postMessage({ type: 'progress', progress: 1, phase: 'Handing over the backup' });
    var take = function (which) {
      var p = Module._rkw_result_ptr(which) >>> 0, n = Module._rkw_result_len(which);
      return HEAPU8.slice(p, p + n).buffer;
    };
    msg.user = UTF8ToString(Module._rkw_restored_user());
    msg.bulk = take(0);
    msg.texts = take(1);
    postMessage(msg, [msg.bulk, msg.texts]);
  };
  var read = function (bytes) {
    var ok = false;
    try { ok = RKW.copyIn(0, bytes); } catch (e) { ok = false; }
    bytes = null;
    if (!ok) { reply('it is too large for this browser tab'); return; }
    postMessage({ type: 'progress', progress: 0, phase: 'Reading the backup' });
    reply(UTF8ToString(Module._rkw_restore()));
  };
  if (typeof backup === 'string') read(new TextEncoder().encode(backup));
  else if (backup && typeof backup.arrayBuffer === 'function') {
    backup.arrayBuffer().then(function (ab) { read(new Uint8Array(ab)); },
      function (e) { reply('it could not be read (' + (e && e.message || e) + ')'); });
  } else reply('it is not a file or text');
};
