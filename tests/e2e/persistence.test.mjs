// Persistence in IndexedDB: edits survive reloads, re-imports keep them, backups restore exactly,
// failed writes keep the old state, corrupt state is never wiped, two tabs don't clobber each other.
// The bulk data is stored in chunks ("bulk:0" … "bulk:N-1", count in meta.bulk_chunks); states
// saved by older versions as one "bulk" record still load.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  launch, openApp, startServer, DIST, assert, assertEq, assertNoProblems, screenshot, frames,
  importViaApi, generator, tempDir, waitReady, storedLayout,
} from './harness.mjs';

// tiny: ~50 contacts (one chunk). { big: true }: 1000 contacts and 30,000 messages, whose bulk
// data (~5 MB) spans several chunks of RK.chunkBytes (1 MB).
function makeExport(seed = 7, { big = false } = {}) {
  const dir = tempDir('rekindle-export-');
  const size = big ? ['--size', 'S', '--messages', '30000'] : ['--size', 'tiny'];
  execFileSync(generator(), [...size, '--seed', String(seed), '--out', dir, '--zip']);
  const zip = fs.readdirSync(dir).find((f) => f.endsWith('.zip'));
  return { name: zip, path: path.join(dir, zip), manifest: JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) };
}

async function reload(page) {
  await page.reload();
  await waitReady(page);
}

const chunkKeys = (n) => Array.from({ length: n }, (_, k) => 'bulk:' + k);
const expectedKeys = (n) => [...chunkKeys(n), 'meta', 'user'].sort();

// Checks the stored layout of a chunked save and returns it.
async function checkChunked(page, what) {
  const lay = await storedLayout(page);
  const chunk = await page.evaluate(() => Module.RK.chunkBytes);
  const n = lay.meta && lay.meta.bulk_chunks;
  assert(Number.isInteger(n) && n >= 1, `${what}: meta.bulk_chunks is a count, got ${JSON.stringify(lay.meta)}`);
  assertEq(lay.keys, expectedKeys(n), `${what}: stored keys`);
  const sizes = chunkKeys(n).map((k) => lay.sizes[k]);
  assertEq(sizes.reduce((a, b) => a + b, 0), lay.meta.bulk_bytes, `${what}: the chunks add up to meta.bulk_bytes`);
  sizes.forEach((sz, k) => assert(k === n - 1 ? sz > 0 && sz <= chunk : sz === chunk, `${what}: chunk ${k} has ${sz} bytes`));
  return lay;
}

