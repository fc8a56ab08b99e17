// Persistence in IndexedDB: edits survive reloads, re-imports keep them, backups restore exactly,
// failed writes keep the old state, corrupt state is never wiped, two tabs don't clobber each other.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  launch, openApp, startServer, DIST, assert, assertEq, assertNoProblems, screenshot, frames,
  importViaApi, generator, tempDir, waitReady,
} from './harness.mjs';

function makeExport(seed = 7) {
  const dir = tempDir('rekindle-export-');
  execFileSync(generator(), ['--size', 'tiny', '--seed', String(seed), '--out', dir, '--zip']);
  const zip = fs.readdirSync(dir).find((f) => f.endsWith('.zip'));
  return { name: zip, path: path.join(dir, zip), manifest: JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) };
}

async function reload(page) {
  await page.reload();
  await waitReady(page);
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
        // Damage the stored bulk data behind the app's back.
        await page.evaluate(() => new Promise((resolve, reject) => {
          const req = indexedDB.open('rekindle', 1);
          req.onsuccess = () => {
            const tx = req.result.transaction('state', 'readwrite');
            tx.objectStore('state').put(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 'bulk');
            tx.oncomplete = () => { req.result.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
        }));
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
            const g = req.result.transaction('state').objectStore('state').get('bulk');
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
];
