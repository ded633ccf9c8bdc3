// Journey: delete a report from the start screen, then bring it back with Undo; both
// survive a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, fill, waitSaved } from '../harness.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

test('delete and undo', async () => {
  const { page } = h;
  await h.open();
  for (const title of ['Keep me', 'Delete me']) {
    await page.click('[data-testid="new-000"]');
    await fill(page, 'meta.title', title);
    await waitSaved(page);
    await page.click('[data-testid="back"]');
  }
  const items = page.locator('[data-testid="doc-item"]');
  assert.equal(await items.count(), 2);
  await items.filter({ hasText: 'Delete me' }).locator('[data-testid="doc-delete"]').click();
  assert.equal(await items.count(), 1);
  await page.waitForSelector('[data-testid="undo-toast"]');

  await page.reload();
  await page.waitForSelector('[data-testid="app"]');
  assert.equal(await items.count(), 1, 'deletion is saved');
  // Undo is offered in the session that deleted; do it again and undo this time.
  await items.filter({ hasText: 'Keep me' }).locator('[data-testid="doc-delete"]').click();
  assert.equal(await items.count(), 0);
  await page.click('[data-testid="undo-delete"]');
  assert.equal(await items.count(), 1);
  await page.reload();
  await page.waitForSelector('[data-testid="doc-item"]');
  assert.deepEqual(await page.locator('[data-testid="doc-item"] .doc-title').allTextContents(), ['Keep me']);
  assert.deepEqual(h.errors, []);
});
