// Journey: a findable library. With 200 stored reports the start screen searches by
// title, incident id, service and text, filters by severity and status, and sorts by
// incident date or readiness; each search answers within a frame or two.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../harness.js';
import { violations } from '../axe.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const SERVICES = ['payments-api', 'edge-cdn', 'search', 'auth', 'billing'];
const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

/** 200 reports written as the app stores them (old copies, read as revision 0). */
function seed(page) {
  return page.evaluate(({ SERVICES, SEVERITIES }) => {
    const index = [];
    for (let i = 0; i < 200; i++) {
      const id = `rseed${i}`;
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (i % 12)).padStart(2, '0');
      const report = {
        schema_version: 1,
        template: '001',
        meta: {
          title: i === 137 ? 'Checkout 502s at the EU edge' : `Incident number ${i}`,
          incident_id: `INC-${1000 + i}`,
          date: `2024-${month}-${day}`,
          severity: SEVERITIES[i % 4],
          status: i % 3 === 0 ? 'Final' : '',
          services: [SERVICES[i % 5]],
        },
        root_cause: { what_happened: i === 42 ? 'A resolver fleet ran out of sockets under a flood.' : 'Something broke.' },
      };
      localStorage.setItem(`hindsight.v1.doc.${id}`, JSON.stringify(report));
      index.push({ id, edited_ms: 1700000000000 + i * 1000 });
    }
    localStorage.setItem('hindsight.v1.index', JSON.stringify(index));
  }, { SERVICES, SEVERITIES });
}

const titles = (page) => page.locator('[data-testid="doc-item"] .doc-title').allTextContents();
const found = (page) => page.textContent('[data-testid="library-found"]');

/** Types `q` into the search and returns how long until the list showed the answer. */
async function search(page, q, expect) {
  await page.fill('[data-testid="library-search"]', '');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="doc-item"]').length >= 1);
  const ms = await page.evaluate(async ({ q, expect }) => {
    const box = document.querySelector('[data-testid="library-search"]');
    const t0 = performance.now();
    box.value = q;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    for (;;) {
      if (document.querySelectorAll('[data-testid="doc-item"]').length === expect) return performance.now() - t0;
      await new Promise((r) => requestAnimationFrame(r));
      if (performance.now() - t0 > 5000) return Infinity;
    }
  }, { q, expect });
  return ms;
}

test('200 stored reports: search, filter and sort', async () => {
  const { page } = h;
  await h.open();
  await seed(page);
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="doc-item"]').length === 200, null, { timeout: 20000 });
  assert.equal(await found(page), '200 reports');

  const times = [];
  times.push(await search(page, 'checkout 502', 1));
  assert.deepEqual(await titles(page), ['Checkout 502s at the EU edge']);
  times.push(await search(page, 'INC-1042', 1));
  assert.deepEqual(await titles(page), ['Incident number 42']);
  times.push(await search(page, 'sockets', 1));
  assert.deepEqual(await titles(page), ['Incident number 42']);
  times.push(await search(page, 'edge-cdn', 40));
  assert.equal(await found(page), '40 of 200 reports');
  times.push(await search(page, 'nothing-like-this', 0));
  await page.waitForSelector('[data-testid="library-none"]');
  console.log(`search → list, ms (200 reports): ${times.map((t) => t.toFixed(1)).join(', ')}`);
  assert.ok(Math.max(...times) < 200, `a search took ${Math.max(...times).toFixed(0)} ms`);

  await page.fill('[data-testid="library-search"]', '');
  await page.selectOption('[data-testid="library-severity"]', 'SEV1');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="doc-item"]').length === 50);
  await page.selectOption('[data-testid="library-status"]', 'Final');
  // i % 4 == 0 and i % 3 == 0: every 12th of 200.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="doc-item"]').length === 17);
  await page.selectOption('[data-testid="library-severity"]', '');
  await page.selectOption('[data-testid="library-status"]', '');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="doc-item"]').length === 200);

  // Sorted by incident date: December 28th first.
  await page.selectOption('[data-testid="library-sort"]', 'date');
  await page.waitForFunction(() => document.querySelector('[data-testid="doc-item"] .doc-title')?.textContent !== 'Incident number 199');
  const byDate = await page.locator('[data-testid="doc-item"]').first().getAttribute('data-id');
  const idx = Number(byDate.replace('rseed', ''));
  assert.equal(`${1 + (idx % 12)}-${1 + (idx % 28)}`, '12-28');
  // Sorted by readiness: least ready first.
  await page.selectOption('[data-testid="library-sort"]', 'readiness');
  await page.waitForTimeout(100);
  const scores = (await page.locator('[data-testid="doc-score"]').allTextContents()).map((s) => parseInt(s, 10));
  assert.deepEqual(scores, [...scores].sort((a, b) => a - b));
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(h.errors, []);
});
