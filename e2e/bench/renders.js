// Benchmark (not a test): what one keystroke in a timeline cell sets off on a report with
// 1,000 timeline rows and 200 action items, counted rather than timed: component renders
// (each run of a component function, by name) and whole-report clones, from the keystroke
// until the live review and the save have landed. Needs the counting build:
//   trunk build --release --features tracing --dist /tmp/hindsight-probe
//   HINDSIGHT_DIST=/tmp/hindsight-probe node e2e/bench/renders.js
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../harness.js';
import { openBigReport } from './big-report.js';

const dir = mkdtempSync(join(tmpdir(), 'hindsight-renders-'));
const h = await start();
try {
  const { page } = h;
  await openBigReport(h, dir);
  if (!(await page.evaluate(() => Boolean(window.__hindsightProbe)))) {
    throw new Error('this build has no counters: build it with `--features tracing` (see the top of this file)');
  }
  await page.waitForTimeout(3000);
  // The counters see the import's renders: a zero below is a real zero.
  const opened = JSON.parse(await page.evaluate(() => window.__hindsightProbe.read()));
  const runs = [];
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => window.__hindsightProbe.reset());
    // One real key, typed at the end of row 500's event text.
    await page.focus('[data-testid="field-timeline[500].event"]');
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    // The review runs once typing pauses (60 ms) and the save within a second.
    await page.waitForTimeout(2500);
    runs.push(JSON.parse(await page.evaluate(() => window.__hindsightProbe.read())));
  }
  const last = runs[runs.length - 1];
  const components = (r) => Object.entries(r.spans).filter(([name]) => name.startsWith('<'));
  const total = (r) => components(r).reduce((n, [, c]) => n + c, 0);
  const openedRenders = components(opened).reduce((n, [, c]) => n + c, 0);
  if (openedRenders === 0) throw new Error('no component render was counted while the report opened: the counters are not wired');
  console.log(`opening the report: ${openedRenders} component renders, ${opened.report_clones} whole-report clones`);
  console.log('keystroke in timeline row 500 (event), 1,000 rows + 200 action items, 5 keystrokes:');
  console.log(`  whole-report clones per keystroke: ${runs.map((r) => r.report_clones).join(', ')}`);
  console.log(`  component renders per keystroke:  ${runs.map(total).join(', ')}`);
  for (const [name, count] of components(last).sort((a, b) => b[1] - a[1])) {
    console.log(`    ${name}: ${count}`);
  }
  const other = Object.entries(last.spans).filter(([name]) => !name.startsWith('<'));
  if (other.length) {
    console.log(`  other spans (last keystroke): ${other.map(([n, c]) => `${n} ${c}`).join(', ')}`);
  }
} finally {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
}
