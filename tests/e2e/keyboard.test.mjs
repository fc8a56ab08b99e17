// The keyboard alone: from the top tabs, Tab reaches the search (typing goes in), a filter, the
// contacts table (one stop; arrows move in it, Enter opens), the contact's panel and its note;
// Shift+Tab goes back; Escape closes a popup but not the panel under it, then the panel.
import {
  launch, openApp, startServer, DIST, assert, assertEq, assertNoProblems, screenshot, frames, importViaApi,
} from './harness.mjs';
import { peopleCsv, itemRect } from './text.test.mjs';

const state = (page) => page.evaluate(() => {
  const l = rekindle.layout();
  return {
    nav: l.nav_label || '', visible: l.nav_visible, tag: document.activeElement.tagName, text: l.text_input,
    detail: l.windows.some((w) => w.name.includes('/detail')), popup: l.windows.some((w) => w.popup),
  };
});

async function tabUntil(page, pred, max = 60, key = 'Tab') {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    await frames(page, 3);
    const s = await state(page);
    seen.push(s.nav || s.tag);
    if (pred(s)) return seen;
  }
  throw new Error(`${key} never got there; it went through: ${seen.join(' > ')}`);
}

export const tests = [
  {
    name: 'keyboard: Tab from the top tabs reaches search, a filter, a contact and its note; Esc closes a popup, then the panel',
    fn: async () => {
      const srv = await startServer(DIST);
      const ctx = await launch({ viewport: { width: 1280, height: 720 } });
      try {
        const page = await openApp(ctx, srv.url);
        await importViaApi(page, peopleCsv());
        await page.evaluate(() => rekindle.view('contacts'));
        await frames(page, 5);
        const tab = await itemRect(page, 'Contacts');
        await page.mouse.click(tab.x + 10, tab.y + 10);
        await frames(page, 3);

        // Search: a Tab stop that takes typing at once.
        let seen = await tabUntil(page, (s) => s.nav === '##search');
        let s = await state(page);
        assert(s.visible, 'the focus is shown');
        assert(seen.includes('Settings'), 'the top tabs come first: ' + seen.join(' > '));
        assertEq([s.tag, s.text], ['INPUT', true], 'tabbing into the search makes it take text');
        await page.keyboard.type('Person2', { delay: 5 });
        await frames(page, 3);
        assertEq((await page.evaluate(() => rekindle.layout())).field_text, 'Person2', 'typed into the search');
        await screenshot(page, 'keyboard-search-1280x720');

        // A filter (the status list), opened with Enter, closed with Escape: the search keeps its text.
        seen = await tabUntil(page, (x) => x.nav === "Status filter");
        assertEq((await state(page)).tag, 'CANVAS', 'leaving the search gives the keys back to the app');
        await page.keyboard.press('Enter');
        await frames(page, 3);
        assert((await state(page)).popup, 'Enter opens the status filter');
        await screenshot(page, 'keyboard-filter-open-1280x720');
        await page.keyboard.press('Escape');
        await frames(page, 3);
        assert(!(await state(page)).popup, 'Escape closes it');

        // The table: one stop; Down moves the cursor, Enter opens the contact.
        seen = await tabUntil(page, (x) => x.nav.startsWith('Contacts table'));
        assert(!seen.some((x) => x === '##row'), 'rows are not Tab stops one by one');
        await page.keyboard.press('ArrowDown');
        await frames(page, 2);
        await page.keyboard.press('Enter');
        await frames(page, 4);
        assert((await state(page)).detail, 'Enter on the table opens the contact under the cursor');
        await screenshot(page, 'keyboard-table-open-1280x720');

        // On into the panel, to the note: the keyboard goes into its text area, and out again with Tab.
        seen = await tabUntil(page, (x) => x.tag === 'TEXTAREA');
        assert(seen.includes('Mark contacted') || seen.includes('Snooze'), 'the panel\'s buttons are on the way: ' + seen.join(' > '));
        await page.keyboard.type('met at the meetup', { delay: 5 });
        const people = await page.evaluate(() => rekindle.contacts({ limit: 0 }));
        assert(people.some((c) => c.note === 'met at the meetup'), 'typed into the note');
        await page.keyboard.press('Tab');
        await frames(page, 3);
        s = await state(page);
        assertEq(s.tag, 'CANVAS', 'Tab leaves the note for the next control');
        assert(s.nav && s.nav !== '##note', 'the next control has the focus: ' + s.nav);
        // Shift+Tab goes back into the note.
        await tabUntil(page, (x) => x.tag === 'TEXTAREA', 5, 'Shift+Tab');

        // Escape in the note leaves it only; the snooze popup, then Escape: the popup closes, the panel stays.
        await page.keyboard.press('Escape');
        await frames(page, 3);
        assert((await state(page)).detail, 'Escape in the note leaves the panel open');
        await tabUntil(page, (x) => x.nav === 'Snooze', 30, 'Shift+Tab');
        await page.keyboard.press('Enter');
        await frames(page, 3);
        assert((await state(page)).popup, 'Enter on Snooze opens its popup');
        await screenshot(page, 'keyboard-snooze-popup-1280x720');
        await page.keyboard.press('Escape');
        await frames(page, 3);
        s = await state(page);
        assert(!s.popup, 'Escape closed the popup');
        assert(s.detail, 'and not the panel under it');
        await page.keyboard.press('Escape');
        await frames(page, 3);
        assert(!(await state(page)).detail, 'a second Escape closes the panel');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
];
