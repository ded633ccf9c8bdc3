// Journey: saves that are prompt and truthful. A long burst of typing is written as it
// goes (storage never more than about a second behind), a full storage says so and saves
// by itself once space is freed, leaving with unwritten changes asks first, blocked
// storage says "Not saved" for as long as it lasts, reports are stored compact (old
// pretty copies still open), set-aside copies can be downloaded and deleted from the
// library, and an import past the limits is refused with a plain message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, fill, waitSaved } from '../harness.js';

let h;
let dir;
before(async () => { h = await start(); dir = mkdtempSync(join(tmpdir(), 'hindsight-durable-')); });
after(async () => { await h?.close(); rmSync(dir, { recursive: true, force: true }); });

const saveState = (page) => page.textContent('[data-testid="save-state"]');

/** Fills localStorage until the browser refuses; returns how many filler keys it took. */
async function fillStorage(page) {
  return page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    let n = 0;
    try {
      for (; n < 400; n++) localStorage.setItem(`filler.${n}`, chunk);
    } catch { /* full */ }
    // Top up with smaller pieces so even a short write fails.
    try {
      for (let i = 0; i < 400; i++) localStorage.setItem(`filler.small.${i}`, 'y'.repeat(1024));
    } catch { /* full */ }
    try {
      for (let i = 0; i < 400; i++) localStorage.setItem(`filler.tiny.${i}`, 'z'.repeat(32));
    } catch { /* full */ }
    return n;
  });
}

async function freeStorage(page) {
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k);
  });
}

test('during a 3 s burst of typing, storage is never more than about a second behind', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-000"]');
  await page.click('[data-testid="field-summary.summary"]');
  await page.evaluate(() => {
    const id = localStorage.getItem('hindsight.v1.open');
    const box = document.querySelector('[data-testid="field-summary.summary"]');
    window.__samples = [];
    window.__sampler = setInterval(() => {
      const raw = localStorage.getItem(`hindsight.v1.doc.${id}`);
      const stored = raw ? (JSON.parse(raw).report ?? JSON.parse(raw)).summary.summary.length : 0;
      window.__samples.push([performance.now(), box.value.length, stored]);
    }, 50);
  });
  const started = Date.now();
  while (Date.now() - started < 3000) {
    await page.keyboard.type('a');
    await page.waitForTimeout(30);
  }
  const samples = await page.evaluate(() => { clearInterval(window.__sampler); return window.__samples; });
  const typed = samples[samples.length - 1][1];
  assert.ok(typed > 30, `only ${typed} characters were typed`);
  // At each sample, storage holds at least what the box showed 1.2 s earlier.
  let worst = 0;
  for (const [t, , stored] of samples) {
    const earlier = samples.filter(([u]) => u <= t - 1200).pop();
    if (earlier && stored < earlier[1]) worst = Math.max(worst, earlier[1] - stored);
  }
  assert.equal(worst, 0, 'storage fell more than 1.2 s behind the typing');
  // Before the burst's end, storage was written several times, not once at the end.
  const writes = new Set(samples.map(([, , s]) => s)).size;
  assert.ok(writes >= 3, `storage changed only ${writes} times in 3 s of typing`);
  await waitSaved(page);
  assert.deepEqual(h.errors, []);
});

test('full storage says so, retries, and saves by itself once space is freed', async (t) => {
  const { page } = h;
  await h.open();
  t.after(() => freeStorage(page).catch(() => {}));
  await page.click('[data-testid="new-000"]');
  await fill(page, 'meta.title', 'Before the disk filled');
  await waitSaved(page);
  await fillStorage(page);
  // Longer than what is left: a write replacing a copy counts only what it adds.
  const typed = `Typed while storage was full ${'x'.repeat(4000)}`;
  await fill(page, 'meta.title', typed);
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]').textContent.includes('storage full'));
  assert.equal(await saveState(page), 'Not saved: storage full — retrying');
  // Leaving now would lose the words: the page asks.
  const asked = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); }));
  await page.click('[data-testid="field-meta.title"]'); // a user gesture: browsers ask only after one
  await page.close({ runBeforeUnload: true });
  assert.equal(await asked, 'beforeunload');
  await freeStorage(page);
  // No keystroke: the retry timer writes it.
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]').textContent === 'Saved', null, { timeout: 10000 });
  const title = await page.evaluate(() => {
    const raw = localStorage.getItem(`hindsight.v1.doc.${localStorage.getItem('hindsight.v1.open')}`);
    return JSON.parse(raw).report.meta.title;
  });
  assert.equal(title, typed);
  assert.deepEqual(h.errors, []);
});

