// The follow-up judgement in the browser, on an export shaped like real ones (the generator's
// realistic profile): through window.rekindle, what issue #14 requires of the queue and Today;
// screenshots of Today at 1280x720 and 390x844; Done brings up the next action.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  withApp, DIST, assert, assertEq, assertNoProblems, screenshot, frames, generator, tempDir, importViaApi,
} from './harness.mjs';

function realisticExport() {
  const dir = tempDir('rekindle-followups-');
  execFileSync(generator(), ['--size', 'S', '--seed', '1', '--profile', 'realistic', '--out', dir, '--zip'], { stdio: 'pipe' });
  const zip = fs.readdirSync(dir).find((f) => f.endsWith('.zip'));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  return { files: [{ name: zip, path: path.join(dir, zip) }], manifest };
}

const DAY = 86400000;
const days = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

async function judgement(page, today) {
  return page.evaluate(() => {
    const all = rekindle.contacts({ sort: 'priority' });
    return { all, summary: rekindle.summary() };
  }).then(({ all, summary }) => ({ all, summary, today }));
}

function checkJudgement({ all, summary, today }) {
  const withMessages = all.filter((c) => c.messages_sent + c.messages_received > 0);
  const awaiting = all.filter((c) => c.status === 'awaiting_reply');
  assert(awaiting.length > 0, 'some replies are owed');
  assert(awaiting.length < 0.15 * withMessages.length,
    `${awaiting.length} of ${withMessages.length} contacts with messages are awaiting a reply`);
  for (const c of awaiting) assert(days(c.last_from_them, today) <= 60, `${c.name} waits since ${c.last_from_them}`);
  assert(summary.statuses.awaiting_reply <= awaiting.length && summary.statuses.awaiting_reply > 0, 'summary counts');
  // The queue first (Today, then the rest), then everyone else.
  const queued = all.filter((c) => c.queue_place);
  queued.forEach((c, k) => assertEq(c.queue_place, k + 1, 'queue order of ' + c.name));
  assert(all.slice(0, queued.length).every((c) => c.queue_place), 'the queue comes first');
  const today_ = all.filter((c) => c.today);
  assertEq(today_.length, 10, 'Today holds 10 actions');
  today_.forEach((c, k) => assertEq(c.queue_place, k + 1, 'Today is the head of the queue'));
  const kinds = new Set(queued.map((c) => c.action)), todayKinds = new Set(today_.map((c) => c.action));
  assertEq([...todayKinds].sort(), [...kinds].sort(), 'every kind of action in the queue is in Today');
  assert(today_.filter((c) => c.action === 'nudge').length <= 1, 'one nudge at most');
  // At least half of the top 20 in touch or connected within the last year.
  const recent = (d) => d && days(d, today) <= 365;
  const top = queued.slice(0, 20);
  const fresh = top.filter((c) => recent(c.last_interaction) || recent(c.connected_on)).length;
  assert(2 * fresh >= top.length, `only ${fresh} of the top ${top.length} were in touch within a year`);
  // Every new connection without a message is in the queue, to greet; some of them today.
  const fresh30 = all.filter((c) => c.connected && c.connected_on && days(c.connected_on, today) <= 30 &&
    c.messages_sent + c.messages_received === 0 && !c.archived && !c.snoozed_until);
  assert(fresh30.length >= 3, 'new connections exist');
  for (const c of fresh30) assert(c.queue_place && c.action === 'greet', `${c.name} (connected ${c.connected_on}) is to greet`);
  assert(fresh30.some((c) => c.today), 'a new connection is in Today');
  return today_;
}

export const tests = [
  {
    name: 'realistic export: a short mixed Today, replies owed inside the window, new connections to greet',
    timeout: 300000,
    fn: async () => {
      const { files, manifest } = realisticExport();
      await withApp(DIST, async (page) => {
        const report = await importViaApi(page, files);
        assert(report.committed, 'import committed');
        const todayList = checkJudgement(await judgement(page, manifest.today));
        const reasons = todayList.map((c) => c.reasons[1] || '').join('\n');
        assert(/You connected with .* and haven't said hello/.test(reasons), 'a greeting reason:\n' + reasons);
        assert(/Waiting for your reply for/.test(reasons), 'a reply reason:\n' + reasons);

        await page.evaluate(() => rekindle.view('followups'));
        await screenshot(page, 'followups-today-1280');
        // Done on the first action: it leaves Today and the next one moves up.
        const first = todayList[0];
        await page.evaluate((id) => rekindle.markContacted(id), first.id);
        await frames(page, 3);
        const after = await page.evaluate(() => rekindle.contacts({ sort: 'priority', limit: 10 }));
        assert(after.every((c) => c.id !== first.id), 'done leaves Today');
        assertEq(after.filter((c) => c.today).length, 10, 'Today still holds 10');
        // The kinds still take turns: the next of the same kind takes the first place.
        const sameKind = todayList.filter((c) => c.action === first.action);
        assertEq(after[0].id, sameKind[1].id, 'the next ' + first.action + ' moves up');
        assertEq(after.slice(1, 5).map((c) => c.id), todayList.slice(1, 5).map((c) => c.id), 'the rest stays in place');
        // Browsing by kind: the action filter returns that kind in the queue's order.
        const greet = await page.evaluate(() => rekindle.contacts({ sort: 'priority', action: 'greet' }));
        assert(greet.length > 0 && greet.every((c) => c.action === 'greet'), 'greet filter');
        for (let k = 1; k < greet.length; k++) assert(greet[k].queue_place > greet[k - 1].queue_place, 'greet order');
        await screenshot(page, 'followups-today-after-done-1280');
        await page.setViewportSize({ width: 390, height: 844 });
        await frames(page, 6);
        await screenshot(page, 'followups-today-390');
        await assertNoProblems(page);
      }, { today: manifest.today });
    },
  },
  {
    name: 'tiers and settings through the API survive a reload',
    fn: async () => {
      const { files, manifest } = realisticExport();
      await withApp(DIST, async (page) => {
        await importViaApi(page, files);
        const someone = await page.evaluate(() => rekindle.contacts({ status: 'active', limit: 1 })[0]);
        const r = await page.evaluate((id) => rekindle.update(id, { tier: 'Close', note: 'met in Lisbon' }), someone.id);
        assertEq(r.tier, 'Close', 'tier set');
        assertEq(r.cadence_days, 30, 'the Close band');
        const bad = await page.evaluate((id) => {
          try { rekindle.update(id, { tier: 'Inner circle' }); return ''; } catch (e) { return e.message; }
        }, someone.id);
        assert(/tier must be one of Close, Regular, Acquaintance/.test(bad), 'unknown tier refused: ' + bad);
        await page.evaluate(() => rekindle.flush());
        await page.reload();
        await page.waitForFunction(() => window.rekindle && window.rekindle.ready);
        await page.evaluate(() => rekindle.ready);
        await page.evaluate((d) => rekindle.setToday(d), manifest.today);
        const back = await page.evaluate((id) => rekindle.contacts({}).find((c) => c.id === id), someone.id);
        assertEq([back.tier, back.note, back.cadence_max_days], ['Close', 'met in Lisbon', 60], 'after reload');
        await assertNoProblems(page);
      }, { today: manifest.today });
    },
  },
];
