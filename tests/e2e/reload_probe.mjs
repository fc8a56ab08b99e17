// Reload timeline probe (not a test): imports an export once, then reloads N times and prints
// the page's start-up marks and when its files arrived. For finding what holds up a reload.
//   node reload_probe.mjs --size L [--reloads 5]
import { launch, openApp, startServer, benchSite, waitReady } from './harness.mjs';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean)
  .map((a) => a.trim().split(/\s+/)).map(([k, v]) => [k, v === undefined ? true : v]));
const { site } = benchSite(args.size || 'S', 'rekindle-probe-');
const srv = await startServer(site);
const ctx = await launch();
// --nosw: without the service worker (every file from the server).
const first = await ctx.newPage();
if (args.nosw) await first.addInitScript(() => { delete Navigator.prototype.serviceWorker; });
const page = await openApp(ctx, srv.url, { page: first });
await page.evaluate(async () => {
  const blob = await (await fetch('bench-export.zip')).blob();
  await rekindle.importFiles([new File([blob], 'Basic_LinkedInDataExport_11-25-2026.zip')]);
  await rekindle.flush();
});
const rows = [];
for (let i = 0; i < Number(args.reloads || 5); i++) {
  const before = await page.evaluate(() => { const s = rekindle.storageStatus(); return (s.dirty ? 'dirty ' : '') + (s.saving ? 'saving' : ''); });
  await page.reload();
  await waitReady(page);
  rows.push(await page.evaluate(() => new Promise((res) => {
    const get = () => {
      if (!performance.getEntriesByName('rk:interactive')[0]) return requestAnimationFrame(get);
      const o = {};
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('rk:')) o[m.name.slice(3)] = Math.round(m.startTime);
      for (const r of performance.getEntriesByType('resource')) {
        const n = r.name.split('/').pop();
        if (/^index\.|\.ttf$/.test(n)) o[n] = Math.round(r.fetchStart) + '-' + Math.round(r.responseEnd);
      }
      const nav = performance.getEntriesByType('navigation')[0];
      for (const k of ['unloadEventEnd', 'workerStart', 'fetchStart', 'responseStart', 'responseEnd', 'domInteractive'])
        o['nav.' + k] = Math.round(nav[k]);
      for (const r of performance.getEntriesByType('resource')) if (/boot\.js|app\.css/.test(r.name)) o[r.name.split('/').pop()] = Math.round(r.fetchStart) + '-' + Math.round(r.responseEnd);
      o.init_ms = Math.round(rekindle.stats().init_ms);
      o.init_score_ms = Math.round(rekindle.stats().init_score_ms);
      const io = performance.getEntriesByName('rk:idb-open')[0];
      if (io) o.idb_tx_ms = Math.round(performance.getEntriesByName('rk:idb-end')[0].startTime - io.startTime);
      res(o);
    };
    get();
  })).then((o) => Object.assign(o, { before })));
}
for (const r of rows) console.log(JSON.stringify(r));
await ctx.close();
await srv.close();
