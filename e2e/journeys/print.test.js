// Journey: printing prints the report as a document (the rendered preview), without the
// editor's toolbars, panels or buttons.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, fill } from '../harness.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

test('print shows the rendered report only', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-003"]');
  await fill(page, 'meta.title', 'Printed report');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await page.waitForSelector('[data-testid="preview"]');
  assert.match(await page.textContent('[data-testid="preview"] h1'), /Printed report/);
  assert.equal(await page.isVisible('.toolbar'), false);
  assert.equal(await page.isVisible('.side'), false);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForSelector('[data-testid="field-meta.title"]', { state: 'visible' });
  assert.deepEqual(h.errors, []);
});
