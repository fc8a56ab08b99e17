// The built dist/ served under a sub-path, as GitHub Pages serves https://user.github.io/repo/:
// it loads, imports, finds every file (no 404), its service worker is scoped to that folder and
// works offline there, and the folder without its trailing slash redirects to the app.
import path from 'node:path';
import {
  launch, openApp, waitReady, startServer, DIST, ROOT, assert, assertEq, assertNoProblems, screenshot, importViaApi,
} from './harness.mjs';
import { recordTraffic, assertOnlyStaticGets, waitServiceWorker, csvFiles } from './privacy.test.mjs';

const EXPORT2024 = path.join(ROOT, 'tests', 'fixtures', 'import', 'export2024');
const PREFIX = '/some/sub/path/';

export const tests = [
  {
    name: 'served at /some/sub/path/: loads, imports, no 404, service worker scoped to the folder, offline',
    fn: async () => {
      const srv = await startServer(DIST, { prefix: PREFIX });
      const ctx = await launch();
      const traffic = recordTraffic(ctx);
      try {
        assert(srv.url.endsWith(PREFIX), 'served under ' + PREFIX);
        const page = await openApp(ctx, srv.url);
        const report = await importViaApi(page, csvFiles(EXPORT2024));
        assert(report.committed && !report.error, 'an import under the sub-path');
        const s = await page.evaluate(() => window.rekindle.summary());
        assert(s.contacts > 0 && s.messages > 0, 'contacts and messages: ' + JSON.stringify(s));
        await screenshot(page, 'subpath-dashboard');

        const sw = await waitServiceWorker(page);
        assertEq(sw.scope, srv.url, 'the worker is scoped to the app folder');
        assertEq(sw.script, srv.url + 'sw.js', 'the worker script is the folder\'s sw.js');
        assert(sw.caches.length === 1 && sw.caches[0].startsWith(`rekindle@${srv.url}#`), 'the cache is named after the folder: ' + sw.caches);
        for (const r of srv.log) assert(r.url.startsWith(PREFIX), 'every request stays in the folder: ' + r.url);
        assertOnlyStaticGets(traffic, srv, { prefix: PREFIX });
        await page.evaluate(() => window.rekindle.flush());

        // The folder without the trailing slash (how people type it) reaches the app too.
        const bare = srv.url.replace(/\/$/, '');
        const tab = await openApp(ctx, bare);
        assertEq(tab.url(), srv.url, 'redirected to the folder');
        assertEq((await tab.evaluate(() => window.rekindle.summary())).contacts, s.contacts, 'the same data in a second tab');
        await tab.close();

        // Offline under the sub-path.
        await ctx.setOffline(true);
        srv.server.closeAllConnections();
        await srv.close();
        await page.reload();
        await waitReady(page);
        assertEq((await page.evaluate(() => window.rekindle.summary())).contacts, s.contacts, 'offline under the sub-path');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close().catch(() => {}); }
    },
  },
];
