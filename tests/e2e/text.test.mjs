// Text fields get a real <input> while they are active (src/platform/web_input.cpp): on a phone
// a tap on the search box focuses it (so the on-screen keyboard opens), and what input methods
// send (insertText, IME composition: "Ødegaard", "高橋") reaches the field and filters the table.
import fs from 'node:fs';
import path from 'node:path';
import {
  launch, openApp, startServer, DIST, assert, assertEq, assertNoProblems, screenshot, frames, tempDir, importViaApi,
  touchTap,
} from './harness.mjs';

// A small Connections.csv with names that need an input method, and near-misses for each.
export function peopleCsv() {
  const dir = tempDir('rekindle-text-');
  const rows = [['Martin', 'Ødegaard'], ['Anna', 'Degaard'], ['高橋', '健'], ['高田', '美咲'], ['José', 'Álvarez']];
  for (let i = 0; i < 25; i++) rows.push(['Person' + i, 'Sample']);
  const csv = 'Notes:\n"Made for Rekindle\'s text input tests."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
    rows.map(([f, l], i) => `${f},${l},https://www.linkedin.com/in/p${i},p${i}@example.com,Acme ${i % 4},Engineer,0${1 + (i % 9)} Mar 2024`).join('\n') + '\n';
  const file = path.join(dir, 'Connections.csv');
  fs.writeFileSync(file, csv);
  return [{ name: 'Connections.csv', path: file }];
}

export const layout = (page) => page.evaluate(() => rekindle.layout());
export async function itemRect(page, label) {
  const l = await layout(page);
  const it = l.items.find((i) => i.label === label);
  assert(it, `an item "${label}" is on screen: ` + l.items.map((i) => i.label).filter(Boolean).slice(0, 40).join(', '));
  return it;
}
const rows = async (page) => (await layout(page)).items.filter((i) => i.label === '##row').length;
const active = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a && a.tagName, cls: a && a.className, spell: a && a.spellcheck, ac: a && a.getAttribute('autocomplete'), value: a && a.value };
});

