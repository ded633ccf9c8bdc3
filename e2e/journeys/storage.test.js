// Journey: when the browser blocks storage (privacy settings, a partitioned iframe), the
// app says so in plain words, keeps working in memory and offers a download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, fill } from '../harness.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

test('blocked storage: banner, editing works, a copy can be downloaded', async () => {
  const { page } = h;
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto(h.base);
  await page.waitForSelector('[data-testid="storage-banner"]');
  assert.match(await page.textContent('[data-testid="storage-banner"]'), /not letting Hindsight save/);
  await page.click('[data-testid="new-000"]');
  await fill(page, 'meta.title', 'Kept in memory');
  assert.equal(await page.textContent('[data-testid="doc-title"]'), 'Kept in memory');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="banner-export"]')]);
  assert.match(dl.suggestedFilename(), /kept-in-memory\.json$/);
  assert.deepEqual(h.errors, []);
});
