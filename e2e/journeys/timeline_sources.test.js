// Journey: build the timeline from what the incident left behind. Drop a Slack export
// zip and a PagerDuty log on "Add events from…", keep the pre-ticked rows, see a row
// already in the timeline marked, merge, see the metrics and the chart follow, and undo
// the whole merge in one step. Then a 50,000-message Slack day file: read in the reader
// worker, the page keeps answering keystrokes and frames while it is read (asserted, and
// the longest task printed). And a reader that cannot load says so and keeps the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, root, fill } from '../harness.js';

const fixtures = join(root, 'crates', 'core', 'tests', 'fixtures', 'sources');

let h;
let dir;
before(async () => { h = await start(); dir = mkdtempSync(join(tmpdir(), 'hindsight-sources-')); });
after(async () => { await h?.close(); rmSync(dir, { recursive: true, force: true }); });

/** Drops files (name → bytes) on an element, as a file manager would. */
async function drop(page, selector, files) {
  const payload = files.map(([name, bytes, type]) => ({ name, type, b64: Buffer.from(bytes).toString('base64') }));
  await page.evaluate(({ selector, payload }) => {
    const dt = new DataTransfer();
    for (const f of payload) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    const target = document.querySelector(selector);
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, { selector, payload });
}

const text = (page, id) => page.textContent(`[data-testid="${id}"]`);
/** The index of the review row whose text matches `re`. */
async function rowWith(page, re) {
  const i = await page.$$eval('[data-testid^="cand-text-"]', (els, src) => {
    const re = new RegExp(src);
    const el = els.find((e) => re.test(e.value));
    return el ? Number(el.dataset.testid.slice('cand-text-'.length)) : -1;
  }, re.source);
  assert.ok(i >= 0, `no review row matching ${re}`);
  return i;
}
const rowsInTimeline = (page) => page.locator('[data-testid^="timeline-row-"]').count();

test('a Slack export and a PagerDuty log become timeline rows, undone in one step', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-000"]');
  // One row the author already wrote: the same event as a Slack message.
  await page.click('[data-testid="add-timeline"]');
  await fill(page, 'timeline[0].time', '09:55');
  await fill(page, 'timeline[0].event', 'Error rate back to normal, watching');
  await page.waitForFunction(() => document.querySelector('[data-testid="metric-time-to-acknowledge"]')?.textContent === '—');

  await page.click('[data-testid="add-events-toggle"]');
  assert.match(await text(page, 'add-events-privacy'), /read in this browser and sent nowhere/);

  await drop(page, '[data-testid="events-drop"]', [['slack-export.zip', readFileSync(join(fixtures, 'slack-export-acme.zip')), 'application/zip']]);
  await page.waitForSelector('[data-testid="events-file-0"]');
  assert.match(await text(page, 'events-file-0'), /Slack export \(\.zip\): 10 rows/);
  assert.match(await text(page, 'events-file-0'), /incident channel/);
  await drop(page, '[data-testid="events-drop"]', [['pagerduty.json', readFileSync(join(fixtures, 'pagerduty-log-entries.json')), 'application/json']]);
  await page.waitForSelector('[data-testid="events-file-1"]');
  assert.match(await text(page, 'events-file-1'), /PagerDuty incident log entries: 7 rows/);
  // The drops went to the panel, not to the page's report import: same report open.
  assert.equal(await page.locator('[data-testid="import-notes"]').count(), 0);
  assert.equal(await page.inputValue('[data-testid="field-timeline[0].event"]'), 'Error rate back to normal, watching');

  assert.match(await text(page, 'events-count'), /^8 of 17 rows ticked · 17 shown$/);
  // Chatter is not pre-ticked; typed pager events are.
  const kept = async (i) => page.isChecked(`[data-testid="keep-${i}"]`);
  assert.equal(await kept(await rowWith(page, /^thanks all/)), false);
  assert.equal(await kept(await rowWith(page, /^Acknowledged by Priya Raman/)), true);
  // The row already in the timeline is marked and left unticked.
  const dup = await rowWith(page, /^error rate back to normal, watching for 15 min/);
  assert.match(await text(page, `dup-${dup}`), /Already in the timeline \(row 1\)/);
  assert.equal(await kept(dup), false);

  // Filters: by person, by word.
  await page.selectOption('[data-testid="events-who"]', 'Lee Wong');
  assert.match(await text(page, 'events-count'), /· 2 shown$/);
  await page.selectOption('[data-testid="events-who"]', '');
  await page.fill('[data-testid="events-word"]', 'rolled back');
  assert.match(await text(page, 'events-count'), /· 1 shown$/);
  await page.fill('[data-testid="events-word"]', '');

  // Edit one kept row's text before merging.
  const note = await rowWith(page, /^Pool exhausted after v2\.15\.0 deploy/);
  await page.fill(`[data-testid="cand-text-${note}"]`, 'Pool exhausted after the v2.15.0 deploy; rolling back');

  await page.click('[data-testid="events-merge"]');
  await page.waitForSelector('[data-testid="add-events-done"]');
  assert.equal(await rowsInTimeline(page), 1 + 8);
  assert.match(await text(page, 'add-events-done'), /Added 8 events/);
  await page.waitForFunction(() => document.querySelector('[data-testid="metric-time-to-acknowledge"]')?.textContent !== '—');
  assert.equal(await text(page, 'metric-time-to-acknowledge'), '3 minutes 35 seconds');
  assert.match(await text(page, 'metric-origins'), /Time to acknowledge: row \d+, 09:41:40 “Acknowledged by Priya Raman\.”, imported from PagerDuty \(R0ACK4127\)/);
  const events = await page.$$eval('[data-testid^="timeline-row-"] [data-testid$=".event"]', (els) => els.map((e) => e.value));
  assert.ok(events.includes('Pool exhausted after the v2.15.0 deploy; rolling back'), events.join('\n'));
  // The chart follows the timeline: one titled mark per row.
  await page.waitForFunction(() => document.querySelector('[data-testid="timeline-chart"] svg')?.textContent.includes('Acknowledged by Priya Raman'), null, { timeout: 5000 });
  // The chart follows the timeline: one titled row per timeline row.
  assert.equal(await page.locator('[data-testid="timeline-chart"] svg g.row').count(), 9);
  assert.match(await page.textContent('[data-testid="timeline-chart"] svg g.row >> nth=0'), /09:38:05/);

  // One undo takes the whole merge back.
  await page.click('[data-testid="undo"]');
  assert.equal(await rowsInTimeline(page), 1);
  await page.waitForFunction(() => document.querySelector('[data-testid="metric-time-to-acknowledge"]')?.textContent === '—');
  await page.waitForFunction(() => /undone/.test(document.querySelector('[data-testid="add-events-done"]')?.textContent ?? ''));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-chart"] svg g.row').length === 1, null, { timeout: 5000 });
  assert.equal(await page.inputValue('[data-testid="field-timeline[0].event"]'), 'Error rate back to normal, watching');
  assert.deepEqual(h.errors, []);
});

