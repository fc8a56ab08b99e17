// Imports in the import worker (import-worker.js): the same result as an import in the page,
// saved as the worker serialised it, edits made meanwhile kept, cancel, a worker that dies, and a
// worker that cannot start (the page then imports itself).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  launch, openApp, DIST, withApp as withAppAt, assert, assertEq, assertNoProblems, frames, importViaApi,
  generator, tempDir, waitReady, waitTexts, storedLayout,
} from './harness.mjs';

const withApp = (dist, fn) => withAppAt(dist, fn, { today: '2026-11-25' });

function makeExport(size, seed) {
  const dir = tempDir('rekindle-export-');
  execFileSync(generator(), ['--size', size, '--seed', String(seed), '--out', dir, '--zip', '--today', '2026-11-25']);
  const zip = fs.readdirSync(dir).find((f) => f.endsWith('.zip'));
  return { name: zip, path: path.join(dir, zip) };
}

// Everything the API shows of the data: summary, every contact with its evaluation, the backup.
async function snapshot(page) {
  return page.evaluate(() => ({
    summary: rekindle.summary(),
    contacts: rekindle.contacts({ limit: 1000000 }),
    backup: JSON.parse(rekindle.exportState()),
  }));
}

function sameData(a, b, what) {
  assertEq(JSON.stringify(a.summary), JSON.stringify(b.summary), what + ': summary');
  assertEq(a.contacts.length, b.contacts.length, what + ': number of contacts');
  assertEq(JSON.stringify(a.contacts), JSON.stringify(b.contacts), what + ': contacts() and their evaluations');
  for (const x of [a, b]) {
    delete x.backup.exported_at;
    if (x.backup.settings) delete x.backup.settings.layout_ini;  // the window's table layout
  }
  assertEq(JSON.stringify(a.backup), JSON.stringify(b.backup), what + ': exportState() (messages and their texts)');
}

// A page of the app served from `dist` in a fresh browser, its "today" the exports' one; both
// closed afterwards, whatever happens.
// Starts an import without waiting for it; resolves once the worker has begun importing.
async function startImport(page, exp) {
  const b64 = fs.readFileSync(exp.path).toString('base64');
  await page.evaluate(({ b64, name }) => {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    window.__pending = rekindle.importFiles([new File([bytes], name)]);
  }, { b64, name: exp.name });
  await page.waitForFunction(() => Module.RK.job && Module.RK.job.ready && rekindle.stats().importing, null, { timeout: 60000 });
}

