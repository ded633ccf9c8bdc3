// Journey: create a report from each of the five templates, fill fields, reload, and
// find everything still there — with no console errors on any page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, fill, waitSaved } from '../harness.js';

const TEMPLATES = ['000', '001', '002', '003', '004'];
let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

for (const id of TEMPLATES) {
  test(`template ${id}: fill, reload, still there`, async () => {
    const { page } = h;
    await h.open();
    await page.click(`[data-testid="new-${id}"]`);
    await fill(page, 'meta.title', `Outage in template ${id}`);
    await page.selectOption('[data-testid="field-meta.severity"]', { index: 1 });
    const severity = await page.inputValue('[data-testid="field-meta.severity"]');
    assert.ok(severity.length > 0);
    await page.click('[data-testid="add-timeline"]');
    await fill(page, 'timeline[0].time', '2024-01-15 14:30');
    await fill(page, 'timeline[0].event', 'Alert fired for elevated 5xx');
    await page.click('[data-testid="add-action"]');
    await fill(page, 'action_items[0].action', 'Add a connection-pool alert');
    await fill(page, 'action_items[0].owner', 'dana');
    await waitSaved(page);

    await page.reload();
    await page.waitForSelector('[data-testid="app"]');
    assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), `Outage in template ${id}`);
    assert.equal(await page.inputValue('[data-testid="field-meta.severity"]'), severity);
    assert.equal(await page.inputValue('[data-testid="field-timeline[0].time"]'), '2024-01-15 14:30');
    assert.equal(await page.inputValue('[data-testid="field-timeline[0].event"]'), 'Alert fired for elevated 5xx');
    assert.equal(await page.inputValue('[data-testid="field-action_items[0].owner"]'), 'dana');
    assert.equal(await page.inputValue('[data-testid="template-select"]'), id);

    await page.click('[data-testid="back"]');
    const titles = await page.locator('[data-testid="doc-item"] .doc-title').allTextContents();
    assert.ok(titles.includes(`Outage in template ${id}`), titles.join(', '));
    assert.deepEqual(h.errors, []);
  });
}
