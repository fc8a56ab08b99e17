// The import engine in the browser: a real drop of a generated export zip on the canvas, the
// counts rekindle.summary() reports, statuses and reasons, and bad files that lose nothing.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  launch, openApp, startServer, DIST, assert, assertEq, assertNoProblems, screenshot, frames,
  importViaApi, dropFiles, generator, tempDir,
} from './harness.mjs';

function makeExport(args = []) {
  const dir = tempDir('rekindle-export-');
  execFileSync(generator(), ['--size', 'tiny', '--seed', '1', '--out', dir, '--zip', ...args]);
  const zip = fs.readdirSync(dir).find((f) => f.endsWith('.zip'));
  return { dir, name: zip, path: path.join(dir, zip), manifest: JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) };
}

async function waitForReport(page, previous) {
  await page.waitForFunction((prev) => {
    const r = window.rekindle.report();
    return r && JSON.stringify(r) !== prev;
  }, previous, { timeout: 60000 });
  return page.evaluate(() => window.rekindle.report());
}

export const tests = [
  {
    name: 'a dropped export zip shows the right counts, statuses and reasons',
    fn: async () => {
      const exp = makeExport();
      const m = exp.manifest;
      const srv = await startServer(DIST);
      const ctx = await launch();
      try {
        const page = await openApp(ctx, srv.url);
        await page.evaluate(() => rekindle.setToday('2026-11-25'));
        const prev = JSON.stringify(await page.evaluate(() => rekindle.report()));
        await dropFiles(page, [exp]);
        const report = await waitForReport(page, prev);
        const kinds = Object.fromEntries(report.files.map((f) => [f.name, f.kind]));
        assertEq(kinds['Connections.csv'], 'connections', 'Connections.csv recognised');
        assertEq(kinds['messages.csv'], 'messages', 'messages.csv recognised');
        assertEq(kinds['Invitations.csv'], 'invitations', 'Invitations.csv recognised');
        assertEq(kinds['Positions.csv'], 'unused', 'other LinkedIn files are "unused"');
        assert(report.contacts_added >= m.contacts, 'contacts_added counts every new person');
        const s = await page.evaluate(() => rekindle.summary());
        assertEq(s.contacts, m.contacts, 'summary.contacts');
        assertEq(s.connections, m.connections, 'summary.connections');
        assertEq(s.messages, m.messages, 'summary.messages');
        assertEq(s.conversations, m.conversations, 'summary.conversations');
        assertEq(s.invitations, m.invitations, 'summary.invitations');
        assertEq(s.endorsements, m.endorsements, 'summary.endorsements');
        assertEq(s.recommendations, m.recommendations, 'summary.recommendations');
        const total = Object.values(s.statuses).reduce((a, b) => a + b, 0);
        assertEq(total, s.contacts, 'every contact has exactly one status');
        const contacts = await page.evaluate(() => rekindle.contacts());
        // The generator shaped each connection's 1:1 thread for one status: the scoring must agree.
        for (const k of ['awaiting_reply', 'unanswered', 'silent', 'fading', 'active']) {
          const n = contacts.filter((c) => c.connected && c.status === k).length;
          assertEq(n, m.states[k], 'connections with status ' + k);
        }
        for (const c of contacts) {
          assert(Array.isArray(c.reasons) && c.reasons.length > 0 && c.reasons.every((r) => typeof r === 'string' && r.length > 10),
            'reasons are sentences for ' + c.name);
          assert(c.connected_on === null || /^\d{4}-\d{2}-\d{2}$/.test(c.connected_on), 'connected_on date format');
        }
        const awaiting = contacts.filter((c) => c.status === 'awaiting_reply');
        assert(awaiting.length > 0 && awaiting.every((c) => /wrote|replied|reply/i.test(c.reasons[0])), 'awaiting_reply reasons mention the unanswered message');
        const queue = await page.evaluate(() => rekindle.contacts({ sort: 'priority', limit: 5 }));
        assertEq(queue[0].status, 'awaiting_reply', 'awaiting replies lead the queue');
        await page.evaluate(() => rekindle.view('contacts'));
        await screenshot(page, 'import-dropped-contacts');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
  {
    name: 'bad files get clear errors and lose nothing already stored',
    fn: async () => {
      const exp = makeExport();
      const dir = tempDir('rekindle-bad-');
      const files = {
        'empty.csv': Buffer.alloc(0),
        'photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0, 0xff]),
        'notes.csv': Buffer.from('Title,Body\nhello,world\n'),
        'broken.zip': Buffer.from('PK\u0003\u0004 this is not really a zip file at all'),
        'Connections.csv': Buffer.from('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
          'Zoë,Ångström,https://www.linkedin.com/in/zoe-angstrom,,Ünïcorn GmbH,CTO,04 Jul 2023\n' +
          'Broken,"Row,https://www.linkedin.com/in/broken,,Acme,Dev,05 Jul 2023\n'),
      };
      const list = Object.entries(files).map(([name, bytes]) => {
        fs.writeFileSync(path.join(dir, name), bytes);
        return { name, path: path.join(dir, name) };
      });
      const srv = await startServer(DIST);
      const ctx = await launch();
      try {
        const page = await openApp(ctx, srv.url);
        await importViaApi(page, [exp]);
        const before = await page.evaluate(() => rekindle.summary());
        const r = await importViaApi(page, list);
        const by = Object.fromEntries(r.files.map((f) => [f.name, f]));
        assert(by['empty.csv'].errors.length > 0, 'empty file has an error');
        assertEq(by['photo.png'].kind, 'unknown', 'binary file is unknown');
        assert(by['photo.png'].errors.length > 0, 'binary file explained');
        assertEq(by['notes.csv'].kind, 'unknown', 'non-LinkedIn CSV is unknown');
        assert(by['broken.zip'].errors.length > 0, 'broken zip explained');
        assertEq(by['Connections.csv'].kind, 'connections', 'truncated Connections recognised');
        assertEq(by['Connections.csv'].rows, 1, 'truncated file keeps its good row');
        assert(by['Connections.csv'].errors.length > 0, 'truncated file reports an error');
        const after = await page.evaluate(() => rekindle.summary());
        assert(after.contacts >= before.contacts, 'nothing lost');
        assertEq(after.messages, before.messages, 'messages kept');
        const zoe = await page.evaluate(() => rekindle.contacts({ query: 'zoe angstrom' }));
        assertEq(zoe.length, 1, 'accent-insensitive search finds the imported row');
        await page.evaluate(() => rekindle.view('import'));
        await screenshot(page, 'import-bad-files-report');
        const notAFileList = await page.evaluate(() => rekindle.importFiles(42).then((r) => r.files.length));
        assertEq(notAFileList, 0, 'importFiles never throws on bad input');
        await assertNoProblems(page);
      } finally { await ctx.close(); await srv.close(); }
    },
  },
];