test('blocked storage: the save state says "Not saved" even after the banner is dismissed', async () => {
  const page = await h.context.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto(h.base);
  await page.waitForSelector('[data-testid="storage-banner"]');
  await page.click('[data-testid="new-000"]');
  await fill(page, 'meta.title', 'Nowhere to go');
  await page.click('[data-testid="storage-banner"] button:has-text("Dismiss")');
  await page.waitForTimeout(800);
  assert.equal(await saveState(page), 'Not saved: storage blocked');
  await page.close();
  assert.deepEqual(h.errors, []);
});

test('reports are stored compact, and copies stored pretty by older versions still open', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-001"]');
  await fill(page, 'meta.title', 'Compact');
  await waitSaved(page);
  const raw = await page.evaluate(() => localStorage.getItem(`hindsight.v1.doc.${localStorage.getItem('hindsight.v1.open')}`));
  assert.ok(!raw.includes('\n'), 'stored JSON has line breaks');
  assert.match(raw, /^\{"rev":\d+,"tab":"t[0-9a-z]+","base_rev":\d+,"base_tab":"[0-9a-z]*","report":\{/);
  await page.evaluate(() => {
    const old = JSON.stringify({ schema_version: 1, template: '002', meta: { title: 'Stored pretty long ago' } }, null, 2);
    localStorage.setItem('hindsight.v1.doc.rold', old);
  });
  await page.click('[data-testid="back"]');
  await page.reload();
  await page.waitForSelector('[data-testid="doc-item"][data-id="rold"]');
  await page.click('[data-testid="doc-item"][data-id="rold"] [data-testid="doc-open"]');
  assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), 'Stored pretty long ago');
  await fill(page, 'meta.title', 'Stored pretty long ago, saved again');
  await waitSaved(page);
  const again = await page.evaluate(() => JSON.parse(localStorage.getItem('hindsight.v1.doc.rold')));
  assert.equal(again.rev, 1);
  assert.equal(again.report.meta.title, 'Stored pretty long ago, saved again');
  assert.deepEqual(h.errors, []);
});

test('set-aside copies are listed in the library, downloadable and deletable', async () => {
  const { page } = h;
  await h.open();
  const bad = '{"rev":4,"tab":"tx","report":{"meta":{"title": 42';
  await page.evaluate((bad) => localStorage.setItem('hindsight.v1.doc.rbroken', bad), bad);
  await page.reload();
  await page.waitForSelector('[data-testid="set-aside-item"]');
  assert.match(await page.textContent('[data-testid="set-aside"]'), /Unreadable copy of a report/);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="set-aside-export"]')]);
  const file = join(dir, 'aside.json');
  await dl.saveAs(file);
  assert.equal(readFileSync(file, 'utf8'), bad);
  await page.click('[data-testid="set-aside-delete"]');
  assert.equal(await page.textContent('[data-testid="set-aside-delete"]'), 'Delete for good?');
  await page.click('[data-testid="set-aside-delete"]');
  await page.waitForSelector('[data-testid="set-aside"]', { state: 'detached' });
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hindsight.v1.corrupt.')));
  assert.deepEqual(left, []);
  assert.deepEqual(h.errors, []);
});

test('a 50,000-row JSON import is refused with a plain message, and the page stays alive', async () => {
  const { page } = h;
  await h.open();
  const before = await page.locator('[data-testid="doc-item"]').count();
  const rows = Array.from({ length: 50000 }, (_, i) => ({ time: `${String(i % 24).padStart(2, '0')}:00`, event: `Event ${i}` }));
  const file = join(dir, 'huge.json');
  writeFileSync(file, JSON.stringify({ schema_version: 1, template: '003', meta: { title: 'Huge' }, timeline: { entries: rows } }));
  const t0 = Date.now();
  await page.setInputFiles('[data-testid="import-file"]', file);
  await page.waitForSelector('[data-testid="import-notes"]');
  const took = Date.now() - t0;
  const note = await page.textContent('[data-testid="import-notes"]');
  assert.match(note, /50,000 rows/);
  assert.match(note, /only the first 10,000/);
  assert.match(note, /nothing was imported/);
  assert.equal(await page.locator('[data-testid="doc-item"]').count(), before, 'a report was created');
  // Alive: a new report can be started and typed into, and a reload works.
  await page.click('[data-testid="new-000"]');
  await fill(page, 'meta.title', 'Still alive');
  await waitSaved(page);
  await page.reload();
  await page.waitForSelector('[data-testid="field-meta.title"]');
  assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), 'Still alive');
  console.log(`# 50,000-row import refused in ${took} ms (file picker to message)`);
  assert.deepEqual(h.errors, []);
});
