// A phone (390x844, touch events, "pointer: coarse"): a swipe scrolls the list under the finger
// by the swipe's distance and glides on; a tap is a click; a drag or a long press presses
// nothing; targets are finger-sized. And on a desktop the mouse wheel still scrolls.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  launch, openApp, startServer, DIST, assert, assertNoProblems, screenshot, frames, generator, tempDir, importViaApi,
  touchDrag, touchTap,
} from './harness.mjs';

export function bigExport(connections = 300) {
  const dir = tempDir('rekindle-touch-');
  execFileSync(generator(), ['--size', 'tiny', '--seed', '1', '--out', dir, '--zip', '--connections', String(connections)], { stdio: 'pipe' });
  const zip = fs.readdirSync(dir).find((f) => f.endsWith('.zip'));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  return { files: [{ name: zip, path: path.join(dir, zip) }], manifest };
}

// The scrollable window whose name contains `key`: {scroll_y, scroll_max_y, ...}.
export async function scrolled(page, key) {
  const l = await page.evaluate(() => rekindle.layout());
  return l.windows.find((w) => w.name.includes(key) && w.scroll_max_y > 0) || null;
}
const detailOpen = (page) => page.evaluate(() => rekindle.layout().windows.some((w) => w.name.includes('/detail')));

async function show(page, view) {
  await page.evaluate((v) => rekindle.view(v), view);
  await frames(page, 5);
}

