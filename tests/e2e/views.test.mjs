// The views with data: a generated export (tiny) is imported, then every view and the contact
// detail panel is drawn at 1280x720 and at a phone-size 390x844, in light and dark, and each
// screenshot is checked not to be blank. Names in other scripts load their fonts on demand from
// the page's own fonts/ folder.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  launch, openApp, startServer, DIST, assert, assertNoProblems, screenshot, frames, generator, tempDir, importViaApi,
} from './harness.mjs';

const VIEWS = ['import', 'dashboard', 'contacts', 'followups', 'settings'];

function makeExport() {
  const dir = tempDir('rekindle-views-');
  execFileSync(generator(), ['--size', 'tiny', '--seed', '1', '--out', dir, '--zip'], { stdio: 'pipe' });
  const zip = fs.readdirSync(dir).find((f) => f.endsWith('.zip'));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  return { files: [{ name: zip, path: path.join(dir, zip) }], manifest };
}

// Waits until every font the page started fetching has arrived (or failed), then a few frames.
async function fontsSettled(page, timeout = 60000) {
  await page.waitForFunction(() => {
    const f = (window.Module && window.Module.RK && window.Module.RK.fonts) || {};
    return Object.values(f).every((s) => s === 2 || s === 3);
  }, null, { timeout, polling: 200 });
  await frames(page, 6);
  return page.evaluate(() => Object.assign({}, window.Module.RK.fonts || {}));
}

async function show(page, view) {
  const r = await page.evaluate((v) => window.rekindle.view(v), view);
  assert(r.ok, 'view ' + view);
  await frames(page, 4);
}

// Contacts to open in the panel: the most talkative one, and names in CJK and Arabic script.
function pickContacts(all) {
  const byMessages = [...all].sort((a, b) => (b.messages_sent + b.messages_received) - (a.messages_sent + a.messages_received));
  const text = (c) => [c.name, c.company, c.position].join(' ');
  const cjk = all.find((c) => /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/.test(c.name));
  const arabic = all.find((c) => /[\u0600-\u06ff]/.test(text(c)));
  const hebrew = all.find((c) => /[\u0590-\u05ff]/.test(text(c)));
  const deva = all.find((c) => /[\u0900-\u097f]/.test(text(c)));
  return { busy: byMessages[0], cjk, arabic, hebrew, deva };
}

async function screenshotAll(page, suffix, picks) {
  for (const v of VIEWS) {
    await show(page, v);
    await screenshot(page, `views-${v}-${suffix}`);
  }
  // The detail panel, over Contacts (side by side on a wide screen, full screen on a phone).
  await page.evaluate((id) => window.rekindle.select(id), picks.busy.id);
  await show(page, 'contacts');
  await screenshot(page, `views-detail-${suffix}`);
  await show(page, 'followups');
  await screenshot(page, `views-followups-detail-${suffix}`);
  for (const [k, c] of Object.entries(picks)) {
    if (k === 'busy' || !c) continue;
    await page.evaluate((id) => window.rekindle.select(id), c.id);
    await show(page, 'contacts');
    await screenshot(page, `views-detail-${k}-${suffix}`);
  }
  await page.evaluate(() => window.rekindle.select(0));
  await frames(page, 2);
}

export const tests = [
  {
    name: 'every view and the detail panel with an imported export (1280x720, 390x844, light and dark)',
    timeout: 300000,
    fn: async () => {
      const { files, manifest } = makeExport();
      const srv = await startServer(DIST);
      const ctx = await launch({ viewport: { width: 1280, height: 720 } });
      try {
        const page = await openApp(ctx, srv.url);
        await page.emulateMedia({ colorScheme: 'light' });
        await show(page, 'import');
        await screenshot(page, 'views-welcome-1280x720');

        const report = await importViaApi(page, files);
        assert(report && report.files && report.files.length > 0, 'import report lists files');
        await page.evaluate((d) => window.rekindle.setToday(d), manifest.today);
        const summary = await page.evaluate(() => window.rekindle.summary());
        assert(summary.contacts === manifest.contacts, `contacts imported: ${summary.contacts} vs ${manifest.contacts}`);

        // Names in CJK, Arabic, Hebrew and Devanagari: their fonts come from fonts/ on demand.
        const fonts = await fontsSettled(page);
        for (const f of ['NotoSansCJK-Regular.ttc', 'NotoSansArabic-Regular.ttf', 'NotoSansHebrew-Regular.ttf',
          'NotoSansDevanagari-Regular.ttf']) {
          assert(fonts[f] === 2, `font ${f} loaded on demand (state ${fonts[f]})`);
        }
        const origin = new URL(srv.url).origin;
        const foreign = page.rk.requests.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
        assert(foreign.length === 0, 'no request leaves the origin: ' + JSON.stringify(foreign));

        const all = await page.evaluate(() => window.rekindle.contacts({ limit: 0 }));
        const picks = pickContacts(all);
        assert(picks.busy && picks.cjk && picks.arabic, 'the generated export has CJK and Arabic names');

        // The import report after an import.
        await show(page, 'import');
        await screenshot(page, 'views-import-report-1280x720');

        await screenshotAll(page, '1280x720', picks);

        // Keyboard: "/" focuses search, arrows move through the table, Enter opens, Esc closes.
        await show(page, 'contacts');
        await page.click('#canvas', { position: { x: 640, y: 400 } });
        await frames(page, 3);
        await page.keyboard.press('Escape');
        await frames(page, 2);
        await page.keyboard.press('ArrowDown');
        await frames(page, 2);
        await page.keyboard.press('ArrowDown');
        await frames(page, 2);
        await page.keyboard.press('Enter');
        await frames(page, 4);
        await screenshot(page, 'views-contacts-keyboard-1280x720');
        await page.keyboard.press('Escape');
        await frames(page, 3);

        // Dark theme (following the system).
        await page.emulateMedia({ colorScheme: 'dark' });
        await frames(page, 4);
        for (const v of ['dashboard', 'contacts', 'followups']) {
          await show(page, v);
          await screenshot(page, `views-${v}-dark-1280x720`);
        }
        await page.evaluate((id) => window.rekindle.select(id), picks.busy.id);
        await show(page, 'contacts');
        await screenshot(page, 'views-detail-dark-1280x720');
        await page.evaluate(() => window.rekindle.select(0));
        await page.emulateMedia({ colorScheme: 'light' });

        // Full HD: good use of space.
        await page.setViewportSize({ width: 1920, height: 1080 });
        await frames(page, 6);
        for (const v of ['dashboard', 'followups']) {
          await show(page, v);
          await screenshot(page, `views-${v}-1920x1080`);
        }

        // Phone, portrait.
        await page.setViewportSize({ width: 390, height: 844 });
        await frames(page, 6);
        await screenshotAll(page, '390x844', picks);

        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
];
