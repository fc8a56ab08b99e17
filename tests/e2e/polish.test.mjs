// What a careful user sees (issue #17): a click on a Dashboard bar lists those contacts, the
// undo toast and the bulk bar float over the page instead of pushing it (a card, the table and
// the tag field keep their place), Settings' Keyboard section is readable, an old export gets a
// notice. Things are found on the canvas by where the UI drew them last frame
// (rekindle.stats().ui.rects). Screenshots at 1280x720 and 390x844, light and dark.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  launch, openApp, startServer, DIST, assert, assertEq, assertNoProblems, screenshot, frames, generator, tempDir,
  importViaApi,
} from './harness.mjs';

function makeExport() {
  const dir = tempDir('rekindle-polish-');
  execFileSync(generator(), ['--size', 'S', '--seed', '3', '--out', dir, '--zip', '--profile', 'realistic',
    '--today', '2026-11-25'], { stdio: 'pipe' });
  const zip = fs.readdirSync(dir).find((f) => f.endsWith('.zip'));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  return { files: [{ name: zip, path: path.join(dir, zip) }], manifest };
}

const ui = (page) => page.evaluate(() => window.rekindle.stats().ui);
async function show(page, view) {
  assert((await page.evaluate((v) => window.rekindle.view(v), view)).ok, 'view ' + view);
  await frames(page, 5);
}
// Clicks the middle of a rectangle the UI drew: the pointer moves there first (Dear ImGui
// needs a frame of hover), then presses.
async function clickRect(page, r) {
  const x = (r[0] + r[2]) / 2, y = (r[1] + r[3]) / 2;
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 4);
}
async function rect(page, name) {
  const r = (await ui(page)).rects[name];
  assert(r, `the UI drew "${name}"`);
  return r;
}
const iso = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
// "Q4 2014", "Mar 2025", "2018" -> [from, to] (inclusive), as the bar's period.
function period(label) {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  let m;
  if ((m = /^Q(\d) (\d{4})$/.exec(label))) {
    const q = +m[1], y = +m[2];
    return [iso(y, q * 3 - 2, 1), iso(y, q * 3, lastDay(y, q * 3))];
  }
  if ((m = /^(\w{3}) (\d{4})$/.exec(label))) {
    const k = months.indexOf(m[1]) + 1, y = +m[2];
    return [iso(y, k, 1), iso(y, k, lastDay(y, k))];
  }
  if ((m = /^(\d{4})$/.exec(label))) return [iso(+m[1], 1, 1), iso(+m[1], 12, 31)];
  throw new Error('unexpected period label ' + label);
}
// The bars of a chart, left to right.
async function bars(page, chart) {
  const rects = (await ui(page)).rects;
  const out = [];
  for (let k = 0; rects[`chart:${chart}:${k}`]; k++) out.push(rects[`chart:${chart}:${k}`]);
  return out;
}

async function chartClicks(page) {
  // Connections: the last full period (the last one may be partial).
  await show(page, 'dashboard');
  let conn = await bars(page, 'conn');
  assert(conn.length > 4, 'the connections chart has bars: ' + conn.length);
  await clickRect(page, conn[conn.length - 2]);
  let u = await ui(page);
  const label = /Connected in (.+)$/.exec(u.contacts_filter);
  assert(label, 'a bar of the connections chart filters Contacts by its period: ' + u.contacts_filter);
  const [from, to] = period(label[1]);
  const want = await page.evaluate(([f, t]) => window.rekindle.contacts({ connected_from: f, connected_to: t, include_archived: false, limit: 0 }).length, [from, to]);
  assert(want > 0, `connections in ${label[1]}`);
  assertEq(u.contacts_shown, want, `Contacts lists the ${label[1]} connections`);

  // Messages: a period with messages.
  await show(page, 'dashboard');
  const msg = await bars(page, 'msg');
  assert(msg.length > 4, 'the messages chart has bars');
  await clickRect(page, msg[msg.length - 2]);
  u = await ui(page);
  const ml = /Messages in (.+)$/.exec(u.contacts_filter);
  assert(ml, 'a bar of the messages chart filters Contacts: ' + u.contacts_filter);
  const [mf, mt] = period(ml[1]);
  const mwant = await page.evaluate(([f, t]) => window.rekindle.contacts({ messaged_from: f, messaged_to: t, include_archived: false, limit: 0 }).length, [mf, mt]);
  assert(mwant > 0, `people messaged in ${ml[1]}`);
  assertEq(u.contacts_shown, mwant, `Contacts lists the people messaged in ${ml[1]}`);
  await screenshot(page, 'polish-contacts-from-chart-1280x720');

  // Top companies and positions: the first bar.
  for (const [name, key] of [['company', 'company'], ['position', 'position']]) {
    await show(page, 'dashboard');
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 2000);  // the ranked lists are at the bottom
    await frames(page, 6);
    await clickRect(page, await rect(page, `${name}:0`));
    u = await ui(page);
    const m = new RegExp(`${name} (.+?); connected$`).exec(u.contacts_filter);
    assert(m, `a ${name} bar filters Contacts: ${u.contacts_filter}`);
    const n = await page.evaluate(([k, v]) => window.rekindle.contacts({ [k]: v, connected: true, include_archived: false, limit: 0 }).length, [key, m[1]]);
    assert(n > 0, `contacts at ${m[1]}`);
    assertEq(u.contacts_shown, n, `Contacts lists the ${name} ${m[1]}`);
  }

  // A status.
  await show(page, 'dashboard');
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, -3000);
  await frames(page, 6);
  await clickRect(page, await rect(page, 'status:2'));  // Silent
  u = await ui(page);
  assertEq(u.contacts_filter, 'status Silent', 'a status segment filters Contacts');
}

