// Offline use and clean updates through the service worker (web/sw.js, stamped by
// cmake/stamp_sw.cmake): after one visit the app opens and works with no network at all; a new
// deployment is picked up on the next loads and the old cache is deleted; the worker only ever
// handles GETs of its own folder.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import {
  launch, openApp, waitReady, startServer, DIST, ROOT, assert, assertEq, assertNoProblems, frames, screenshot,
  importViaApi, tempDir,
} from './harness.mjs';
import { recordTraffic, assertOnlyStaticGets, staticFiles, waitServiceWorker, csvFiles } from './privacy.test.mjs';

const EXPORT2024 = path.join(ROOT, 'tests', 'fixtures', 'import', 'export2024');

function swSource(dist = DIST) { return fs.readFileSync(path.join(dist, 'sw.js'), 'utf8'); }
function buildId(dist = DIST) {
  const m = swSource(dist).match(/var BUILD_ID = '([^']+)'/);
  assert(m && m[1] !== '__BUILD_ID__', 'dist/sw.js is stamped with a BUILD_ID');
  return m[1];
}

// Takes the server (and so the network) away for real, on top of the browser's offline mode.
async function goOffline(ctx, srv) {
  await ctx.setOffline(true);
  srv.server.closeAllConnections();
  await srv.close();
}

// Runs dist/sw.js in a tiny fake worker global and returns its event handlers.
function loadWorker(scope) {
  const handlers = {};
  const self = {
    registration: { scope },
    location: new URL(scope + 'sw.js'),
    addEventListener: (t, f) => { handlers[t] = f; },
    skipWaiting: () => Promise.resolve(),
    clients: { claim: () => Promise.resolve() },
  };
  const fetched = [];
  const ctx = {
    self, URL, Request: class { constructor(u, o) { this.url = u; this.opts = o; } }, Promise, console,
    caches: { open: async () => ({ match: async () => null, put: async () => {}, addAll: async () => {} }), keys: async () => [] },
    fetch: async (r) => { fetched.push(r); return { ok: true, type: 'basic', clone() { return this; } }; },
  };
  vm.createContext(ctx);
  vm.runInContext(swSource(), ctx);
  return { handlers, fetched };
}

