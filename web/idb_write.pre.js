// The IndexedDB side of Rekindle's saves, shared by the page (web/pre.js: RK.write) and the import
// worker (web/import_worker.pre.js: RKW.write, which saves an import's result off the page's
// thread): linked into both with --pre-js, ahead of their own code. The records of the object
// store "state" are described in web/pre.js.
var RKIdb = {};
RKIdb.chunkKey = function (k) { return 'bulk:' + k; };
RKIdb.textsKey = function (k) { return 'texts:' + k; };
// Every "bulk:<k>" (or "texts:<k>") key and nothing else (';' is the character after ':').
RKIdb.chunkRange = function () { return IDBKeyRange.bound('bulk:', 'bulk;', false, true); };
RKIdb.textsRange = function () { return IDBKeyRange.bound('texts:', 'texts;', false, true); };
// The number of chunks meta announces, or -1 for the single-record format of older versions.
RKIdb.chunkCount = function (meta) {
  var n = meta ? meta.bulk_chunks : undefined;
  return typeof n === 'number' && n >= 0 && n === Math.floor(n) ? n : -1;
};
RKIdb.describe = function (e) {
  return (e && e.name ? e.name + ': ' : '') + (e && e.message ? e.message : String(e));
};

RKIdb.open = function (name) {
  return new Promise(function (resolve, reject) {
    if (typeof indexedDB === 'undefined' || !indexedDB) { reject(new Error('IndexedDB is not available in this browser')); return; }
    var req;
    try { req = indexedDB.open(name, 1); } catch (e) { reject(e); return; }
    req.onupgradeneeded = function () { req.result.createObjectStore('state'); };
    req.onsuccess = function () { resolve(req.result); };
    req.onerror = function () { reject(req.error || new Error('could not open IndexedDB')); };
    req.onblocked = function () { reject(new Error('IndexedDB is blocked by another tab')); };
  });
};

