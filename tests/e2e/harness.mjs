// Shared pieces of the browser tests: Chromium (Debian's, headless, software WebGL), the
// static server, opening the app with error/CSP/request recording, screenshots with a
// not-blank check.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { PNG } from 'pngjs';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
export const DIST = process.env.REKINDLE_DIST || path.join(ROOT, 'dist');
export const OUT = path.join(HERE, 'out');
fs.mkdirSync(OUT, { recursive: true });

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-default-apps', '--disable-features=Translate,MediaRouter,OptimizationHints',
];

export function assert(cond, msg) { if (!cond) throw new Error('assertion failed: ' + msg); }
export function assertEq(a, b, msg) {
  const sa = JSON.stringify(a), sb = JSON.stringify(b);
  if (sa !== sb) throw new Error(`${msg}: expected ${sb}, got ${sa}`);
}

export { startServer };

export function tempDir(prefix = 'rekindle-e2e-') { return fs.mkdtempSync(path.join(os.tmpdir(), prefix)); }

// A persistent profile (IndexedDB survives reloads and restarts of the browser).
// `touch`: a phone (touch events, "pointer: coarse", a mobile viewport): {hasTouch, isMobile}.
export async function launch({ viewport = { width: 1280, height: 720 }, deviceScaleFactor = 1, profile, touch = false } = {}) {
  const dir = profile || tempDir('rekindle-profile-');
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true, args: CHROMIUM_ARGS, viewport, deviceScaleFactor,
    acceptDownloads: true, hasTouch: touch, isMobile: touch,
  });
  context.profileDir = dir;
  return context;
}

// Opens the app, records problems, waits for rekindle.ready.
export async function openApp(context, url, { page } = {}) {
  page = page || await context.newPage();
  const problems = [];
  const requests = [];
  page.rk = { problems, requests };
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push('console error: ' + m.text());
  });
  page.on('request', (r) => requests.push({ method: r.method(), url: r.url(), type: r.resourceType() }));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
    });
  });
  await page.goto(url);
  await waitReady(page);
  return page;
}

// Serves `dist`, opens the app in a fresh browser profile, runs fn(page, srv), then closes both.
// `today`: pins the app's date (rekindle.setToday) so statuses do not depend on the real one.
export async function withApp(dist, fn, { today } = {}) {
  const srv = await startServer(dist);
  const ctx = await launch();
  try {
    const page = await openApp(ctx, srv.url);
    if (today) await page.evaluate((d) => rekindle.setToday(d), today);
    await fn(page, srv);
  } finally {
    await ctx.close();
    await srv.close();
  }
}

export async function waitReady(page, timeout = 60000) {
  await page.waitForFunction(() => window.rekindle && window.rekindle.ready, null, { timeout });
  await page.evaluate(() => window.rekindle.ready.then(() => true));
}

// Problems seen so far (uncaught errors, console errors, CSP violations), then cleared.
export async function takeProblems(page) {
  const csp = await page.evaluate(() => (window.__csp || []).splice(0)).catch(() => []);
  const all = page.rk.problems.splice(0).concat(csp.map((c) => 'CSP violation: ' + c));
  return all;
}
export async function assertNoProblems(page) {
  const p = await takeProblems(page);
  assert(p.length === 0, 'page reported problems:\n  ' + p.join('\n  '));
}

// Waits n animation frames (the app draws in requestAnimationFrame).
export async function frames(page, n = 3) {
  await page.evaluate((n) => new Promise((r) => {
    let i = 0;
    const f = () => (++i >= n ? r() : requestAnimationFrame(f));
    requestAnimationFrame(f);
  }), n);
}

// Saves a screenshot and returns basic statistics; fails when the picture is blank.
export async function screenshot(page, name, { minStd = 6, minColors = 8 } = {}) {
  await frames(page, 4);
  const buf = await page.screenshot();
  fs.writeFileSync(path.join(OUT, name + '.png'), buf);
  const png = PNG.sync.read(buf);
  let sum = 0, sum2 = 0;
  const colors = new Set();
  const n = png.width * png.height;
  for (let i = 0; i < n; i++) {
    const r = png.data[i * 4], g = png.data[i * 4 + 1], b = png.data[i * 4 + 2];
    const l = 0.299 * r + 0.587 * g + 0.114 * b;
    sum += l; sum2 += l * l;
    if (i % 7 === 0 && colors.size < 5000) colors.add((r << 16) | (g << 8) | b);
  }
  const mean = sum / n;
  const std = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
  assert(std >= minStd && colors.size >= minColors, `screenshot ${name} looks blank (std ${std.toFixed(1)}, ${colors.size} colours)`);
  return { std, colors: colors.size, width: png.width, height: png.height };
}