// Deletes or replaces records behind the app's back.
async function rawEdit(page, { del = [], putBytes = {} }) {
  await page.evaluate(([del, putBytes]) => new Promise((resolve, reject) => {
    const req = indexedDB.open('rekindle', 1);
    req.onsuccess = () => {
      const tx = req.result.transaction('state', 'readwrite');
      const st = tx.objectStore('state');
      del.forEach((k) => st.delete(k));
      Object.entries(putBytes).forEach(([k, v]) => st.put(new Uint8Array(v), k));
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), [del, putBytes]);
}

export const tests = [
  {
    name: 'edits with unicode survive a reload; re-import keeps them and adds no duplicate',
    fn: async () => {
      const exp = makeExport();
      const srv = await startServer(DIST);
      const ctx = await launch();
      try {
        const page = await openApp(ctx, srv.url);
        const r1 = await importViaApi(page, [exp]);
        assert(r1.contacts_added > 0, 'first import adds contacts');
        const before = await page.evaluate(() => rekindle.contacts({ sort: 'name' }));
        const id = before[0].id;
        const note = 'Met at the Zürich meetup — 東京 next time 🚀 «ask about Ωmega»';
        await page.evaluate(([id, note]) => rekindle.update(id, { note, tags: ['mentor', 'Köln'], cadence_days: 30, snoozed_until: '2030-01-02' }), [id, note]);
        await page.evaluate((id) => rekindle.markContacted(id, '2026-11-01'), id);
        await page.evaluate(() => rekindle.flush());
        await reload(page);
        const after = await page.evaluate((id) => rekindle.contacts().find((c) => c.id === id), id);
        assertEq(after.note, note, 'note after reload');
        assertEq(after.tags, ['mentor', 'Köln'], 'tags after reload');
        assertEq(after.cadence_days, 30, 'cadence after reload');
        assertEq(after.snoozed_until, '2030-01-02', 'snooze after reload');
        assertEq(after.last_interaction >= '2026-11-01', true, 'logged interaction after reload');
        const n = (await page.evaluate(() => rekindle.contacts())).length;
        const r2 = await importViaApi(page, [exp]);
        assertEq(r2.contacts_added, 0, 'contacts_added on re-import');
        const again = await page.evaluate(() => rekindle.contacts());
        assertEq(again.length, n, 'no duplicates after re-import');
        const kept = again.find((c) => c.id === id);
        assertEq(kept.note, note, 'note kept by re-import');
        assertEq(kept.tags, ['mentor', 'Köln'], 'tags kept by re-import');
        await page.evaluate(() => rekindle.flush());
        await reload(page);
        assertEq((await page.evaluate(() => rekindle.contacts())).length, n, 'count after re-import and reload');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'a backup restored after clearAll() gives identical contacts()',
    fn: async () => {
      const exp = makeExport(11);
      const srv = await startServer(DIST);
      const ctx = await launch();
      try {
        const page = await openApp(ctx, srv.url);
        await importViaApi(page, [exp]);
        const first = (await page.evaluate(() => rekindle.contacts({ sort: 'name' })))[0];
        await page.evaluate((id) => rekindle.update(id, { note: 'ǅemal — note', tags: ['x'] }), first.id);
        const contacts = await page.evaluate(() => rekindle.contacts());
        const backup = await page.evaluate(() => rekindle.exportState());
        assert(backup.length > 1000, 'backup has content');
        await page.evaluate(() => rekindle.clearAll());
        assertEq((await page.evaluate(() => rekindle.summary())).contacts, 0, 'cleared');
        await reload(page);
        assertEq((await page.evaluate(() => rekindle.summary())).contacts, 0, 'still cleared after reload');
        await page.evaluate((b) => rekindle.importState(b), backup);
        assertEq(await page.evaluate(() => rekindle.contacts()), contacts, 'contacts() after restore');
        await page.evaluate(() => rekindle.flush());
        await reload(page);
        assertEq(await page.evaluate(() => rekindle.contacts()), contacts, 'contacts() after restore and reload');
        const bad = await page.evaluate(() => { try { rekindle.importState('{"app":"other"}'); return 'no error'; } catch (e) { return e.message; } });
        assert(bad !== 'no error', 'a wrong backup is refused');
        assertEq(await page.evaluate(() => rekindle.contacts()), contacts, 'a refused restore changes nothing');
        await page.evaluate(() => rekindle.view('settings'));
        await screenshot(page, 'persistence-restore-refused');
        await page.rk.problems.splice(0);  // the refused restore logs nothing, but be tolerant of its modal
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'a failed write (quota) keeps the previous state and shows the reason',
    fn: async () => {
      const exp = makeExport(5);
      const srv = await startServer(DIST);
      const ctx = await launch();
      try {
        const page = await openApp(ctx, srv.url);
        await importViaApi(page, [exp]);
        const id = (await page.evaluate(() => rekindle.contacts({ sort: 'name' })))[0].id;
        await page.evaluate((id) => rekindle.update(id, { note: 'saved note' }), id);
        await page.evaluate(() => rekindle.flush());
        // Every put now fails as a full disk would.
        await page.evaluate(() => {
          IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
        });
        await page.evaluate((id) => rekindle.update(id, { note: 'unsaved note' }), id);
        const err = await page.evaluate(() => rekindle.flush().then(() => 'saved', (e) => e.message));
        assert(/QuotaExceededError|quota/i.test(err), 'flush reports the quota error, got: ' + err);
        const st = await page.evaluate(() => rekindle.storageStatus());
        assert(/quota/i.test(st.save_error), 'storage status has the reason');
        await page.evaluate(() => rekindle.view('contacts'));
        await screenshot(page, 'persistence-quota-banner');
        await reload(page);
        const c = await page.evaluate((id) => rekindle.contacts().find((c) => c.id === id), id);
        assertEq(c.note, 'saved note', 'the previous good state is what loads');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'a corrupt stored state is reported, kept, and never wiped silently',
    fn: async () => {
      const exp = makeExport(3);
      const srv = await startServer(DIST);
      const ctx = await launch();
      try {
        const page = await openApp(ctx, srv.url);
        await importViaApi(page, [exp]);
        await page.evaluate(() => rekindle.flush());
        // Damage the stored bulk data behind the app's back (its only chunk).
        assertEq((await storedLayout(page)).meta.bulk_chunks, 1, 'a tiny export is one chunk');
        await rawEdit(page, { putBytes: { 'bulk:0': [1, 2, 3, 4, 5, 6, 7, 8] } });
        await reload(page);
        const st = await page.evaluate(() => rekindle.storageStatus());
        assert(st.blocked, 'saving is paused');
        assert(st.load_error.length > 0, 'the load error is explained');
        await screenshot(page, 'persistence-corrupt-banner');
        // Nothing is written while blocked: the damaged bytes are still there for download.
        await page.evaluate(() => rekindle.flush());
        const stored = await page.evaluate(() => new Promise((resolve) => {
          const req = indexedDB.open('rekindle', 1);
          req.onsuccess = () => {
            const g = req.result.transaction('state').objectStore('state').get('bulk:0');
            g.onsuccess = () => { resolve(Array.from(g.result)); req.result.close(); };
          };
        }));
        assertEq(stored, [1, 2, 3, 4, 5, 6, 7, 8], 'stored bytes untouched');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'two tabs: a stale tab does not overwrite the other tab\'s edits',
    fn: async () => {
      const exp = makeExport(9);
      const srv = await startServer(DIST);
      const ctx = await launch();
      try {
        const a = await openApp(ctx, srv.url);
        await importViaApi(a, [exp]);
        await a.evaluate(() => rekindle.flush());
        const b = await openApp(ctx, srv.url);
        const id = (await b.evaluate(() => rekindle.contacts({ sort: 'name' })))[0].id;
        await a.evaluate((id) => rekindle.update(id, { note: 'from tab A' }), id);
        await a.evaluate(() => rekindle.flush());
        await frames(b, 3);
        await b.evaluate((id) => rekindle.update(id, { note: 'from tab B' }), id);
        await b.evaluate(() => rekindle.flush()).catch(() => {});
        const st = await b.evaluate(() => rekindle.storageStatus());
        assert(st.other_tab_changed, 'tab B knows another tab changed the data');
        await screenshot(b, 'persistence-other-tab');
        await a.reload(); await waitReady(a);
        const c = await a.evaluate((id) => rekindle.contacts().find((c) => c.id === id), id);
        assertEq(c.note, 'from tab A', 'tab A\'s edit was not overwritten');
        await assertNoProblems(a);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'bulk data of several chunks reloads identically; an edit rewrites no chunk; a lost chunk is reported, not wiped',
    fn: async () => {
      const exp = makeExport(21, { big: true });
      const srv = await startServer(DIST);
      const ctx = await launch();
      try {
        const page = await openApp(ctx, srv.url);
        // The wasm memory grows while the save is under way (as any allocation by the app may
        // make it): the chunks after that must still come from the right bytes.
        await page.evaluate(() => {
          const put = IDBObjectStore.prototype.put;
          IDBObjectStore.prototype.put = function (value, key) {
            const r = put.call(this, value, key);
            if (key === 'bulk:1' && !window.__grown) {
              const before = rekindle.stats().heap_bytes;
              Module._free(Module._malloc(before + 64 * 1024 * 1024));
              window.__grown = [before, rekindle.stats().heap_bytes];
            }
            return r;
          };
        });
        await importViaApi(page, [exp]);
        await page.evaluate(() => rekindle.flush());
        const grown = await page.evaluate(() => window.__grown);
        assert(grown && grown[1] > grown[0], 'the heap grew during the save: ' + JSON.stringify(grown));
        const lay = await checkChunked(page, 'after the import');
        const n = lay.meta.bulk_chunks;
        assert(n >= 3, `the bulk data spans several chunks, got ${n}`);
        const st = await page.evaluate(() => rekindle.stats());
        assertEq(st.bulk_save_chunks, n, 'stats: chunks of the last bulk save');
        assert(st.bulk_save_longest_task_ms >= st.last_bulk_save_ms && st.last_bulk_save_ms >= st.last_bulk_serialise_ms &&
          st.bulk_save_tasks >= 1 && st.bulk_save_total_ms > 0 && st.longest_save_task_ms >= st.last_save_ms,
          'stats of the bulk save: ' + JSON.stringify(st, (k, v) => (k === 'frame_ms' ? undefined : v)));
        const contacts = await page.evaluate(() => rekindle.contacts());
        const summary = await page.evaluate(() => rekindle.summary());
        assert(summary.messages > 20000, 'the big export was imported');
        await reload(page);
        assertEq(await page.evaluate(() => rekindle.summary()), summary, 'summary() after reload');
        assertEq(await page.evaluate(() => rekindle.contacts()), contacts, 'contacts() after reload');
        const s0 = await page.evaluate(() => rekindle.storageStatus());
        assert(!s0.blocked && !s0.load_error, 'loaded without error');

        // An edit saves only the small user record: the chunks are not rewritten.
        const id = contacts[0].id;
        await page.evaluate((id) => rekindle.update(id, { note: 'chunked — ✓' }), id);
        await page.evaluate(() => rekindle.flush());
        const st2 = await page.evaluate(() => rekindle.stats());
        assertEq([st2.last_save_bulk, st2.save_chunks], [false, 0], 'an edit saves the user data only');
        const lay2 = await checkChunked(page, 'after an edit');
        assertEq([lay2.meta.bulk_chunks, lay2.meta.bulk_bytes, lay2.sizes], [n, lay.meta.bulk_bytes, lay.sizes], 'the chunks are unchanged');
        assert(lay2.meta.rev > lay.meta.rev, 'meta.rev counts the save');
        const edited = await page.evaluate(() => rekindle.contacts());
        await reload(page);
        assertEq(await page.evaluate(() => rekindle.contacts()), edited, 'contacts() after the edit and a reload');

        // A chunk lost behind the app's back: the load error says so, and nothing is overwritten.
        await rawEdit(page, { del: ['bulk:1'] });
        await reload(page);
        const s1 = await page.evaluate(() => rekindle.storageStatus());
        assert(s1.blocked, 'saving is paused');
        assert(/part 2 of/.test(s1.load_error), 'the load error names the missing part: ' + s1.load_error);
        await page.evaluate(() => rekindle.flush());
        const lay3 = await storedLayout(page);
        assertEq(lay3.keys, expectedKeys(n).filter((k) => k !== 'bulk:1'), 'the other chunks are kept');
        assertEq([lay3.meta.bulk_chunks, lay3.meta.bulk_bytes], [n, lay.meta.bulk_bytes], 'meta still describes the stored data');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'a state saved by older versions (one "bulk" record) loads, and the next bulk save turns it into chunks',
    fn: async () => {
      const exp = makeExport(23, { big: true });
      const srv = await startServer(DIST);
      const ctx = await launch();
      try {
        const page = await openApp(ctx, srv.url);
        await importViaApi(page, [exp]);
        const id = (await page.evaluate(() => rekindle.contacts({ sort: 'name' })))[0].id;
        await page.evaluate((id) => rekindle.update(id, { note: 'from an older version', tags: ['old'] }), id);
        await page.evaluate(() => rekindle.flush());
        const contacts = await page.evaluate(() => rekindle.contacts());
        // Rewrite the store as older versions saved it: the same bytes as one Uint8Array under
        // "bulk", no chunk records, meta without bulk_chunks / bulk_bytes.
        const legacyBytes = await page.evaluate(() => new Promise((resolve, reject) => {
          const req = indexedDB.open('rekindle', 1);
          req.onsuccess = () => {
            const tx = req.result.transaction('state', 'readwrite');
            const st = tx.objectStore('state');
            const m = st.get('meta');
            m.onsuccess = () => {
              const meta = m.result;
              const parts = [];
              let left = meta.bulk_chunks;
              for (let k = 0; k < meta.bulk_chunks; k++) {
                const g = st.get('bulk:' + k);
                g.onsuccess = () => {
                  parts[k] = g.result;
                  if (--left) return;
                  const all = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
                  let at = 0;
                  for (const p of parts) { all.set(p, at); at += p.length; }
                  st.delete(IDBKeyRange.bound('bulk:', 'bulk;', false, true));
                  st.put(all, 'bulk');
                  st.put({ rev: meta.rev, tab: 'older-version', saved_at: meta.saved_at }, 'meta');
                  tx.oncomplete = () => { req.result.close(); resolve(all.length); };
                };
              }
            };
            tx.onerror = () => reject(tx.error);
          };
        }));
        const legacy = await storedLayout(page);
        assertEq(legacy.keys, ['bulk', 'meta', 'user'], 'the older layout');
        assert(legacyBytes > 2 * 1024 * 1024 && legacy.sizes.bulk === legacyBytes, 'one record of several MB');
        await reload(page);
        const s = await page.evaluate(() => rekindle.storageStatus());
        assert(!s.blocked && !s.load_error, 'loads without error: ' + s.load_error);
        assertEq(await page.evaluate(() => rekindle.contacts()), contacts, 'contacts() from the older format');

        // An edit keeps the older format as it is (only "user" and "meta" are written)...
        await page.evaluate((id) => rekindle.update(id, { note: 'edited after the upgrade' }), id);
        await page.evaluate(() => rekindle.flush());
        const l2 = await storedLayout(page);
        assertEq([l2.keys, l2.sizes, l2.meta.bulk_chunks], [['bulk', 'meta', 'user'], legacy.sizes, undefined], 'older format kept by an edit');
        await reload(page);
        assertEq((await page.evaluate((id) => rekindle.contacts().find((c) => c.id === id), id)).note, 'edited after the upgrade', 'edit on the older format survives a reload');

        // ...and the next bulk save (a re-import) replaces the "bulk" record with chunks.
        await importViaApi(page, [exp]);
        await page.evaluate(() => rekindle.flush());
        const l3 = await checkChunked(page, 'after the re-import');
        assert(l3.meta.bulk_chunks >= 3, 'several chunks');
        const after = await page.evaluate(() => rekindle.contacts());
        await reload(page);
        assertEq(await page.evaluate(() => rekindle.contacts()), after, 'contacts() after the conversion and a reload');
        assertEq(after.find((c) => c.id === id).tags, ['old'], 'user data kept through the conversion');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'a smaller bulk save leaves no stale chunks; clearAll() removes every chunk',
    fn: async () => {
      const small = makeExport(31);
      const big = makeExport(32, { big: true });
      const srv = await startServer(DIST);
      const ctx = await launch();
      try {
        const page = await openApp(ctx, srv.url);
        await importViaApi(page, [small]);
        const backup = await page.evaluate(() => rekindle.exportState());
        await importViaApi(page, [big]);
        await page.evaluate(() => rekindle.flush());
        const n1 = (await checkChunked(page, 'after the big import')).meta.bulk_chunks;
        assert(n1 >= 3, `several chunks, got ${n1}`);
        // Restoring the small backup replaces everything: far less bulk data than before.
        await page.evaluate((b) => rekindle.importState(b), backup);
        await page.evaluate(() => rekindle.flush());
        const n2 = (await checkChunked(page, 'after restoring the small backup')).meta.bulk_chunks;
        assert(n2 < n1, `fewer chunks (${n2} < ${n1}), and checkChunked found no stale one`);
        const restored = await page.evaluate(() => rekindle.contacts());
        await reload(page);
        assertEq(await page.evaluate(() => rekindle.contacts()), restored, 'contacts() after the smaller save and a reload');
        await page.evaluate(() => rekindle.clearAll());
        assertEq((await storedLayout(page)).keys, [], 'clearAll() leaves no record');
        await reload(page);
        assertEq((await page.evaluate(() => rekindle.summary())).contacts, 0, 'still cleared after reload');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'a bulk save failing mid-write (quota at the second chunk) keeps every previous chunk',
    fn: async () => {
      const exp = makeExport(41, { big: true });
      const more = makeExport(42);
      const srv = await startServer(DIST);
      const ctx = await launch();
      try {
        const page = await openApp(ctx, srv.url);
        await importViaApi(page, [exp]);
        await page.evaluate(() => rekindle.flush());
        const before = await checkChunked(page, 'the good state');
        const contacts = await page.evaluate(() => rekindle.contacts());
        // The disk fills up while the next bulk save is under way: user, meta, the deletion of the
        // old chunks and chunk 0 are already requested when chunk 1 fails.
        await page.evaluate(() => {
          const put = IDBObjectStore.prototype.put;
          IDBObjectStore.prototype.put = function (value, key) {
            if (key === 'bulk:1') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            return put.call(this, value, key);
          };
        });
        const r = await importViaApi(page, [more]);
        assert(r.contacts_added > 0, 'the second import changes the bulk data');
        const err = await page.evaluate(() => rekindle.flush().then(() => 'saved', (e) => e.message));
        assert(/QuotaExceededError|quota/i.test(err), 'flush reports the quota error, got: ' + err);
        const st = await page.evaluate(() => rekindle.stats());
        assert(st.last_save_bulk && st.bulk_save_chunks === 1, 'the failed save was a bulk save that had written chunk 0');
        // (A save of the user data alone may have come in between: only the chunks are compared.)
        const after = await storedLayout(page);
        const bulkOf = (l) => [l.keys, l.sizes, l.meta.bulk_chunks, l.meta.bulk_bytes];
        assertEq(bulkOf(after), bulkOf(before), 'the aborted write left the previous chunks');
        await reload(page);
        assertEq(await page.evaluate(() => rekindle.contacts()), contacts, 'the previous good state is what loads');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
];
