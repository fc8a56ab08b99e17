// The notes field: a native text area laid over the canvas (src/platform/web_textarea.cpp), so a
// long note wraps, input methods can compose, and what is typed is saved like any edit.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  launch, openApp, startServer, DIST, assert, assertEq, assertNoProblems, screenshot, frames, generator, tempDir,
  importViaApi, waitReady,
} from './harness.mjs';

function makeExport() {
  const dir = tempDir('rekindle-notes-');
  execFileSync(generator(), ['--size', 'tiny', '--seed', '3', '--out', dir, '--zip'], { stdio: 'pipe' });
  const zip = fs.readdirSync(dir).find((f) => f.endsWith('.zip'));
  return { name: zip, path: path.join(dir, zip) };
}

const area = (page) => page.evaluate(() => {
  const el = document.getElementById('rk-textarea');
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const lh = parseFloat(getComputedStyle(el).lineHeight) || 20;
  return { hidden: el.hidden, value: el.value, focused: document.activeElement === el, label: el.getAttribute('aria-label'),
    x: r.x, y: r.y, w: r.width, h: r.height, lines: Math.round((el.scrollHeight - parseFloat(getComputedStyle(el).paddingTop) * 2) / lh),
    scrollW: el.scrollWidth, clientW: el.clientWidth, spellcheck: el.spellcheck };
});
const noteOf = (page, id) => page.evaluate((id) => rekindle.contacts().find((c) => c.id === id).note, id);

async function openNotes(page, id) {
  await page.evaluate(() => rekindle.view('contacts'));
  await page.evaluate((id) => rekindle.select(id), id);
  await frames(page, 4);
  // The notes sit below the follow-up settings and tags: scroll the panel until they show.
  for (let i = 0; i < 20; i++) {
    const a = await area(page);
    if (a && !a.hidden && a.y + a.h < page.viewportSize().height) return a;
    const vp = page.viewportSize();
    await page.mouse.move(vp.width - 40, vp.height / 2);
    await page.mouse.wheel(0, 200);
    await frames(page, 3);
  }
  throw new Error('the notes field never showed: ' + JSON.stringify(await area(page)));
}

export const tests = [
  {
    name: 'a long note wraps, input-method text goes in, Escape leaves, edits elsewhere show, it is saved and hidden with its panel',
    fn: async () => {
      const exp = makeExport();
      const srv = await startServer(DIST);
      for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
        const ctx = await launch({ viewport });
        try {
          const page = await openApp(ctx, srv.url);
          await importViaApi(page, [exp]);
          const [c, other] = await page.evaluate(() => rekindle.contacts({ limit: 2 }));
          let a = await openNotes(page, c.id);
          assertEq(a.label, 'Notes', 'the text area is labelled for screen readers');
          assertEq(a.spellcheck, false, 'no spell check (an enhanced one sends text away)');
          assertEq(a.value, '', 'empty note');

          // A long paragraph, typed: it wraps inside the field instead of running off to the side.
          const long = 'Met at the Lisbon product meetup in 2023; talked about onboarding flows, pricing pages and ' +
            'why their team moved from quarterly to monthly releases. Follow up about the hiring plan.';
          await page.mouse.click(a.x + a.w / 2, a.y + 10);
          await page.keyboard.type(long, { delay: 0 });
          a = await area(page);
          assert(a.focused, 'the text area has the focus');
          assert(a.scrollW <= a.clientW + 1, `no horizontal overflow (${a.scrollW} > ${a.clientW})`);
          assert(a.lines >= 2, `the note wraps onto several lines (${a.lines})`);
          assertEq(await noteOf(page, c.id), long, 'what was typed is the note (the API sees it at once)');

          // What an input method commits arrives as text input, like a paste of composed text.
          await page.keyboard.press('Enter');
          await page.keyboard.insertText('日本語のメモ، ملاحظة');
          await frames(page, 2);
          assertEq(await noteOf(page, c.id), long + '\n日本語のメモ، ملاحظة', 'composed text and a line break');
          await screenshot(page, `notes-wrapped-${viewport.width}x${viewport.height}`);

          // Escape hands the keyboard back to the app.
          await page.keyboard.press('Escape');
          await frames(page, 2);
          assert(await page.evaluate(() => document.activeElement && document.activeElement.id === 'canvas'), 'the canvas has the focus');

          // A change made elsewhere (the scripting API) shows in the field.
          await page.evaluate((id) => rekindle.update(id, { note: 'set by a script' }), c.id);
          await frames(page, 3);
          const shown = await area(page);
          assertEq(shown.value, 'set by a script', 'the field follows the stored note: ' + JSON.stringify(shown).slice(0, 200));

          // Another contact: its own (empty) note; the first one's stays.
          await page.evaluate((id) => rekindle.select(id), other.id);
          await frames(page, 3);
          assertEq((await area(page)).value, '', "the other contact's note");
          assertEq(await noteOf(page, c.id), 'set by a script', 'the first note is kept');

          // Gone with its panel.
          await page.evaluate(() => rekindle.view('dashboard'));
          await page.evaluate(() => rekindle.select(0));
          await frames(page, 3);
          assert((await area(page)).hidden, 'hidden when no contact is open');

          // Typed and the page reloaded right away: saved.
          a = await openNotes(page, other.id);
          await page.mouse.click(a.x + a.w / 2, a.y + 10);
          await page.keyboard.type('call in January', { delay: 0 });
          await page.evaluate(() => rekindle.flush());
          await page.reload();
          await waitReady(page);
          assertEq(await noteOf(page, other.id), 'call in January', 'the note survived a reload');
          assertEq(await noteOf(page, c.id), 'set by a script', 'and the other one');
          await assertNoProblems(page);
        } finally { await ctx.close(); }
      }
      await srv.close();
    },
  },
];
