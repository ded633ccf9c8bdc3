// Journey: editing conveniences — switching template loses nothing (content the new
// template has no place for shows under "Additional Notes"), Ctrl+Z / Ctrl+Shift+Z, and
// dropping a file anywhere on the page imports it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, fill, waitSaved } from '../harness.js';

let h;
let dir;
before(async () => { h = await start(); dir = mkdtempSync(join(tmpdir(), 'hindsight-edit-')); });
after(async () => { await h?.close(); rmSync(dir, { recursive: true, force: true }); });

test('switching template keeps every field', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-001"]');
  await fill(page, 'meta.tracker', 'bd://issue-42');
  await fill(page, 'prevention.detect_faster', 'Alert on pool saturation');
  await page.selectOption('[data-testid="template-select"]', '003');
  await page.waitForSelector('[data-testid="section-additional-notes"]');
  assert.equal(await page.inputValue('[data-testid="field-meta.tracker"]'), 'bd://issue-42');
  assert.equal(await page.inputValue('[data-testid="field-prevention.detect_faster"]'), 'Alert on pool saturation');
  await page.selectOption('[data-testid="template-select"]', '001');
  assert.equal(await page.inputValue('[data-testid="field-meta.tracker"]'), 'bd://issue-42');
  assert.deepEqual(h.errors, []);
});

test('Ctrl+Z and Ctrl+Shift+Z undo and redo', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-000"]');
  await fill(page, 'meta.title', 'First title');
  await page.waitForTimeout(900); // a pause ends the typing burst
  await fill(page, 'meta.title', 'Second title');
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), 'First title');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), 'Second title');
  await waitSaved(page);
  await page.reload();
  await page.waitForSelector('[data-testid="field-meta.title"]');
  assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), 'Second title');
  assert.deepEqual(h.errors, []);
});

test('rows added, moved and removed undo and redo, each as one step', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-000"]');
  const events = () => page.$$eval('[data-testid^="field-timeline["][data-testid$="].event"]', (els) => els.map((e) => e.value));
  for (const text of ['Alert fired', 'Rolled back', 'Recovered']) {
    await page.click('[data-testid="add-timeline"]');
    const n = (await events()).length - 1;
    await fill(page, `timeline[${n}].event`, text);
    await page.waitForTimeout(900); // a pause ends the typing burst
  }
  assert.deepEqual(await events(), ['Alert fired', 'Rolled back', 'Recovered']);
  await page.click('[aria-label="Move event 1 down"]');
  assert.deepEqual(await events(), ['Rolled back', 'Alert fired', 'Recovered']);
  await page.click('[data-testid="remove-event-2"]');
  assert.deepEqual(await events(), ['Rolled back', 'Alert fired']);
  await page.click('[data-testid="field-meta.title"]');
  await page.keyboard.press('Control+z');
  assert.deepEqual(await events(), ['Rolled back', 'Alert fired', 'Recovered'], 'undo the remove');
  await page.keyboard.press('Control+z');
  assert.deepEqual(await events(), ['Alert fired', 'Rolled back', 'Recovered'], 'undo the move');
  await page.keyboard.press('Control+Shift+z');
  assert.deepEqual(await events(), ['Rolled back', 'Alert fired', 'Recovered'], 'redo the move');
  await page.keyboard.press('Control+Shift+z');
  assert.deepEqual(await events(), ['Rolled back', 'Alert fired'], 'redo the remove');
  // A choice in a select is one step too.
  const kind = '[data-testid="field-timeline[0].kind"]';
  const before = await page.inputValue(kind);
  await page.selectOption(kind, { index: 2 });
  const picked = await page.inputValue(kind);
  assert.notEqual(picked, before);
  await page.click('[data-testid="field-meta.title"]');
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue(kind), before, 'undo the choice');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await page.inputValue(kind), picked, 'redo the choice');
  await page.keyboard.press('Control+z');
  assert.deepEqual(await events(), ['Rolled back', 'Alert fired'], 'the rows are as they were');
  // Typing into a row the undo brought back still lands in that row.
  await page.keyboard.press('Control+z');
  await fill(page, 'timeline[2].event', 'Recovered fully');
  assert.deepEqual(await events(), ['Rolled back', 'Alert fired', 'Recovered fully']);
  await waitSaved(page);
  await page.reload();
  await page.waitForSelector('[data-testid="field-timeline[2].event"]');
  assert.deepEqual(await events(), ['Rolled back', 'Alert fired', 'Recovered fully']);
  assert.deepEqual(h.errors, []);
});

test('dropping a file anywhere imports it', async () => {
  const { page } = h;
  await h.open();
  const text = JSON.stringify({ schema_version: 1, template: '002', meta: { title: 'Dropped in' } });
  const dt = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.dispatchEvent('h1', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('h1', 'drop', { dataTransfer: dt });
  await page.waitForSelector('[data-testid="field-meta.title"]');
  assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), 'Dropped in');
  assert.deepEqual(h.errors, []);
});
