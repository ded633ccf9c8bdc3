// Journey: a report in a link. A link made by an independent script (Python's zlib) opens
// read-only as a labelled shared copy, stores nothing until "Save a copy", which adds a
// new report each time; a damaged link says so and stores nothing; the editor's
// "Copy share link" makes a link that opens the same report, and refuses one too long.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, fill, waitSaved, root } from '../harness.js';
import { pythonFragment } from '../site.js';

const json = readFileSync(join(root, 'crates/core/tests/data/rich-report.json'), 'utf8');
const title = JSON.parse(json).meta.title;

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const storedDocs = (page) => page.evaluate(() =>
  Object.keys(localStorage).filter((k) => k.startsWith('hindsight.v1.doc.')).length);

test('a link made by Python opens read-only; "Save a copy" adds a new report each time', async () => {
  const { page } = h;
  const link = `${h.base}${pythonFragment(json)}`;
  await page.goto(link);
  await page.waitForSelector('[data-testid="shared-view"]');
  assert.equal(await page.textContent('[data-testid="shared-title"]'), title);
  assert.match(await page.textContent('[data-testid="shared-label"]'), /Shared copy · read-only/);
  // Read-only: the document, no form controls; nothing stored yet.
  assert.match(await page.textContent('[data-testid="shared-doc"]'), /connection-pool/);
  assert.deepEqual(await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid^="field-"]')].map((e) => e.dataset.testid)), []);
  assert.equal(await page.locator('[data-testid="shared-doc"] input:not([disabled]), [data-testid="shared-doc"] textarea').count(), 0);
  assert.equal(await storedDocs(page), 0);

  await page.click('[data-testid="shared-save"]');
  await page.waitForSelector('[data-testid="doc-title"]');
  assert.equal(await page.textContent('[data-testid="doc-title"]'), title);
  assert.equal(new URL(page.url()).hash, '', 'the fragment is dropped once saved');
  await waitSaved(page);
  assert.equal(await storedDocs(page), 1);

  // The same link again: a second, separate copy; the first is untouched.
  await fill(page, 'meta.title', 'My edited copy');
  await waitSaved(page);
  await page.goto(link);
  await page.waitForSelector('[data-testid="shared-view"]');
  await page.click('[data-testid="shared-save"]');
  await page.waitForSelector('[data-testid="doc-title"]');
  await waitSaved(page);
  await page.click('[data-testid="back"]');
  const titles = await page.locator('[data-testid="doc-item"] .doc-title').allTextContents();
  assert.deepEqual(titles.sort(), [title, 'My edited copy'].sort());
  assert.deepEqual(h.errors, []);
});

test('a garbage, cut-off or hostile fragment shows a message and stores nothing', async () => {
  const { page } = h;
  // Nothing stored before: localStorage and the durable copy (IndexedDB) both empty,
  // cleared from a page of the same site where the app is not running (so nothing
  // writes again in between).
  // (That page has no icon link: answer its favicon request rather than log a 404.)
  await page.route('**/favicon.ico', (r) => r.fulfill({ status: 204 }));
  await page.goto(`${h.base}manifest.webmanifest`);
  await page.evaluate(() => new Promise((done) => {
    localStorage.clear();
    const req = indexedDB.deleteDatabase('hindsight-reports');
    req.onsuccess = req.onerror = () => done();
  }));
  await page.unroute('**/favicon.ico');
  const good = pythonFragment(json);
  const cases = [
    ['#r=this-is-not$$base64', /damaged/],
    [good.slice(0, Math.floor(good.length / 2)), /cut off|damaged/],
    [pythonFragment('[1,2,3]'), /does not load/],
    [pythonFragment('<script>alert(1)</script>'), /does not load/],
    ['#r=', /empty/],
  ];
  for (const [fragment, why] of cases) {
    await page.goto('about:blank');
    await page.goto(`${h.base}${fragment}`);
    await page.waitForSelector('[data-testid="share-error"]');
    const text = await page.textContent('[data-testid="share-error"]');
    assert.match(text, why, fragment.slice(0, 40));
    assert.match(text, /Nothing was saved/);
    assert.equal(await storedDocs(page), 0);
    assert.equal(await page.locator('[data-testid="shared-save"]').count(), 0);
  }
  await page.click('[data-testid="shared-close"]');
  await page.waitForSelector('[data-testid="new-000"]');
  assert.deepEqual(h.errors, []);
});

test('"Copy share link" makes a link that opens the same report; a huge report is refused', async () => {
  const { page, context } = h;
  await h.open();
  await page.click('[data-testid="new-000"]');
  await fill(page, 'meta.title', 'Cache stampede — shared from the editor');
  await page.click('[data-testid="share-link"]');
  await page.waitForSelector('[data-testid="share-url"]');
  const link = await page.inputValue('[data-testid="share-url"]');
  assert.ok(link.startsWith(`${h.base}#r=`), link);
  const other = await context.newPage();
  await other.goto(link);
  await other.waitForSelector('[data-testid="shared-view"]');
  assert.equal(await other.textContent('[data-testid="shared-title"]'), 'Cache stampede — shared from the editor');
  await other.close();

  // 60,000 random characters do not compress: the link would pass the 32 KB limit.
  let noise = '';
  while (noise.length < 60000) noise += Math.random().toString(36).slice(2);
  await fill(page, 'summary.summary', noise);
  await page.click('[data-testid="share-link"]');
  const msg = await page.textContent('[data-testid="share-too-long"]');
  assert.match(msg, /longer than the 32 KB/);
  assert.match(msg, /Download \.json/);
  assert.equal(await page.locator('[data-testid="share-url"]').count(), 0);
  assert.deepEqual(h.errors, []);
});
