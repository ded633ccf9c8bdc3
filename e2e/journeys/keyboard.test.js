// Journey: keyboard first. From a fresh start screen a template's Start is one or two
// Tabs away and lands in Title; Ctrl+Z on the start screen brings back a deleted report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, waitSaved } from '../harness.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const focused = (page) => page.evaluate(() => document.activeElement?.dataset.testid ?? '');

test('Tab to a Start, Enter, and type the title', async () => {
  const { page } = h;
  await h.open();
  let tabs = 0;
  while (!(await focused(page)).startsWith('new-') && tabs < 10) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  assert.ok(tabs <= 3, `${tabs} Tabs to the first Start`);
  assert.equal(await focused(page), 'new-000');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'field-meta.title');
  await page.keyboard.type('Typed without a mouse');
  assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), 'Typed without a mouse');
  await waitSaved(page);
  assert.deepEqual(h.errors, []);
});

test('Ctrl+Z on the start screen undoes a delete', async () => {
  const { page } = h;
  await h.open();
  const before = await page.locator('[data-testid="doc-item"]').count();
  assert.ok(before >= 1);
  await page.locator('[data-testid="doc-delete"]').first().click();
  await page.waitForSelector('[data-testid="undo-toast"]');
  assert.equal(await page.locator('[data-testid="doc-item"]').count(), before - 1);
  await page.keyboard.press('Control+z');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="doc-item"]').length === n, before);
  assert.match(await page.textContent('[data-testid="doc-list"]'), /Typed without a mouse/);
  await page.locator('[data-testid="undo-toast"]').waitFor({ state: 'detached' });
  assert.deepEqual(h.errors, []);
});
