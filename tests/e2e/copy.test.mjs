// Copy and links in the contact's panel: a Copy action per field (name, e-mail, company,
// position) and on every message text; the e-mail address opens a mailto: link (only a plain
// address: nothing that could add recipients or headers).
import {
  launch, openApp, startServer, DIST, assert, assertEq, assertNoProblems, screenshot, frames, importViaApi,
} from './harness.mjs';
import { peopleCsv, itemRect, layout } from './text.test.mjs';
import { bigExport } from './touch.test.mjs';

async function click(page, label) {
  const it = await itemRect(page, label);
  await page.mouse.click(it.x + Math.min(20, it.w / 2), it.y + it.h / 2);
  await frames(page, 3);
}

export const tests = [
  {
    name: 'copy: each field of a contact and a message text go to the clipboard; the e-mail opens mailto:',
    fn: async () => {
      const { files, manifest } = bigExport(60);
      const srv = await startServer(DIST);
      const ctx = await launch({ viewport: { width: 1280, height: 720 } });
      try {
        const page = await openApp(ctx, srv.url);
        await importViaApi(page, files);
        await importViaApi(page, peopleCsv());
        await page.evaluate((d) => rekindle.setToday(d), manifest.today);
        // What reaches the clipboard and which links are followed, recorded instead of done.
        await page.evaluate(() => {
          window.__copied = [];
          Module.RK.copy = (t) => window.__copied.push(t);
          window.__links = [];
          HTMLAnchorElement.prototype.click = function () { window.__links.push(this.href); };
          window.open = (u) => { window.__links.push('open:' + u); return null; };
        });
        const all = await page.evaluate(() => rekindle.contacts({ limit: 0 }));
        const martin = all.find((c) => c.last_name === 'Ødegaard');
        await page.evaluate(() => rekindle.view('contacts'));
        await page.evaluate((id) => rekindle.select(id), martin.id);
        await frames(page, 4);

        // The e-mail address is a link to the mail app.
        await click(page, `${martin.email}###mail`);
        assertEq(await page.evaluate(() => window.__links), [`mailto:${martin.email}`], 'the address opened mailto:');

        // Copy...: one entry per field.
        const want = [martin.name, martin.email, martin.company, martin.position];
        for (let k = 0; k < want.length; k++) {
          await click(page, 'Copy...');
          const entries = (await layout(page)).items.filter((i) => i.label.startsWith('Copy ') && i.label.includes(':'));
          assertEq(entries.length, 4, 'a Copy entry for name, e-mail, company and position');
          if (k === 0) await screenshot(page, 'copy-menu-1280x720');
          await page.mouse.click(entries[k].x + 20, entries[k].y + entries[k].h / 2);
          await frames(page, 3);
        }
        assertEq(await page.evaluate(() => window.__copied), want, 'each field was copied as it is');

        // A message text: its own Copy button.
        const talker = [...all].sort((a, b) => (b.messages_sent + b.messages_received) - (a.messages_sent + a.messages_received))[0];
        await page.evaluate((id) => rekindle.select(id), talker.id);
        await frames(page, 4);
        await page.evaluate(() => { window.__copied = []; });
        // The timeline is below the panel's fold: scroll down to it.
        let copies = [];
        for (let i = 0; i < 20 && !copies.some((c) => c.y > 100 && c.y < 600); i++) {
          await page.mouse.move(1000, 400);
          await page.mouse.wheel(0, 150);
          await frames(page, 3);
          copies = (await layout(page)).items.filter((i) => i.label === 'Copy###copy');
        }
        const first = copies.find((c) => c.y > 100 && c.y < 600);
        assert(first, 'message texts have a Copy button');
        await page.mouse.click(first.x + first.w / 2, first.y + first.h / 2);
        await frames(page, 3);
        const copied = await page.evaluate(() => window.__copied);
        assertEq(copied.length, 1, 'one text copied');
        assert(copied[0].length > 3, 'a message text: ' + JSON.stringify(copied[0]));
        assert((await layout(page)).items.some((i) => i.label === 'Copied###copy'), 'the button says Copied');
        await screenshot(page, 'copy-message-1280x720');

        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
];
