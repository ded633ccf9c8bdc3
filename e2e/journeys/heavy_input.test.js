// Journey: input far past the limits (a 10 MB paste, a 10 MB file, a JSON report with
// 50,000 timeline rows) is refused with a message that says how big it was and what the
// limit is, creates nothing, never blocks the page for more than ~200 ms (long tasks
// measured in the page while it happens), and the page is alive after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../harness.js';

const MB = 1024 * 1024;
// The longest main-thread task allowed while the page handles heavy input.
const MAX_TASK_MS = 200;

let h;
let dir;
before(async () => { h = await start(); dir = mkdtempSync(join(tmpdir(), 'hindsight-heavy-')); });
after(async () => { await h?.close(); rmSync(dir, { recursive: true, force: true }); });

const docs = (page) => page.locator('[data-testid="doc-item"]').count();
const notes = (page) => page.locator('[data-testid="import-notes"]');

/** Starts recording long tasks (≥ 50 ms) on the page. */
async function watchTasks(page) {
  await page.evaluate(() => {
    window.__tasks = [];
    window.__taskObserver?.disconnect();
    window.__taskObserver = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__tasks.push(Math.round(e.duration));
    });
    window.__taskObserver.observe({ type: 'longtask', buffered: false });
  });
}

/** Proves the page reports long tasks at all: a 120 ms busy task must be seen. */
async function calibrate(page) {
  await watchTasks(page);
  await page.evaluate(() => new Promise((r) => setTimeout(() => {
    const end = performance.now() + 120;
    while (performance.now() < end) { /* busy */ }
    r();
  }, 0)));
  const seen = await tasksSeen(page);
  assert.ok(seen.some((d) => d >= 110), `a 120 ms task was not reported as long: ${seen.join(', ')}`);
}

/** The long tasks seen since `watchTasks`, after two frames and a quiet moment. */
async function tasksSeen(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__tasks);
}

/** The page still answers: a key typed into the paste box lands within a frame or two. */
async function alive(page) {
  await page.click('[data-testid="paste-text"]');
  await page.keyboard.type('ok');
  assert.equal(await page.locator('[data-testid="paste-text"]').inputValue(), 'ok');
}

async function reloadAlive(page, count) {
  await page.reload();
  await page.waitForSelector('[data-testid="new-000"]');
  assert.equal(await docs(page), count, 'nothing was created, nothing lost');
}

/** Runs `act` (which should be refused), then checks the note says `message`, no task
 * blocked the page for over MAX_TASK_MS, nothing was created, and a reload is alive. */
async function refused(page, act, message) {
  const before = await docs(page);
  await watchTasks(page);
  await act();
  await notes(page).waitFor();
  const tasks = await tasksSeen(page);
  assert.match(await notes(page).innerText(), message);
  assert.ok(Math.max(0, ...tasks) <= MAX_TASK_MS, `long tasks: ${tasks.join(', ')} ms`);
  assert.equal(await docs(page), before);
  await reloadAlive(page, before);
}

test('a 10 MB paste into the import box is refused at once, and the box is left as it was', async () => {
  const { page } = h;
  await h.open();
  const before = await docs(page);
  await page.click('[data-testid="paste-toggle"]');
  await page.waitForSelector('[data-testid="paste-text"]');
  await calibrate(page);
  await watchTasks(page);
  const defaultPrevented = await page.evaluate((bytes) => {
    const box = document.querySelector('[data-testid="paste-text"]');
    box.focus();
    const data = new DataTransfer();
    data.setData('text/plain', '# Big\n\n' + 'x'.repeat(bytes));
    const ev = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    box.dispatchEvent(ev);
    return ev.defaultPrevented;
  }, 10 * MB);
  const tasks = await tasksSeen(page);
  assert.ok(defaultPrevented, 'the paste never lands in the box');
  await notes(page).waitFor();
  const text = await notes(page).innerText();
  assert.match(text, /pasted text: it is 10 MB, more than the 5 MB a report can be/);
  assert.match(text, /nothing was imported; the box was left as it was/);
  assert.equal(await page.locator('[data-testid="paste-text"]').inputValue(), '');
  assert.ok(Math.max(0, ...tasks) <= MAX_TASK_MS, `long tasks: ${tasks.join(', ')} ms`);
  assert.equal(await docs(page), before);
  await alive(page);
  await reloadAlive(page, before);
});

test('a box filled past the limit another way is refused when imported, without a long freeze', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="paste-toggle"]');
  // Set as if dropped or typed in: no paste event to refuse it early.
  await page.evaluate((bytes) => {
    const box = document.querySelector('[data-testid="paste-text"]');
    box.value = '# Big\n\n' + 'y'.repeat(bytes);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.dispatchEvent(new Event('change', { bubbles: true }));
  }, 6 * MB);
  await refused(page, () => page.click('[data-testid="paste-import"]'),
    /pasted text: it is 6 MB, more than the 5 MB a report can be/);
});

test('a 10 MB file is refused before it is read', async () => {
  const { page } = h;
  await h.open();
  const file = join(dir, 'huge.md');
  writeFileSync(file, '# Huge\n\n' + 'z'.repeat(10 * MB));
  await refused(page, () => page.setInputFiles('[data-testid="import-file"]', file),
    /huge\.md: it is 10 MB, more than the 5 MB a report can be/);
});

test('a JSON report with 50,000 timeline rows is refused with its row count', async () => {
  const { page } = h;
  await h.open();
  const file = join(dir, 'rows.json');
  const entries = Array.from({ length: 50_000 }, (_, i) => ({
    time: `2024-01-15 ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
    event: `Event ${i}`,
    owner: 'oncall',
    kind: null,
  }));
  writeFileSync(file, JSON.stringify({
    schema_version: 1,
    template: '004',
    meta: { title: 'Fifty thousand rows', severity: 'P2' },
    timeline: { entries },
  }));
  await refused(page, () => page.setInputFiles('[data-testid="import-file"]', file),
    /rows\.json: its timeline has 50,000 rows, more than the 10,000 a report can hold/);
  assert.deepEqual(h.errors, []);
});
