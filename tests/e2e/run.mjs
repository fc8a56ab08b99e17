// Runs every tests/e2e/*.test.mjs (each exports `tests`: [{name, fn}]), one after the other.
// Closing line: "N passed, M failed". Exit code 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { HERE, DIST } from './harness.mjs';

const only = process.argv.slice(2);
if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error(`no build in ${DIST}: run scripts/build_web.sh first`);
  process.exit(2);
}
const files = fs.readdirSync(HERE).filter((f) => f.endsWith('.test.mjs')).sort();
let passed = 0, failed = 0;
const failures = [];
for (const f of files) {
  const mod = await import(path.join(HERE, f));
  for (const t of mod.tests) {
    const full = `${f.replace('.test.mjs', '')} › ${t.name}`;
    if (only.length && !only.some((o) => full.includes(o))) continue;
    const start = Date.now();
    try {
      await Promise.race([
        t.fn(),
        new Promise((_, rej) => setTimeout(() => rej(new Error('timed out after 240 s')), t.timeout || 240000)),
      ]);
      passed++;
      console.log(`  ok   ${full} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      failures.push(full);
      console.log(`  FAIL ${full}\n       ${String(e && e.stack || e).split('\n').join('\n       ')}`);
    }
  }
}
if (failures.length) console.log('failed:\n  ' + failures.join('\n  '));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
