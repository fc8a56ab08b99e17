// The app shell: loads cleanly, ready resolves, every view draws, the canvas follows the window
// at the screen's pixel density, keyboard and clipboard reach the app.
import { launch, openApp, startServer, DIST, assert, assertEq, assertNoProblems, screenshot, frames } from './harness.mjs';

// Presses a key combination and lets the app draw a few frames (it reads input once a frame).
async function key(page, combo) {
  const parts = combo.split('+');
  for (const p of parts.slice(0, -1)) await page.keyboard.down(p);
  await frames(page, 2);
  await page.keyboard.press(parts[parts.length - 1]);
  await frames(page, 2);
  for (const p of parts.slice(0, -1).reverse()) await page.keyboard.up(p);
  await frames(page, 2);
}

const VIEWS = ['import', 'dashboard', 'contacts', 'followups', 'settings'];

export const tests = [
  {
    name: 'loads, resolves ready, summary() is empty, every view draws (1280x720)',
    fn: async () => {
      const srv = await startServer(DIST);
      const ctx = await launch();
      try {
        const page = await openApp(ctx, srv.url);
        const s = await page.evaluate(() => window.rekindle.summary());
        assertEq(s.contacts, 0, 'contacts on a first visit');
        assertEq(s.messages, 0, 'messages on a first visit');
        assert(typeof s.statuses === 'object', 'statuses present');
        const loading = await page.$('#loading');
        assert(loading === null, 'loading indicator removed once ready');
        for (const v of VIEWS) {
          const r = await page.evaluate((v) => window.rekindle.view(v), v);
          assert(r.ok, 'view ' + v + ' exists');
          await screenshot(page, `empty-${v}-1280x720`);
        }
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'canvas fills the window and follows resizes at devicePixelRatio 2',
    fn: async () => {
      const srv = await startServer(DIST);
      const ctx = await launch({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
      try {
        const page = await openApp(ctx, srv.url);
        await frames(page, 3);
        let size = await page.evaluate(() => { const c = document.getElementById('canvas'); return [c.width, c.height, c.clientWidth, c.clientHeight]; });
        assertEq(size, [2000, 1400, 1000, 700], 'backing store = CSS size x 2');
        await page.setViewportSize({ width: 820, height: 600 });
        await frames(page, 5);
        size = await page.evaluate(() => { const c = document.getElementById('canvas'); return [c.width, c.height, c.clientWidth, c.clientHeight]; });
        assertEq(size, [1640, 1200, 820, 600], 'after a resize');
        await screenshot(page, 'shell-hidpi-820x600');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'keyboard reaches the app and copy/paste goes through the OS clipboard',
    fn: async () => {
      const srv = await startServer(DIST);
      const ctx = await launch();
      await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.url.replace(/\/$/, '') });
      try {
        const page = await openApp(ctx, srv.url);
        // "/" jumps to the Contacts search box from any view; typing goes to the app.
        await page.click('#canvas', { position: { x: 640, y: 400 } });
        await key(page, '/');
        await page.keyboard.type('Rekindle test');
        await frames(page, 3);
        await key(page, 'Control+A');
        await key(page, 'Control+C');
        // (The page writes the clipboard asynchronously: on a busy machine it can take a few frames.)
        const clipboardBecomes = (want) => page.evaluate(async (want) => {
          let got = '';
          for (let i = 0; i < 40 && got !== want; i++) {
            got = await navigator.clipboard.readText();
            if (got !== want) await new Promise((r) => setTimeout(r, 50));
          }
          return got;
        }, want);
        const copied = await clipboardBecomes('Rekindle test');
        assertEq(copied, 'Rekindle test', 'text copied from an ImGui field reaches the OS clipboard');
        const outside = 'Ünïcödé Ωμέγα Кирилл';
        await page.evaluate((t) => navigator.clipboard.writeText(t), outside);
        await key(page, 'Control+A');
        await key(page, 'Control+V');
        // Something else on the clipboard first: what comes back must be the field's content.
        await page.evaluate(() => navigator.clipboard.writeText('placeholder'));
        await key(page, 'Control+A');
        await key(page, 'Control+C');
        const back = await clipboardBecomes(outside);
        assertEq(back, outside, 'OS clipboard text pasted into the ImGui field');
        await screenshot(page, 'shell-pasted-unicode');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
];