export const tests = [
  {
    name: 'the service worker handles only GETs inside its own folder and precaches every app file',
    fn: async () => {
      const scope = 'https://user.github.io/rekindle/';
      const { handlers } = loadWorker(scope);
      assert(handlers.install && handlers.activate && handlers.fetch, 'install, activate and fetch handlers');
      const handled = (method, url) => {
        let responded = false;
        handlers.fetch({ request: { method, url }, respondWith: () => { responded = true; } });
        return responded;
      };
      assert(handled('GET', scope + 'index.wasm'), 'a GET of an app file');
      assert(handled('GET', scope), 'the page itself');
      assert(handled('GET', scope + 'fonts/NotoSansJP-Regular.otf'), 'a font of the app');
      assert(!handled('POST', scope + 'index.html'), 'never a POST');
      assert(!handled('HEAD', scope + 'index.html'), 'never a HEAD');
      assert(!handled('PUT', scope + 'x'), 'never a PUT');
      assert(!handled('GET', 'https://example.com/rekindle/index.js'), 'never another host');
      assert(!handled('GET', 'https://user.github.io/other-site/index.js'), 'never another site on the same origin');
      assert(!handled('GET', 'https://user.github.io/rekindle-beta/index.js'), 'never a look-alike folder');

      // The stamped list is every file at the top of dist/ (fonts/ is cached on first use).
      const m = swSource().match(/var FILES = \[([^\]]*)\]/);
      assert(m, 'FILES in dist/sw.js');
      const listed = m[1].split(',').map((s) => s.trim().replace(/^'|'$/g, '')).sort();
      const top = fs.readdirSync(DIST, { withFileTypes: true }).filter((e) => e.isFile() && e.name !== 'sw.js')
        .map((e) => e.name);
      assertEq(listed, ['./', ...top].sort(), 'precached files = dist/ top-level files');
      buildId();
      assert(!/https?:\/\//.test(swSource().replace(/\/\/.*$/gm, '')), 'sw.js code names no URL');
    },
  },
  {
    name: 'after one visit the app opens and works with no network (reload and a new tab)',
    fn: async () => {
      const srv = await startServer(DIST);
      const ctx = await launch();
      const traffic = recordTraffic(ctx);
      try {
        const page = await openApp(ctx, srv.url);
        const sw = await waitServiceWorker(page);
        assertEq(sw.scope, srv.url, 'the worker scope is the app folder');
        assertEq(sw.caches, [`rekindle@${srv.url}#${buildId()}`], 'one cache, named after the build');
        const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url).sort(),
          sw.caches[0]);
        for (const f of ['', 'index.html', 'index.js', 'index.wasm', 'boot.js', 'app.css']) {
          assert(cached.includes(srv.url + f), 'cached: ' + (f || './'));
        }
        assertOnlyStaticGets(traffic, srv, { what: 'first visit: ' });
        const served = srv.log.length;

        await goOffline(ctx, srv);
        await page.reload();
        await waitReady(page);
        const s = await page.evaluate(() => window.rekindle.summary());
        assertEq(s.contacts, 0, 'summary() answers offline');
        const report = await importViaApi(page, csvFiles(EXPORT2024));
        assert(report.committed && !report.error, 'an import works offline');
        assert((await page.evaluate(() => window.rekindle.summary())).contacts > 0, 'contacts offline');
        await screenshot(page, 'offline-reload');
        await assertNoProblems(page);

        const tab = await openApp(ctx, srv.url);
        assert((await tab.evaluate(() => window.rekindle.summary())).contacts >= 0, 'a new tab opens offline');
        await assertNoProblems(tab);
        assertEq(srv.log.length, served, 'the server saw nothing while offline');
        const failed = traffic.responses.filter((r) => r.status >= 400);
        assertEq(failed, [], 'no failed response offline');
      } finally { await ctx.close(); await srv.close().catch(() => {}); }
    },
  },
  {
    name: 'a new deployment is picked up on the next load and the old cache is deleted',
    timeout: 300000,
    fn: async () => {
      const dir = tempDir('rekindle-deploy-');
      fs.cpSync(DIST, dir, { recursive: true });
      const srv = await startServer(dir);
      // Playwright's network inspection of service workers (Chromium) leaves update checks
      // (registration.update(), the browser's own checks) hanging forever: turn it off here.
      // This test does not need it: the server's log shows what the worker fetched.
      const saved = process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK;
      process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';
      const ctx = await launch();
      try {
        const page = await openApp(ctx, srv.url);
        const sw = await waitServiceWorker(page);
        const oldCache = `rekindle@${srv.url}#${buildId(dir)}`;
        assertEq(sw.caches, [oldCache], 'the first cache');
        await importViaApi(page, csvFiles(EXPORT2024));
        await page.evaluate(() => window.rekindle.flush());
        const summary = await page.evaluate(() => window.rekindle.summary());

        // "Deploy" a new version: another BUILD_ID in sw.js and a marker in boot.js.
        const newId = 'e2e0000000000002';
        fs.writeFileSync(path.join(dir, 'sw.js'), swSource(dir).replace(/var BUILD_ID = '[^']+'/, `var BUILD_ID = '${newId}'`));
        fs.appendFileSync(path.join(dir, 'boot.js'), "\nwindow.__rkDeployed = 'v2';\n");
        const newCache = `rekindle@${srv.url}#${newId}`;

        // First load after the deployment: still the old files (from the cache), while the
        // browser installs the new worker, which takes over and deletes the old cache.
        await page.reload();
        await waitReady(page);
        // (Chromium under Playwright starts that check up to about a minute after the load.)
        let keys = [];
        for (let i = 0; i < 600; i++) {
          keys = await page.evaluate(() => caches.keys());
          if (keys.length === 1 && keys[0] === newCache) break;
          await page.waitForTimeout(200);
        }
        assertEq(keys, [newCache], 'after the first load of the new deployment, only the new cache');
        assert(srv.log.some((r) => r.url === '/sw.js'), 'the browser checked sw.js for a new version');
        // Second load: the new version.
        await page.reload();
        await waitReady(page);
        assertEq(await page.evaluate(() => window.__rkDeployed || null), 'v2', 'the new files are in use');
        assertEq(await page.evaluate(() => caches.keys()), [newCache], 'only the new cache is left');
        const cachedBoot = await page.evaluate(async (n) => (await (await caches.open(n)).match('boot.js')).text(), newCache);
        assert(cachedBoot.includes("__rkDeployed = 'v2'"), 'the new cache holds the new files');
        assertEq(await page.evaluate(() => window.rekindle.summary()), summary, 'the data survived the update');
        await assertNoProblems(page);
      } finally {
        await ctx.close(); await srv.close(); fs.rmSync(dir, { recursive: true, force: true });
        if (saved === undefined) delete process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK;
        else process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = saved;
      }
    },
  },
];