export const tests = [
  {
    name: 'phone: a tap on search focuses a real input; insertText and IME composition filter the table',
    fn: async () => {
      const srv = await startServer(DIST);
      const ctx = await launch({ viewport: { width: 390, height: 844 }, touch: true });
      try {
        const page = await openApp(ctx, srv.url);
        await importViaApi(page, peopleCsv());
        await page.evaluate(() => rekindle.view('contacts'));
        await frames(page, 5);
        const all = await rows(page);
        assert(all >= 5, `the table shows rows (${all})`);
        const s = await itemRect(page, '##search');
        // (iOS opens its keyboard only for a focus given while the finger's own event is handled.)
        await page.evaluate(() => {
          window.__inTouch = false;
          window.addEventListener('touchend', () => { window.__inTouch = true; setTimeout(() => { window.__inTouch = false; }, 0); }, true);
          document.addEventListener('focusin', (e) => { window.__focus = { tag: e.target.tagName, duringTouch: window.__inTouch }; });
        });
        await touchTap(page, s.x + s.w / 2, s.y + s.h / 2);
        await frames(page, 4);
        assertEq(await page.evaluate(() => window.__focus), { tag: 'INPUT', duringTouch: true }, 'the element got the focus while the tap was handled');
        let a = await active(page);
        assertEq(a.tag, 'INPUT', 'the tap focused a real input element (the phone opens its keyboard for it)');
        assert(a.cls.includes('rk-field'), 'it is the field element');
        assertEq([a.spell, a.ac], [false, 'off'], 'no spell check, no autocomplete');
        assert((await layout(page)).text_input, 'Dear ImGui is taking text');

        // Text committed by an input method (or dictation, or a paste): one insertText.
        await page.keyboard.insertText('Ødegaard');
        await frames(page, 4);
        assertEq((await layout(page)).field_text, 'Ødegaard', 'the whole word reached the field, Ø included');
        assertEq(await rows(page), 1, 'only Martin Ødegaard is left (not Anna Degaard)');
        await screenshot(page, 'text-search-odegaard-390x844');

        // Clear it the way a user would, then compose Japanese with the IME.
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        await frames(page, 3);
        assertEq((await layout(page)).field_text, '', 'cleared');
        assertEq(await rows(page), all, 'every row is back');
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('Input.imeSetComposition', { text: 'たかはし', selectionStart: 4, selectionEnd: 4 });
        await frames(page, 3);
        assertEq((await layout(page)).field_text, 'たかはし', 'the composition shows in the field while it is composed');
        await cdp.send('Input.imeSetComposition', { text: '高橋', selectionStart: 2, selectionEnd: 2 });
        await cdp.send('Input.insertText', { text: '高橋' });
        await frames(page, 4);
        assertEq((await layout(page)).field_text, '高橋', 'the committed kanji are in the field');
        assertEq(await rows(page), 1, 'only 高橋 健 is left (not 高田)');
        a = await active(page);
        assertEq(a.value, '高橋', 'the element holds the same text');
        // The keyboard open: the page gets shorter; the field stays in view.
        await page.setViewportSize({ width: 390, height: 480 });
        await frames(page, 6);
        await screenshot(page, 'text-search-keyboard-open-390x844');
        await page.setViewportSize({ width: 390, height: 844 });
        await frames(page, 4);

        // A tap on a row ends the search field and opens the contact; the element lets go.
        const row = (await layout(page)).items.find((i) => i.label === '##row');
        await touchTap(page, row.x + 60, row.y + row.h / 2);
        await frames(page, 5);
        a = await active(page);
        assert(a.tag !== 'INPUT', 'the field element let go of the focus: ' + JSON.stringify(a));
        assert(!(await layout(page)).text_input, 'no field is active');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'desktop: typed keys, dead-key and IME text, a click to move the caret, Enter, Escape and paste all work through the element',
    fn: async () => {
      const srv = await startServer(DIST);
      const ctx = await launch({ viewport: { width: 1280, height: 720 } });
      try {
        const page = await openApp(ctx, srv.url);
        await importViaApi(page, peopleCsv());
        await page.evaluate(() => rekindle.view('contacts'));
        await frames(page, 5);
        const all = await rows(page);
        const s = await itemRect(page, '##search');
        await page.mouse.click(s.x + 40, s.y + s.h / 2);
        await frames(page, 3);
        assertEq((await active(page)).tag, 'INPUT', 'a click on the search box focuses the element');
        await page.keyboard.type('Jos', { delay: 10 });
        // A dead key: the accent is composed, then committed with the letter.
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });
        await cdp.send('Input.insertText', { text: 'é' });
        await frames(page, 3);
        assertEq((await layout(page)).field_text, 'José', 'typed and composed text');
        assertEq(await rows(page), 1, 'José Álvarez only');
        // The caret moved by the app side (Home) and by the element's side (arrow keys) stay in step.
        await page.keyboard.press('Home');
        await page.keyboard.type('X');
        await frames(page, 3);
        assertEq((await layout(page)).field_text, 'XJosé', 'Home moved the caret before typing');
        assertEq((await layout(page)).field_cursor, 1, 'the caret is after the X in Dear ImGui too');
        await page.keyboard.press('Delete');
        await page.keyboard.press('Backspace');
        await frames(page, 3);
        assertEq((await layout(page)).field_text, 'osé', 'Delete and Backspace');
        // A click inside the field moves the caret (Dear ImGui's) and the element follows.
        await page.mouse.click(s.x + 9 + 2, s.y + s.h / 2);
        await frames(page, 3);
        assertEq((await page.evaluate(() => document.activeElement.selectionStart)), 0, 'a click at the start put the caret there in the element');
        // Paste goes into the element like any text.
        await page.evaluate(() => {
          const dt = new DataTransfer();
          dt.setData('text/plain', 'J');
          document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
        });
        await page.keyboard.insertText('J');  // (a synthetic paste event inserts nothing by itself)
        await frames(page, 3);
        assertEq((await layout(page)).field_text, 'José', 'pasted text');
        // Escape ends the field (Dear ImGui puts back what it held before) and gives the keys back to the app.
        await page.keyboard.press('Escape');
        await frames(page, 3);
        assert(!(await layout(page)).text_input, 'Escape ends the field');
        assertEq((await active(page)).tag, 'CANVAS', 'the app has the keys again');
        assertEq(await rows(page), all, 'Escape gave the search its old (empty) text back');
        // "/" opens the search from the keyboard, and it takes the typing.
        await page.keyboard.press('/');
        await frames(page, 3);
        assertEq((await active(page)).tag, 'INPUT', '"/" focuses the element');
        await page.keyboard.type('Person1', { delay: 5 });
        await frames(page, 3);
        assert((await rows(page)) >= 1 && (await rows(page)) < all, 'the search filters');
        await page.keyboard.press('Enter');
        await frames(page, 3);
        assertEq((await active(page)).tag, 'CANVAS', 'Enter ends the field');
        assertEq((await rows(page)), (await rows(page)), 'and keeps its text');
        await screenshot(page, 'text-search-desktop-1280x720');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
];
