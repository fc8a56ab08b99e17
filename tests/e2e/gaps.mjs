// Where the long frames of an import come from (a development tool, not a test): profiles the
// page's main thread during an import and until its save is written, prints every gap between
// two frames over 50 ms ([ms since the import began, gap ms]), the moments the import resolved,
// the save was written and each on-demand font changed state, and for each long main-thread task
// (a run of busy samples over 40 ms) the functions with the most self and inclusive time.
// Build with -DREKINDLE_PROFILING=ON so wasm functions have names, then:
//   REKINDLE_DIST=build/dist-prof REKINDLE_GEN=build/bench/gen_export node tests/e2e/gaps.mjs --size L [--view followups] [--nosave]
// --nosave makes the import's save fail at once (RK.writeFailAtChunk), to see the frames without it.
import { launch, openApp, startServer, benchSite } from './harness.mjs';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean)
  .map((a) => a.trim().split(/\s+/)).map(([k, v]) => [k, v === undefined ? true : v]));
const { site } = benchSite(args.size || 'L', 'rekindle-gaps-');
const srv = await startServer(site);
const ctx = await launch({ viewport: { width: 1280, height: 720 } });
try {
  const page = await openApp(ctx, srv.url);
  await page.evaluate((v) => { rekindle.setToday('2026-11-25'); rekindle.view(v); }, args.view || 'followups');
  if (args.nosave) await page.evaluate(() => { Module.RK.writeFailAtChunk = 0; });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.evaluate(async () => { window.__blob = await (await fetch('bench-export.zip')).blob(); });
  await new Promise((r) => setTimeout(r, 1000));
  await cdp.send('Profiler.start');
  const res = await page.evaluate(async () => {
    const gaps = [], events = [];
    const t0 = performance.now();
    let last = t0, running = true, fonts = '';
    const at = () => Math.round(performance.now() - t0);
    const watch = () => {
      const now = performance.now();
      if (now - last > 50) gaps.push([Math.round(last - t0), Math.round(now - last)]);
      last = now;
      const f = JSON.stringify(Module.RK.fonts || {});
      if (f !== fonts) { fonts = f; events.push([at(), 'fonts ' + f]); }
      if (running) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    await rekindle.importFiles([new File([window.__blob], 'export.zip')]);
    events.push([at(), 'import resolved']);
    // (Not flush(): that would save at once; the app saves a moment after an import.)
    // (With --nosave the save fails: its error ends the wait.)
    await new Promise((res) => { const check = () => { const st = rekindle.storageStatus(); if ((!st.dirty && !st.saving) || st.save_error) res(); else setTimeout(check, 50); }; check(); });
    events.push([at(), rekindle.storageStatus().save_error ? 'save failed' : 'saved']);
    await new Promise((r) => setTimeout(r, 1500));
    running = false;
    const stats = rekindle.stats();
    delete stats.frame_ms;
    return { gaps, events, stats, worker: Module.RK.workerStats };
  });
  const { profile } = await cdp.send('Profiler.stop');
  console.log('gaps', JSON.stringify(res.gaps));
  for (const [t, what] of res.events) console.log(String(t).padStart(6), what);
  console.log('stats', JSON.stringify(res.stats));
  console.log('worker', JSON.stringify(res.worker));

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (id) => {
    const f = byId.get(id).callFrame.functionName || '(anonymous)';
    return f.startsWith('(') ? f : f.replace(/std::__2::|<.*>|\(.*\)/g, '').slice(0, 60);
  };
  // Tasks: runs of samples that are not idle, each sample weighted by the time to the next.
  const tasks = [];
  let t = profile.startTime, cur = null;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const dt = profile.timeDeltas[i + 1] || 0;
    if (name(id) !== '(idle)') {
      if (!cur) cur = { start: t, end: t, samples: [] };
      cur.end = t;
      cur.samples.push([id, dt]);
    } else if (cur) {
      tasks.push(cur);
      cur = null;
    }
  });
  if (cur) tasks.push(cur);
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${k} ${(us / 1000).toFixed(0)}`).join(' | ');
  for (const task of tasks.filter((x) => x.end - x.start > 40000)) {
    const self = new Map(), incl = new Map();
    for (const [id, dt] of task.samples) {
      self.set(name(id), (self.get(name(id)) || 0) + dt);
      const seen = new Set();
      for (let p = id; p !== undefined; p = parent.get(p)) {
        const nm = name(p);
        if (seen.has(nm) || nm.startsWith('(')) continue;
        seen.add(nm);
        incl.set(nm, (incl.get(nm) || 0) + dt);
      }
    }
    console.log(`\n-- task at ${((task.start - profile.startTime) / 1000).toFixed(0)} ms of the profile, ${((task.end - task.start) / 1000).toFixed(0)} ms`);
    console.log('  self: ' + top(self, 8));
    console.log('  incl: ' + top(incl, 16));
  }
} finally {
  await ctx.close();
  await srv.close();
}
