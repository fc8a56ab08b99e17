// Browser CPU profile of the import and of the reload (a development tool, not a test).
// Build with -DREKINDLE_PROFILING=ON so wasm functions have names, then:
//   REKINDLE_DIST=build/dist-prof REKINDLE_GEN=build/bench/gen_export node tests/e2e/profile.mjs --size L
// Writes out/profile-import.cpuprofile and out/profile-reload.cpuprofile (open them in Chrome's
// DevTools) and prints the functions with the most self time.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, startServer, OUT, benchSite, waitReady } from './harness.mjs';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean)
  .map((a) => a.trim().split(/\s+/)).map(([k, v]) => [k, v === undefined ? true : v]));
const size = args.size || 'S';
const top = Number(args.top || 25);

const { site } = benchSite(size, 'rekindle-prof-');

function summarise(profile, label) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
  let total = 0;
  for (const [id, us] of counts) {
    const n = byId.get(id);
    const name = (n.callFrame.functionName || '(anonymous)') + ' ' + (n.callFrame.url || '').split('/').pop();
    self.set(name, (self.get(name) || 0) + us);
    total += us;
  }
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(`\n== ${label}: ${(total / 1000).toFixed(0)} ms sampled`);
  for (const [name, us] of rows) console.log(`${(us / 1000).toFixed(1).padStart(9)} ms  ${(100 * us / total).toFixed(1).padStart(5)}%  ${name}`);
}

const srv = await startServer(site);
const ctx = await launch({ viewport: { width: 1280, height: 720 } });
try {
  const page = await openApp(ctx, srv.url);
  await page.evaluate(() => rekindle.setToday('2026-11-25'));
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.evaluate(async () => { window.__blob = await (await fetch('bench-export.zip')).blob(); });
  await cdp.send('Profiler.start');
  const ms = await page.evaluate(async () => {
    const t0 = performance.now();
    await rekindle.importFiles([new File([window.__blob], 'Basic_LinkedInDataExport_11-25-2026.zip')]);
    await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
    return performance.now() - t0;
  });
  await page.evaluate(() => rekindle.flush());
  const { profile } = await cdp.send('Profiler.stop');
  fs.writeFileSync(path.join(OUT, 'profile-import.cpuprofile'), JSON.stringify(profile));
  console.log(`import ${ms.toFixed(0)} ms; stats ${JSON.stringify(await page.evaluate(() => { const s = rekindle.stats(); delete s.frame_ms; return s; }))}`);
  summarise(profile, 'import + first save');

  // Reload: profile from navigation to the first interactive frame.
  const page2 = await ctx.newPage();
  const cdp2 = await ctx.newCDPSession(page2);
  await cdp2.send('Profiler.enable');
  await cdp2.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp2.send('Profiler.start');
  await page.close();
  await page2.goto(srv.url);
  await waitReady(page2);
  const t = await page2.evaluate(() => ({ now: performance.now(), marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
    res: performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd)]),
    stats: (() => { const s = rekindle.stats(); delete s.frame_ms; return s; })() }));
  const p2 = (await cdp2.send('Profiler.stop')).profile;
  fs.writeFileSync(path.join(OUT, 'profile-reload.cpuprofile'), JSON.stringify(p2));
  console.log(`\nreload interactive at ${t.now.toFixed(0)} ms`, JSON.stringify(t));
  summarise(p2, 'reload');
} finally {
  await ctx.close();
  await srv.close();
}