export const tests = [
  {
    name: 'phone: swipes scroll the contacts, follow-ups and import report with a glide; taps click; drags and long presses press nothing',
    timeout: 300000,
    fn: async () => {
      const { files, manifest } = bigExport();
      const srv = await startServer(DIST);
      const ctx = await launch({ viewport: { width: 390, height: 844 }, touch: true });
      try {
        const page = await openApp(ctx, srv.url);
        await importViaApi(page, files);
        await page.evaluate((d) => rekindle.setToday(d), manifest.today);
        assert(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'the emulated phone has a coarse pointer');
        const l = await page.evaluate(() => rekindle.layout());
        assert(l.frame_height >= 44, `buttons are at least 44 px tall on a touch screen (${l.frame_height})`);

        await show(page, 'contacts');
        let t = await scrolled(page, '/contacts');
        assert(t && t.scroll_y === 0, 'the contacts table starts at the top: ' + JSON.stringify(t));
        // A slow drag, held still before lifting: the table follows the finger exactly, no glide.
        await touchDrag(page, 200, 720, 200, 420, { ms: 400, holdMs: 200 });
        await frames(page, 8);
        t = await scrolled(page, '/contacts');
        assert(Math.abs(t.scroll_y - 300) <= 15, `a 300 px swipe scrolls the table by about 300 px (${t.scroll_y})`);
        assert(!(await detailOpen(page)), 'a swipe that began on a row opened nothing');
        await screenshot(page, 'touch-contacts-scrolled-390x844');

        // A quick flick: it keeps going after the finger leaves, then stops.
        const before = t.scroll_y;
        await touchDrag(page, 200, 720, 200, 520, { ms: 110 });
        await frames(page, 2);
        const justAfter = (await scrolled(page, '/contacts')).scroll_y;
        await frames(page, 90);
        const later = (await scrolled(page, '/contacts')).scroll_y;
        await frames(page, 30);
        const settled = (await scrolled(page, '/contacts')).scroll_y;
        assert(justAfter - before >= 150, `the flick moved the table with the finger (${before} -> ${justAfter})`);
        assert(later - (before + 200) >= 40, `and it glided on after the finger left (${before} -> ${later})`);
        assert(later - (before + 200) <= 1200, `but only a little (${later - before - 200} px)`);
        assert(settled === later, `then stopped (${later} -> ${settled})`);
        assert(!(await detailOpen(page)), 'no row was opened by the flick');

        // Swiping back down goes back up.
        // (Inside the table: on a phone the navigation and filters above it take ~490 px.)
        await touchDrag(page, 200, 520, 200, 820, { ms: 300, holdMs: 150 });
        await frames(page, 6);
        const back = (await scrolled(page, '/contacts')).scroll_y;
        assert(Math.abs(later - 300 - back) <= 20, `a swipe down scrolls back up by its distance (${later} -> ${back})`);

        // A long press on a row is not a click.
        await touchTap(page, 120, 700, { holdMs: 800 });
        await frames(page, 6);
        assert(!(await detailOpen(page)), 'a long press did not open the row');
        // A tap on a row opens it.
        // (A long press is a right click: if it left a popup open, the first tap only closes it.)
        await touchTap(page, 120, 700);
        await frames(page, 6);
        if (!(await detailOpen(page))) {
          await touchTap(page, 120, 700);
          await frames(page, 6);
        }
        assert(await detailOpen(page), 'a tap on a row opens the contact');
        // The contact's panel scrolls too.
        await touchDrag(page, 200, 760, 200, 460, { ms: 400, holdMs: 200 });
        await frames(page, 6);
        const d = await scrolled(page, '/detail');
        // (By the finger's 300 px, or to its end when the contact's panel is shorter than that.)
        const want = d ? Math.min(300, d.scroll_max_y) : 300;
        assert(d && Math.abs(d.scroll_y - want) <= 15, `the contact panel scrolls with the finger (${d && d.scroll_y} of ${want})`);
        await screenshot(page, 'touch-detail-scrolled-390x844');
        await page.evaluate(() => rekindle.select(0));

        // Follow-ups and the import report.
        await show(page, 'followups');
        await screenshot(page, 'touch-followups-390x844');
        let q = await scrolled(page, '/queue');
        assert(q, 'the follow-ups list is longer than the screen');
        const q0 = q.scroll_y;
        await touchDrag(page, 200, 760, 200, 560, { ms: 300, holdMs: 150 });
        await frames(page, 6);
        q = await scrolled(page, '/queue');
        assert(Math.abs(q.scroll_y - q0 - 200) <= 15, `the follow-ups scroll with the finger (${q0} -> ${q.scroll_y})`);
        await screenshot(page, 'touch-followups-scrolled-390x844');

        await show(page, 'import');
        let r = await scrolled(page, 'import');
        assert(r, 'the import report is longer than the screen');
        await touchDrag(page, 200, 760, 200, 560, { ms: 300, holdMs: 150 });
        await frames(page, 6);
        r = await scrolled(page, 'import');
        assert(Math.abs(r.scroll_y - 200) <= 15, `the import report scrolls with the finger (${r.scroll_y})`);
        await screenshot(page, 'touch-import-scrolled-390x844');

        // Every view as a phone shows it, with finger-sized targets (looked at by hand).
        for (const v of ['import', 'dashboard', 'contacts', 'followups', 'settings']) {
          await show(page, v);
          await screenshot(page, `touch-view-${v}-390x844`);
        }
        const first = (await page.evaluate(() => rekindle.contacts({ limit: 1 })))[0];
        await page.evaluate((id) => rekindle.select(id), first.id);
        await show(page, 'contacts');
        await screenshot(page, 'touch-view-detail-390x844');
        await page.evaluate(() => rekindle.select(0));
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'desktop: the mouse wheel scrolls the table as before, targets stay compact',
    fn: async () => {
      const { files, manifest } = bigExport(120);
      const srv = await startServer(DIST);
      const ctx = await launch({ viewport: { width: 1280, height: 720 } });
      try {
        const page = await openApp(ctx, srv.url);
        await importViaApi(page, files);
        await page.evaluate((d) => rekindle.setToday(d), manifest.today);
        const l = await page.evaluate(() => rekindle.layout());
        assert(l.frame_height < 40, `desktop buttons keep their size (${l.frame_height})`);
        await show(page, 'contacts');
        await page.mouse.move(640, 500);
        await page.mouse.wheel(0, 300);
        await frames(page, 6);
        const t = await scrolled(page, '/contacts');
        assert(t && t.scroll_y > 50, 'the wheel scrolls the table: ' + JSON.stringify(t));
        assert(!(await detailOpen(page)), 'the wheel opened nothing');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
];