// The toast appears without moving the cards: the first card of Today keeps its rectangle when
// the last one is marked done; Undo brings the last one back.
async function toastKeepsCards(page, suffix) {
  await show(page, 'followups');
  let u = await ui(page);
  const cards = Object.keys(u.rects).filter((k) => k.startsWith('card:'));
  assert(cards.length >= 2, 'Today shows cards: ' + cards.length);
  const byTop = cards.sort((a, b) => u.rects[a][1] - u.rects[b][1] || u.rects[a][0] - u.rects[b][0]);
  // The last card whose Done button is on screen (Today may run below the fold).
  const vh = page.viewportSize().height;
  const visible = byTop.filter((k) => { const d = u.rects['done:' + k.split(':')[1]]; return d && d[3] < vh - 4; });
  assert(visible.length >= 2, 'two cards with their buttons on screen');
  const first = byTop[0], last = visible[visible.length - 1];
  const before = u.rects[first];
  assert(!u.rects.toast, 'no toast yet');
  const id = last.split(':')[1];
  await clickRect(page, u.rects['done:' + id]);
  u = await ui(page);
  assert(u.rects.toast, 'the undo toast shows after Done');
  assertEq(u.rects[first], before, 'the first card did not move when the toast appeared');
  await screenshot(page, `polish-followups-after-done-${suffix}`);
  await clickRect(page, u.rects['toast:undo']);
  u = await ui(page);
  assert(!u.rects.toast, 'Undo closes the toast');
  assert(u.rects['card:' + id], 'Undo brings the card back');
  assertEq(u.rects[first], before, 'the first card did not move when the toast went');
}

// Two rows selected: the bulk bar floats over the table, which keeps its place.
async function bulkBarKeepsTable(page) {
  await show(page, 'contacts');
  let table = await rect(page, 'contacts:table');
  const rowAt = (y) => [table[0] + 20, y - 6, table[0] + 180, y + 6];
  await clickRect(page, rowAt(table[1] + 40));  // one row: it opens in the panel
  table = await rect(page, 'contacts:table');
  await page.keyboard.down('Control');
  await clickRect(page, rowAt(table[1] + 70));  // and a second one: two selected
  await page.keyboard.up('Control');
  const u = await ui(page);
  assert(u.rects['##bulk'], 'the bulk bar shows for two selected rows');
  assertEq(u.rects['contacts:table'], table, 'the table did not move when the bulk bar appeared');
  await screenshot(page, 'polish-contacts-bulk-1280x720');
  await page.evaluate(() => window.rekindle.select(0));
  await frames(page, 2);
}

// Adding tags does not move the tag field (the chips follow it).
async function tagFieldStays(page, id) {
  await page.evaluate((id) => window.rekindle.select(id), id);
  await show(page, 'contacts');
  const field = await rect(page, 'tag-input');
  for (const t of ['alpha', 'beta']) {
    await clickRect(page, field);
    await page.keyboard.type(t, { delay: 20 });
    await frames(page, 3);
    await page.keyboard.press('Enter');
    await frames(page, 4);
    assertEq(await rect(page, 'tag-input'), field, `the tag field stays put after adding "${t}"`);
  }
  const tags = await page.evaluate((id) => window.rekindle.update(id, {}).tags, id);
  assert(tags.includes('alpha') && tags.includes('beta'), 'both tags were added: ' + JSON.stringify(tags));
}

