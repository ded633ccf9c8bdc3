// Benchmark (not a test): what one keystroke in a timeline cell costs on a report with
// 1,000 timeline rows and 200 action items. Prints, per field, the median script time of
// the input handler, the time to the next frame, and how many DOM nodes the keystroke
// touched (MutationObserver records, the re-rendered output), plus the DOM size.
// Usage: node e2e/bench/keystroke.js [--cpu 4]   (HINDSIGHT_DIST=… to bench another build)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../harness.js';
import { openBigReport } from './big-report.js';

const cpu = Number(process.argv[process.argv.indexOf('--cpu') + 1]) || 1;
const dir = mkdtempSync(join(tmpdir(), 'hindsight-bench-'));
const h = await start();
try {
  const { page } = h;
  await openBigReport(h, dir);
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const measure = (selector) => page.evaluate(async (selector) => {
    const el = document.querySelector(selector);
    const script = [];
    const frame = [];
    const touched = [];
    for (let i = 0; i < 30; i++) {
      let records = 0;
      const obs = new MutationObserver((list) => { records += list.length; });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const t = performance.now();
      el.value = `typed ${i}`;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      script.push(performance.now() - t);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      frame.push(performance.now() - t);
      // Let the review that follows the keystroke land before counting.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      obs.disconnect();
      touched.push(records);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    return { script: median(script), frame: median(frame), touched: median(touched) };
  }, selector);
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  for (const [name, sel] of [['timeline cell (row 500)', '[data-testid="field-timeline[500].event"]'], ['title', '[data-testid="field-meta.title"]']]) {
    const m = await measure(sel);
    console.log(`${name}: script ${m.script.toFixed(1)} ms, next frame ${m.frame.toFixed(1)} ms, DOM mutation records ${m.touched} (CPU ${cpu}x)`);
  }
  console.log(`DOM elements: ${nodes}`);
  if (h.errors.length) console.log('page errors:', h.errors);
} finally {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
}