// The synthetic export generator (built natively by the test command).
export function generator() {
  const candidates = [process.env.REKINDLE_GEN, path.join(ROOT, 'build/native/gen_export')].filter(Boolean);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new Error('gen_export not found: build the native tools first (scripts/test.sh does)');
}

// For the benchmark tools (bench.mjs, profile.mjs, gaps.mjs): a generated export of `size`
// (seed 42) and a copy of dist/ that also serves it as bench-export.zip, so the page fetches it
// like a user's file. Returns {site, zip (its path), manifest}.
export function benchSite(size, prefix = 'rekindle-bench-') {
  const gen = tempDir(prefix + 'gen-');
  execFileSync(generator(), ['--size', size, '--seed', '42', '--out', gen, '--zip', '--today', '2026-11-25']);
  const zip = path.join(gen, fs.readdirSync(gen).find((f) => f.endsWith('.zip')));
  const site = tempDir(prefix + 'site-');
  fs.cpSync(DIST, site, { recursive: true });
  fs.copyFileSync(zip, path.join(site, 'bench-export.zip'));
  return { site, zip, manifest: JSON.parse(fs.readFileSync(path.join(gen, 'manifest.json'), 'utf8')) };
}

// Drops files onto the canvas with a real DragEvent carrying a DataTransfer.
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: f.name, b64: fs.readFileSync(f.path).toString('base64') }));
  const dt = await page.evaluateHandle((payload) => {
    const dt = new DataTransfer();
    for (const f of payload) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name));
    }
    return dt;
  }, payload);
  await page.dispatchEvent('#canvas', 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent('#canvas', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer: dt });
}

// Imports files through the scripting API and returns the report.
export async function importViaApi(page, files) {
  const payload = files.map((f) => ({ name: f.name, b64: fs.readFileSync(f.path).toString('base64') }));
  return page.evaluate(async (payload) => {
    const list = payload.map((f) => {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return new File([bytes], f.name);
    });
    return window.rekindle.importFiles(list);
  }, payload);
}

// What the app has stored in IndexedDB, read behind its back (persistence tests): every key of
// the object store "state" (sorted), meta, and the byte length of each bulk and texts record.
export async function storedLayout(page, dbName = 'rekindle') {
  return page.evaluate((dbName) => new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName, 1);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const st = db.transaction('state', 'readonly').objectStore('state');
      const out = { keys: [], sizes: {}, meta: null };
      const k = st.getAllKeys();
      k.onsuccess = () => {
        out.keys = k.result.map(String).sort();
        for (const key of out.keys) {
          if (key !== 'bulk' && !key.startsWith('bulk:') && !key.startsWith('texts:')) continue;
          const g = st.get(key);
          g.onsuccess = () => { out.sizes[key] = g.result ? g.result.length : null; };
        }
        const m = st.get('meta');
        m.onsuccess = () => { out.meta = m.result || null; };
      };
      st.transaction.oncomplete = () => { db.close(); resolve(out); };
      st.transaction.onerror = () => { db.close(); reject(st.transaction.error); };
    };
  }), dbName);
}

// A finger on the touch screen, through Chromium's input pipeline (real touch events, as a phone
// sends them): a drag from (x0, y0) to (x1, y1) over `ms`, one move per ~16 ms; `holdMs`: the
// finger rests before lifting (no glide).
export async function touchDrag(page, x0, y0, x1, y1, { ms = 200, holdMs = 0 } = {}) {
  const cdp = page.__cdp || (page.__cdp = await page.context().newCDPSession(page));
  const steps = Math.max(2, Math.round(ms / 16));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y: y0 }] });
  const start = Date.now();
  for (let i = 1; i <= steps; i++) {
    const due = start + (ms * i) / steps;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const f = i / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x0 + (x1 - x0) * f, y: y0 + (y1 - y0) * f }] });
  }
  if (holdMs) await new Promise((r) => setTimeout(r, holdMs));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}
export async function touchTap(page, x, y, { holdMs = 40 } = {}) {
  const cdp = page.__cdp || (page.__cdp = await page.context().newCDPSession(page));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await new Promise((r) => setTimeout(r, holdMs));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

// Waits until the stored message texts, read after the first frame, are attached (or failed).
export async function waitTexts(page, timeout = 60000) {
  await page.waitForFunction(() => !window.rekindle.stats().texts_pending, null, { timeout, polling: 50 });
}
