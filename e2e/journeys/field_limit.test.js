// Journey: typing or pasting past a field's limit (100 KB). The field keeps the first
// 100 KB, a notice names the field and says how much did not fit, and what did not fit
// can be downloaded, so nothing pasted is lost silently; the stored report holds what
// the field shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, fill, waitSaved } from '../harness.js';

const KB = 1024;
const LIMIT = 100 * KB;

let h;
let dir;
before(async () => { h = await start(); dir = mkdtempSync(join(tmpdir(), 'hindsight-limit-')); });
after(async () => { await h?.close(); rmSync(dir, { recursive: true, force: true }); });

const value = (page, path) => page.locator(`[data-testid="field-${path}"]`).inputValue();
const notice = (page) => page.locator('[data-testid="field-cut"]');

test('a paste past the limit keeps 100 KB, says so, and hands back the rest', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-000"]');
  await fill(page, 'meta.title', 'Limit check');

  // 150 KB into the summary: 90 KB of "a", then 60 KB of "b".
  const pasted = 'a'.repeat(90 * KB) + 'b'.repeat(60 * KB);
  await fill(page, 'summary.summary', pasted);
  const kept = await value(page, 'summary.summary');
  assert.equal(kept.length, LIMIT);
  assert.equal(kept, pasted.slice(0, LIMIT));
  await notice(page).waitFor();
  const text = await notice(page).innerText();
  assert.match(text, /“Summary” holds at most 100 KB/);
  assert.match(text, /kept the first 100 KB/);
  assert.match(text, /the last 50 KB did not fit/);
  // The notice sits over the page, in view, wherever the author was.
  const box = await notice(page).boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height, JSON.stringify(box));

  // What did not fit downloads as text; with what was kept it is the whole paste.
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="field-cut-download"]'),
  ]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  assert.match(dl.suggestedFilename(), /did-not-fit\.txt$/);
  const rest = readFileSync(path, 'utf8');
  assert.equal(kept + rest, pasted);

  // Saved as shown: after a reload the summary holds the 100 KB it kept.
  await waitSaved(page);
  await page.reload();
  await page.waitForSelector('[data-testid="field-summary.summary"]');
  assert.equal(await value(page, 'summary.summary'), kept);
  assert.equal(await notice(page).count(), 0, 'the notice does not outlive the page');
  assert.deepEqual(h.errors, []);
});

test('typing at the limit, and a paste into a timeline cell, say so too', async () => {
  const { page } = h;
  // The report from the first journey is open again: its summary is at the limit.
  await page.focus('[data-testid="field-summary.summary"]');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('x');
  await notice(page).waitFor();
  const summary = await value(page, 'summary.summary');
  assert.equal(summary.length, LIMIT, 'the typed key is not kept past the limit');
  assert.ok(!summary.endsWith('x'));
  assert.match(await notice(page).innerText(), /the last 1 byte did not fit/);
  await page.click('[data-testid="field-cut-dismiss"]');
  assert.equal(await notice(page).count(), 0);

  // A paste (inserted text) of 120 KB into the first timeline row's event.
  await page.click('[data-testid="add-timeline"]');
  await page.focus('[data-testid="field-timeline[0].event"]');
  await page.keyboard.insertText('é'.repeat(60 * KB));
  await notice(page).waitFor();
  const event = await value(page, 'timeline[0].event');
  // "é" is two bytes: 51,200 of them fill the 100 KB exactly.
  assert.equal(new TextEncoder().encode(event).length, LIMIT);
  assert.match(await notice(page).innerText(), /“Timeline, row 1, event” holds at most 100 KB/);
  assert.match(await notice(page).innerText(), /the last 20 KB did not fit/);
  assert.deepEqual(h.errors, []);
});