export const tests = [
  {
    name: 'an import in the worker equals one in the page, is saved as the worker made it, and reloads identically',
    fn: async () => {
      const exp = makeExport('S', 3);
      await withApp(DIST, async (page, srv) => {
        const report = await importViaApi(page, [exp]);
        assert(report.contacts_added > 1000, 'the export was imported: ' + JSON.stringify(report).slice(0, 300));
        const st = await page.evaluate(() => rekindle.stats());
        assert(st.import_in_worker, 'the import ran in the worker');
        // Its message texts were taken over after its data (as a reload reads them after the
        // first frame); the checks below read them (the API completes that first).
        assert(st.import_texts_after, 'the texts came after the data');
        const ws = await page.evaluate(() => Module.RK.workerStats);
        assert(ws && ws.import_ms > 0 && ws.heap_bytes > 0, 'the worker reported its work: ' + JSON.stringify(ws));
        const inWorker = await snapshot(page);

        // The same export imported by the page itself (another browser profile).
        const ctx2 = await launch();
        try {
          const page2 = await openApp(ctx2, srv.url);
          await page2.evaluate(() => { Module.RK.workerDisabled = true; });
          await page2.evaluate(() => rekindle.setToday('2026-11-25'));
          const report2 = await importViaApi(page2, [exp]);
          assert(!(await page2.evaluate(() => rekindle.stats())).import_in_worker, 'the second import ran in the page');
          assertEq(JSON.stringify(report2), JSON.stringify(report), 'the same report');
          sameData(await snapshot(page2), inWorker, 'worker vs page');
        } finally {
          await ctx2.close();
        }

        // The bulk data saved is the worker's own serialisation (nothing re-serialised here),
        // and it reloads to the same data.
        // It was written by a worker: the page's share is the one callback of its reply.
        await page.evaluate(() => rekindle.flush());
        const saved = await page.evaluate(() => rekindle.stats());
        assertEq(saved.last_bulk_serialise_ms, 0, 'no serialisation on the page');
        assert(saved.bulk_save_in_worker && saved.bulk_save_tasks === 1, 'the bulk save ran in a worker: ' +
          JSON.stringify({ in_worker: saved.bulk_save_in_worker, tasks: saved.bulk_save_tasks }));
        const lay = await storedLayout(page);
        assertEq(saved.bulk_save_chunks, lay.meta.bulk_chunks + lay.meta.texts_chunks, 'every chunk was put');
        assert(await page.evaluate(() => Module.RK.workerParts === null), 'the page let go of the saved parts');
        await page.reload();
        await waitReady(page);
        await waitTexts(page);
        await page.evaluate(() => rekindle.setToday('2026-11-25'));
        sameData(await snapshot(page), inWorker, 'after a reload');
        await assertNoProblems(page);
      });
    },
  },
  {
    name: 'edits made while the worker imports are kept; cancel and a dying worker change nothing',
    fn: async () => {
      const small = makeExport('tiny', 5);
      const big = makeExport('S', 6);
      await withApp(DIST, async (page) => {
        await importViaApi(page, [small]);
        const first = (await page.evaluate(() => rekindle.contacts({ limit: 2 })));
        await page.evaluate((id) => rekindle.update(id, { note: 'before the import' }), first[0].id);

        // 1. A re-import in the worker; the page stays usable and an edit made meanwhile is kept.
        await startImport(page, big);
        const during = await page.evaluate((id) => rekindle.update(id, { note: 'during the import', tags: ['während'] }), first[1].id);
        assertEq(during.note, 'during the import', 'an edit while the worker imports');
        const report = await page.evaluate(() => window.__pending);
        assert(report.contacts_added > 900 && !report.cancelled, 'the re-import added the bigger export');
        const notes = await page.evaluate((ids) => ids.map((id) => rekindle.contacts({ limit: 1000000 }).find((c) => c.id === id)), [first[0].id, first[1].id]);
        assertEq(notes[0].note, 'before the import', 'the note made before the import');
        assertEq(notes[1].note, 'during the import', 'the note made during the import');
        assertEq(JSON.stringify(notes[1].tags), JSON.stringify(['während']), 'the tags made during the import');
        await page.evaluate(() => rekindle.flush());
        const before = await snapshot(page);

        // 2. Cancel: the promise says so, nothing changes, and the next import works.
        const again = makeExport('S', 7);
        await startImport(page, again);
        assert(await page.evaluate(() => rekindle.cancelImport()), 'cancelImport() while importing');
        const cancelled = await page.evaluate(() => window.__pending);
        assert(cancelled.cancelled, 'the cancelled import says so: ' + JSON.stringify(cancelled).slice(0, 200));
        assert(!(await page.evaluate(() => rekindle.stats())).importing, 'no import after the cancel');
        assert(!(await page.evaluate(() => rekindle.cancelImport())), 'nothing to cancel');
        sameData(await snapshot(page), before, 'after a cancelled import');

        // 3. The worker dies mid-import (as when it runs out of memory): a clear error, no change.
        await startImport(page, again);
        await page.evaluate(() => {
          const job = Module.RK.job;
          job.worker.terminate();
          Module.RK.onWorkerMessage(job, { type: 'failed', message: 'Aborted(OOM)' });
        });
        const failed = await page.evaluate(() => window.__pending);
        assert(/The import stopped \(Aborted\(OOM\)\)\. Nothing was changed/.test(failed.error || ''),
          'the failure is explained: ' + JSON.stringify(failed.error));
        assertEq((await page.evaluate(() => rekindle.report())).error, failed.error, 'the interface shows it too');
        sameData(await snapshot(page), before, 'after the worker died');

        // 4. The next import runs in a new worker as usual.
        const ok = await importViaApi(page, [again]);
        assert(!ok.error && ok.contacts_added > 0, 'an import after the failure works');
        assert((await page.evaluate(() => rekindle.stats())).import_in_worker, 'in the worker again');
        await assertNoProblems(page);
      });
    },
  },
  {
    name: 'a save in the worker that fails keeps the stored state and says why; the next save writes the data',
    fn: async () => {
      const small = makeExport('tiny', 11);
      const big = makeExport('S', 12);
      const more = makeExport('tiny', 13);
      const bulkOf = (l) => [l.keys, l.sizes, l.meta.bulk_chunks, l.meta.bulk_bytes, l.meta.bulk_id];
      const reloadSame = async (page, what) => {
        const before = await snapshot(page);
        await page.reload();
        await waitReady(page);
        await waitTexts(page);
        await page.evaluate(() => rekindle.setToday('2026-11-25'));
        sameData(await snapshot(page), before, what);
      };
      await withApp(DIST, async (page) => {
        await importViaApi(page, [small]);
        await page.evaluate(() => rekindle.flush());
        const good = await storedLayout(page);

        // 1. The worker's save of the next import aborts at its third chunk (the test hook).
        await page.evaluate(() => { Module.RK.writeFailAtChunk = 2; });
        assert((await importViaApi(page, [big])).contacts_added > 900, 'the bigger export was imported');
        const err = await page.evaluate(() => rekindle.flush().then(() => 'saved', (e) => e.message));
        assert(/writeFailAtChunk/.test(err), 'flush reports the failure, got: ' + err);
        assert(/writeFailAtChunk/.test((await page.evaluate(() => rekindle.storageStatus())).save_error), 'storage status has the reason');
        const st = await page.evaluate(() => rekindle.stats());
        assert(st.bulk_save_in_worker && st.bulk_save_chunks === 2, 'the failed save ran in a worker and had put 2 chunks: ' +
          JSON.stringify([st.bulk_save_in_worker, st.bulk_save_chunks]));
        assertEq(bulkOf(await storedLayout(page)), bulkOf(good), 'the aborted save left the previous state');

        // 2. The next save hands the same bytes (back from the worker) to a worker again.
        await page.evaluate(() => { Module.RK.writeFailAtChunk = undefined; });
        await page.evaluate(() => rekindle.flush());
        const st2 = await page.evaluate(() => rekindle.stats());
        assert(st2.bulk_save_in_worker && st2.last_bulk_serialise_ms === 0, 'saved from the worker\'s parts, in a worker');
        assertEq((await page.evaluate(() => rekindle.storageStatus())).save_error, '', 'no error left');
        const lay = await storedLayout(page);
        assert(lay.meta.bulk_chunks + lay.meta.texts_chunks > 2 && st2.bulk_save_chunks === lay.meta.bulk_chunks + lay.meta.texts_chunks,
          'the bigger data is stored, in several chunks: ' + JSON.stringify(lay.meta));
        await reloadSame(page, 'after the retried save and a reload');

        // 3. The worker dies before it gets to the save: the data it was given is lost, the
        // failure is shown, and the next save serialises the page's own data.
        await page.evaluate(() => {
          const post = Worker.prototype.postMessage;
          Worker.prototype.postMessage = function (m, transfer) {
            post.call(this, m, transfer);
            if (!m || m.type !== 'write') return;
            Worker.prototype.postMessage = post;
            this.terminate();
            setTimeout(() => this.onerror(new ErrorEvent('error', { message: 'killed by the test' })), 0);
          };
        });
        const saved = await storedLayout(page);
        assert((await importViaApi(page, [more])).contacts_added > 0, 'a third import');
        await page.waitForFunction(() => rekindle.storageStatus().save_error, null, { timeout: 30000 });
        assert(/killed by the test/.test((await page.evaluate(() => rekindle.storageStatus())).save_error), 'the status says why');
        assert(await page.evaluate(() => Module.RK.workerParts === null), 'the lost parts are not offered again');
        assertEq(bulkOf(await storedLayout(page)), bulkOf(saved), 'nothing was written');
        await page.evaluate(() => rekindle.flush());
        const st3 = await page.evaluate(() => rekindle.stats());
        assert(!st3.bulk_save_in_worker && st3.last_bulk_serialise_ms > 0, 'the page serialised and saved its own data');
        await reloadSame(page, 'after the save from the page and a reload');
        await assertNoProblems(page);
      });
    },
  },
  {
    name: 'message texts damaged on their way in after the takeover: reported, contacts kept, nothing saved over the stored data',
    fn: async () => {
      const small = makeExport('tiny', 21);
      const big = makeExport('S', 22);
      await withApp(DIST, async (page) => {
        await importViaApi(page, [small]);
        await page.evaluate(() => rekindle.flush());
        const good = await storedLayout(page);
        // A byte of the texts flipped as they are copied in after the takeover (the texts' copy
        // is the one without a bulk buffer): their checksum no longer matches.
        await page.evaluate(() => {
          const copy = Module.RK.workerCopy;
          Module.RK.workerCopy = function (bulkPtr, textsPtr, budgetMs, upto) {
            const n = copy.call(this, bulkPtr, textsPtr, budgetMs, upto);
            const p = Module.RK.workerParts;
            if (bulkPtr === 0 && !window.__flipped && p && n - p.bulk.length > 64) {
              HEAPU8[(textsPtr >>> 0) + 40] ^= 0x55;
              window.__flipped = true;
            }
            return n;
          };
        });
        const report = await importViaApi(page, [big]);
        assert(report.contacts_added > 900, 'the import ran');
        const summary = await page.evaluate(() => rekindle.summary());  // (completes the texts' copy)
        assert(await page.evaluate(() => window.__flipped), 'a byte of the texts was changed on the way');
        assert(summary.contacts > 900, 'the contacts are there: ' + JSON.stringify(summary));
        const st = await page.evaluate(() => rekindle.storageStatus());
        assert(st.blocked && /could not be taken over/.test(st.load_error) && /checksum/.test(st.load_error),
          'the problem is shown and saving stops: ' + JSON.stringify(st));
        await new Promise((r) => setTimeout(r, 2500));  // (an import's save would start after 1.5 s)
        const lay = await storedLayout(page);
        // (Not meta.rev: a save of the settings alone, e.g. the window layout, may come between.)
        assertEq([lay.keys, lay.sizes, lay.meta.bulk_id], [good.keys, good.sizes, good.meta.bulk_id], 'the stored data is untouched');
        await assertNoProblems(page);
      });
    },
  },
  {
    name: 'when the worker cannot start (its files missing), the page imports by itself',
    fn: async () => {
      const exp = makeExport('tiny', 8);
      const site = tempDir('rekindle-noworker-');
      fs.cpSync(DIST, site, { recursive: true });
      fs.rmSync(path.join(site, 'import-worker.js'));
      fs.rmSync(path.join(site, 'import-worker.wasm'));
      await withApp(site, async (page) => {
        const report = await importViaApi(page, [exp]);
        assert(report.contacts_added > 40 && !report.error, 'imported: ' + JSON.stringify(report).slice(0, 300));
        const st = await page.evaluate(() => rekindle.stats());
        assert(!st.import_in_worker, 'imported in the page');
        assert(await page.evaluate(() => Module.RK.workerBroken), 'the worker is not tried again');
        assert((await page.evaluate(() => rekindle.summary())).contacts > 40, 'the data is there');
        await frames(page, 3);
        // Only the missing worker file may have been complained about.
        const problems = page.rk.problems.splice(0).filter((p) => !/404|import-worker/.test(p));
        assert(problems.length === 0, 'no other problems: ' + problems.join('; '));
      });
    },
  },
];
