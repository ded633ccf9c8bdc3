// Journey: a placeholder left in a field shows up as a finding (panel and inline marker);
// clicking the finding focuses the field; replacing the placeholder clears it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, fill } from '../harness.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

test('placeholder finding appears, focuses its field, and clears', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-001"]');
  const finding = page.locator('[data-testid="finding"][data-rule="placeholder"][data-location="meta.incident_id"]');
  assert.equal(await finding.count(), 0);

  await fill(page, 'meta.incident_id', '[INC-XXXX]');
  await finding.waitFor();
  await page.locator('[data-testid="marker-meta.incident_id"]').waitFor();
  const scoreWith = Number((await page.textContent('[data-testid="readiness"]')).split('/')[0]);

  await page.focus('[data-testid="field-meta.title"]');
  await finding.click();
  const focused = await page.evaluate(() => document.activeElement?.dataset.testid);
  assert.equal(focused, 'field-meta.incident_id');

  await fill(page, 'meta.incident_id', 'INC-2024-0042');
  await finding.waitFor({ state: 'detached' });
  await page.locator('[data-testid="marker-meta.incident_id"]').waitFor({ state: 'detached' });
  const scoreWithout = Number((await page.textContent('[data-testid="readiness"]')).split('/')[0]);
  assert.ok(scoreWithout > scoreWith, `${scoreWithout} > ${scoreWith}`);
  assert.deepEqual(h.errors, []);
});

test('metrics beside the timeline are computed from it', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-003"]');
  const rows = [['14:00', 'impact-start'], ['14:05', 'detected'], ['14:45', 'resolved']];
  for (const [i, [time, kind]] of rows.entries()) {
    await page.click('[data-testid="add-timeline"]');
    await fill(page, `timeline[${i}].time`, time);
    await page.selectOption(`[data-testid="field-timeline[${i}].kind"]`, { label: { 'impact-start': 'Impact start', detected: 'Detection', resolved: 'Resolution' }[kind] });
  }
  await page.waitForFunction(() => document.querySelector('[data-testid="metric-time-to-detect"]')?.textContent.includes('5 minutes'));
  assert.match(await page.textContent('[data-testid="metric-time-to-resolve"]'), /45 minutes/);
  assert.deepEqual(h.errors, []);
});
