// Journey: the start of an incident set with the date-time picker and the zone select
// writes the canonical text, survives a reload, and the metrics follow the timeline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, fill, waitSaved } from '../harness.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

test('start set with the picker and zone select', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-003"]');
  await page.fill('[data-testid="field-meta.start-picker"]', '2024-01-15T14:30');
  await page.waitForFunction(() => document.querySelector('[data-testid="field-meta.start"]')?.value === '2024-01-15 14:30 UTC');
  await page.selectOption('[data-testid="field-meta.start-zone"]', 'PST');
  await page.waitForFunction(() => document.querySelector('[data-testid="field-meta.start"]')?.value === '2024-01-15 14:30 PST');

  // Text the picker cannot show stays as typed, with a hint.
  await fill(page, 'meta.end', 'after lunch');
  await page.locator('[data-testid="field-meta.end-hint"]').waitFor();
  assert.equal(await page.inputValue('[data-testid="field-meta.end-zone"]'), 'as-typed');

  const rows = [['14:30', 'First sign of impact: 503s on checkout'], ['15:45', 'Incident declared resolved']];
  for (const [i, [time, event]] of rows.entries()) {
    await page.click('[data-testid="add-timeline"]');
    await fill(page, `timeline[${i}].time`, time);
    await fill(page, `timeline[${i}].event`, event);
  }
  await page.waitForFunction(() => document.querySelector('[data-testid="metric-duration"]')?.textContent === '1 hour 15 minutes');

  await waitSaved(page);
  await page.reload();
  await page.locator('[data-testid="field-meta.start"]').waitFor();
  assert.equal(await page.inputValue('[data-testid="field-meta.start"]'), '2024-01-15 14:30 PST');
  assert.equal(await page.inputValue('[data-testid="field-meta.start-picker"]'), '2024-01-15T14:30');
  assert.equal(await page.inputValue('[data-testid="field-meta.start-zone"]'), 'PST');
  assert.equal(await page.inputValue('[data-testid="field-meta.end"]'), 'after lunch');
  assert.deepEqual(h.errors, []);
});