// The templates' text wraps: the first one is the page's text area, as wide as its field, with
// no line running past its right edge.
async function templatesWrap(page) {
  await show(page, 'settings');
  const vp = page.viewportSize();
  const key = 'text:' + 2 ** 40;  // the first template (view_settings.cpp, kTemplateKeys)
  await page.mouse.move(vp.width - 20, vp.height / 2);
  await page.mouse.wheel(0, -20000);
  await frames(page, 4);
  const onScreen = (r) => r && r[1] > 80 && r[3] < vp.height - 10;
  for (let i = 0; i < 30 && !onScreen((await ui(page)).rects[key]); i++) {
    await page.mouse.move(vp.width - 20, vp.height / 2);
    await page.mouse.wheel(0, 200);
    await frames(page, 4);
  }
  const r = await rect(page, key);
  const area = await page.evaluate(() => {
    const el = document.getElementById('rk-textarea');
    return el && { hidden: el.hidden, w: el.clientWidth, sw: el.scrollWidth, h: el.clientHeight, lh: parseFloat(getComputedStyle(el).lineHeight), text: el.value };
  });
  assert(area && !area.hidden, 'the first template is in the text area: ' + JSON.stringify(area) + JSON.stringify(r));
  assert(area.text.startsWith('Hi {first_name}'), 'it holds the template: ' + JSON.stringify(area.text.slice(0, 40)));
  assert(Math.abs(area.w - (r[2] - r[0])) < 4, `the text area is as wide as the field (${area.w} vs ${r[2] - r[0]})`);
  assert(area.sw <= area.w + 1, `no line runs past the edge (scroll width ${area.sw} > ${area.w})`);
}

async function screenshots(page, suffix, busyId) {
  await show(page, 'dashboard');
  await screenshot(page, `polish-dashboard-${suffix}`);
  await show(page, 'settings');
  await screenshot(page, `polish-settings-${suffix}`);
  const vp = page.viewportSize();
  await page.mouse.move(vp.width - 20, vp.height / 2);
  await page.mouse.wheel(0, 20000);
  await frames(page, 6);
  const keys = await rect(page, 'keys-table');
  assert(keys[2] - keys[0] > 150, `the Keyboard section is readable (${keys[2] - keys[0]} px wide)`);
  assert(keys[3] - keys[1] < 400, `the Keyboard section is not one letter per line (${keys[3] - keys[1]} px tall)`);
  await screenshot(page, `polish-settings-end-${suffix}`);
  await page.evaluate((id) => window.rekindle.select(id), busyId);
  await show(page, 'contacts');
  await screenshot(page, `polish-detail-${suffix}`);
  await page.evaluate(() => window.rekindle.select(0));
}

export const tests = [
  {
    name: 'chart bars filter Contacts; overlays never move content; readable Settings; old-export notice',
    timeout: 420000,
    fn: async () => {
      const { files, manifest } = makeExport();
      const srv = await startServer(DIST);
      const ctx = await launch({ viewport: { width: 1280, height: 720 } });
      try {
        const page = await openApp(ctx, srv.url);
        await page.emulateMedia({ colorScheme: 'light' });
        await importViaApi(page, files);
        await page.evaluate((d) => window.rekindle.setToday(d), manifest.today);
        await frames(page, 4);
        const all = await page.evaluate(() => window.rekindle.contacts({ limit: 0 }));
        const busy = [...all].sort((a, b) => (b.messages_sent + b.messages_received) - (a.messages_sent + a.messages_received))[0];

        await chartClicks(page);
        await toastKeepsCards(page, 'light-1280x720');
        await bulkBarKeepsTable(page);
        await tagFieldStays(page, busy.id);

        // No notice for a fresh export; one when it is a year old.
        await show(page, 'dashboard');
        assert(!(await ui(page)).rects['stale-notice'], 'no notice for a fresh export');
        const later = new Date(Date.parse(manifest.today) + 365 * 86400e3).toISOString().slice(0, 10);
        await page.evaluate((d) => window.rekindle.setToday(d), later);
        await frames(page, 4);
        assert((await ui(page)).rects['stale-notice'], 'the Dashboard says the export is old');
        await screenshot(page, 'polish-dashboard-stale-1280x720');
        await show(page, 'followups');
        assert((await ui(page)).rects['stale-notice'], 'Follow-ups says the export is old');
        await page.evaluate((d) => window.rekindle.setToday(d), manifest.today);
        await frames(page, 4);

        for (const scheme of ['light', 'dark']) {
          await page.emulateMedia({ colorScheme: scheme });
          for (const [w, h] of [[1280, 720], [390, 844]]) {
            await page.setViewportSize({ width: w, height: h });
            await frames(page, 6);
            await screenshots(page, `${scheme}-${w}x${h}`, busy.id);
            if (scheme === 'light') await templatesWrap(page);
          }
          if (scheme === 'dark') await toastKeepsCards(page, 'dark-390x844');
          await page.setViewportSize({ width: 1280, height: 720 });
        }
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
];