/** A channel day file of `n` messages, as a Slack export writes it. */
function dayFile(n) {
  const texts = [
    '<@U01> the API is returning 503s on <https://grafana.example.com/d/x|the dashboard>',
    'rolled back the deploy &amp; watching',
    'looking into the connection pool',
    'error rate back to normal :tada:',
    'thanks all',
  ];
  const out = [];
  for (let i = 0; i < n; i++) {
    const u = i % 7;
    const msg = {
      type: 'message', user: `U0${u}`, text: `${texts[i % 5]} ${i}`,
      ts: `${1699873920 + i}.000${String(i % 1000).padStart(3, '0')}`,
      user_profile: { real_name: `Person ${u}`, display_name: `p${u}` },
    };
    if (i % 500 === 0) msg.reactions = [{ name: 'eyes', users: ['U02'], count: 1 }];
    out.push(msg);
  }
  return JSON.stringify(out);
}

test('the page answers while a 50,000-message Slack day file is read', async (t) => {
  const { page } = h;
  const file = join(dir, 'inc-big-2023-11-13.json');
  writeFileSync(file, dayFile(50000));
  await h.open();
  await page.click('[data-testid="new-000"]');
  await page.click('[data-testid="add-events-toggle"]');
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask', buffered: false });
    // Keystroke delays (from the key's own time stamp to its handler) and the gaps
    // between animation frames, while the file is read.
    window.__keys = [];
    document.addEventListener('keydown', (e) => window.__keys.push(performance.now() - e.timeStamp), true);
    window.__gaps = [];
    let last = performance.now();
    const frame = (now) => {
      window.__gaps.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const t0 = Date.now();
  await page.setInputFiles('[data-testid="events-file"]', file);
  // Type into the paste box while "Reading…" shows.
  await page.waitForSelector('.add-events-panel .busy');
  await page.focus('[data-testid="events-paste"]');
  let typed = '';
  while (typed.length < 60 && await page.locator('.add-events-panel .busy').count() > 0) {
    await page.keyboard.type('x');
    typed += 'x';
  }
  await page.waitForFunction(() => /of 50000 rows ticked/.test(document.querySelector('[data-testid="events-count"]')?.textContent ?? ''), null, { timeout: 60000 });
  const wall = Date.now() - t0;
  await page.waitForTimeout(300);
  const { long, keys, gaps } = await page.evaluate(() => {
    window.__stop = true;
    return { long: window.__long, keys: window.__keys, gaps: window.__gaps };
  });
  const max = (xs) => Math.round(Math.max(0, ...xs));
  console.log(`timeline-sources: 50k Slack day file: ${wall} ms to review; longest task ${max(long)} ms (all: ${long.map((d) => Math.round(d)).join(', ')}); ${keys.length} keys typed while reading, slowest ${max(keys)} ms; longest frame gap ${max(gaps)} ms`);
  t.diagnostic(`longest task ${max(long)} ms, slowest key ${max(keys)} ms, longest frame gap ${max(gaps)} ms`);
  assert.ok(keys.length >= 3, `keys typed while reading: ${keys.length}`);
  assert.equal(await page.inputValue('[data-testid="events-paste"]'), typed, 'every key typed while reading landed');
  // Keys typed while the worker reads are answered at once; one typed just as the rows
  // arrive waits for the merge and the first page of rows to render (the long task).
  const median = [...keys].sort((a, b) => a - b)[Math.floor(keys.length / 2)];
  assert.ok(median < 50, `keys waited ${Math.round(median)} ms (median)`);
  assert.ok(max(keys) < 600, `a key waited ${max(keys)} ms`);
  // Before the reader worker, the parse alone blocked the page for 0.6–1.2 s.
  assert.ok(max(long) < 400, `the page was blocked for ${max(long)} ms`);
  assert.equal(await page.locator('[data-testid^="candidate-"]').count(), 150);
  assert.deepEqual(h.errors, []);
});

test('a reader that cannot load says so, keeps the file, and reads it on "Try again"', async () => {
  // A first visit in a fresh browser: no service worker serves the reader from its cache.
  const h = await start();
  const { page } = h;
  // The reader's script is missing (a host that dropped it, offline before it was kept).
  // Routed before the page loads: a route added later does not reach its workers.
  await h.context.route('**/sources-worker.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  try {
    await h.open();
    await page.click('[data-testid="new-000"]');
    await page.click('[data-testid="add-events-toggle"]');
    await drop(page, '[data-testid="events-drop"]', [['pagerduty.json', readFileSync(join(fixtures, 'pagerduty-log-entries.json')), 'application/json']]);
    await page.waitForFunction(() => /Not read/.test(document.querySelector('[data-testid="events-file-0"]')?.textContent ?? ''), null, { timeout: 10000 })
      .catch(async (e) => { throw new Error(`${e.message}; the panel says: ${await page.textContent('[data-testid="add-events"]')}`); });
    assert.equal(await page.locator('[data-testid="events-retry-0"]').count(), 1);
    assert.match(await text(page, 'events-file-0'), /Not read: the file reader could not be loaded.*nothing in the report changed/);
    await h.context.unroute('**/sources-worker.js');
    await page.click('[data-testid="events-retry-0"]');
    await page.waitForFunction(() => /PagerDuty incident log entries: 7 rows/.test(document.querySelector('[data-testid="events-file-0"]')?.textContent ?? ''));
    assert.match(await text(page, 'events-count'), /of 7 rows ticked/);
    // The 404 is the browser's own console line; nothing else went wrong.
    assert.deepEqual(h.errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  } finally {
    await h.close();
  }
});