// One save, as one readwrite transaction on db: a failed write (quota, private mode, conflict,
// tab closed) leaves the old state. Reads meta and refuses ('conflict') when its rev is not
// o.knownRev (another tab saved since) unless o.force; puts "user" and "meta" and, with bulk
// data, replaces every chunk. Calls done(ok, message, rev) once; rev: the new meta.rev.
//   o.bulkLen        bytes of bulk data; < 0: the user data only (the stored chunks stay)
//   o.textsLen       bytes of message texts
//   o.source(which)  [array, offset]: where the bulk data (which 0) or the texts (1) start; asked
//                    for every chunk (the page's wasm heap may have been replaced meanwhile)
//   o.user, o.tab, o.knownRev, o.force, o.chunkBytes
//   o.budgetMs       time to spend putting chunks in one callback (at least one chunk)
//   o.wrap(f)        wraps each request callback that does work (the page times them); optional
//   o.onPassed()     called once the rev check passed; optional
//   o.stat           o.stat.chunks counts the chunks put; optional
//   o.failAtChunk    TEST HOOK (RK.writeFailAtChunk): abort instead of putting chunk k
RKIdb.write = function (db, o, done) {
  var wrap = o.wrap || function (f) { return f; };
  var stat = o.stat || {};
  var tx;
  try { tx = db.transaction('state', 'readwrite'); } catch (e) { done(false, e.name + ': ' + e.message, 0); return; }
  var st = tx.objectStore('state');
  var failed = null;
  var fail = function (e) {
    failed = failed || RKIdb.describe(e);
    try { tx.abort(); } catch (e2) {}
  };
  var newRev = o.knownRev + 1;
  var size = o.chunkBytes;
  var bulkLen = o.bulkLen, textsLen = bulkLen >= 0 ? o.textsLen : 0;
  var n = bulkLen >= 0 ? Math.max(1, Math.ceil(bulkLen / size)) : 0;
  var nt = bulkLen >= 0 ? Math.ceil(textsLen / size) : 0;
  // The chunks to put, bulk first: [offset in the source, length, chunk index, key, source]
  // of chunk j (0 … n+nt-1).
  var chunkOf = function (j) {
    var s = o.source(j < n ? 0 : 1);
    return j < n ? [s[1], bulkLen, j, RKIdb.chunkKey(j), s[0]] : [s[1], textsLen, j - n, RKIdb.textsKey(j - n), s[0]];
  };
  // Puts chunks k, k+1, … until this callback's budget is used, and continues from the success
  // callback of the last one: the page draws frames in between. put() clones its value before
  // it returns, so every full chunk goes through one reused buffer (a plain copy, no new 1 MB
  // allocation and garbage per chunk); only a shorter last chunk gets its own copy. (A view of
  // the source cannot be put: the clone would copy its whole buffer.)
  var scratch = null;
  var putChunks = function (k) {
    var t0 = performance.now(), r;
    do {
      if (k === o.failAtChunk) throw new Error('RK.writeFailAtChunk (a test hook) stopped the save at chunk ' + k);
      var c = chunkOf(k);
      var p = c[0] + c[2] * size;
      var end = c[0] + Math.min(c[1], (c[2] + 1) * size);
      var bytes;
      if (end - p === size) {
        scratch = scratch || new Uint8Array(size);
        scratch.set(c[4].subarray(p, end));
        bytes = scratch;
      } else {
        bytes = c[4].slice(p, end);
      }
      r = st.put(bytes, c[3]);
      stat.chunks = ++k;
    } while (k < n + nt && performance.now() - t0 < o.budgetMs);
    if (k >= n + nt) scratch = null;
    if (k < n + nt) {
      r.onsuccess = wrap(function () {
        if (failed) return;
        try { putChunks(k); } catch (e) { fail(e); }
      });
    }
  };
  var g = st.get('meta');
  g.onsuccess = wrap(function () {
    var meta = g.result;
    var rev = meta && typeof meta.rev === 'number' ? meta.rev : 0;
    if (rev !== o.knownRev && !o.force) {
      failed = 'conflict';
      try { tx.abort(); } catch (e) {}
      return;
    }
    if (o.onPassed) o.onPassed();
    newRev = rev + 1;
    var m = { rev: newRev, tab: o.tab, saved_at: Date.now() };
    if (n > 0) {
      m.bulk_chunks = n;
      m.bulk_bytes = bulkLen;
      m.texts_chunks = nt;
      m.texts_bytes = textsLen;
      m.bulk_id = o.tab + ':' + newRev;  // which bulk save the texts belong to (RK.loadTexts)
    } else if (RKIdb.chunkCount(meta) >= 0) {
      // A save of the user data only: the stored bulk data and texts stay as they are.
      ['bulk_chunks', 'bulk_bytes', 'texts_chunks', 'texts_bytes', 'bulk_id'].forEach(function (f) {
        if (meta[f] !== undefined) m[f] = meta[f];
      });
    }
    try {
      st.put(o.user, 'user');
      st.put(m, 'meta');
      if (n > 0) {
        // Requests run in order: the old chunks (any number of them) and the record of the
        // older format go first, then the new chunks. An abort brings all of them back.
        st.delete('bulk');
        st.delete(RKIdb.chunkRange());
        st.delete(RKIdb.textsRange());
        putChunks(0);
      }
    } catch (e) {
      fail(e);
    }
  });
  tx.oncomplete = function () { done(true, '', newRev); };
  // A failed request (e.g. quota) is not prevented: it aborts the transaction, so nothing of
  // this write is kept. The abort reports it.
  tx.onerror = function (ev) {
    var e = ev && ev.target && ev.target.error;
    if (!failed && e && e.name !== 'AbortError') failed = RKIdb.describe(e);
  };
  tx.onabort = function () {
    done(false, failed || (tx.error ? (tx.error.name + ': ' + tx.error.message) : 'the browser refused to save'), 0);
  };
};
