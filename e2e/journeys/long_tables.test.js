// Journey: a report with thousands of timeline rows. Opening it draws the first rows with
// the page and the rest a chunk at a time, so the page answers while they arrive (no
// task of the drawing blocks it for long, keys typed meanwhile land at once); every row
// is drawn in the end, and a finding about a row far down still jumps to that row's cell.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../harness.js';

const ROWS = 3000;
const FAR = 2990;

let h;
let dir;
before(async () => { h = await start(); dir = mkdtempSync(join(tmpdir(), 'hindsight-long-')); });
after(async () => { await h?.close(); rmSync(dir, { recursive: true, force: true }); });

function report() {
  const rows = [];
  for (let i = 0; i < ROWS; i++) {
    const time = i === FAR ? 'soonish' : `${String(8 + Math.floor(i / 60) % 16).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    rows.push(`| ${time} | Checked shard ${i} of the EU edge cache |`);
  }
  return `# Post-Mortem: Long night on the EU edge\n\n**Date:** 2024-03-09\n\n## Timeline\n\n| Time | Event |\n|---|---|\n${rows.join('\n')}\n`;
}

const rowCount = (page) => page.locator('[data-path="timeline"] > ol > li').count();

test('a 3,000-row timeline opens a chunk at a time and the page answers meanwhile', async () => {
  const { page } = h;
  const file = join(dir, 'long.md');
  writeFileSync(file, report());
  await h.open();
  await page.setInputFiles('[data-testid="import-file"]', file);
  await page.waitForSelector('[data-testid="field-meta.title"]', { timeout: 60000 });
  // Drawn in part at first: the last row is not there yet, the first ones are.
  const first = await rowCount(page);
  assert.ok(first > 0 && first < ROWS, `rows drawn with the page: ${first}`);
  assert.equal(await page.locator('[data-path="timeline"] > ol[data-partial]').count(), 1);

  // While the rest arrive: long tasks and the wait of each key typed into the title.
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask', buffered: false });
    window.__keys = [];
    document.addEventListener('keydown', (e) => window.__keys.push(performance.now() - e.timeStamp), true);
  });
  await page.focus('[data-testid="field-meta.title"]');
  await page.keyboard.press('End');
  let typed = 0;
  while (typed < 20 && await page.locator('[data-path="timeline"] > ol[data-partial]').count() > 0) {
    await page.keyboard.type('!');
    typed += 1;
  }
  await page.waitForSelector('[data-path="timeline"] > ol[data-partial]', { state: 'detached', timeout: 60000 });
  assert.equal(await rowCount(page), ROWS, 'every row drawn in the end');
  const { long, keys } = await page.evaluate(() => ({ long: window.__long, keys: window.__keys }));
  const max = (xs) => Math.round(Math.max(0, ...xs));
  const median = [...keys].sort((a, b) => a - b)[Math.floor(keys.length / 2)] ?? 0;
  console.log(`# long tables: ${first} of ${ROWS} rows drawn with the page; while the rest came: ${long.length} long tasks, longest ${max(long)} ms; ${keys.length} keys, median wait ${Math.round(median)} ms, slowest ${max(keys)} ms`);
  assert.ok(typed >= 3, `keys typed while the rows arrived: ${typed}`);
  assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), `Long night on the EU edge${'!'.repeat(typed)}`);
  assert.ok(median < 100, `keys waited ${Math.round(median)} ms (median)`);
  // Each chunk is a short task; before chunking, drawing 3,000 rows was one task of seconds.
  assert.ok(max(long) < 400, `a task blocked the page for ${max(long)} ms`);
  assert.deepEqual(h.errors, []);
});

test('a finding about a row not drawn yet jumps to that row', async () => {
  const { page } = h;
  // Reopen: the table starts again from its first rows.
  await page.reload();
  await page.waitForSelector('[data-testid="field-meta.title"]', { timeout: 60000 });
  const finding = page.locator(`[data-testid="finding"][data-location="timeline[${FAR}].time"]`);
  await finding.first().waitFor({ timeout: 20000 });
  assert.equal(await page.locator('[data-path="timeline"] > ol[data-partial]').count(), 1, 'still drawing');
  assert.equal(await page.locator(`[data-testid="field-timeline[${FAR}].time"]`).count(), 0, 'the row is not drawn yet');
  await finding.first().click();
  await page.waitForFunction((id) => document.activeElement?.id === id, `field-timeline[${FAR}].time`, { timeout: 20000 });
  assert.equal(await page.inputValue(`[data-testid="field-timeline[${FAR}].time"]`), 'soonish');
  const box = await page.locator(`[data-testid="field-timeline[${FAR}].time"]`).boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height, `the row is in view: ${JSON.stringify(box)}`);
  assert.deepEqual(h.errors, []);
});

test('a long report dropped on an editor whose table is fully drawn starts again from its first rows', async () => {
  const { page } = h;
  // The jump above asked for every row: the table is whole.
  await page.waitForSelector('[data-path="timeline"] > ol[data-partial]', { state: 'detached', timeout: 60000 });
  assert.equal(await rowCount(page), ROWS);
  const text = report().replace('Long night on the EU edge', 'Second long night');
  const dt = await page.evaluateHandle((md) => {
    const d = new DataTransfer();
    d.items.add(new File([md], 'second.md', { type: 'text/markdown' }));
    return d;
  }, text);
  await page.dispatchEvent('[data-testid="app"]', 'drop', { dataTransfer: dt });
  await page.waitForFunction(() => document.querySelector('[data-testid="field-meta.title"]')?.value === 'Second long night', null, { timeout: 60000 });
  const first = await rowCount(page);
  assert.ok(first < ROWS, `rows drawn when the dropped report opened: ${first} of ${ROWS}`);
  assert.equal(await page.locator('[data-path="timeline"] > ol[data-partial]').count(), 1);
  await page.waitForSelector('[data-path="timeline"] > ol[data-partial]', { state: 'detached', timeout: 60000 });
  assert.equal(await rowCount(page), ROWS, 'every row of the new report drawn in the end');
  assert.deepEqual(h.errors, []);
});
