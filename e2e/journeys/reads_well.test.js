// Journey: export and print that read well. A wide table (nine action-item columns) wraps
// only between words in the preview and in print, and on a phone scrolls in its own
// keyboard-reachable region (axe clean); the front matter says the body's date and
// severity word; switching template puts the date, start, end and user impact in their
// new places, not in Additional Notes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, fill } from '../harness.js';
import { violations } from '../axe.js';

let h;
let dir;
before(async () => { h = await start(); dir = mkdtempSync(join(tmpdir(), 'hindsight-reads-')); });
after(async () => { await h?.close(); rmSync(dir, { recursive: true, force: true }); });

const WIDE = `# Post-Mortem: Checkout outage at the edge

## Action Items

| ID | Action | Owner | Priority | Due | Status | Category | Horizon | Ticket |
|---|---|---|---|---|---|---|---|---|
| AI-1 | Validate configuration before propagation to every region | infrastructure platform | P1 | 2024-03-09 | Open | Prevention | Immediate | https://tracker.example.com/browse/OPS-1234 |
| AI-2 | Add observability dashboards for saturation of edge nodes | observability | P2 | 2024-03-20 | Open | Detection | Quarterly | OPS-1235 |
`;

async function importWide(page) {
  await h.open();
  await page.click('[data-testid="paste-toggle"]');
  await page.fill('[data-testid="paste-text"]', WIDE);
  await page.click('[data-testid="paste-import"]');
  await page.waitForSelector('[data-testid="field-meta.title"]');
}

/** Words in preview table cells whose letters lie on more than one line (a mid-word
 * break); links and code may break anywhere, hyphens and slashes are word boundaries. */
const brokenWords = (page) => page.evaluate(() => {
  const out = [];
  const cells = document.querySelectorAll('[data-testid="preview"] td, [data-testid="preview"] th');
  for (const cell of cells) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest('a, code')) continue;
      const re = /[^\s\-/]+/g;
      let m;
      while ((m = re.exec(n.data))) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
  }
  return { cells: cells.length, out };
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
  test(`${name}: a nine-column table wraps between words in the preview; axe clean light and dark`, async () => {
    const { page } = h;
    await page.setViewportSize(viewport);
    await importWide(page);
    await page.click('[data-testid="tab-preview"]');
    await page.waitForSelector('[data-testid="preview"] table');
    assert.ok(await page.locator('[data-testid="preview"] table thead th').count() >= 9);
    const b = await brokenWords(page);
    assert.ok(b.cells >= 27, `${b.cells} cells`);
    assert.deepEqual(b.out, [], 'words broken mid-word');
    // The table lives in a named region the keyboard reaches, which scrolls when the
    // table is wider than the page.
    const tables = await page.locator('[data-testid="preview"] table').count();
    assert.equal(await page.locator('[data-testid="preview"] .table-scroll[role="region"][tabindex="0"] > table').count(), tables);
    const region = page.locator('[data-testid="preview"] .table-scroll').filter({ has: page.locator('th', { hasText: 'Horizon' }) });
    assert.equal(await region.count(), 1);
    assert.match(await region.getAttribute('aria-label'), /^Table/);
    if (name === 'phone') {
      const wide = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
      assert.ok(wide, 'on a phone the table is wider than the page and scrolls');
      await region.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.activeElement.classList.contains('table-scroll') && document.activeElement.scrollLeft > 0);
    }
    assert.deepEqual(await violations(page), []);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await violations(page), []);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.click('[data-testid="tab-edit"]');
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.deepEqual(h.errors, []);
  });
}

test('print: the wide table fits the page and wraps between words', async () => {
  const { page } = h;
  // About the printable width of an A4 or Letter page at 96 dpi.
  await page.setViewportSize({ width: 720, height: 1000 });
  await importWide(page);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await page.waitForSelector('[data-testid="preview"] table');
  const b = await brokenWords(page);
  assert.ok(b.cells >= 27, `${b.cells} cells`);
  assert.deepEqual(b.out, [], 'words broken mid-word in print');
  const fit = await page.evaluate(() => {
    const t = document.querySelector('[data-testid="preview"] table').getBoundingClientRect();
    return { right: t.right, width: document.documentElement.clientWidth };
  });
  assert.ok(fit.right <= fit.width + 0.5, `table ends at ${fit.right} on a ${fit.width} px page`);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(h.errors, []);
});

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return readFileSync(path, 'utf8');
}

test('front matter carries the body\'s date and severity word', async () => {
  const { page } = h;
  for (const [id, severity, dateField, date, body] of [
    ['003', 'P1', 'meta.start', '2024-03-02 09:12 UTC', '**Severity:** P1'],
    ['000', 'SEV2', 'meta.date', '2024-01-15', '**Severity:** SEV2'],
  ]) {
    await h.open();
    await page.click(`[data-testid="new-${id}"]`);
    await fill(page, 'meta.title', 'Edge 502s');
    await fill(page, dateField, date);
    await page.selectOption('[data-testid="field-meta.severity"]', { label: severity });
    await page.check('[data-testid="export-front-matter"]');
    const md = await download(page, 'export-md');
    const [fm, ...rest] = md.split('\n---\n');
    const text = rest.join('\n---\n');
    assert.match(fm, new RegExp(`severity: "${severity}"`), fm);
    assert.match(fm, new RegExp(`date: "${date.slice(0, 10)}"`), fm);
    assert.ok(text.includes(body), `${id}: body has ${body}`);
    assert.ok(text.includes(date), `${id}: body has ${date}`);
  }
  assert.deepEqual(h.errors, []);
});

test('switching template moves date, start, end and user impact to their places', async () => {
  const { page } = h;
  const value = (path) => page.inputValue(`[data-testid="field-${path}"]`);
  const notes = () => page.locator('[data-testid="section-additional-notes"]').count();
  await h.open();
  await page.click('[data-testid="new-004"]');
  await fill(page, 'meta.date', '2024-03-02');
  await fill(page, 'impact.description', 'EU checkout failed for 25 minutes');
  // 003 has "Date & Time" (start – end) and an impact description.
  await page.selectOption('[data-testid="template-select"]', '003');
  await page.waitForSelector('[data-testid="field-meta.start"]');
  assert.equal(await value('meta.start'), '2024-03-02');
  assert.equal(await value('impact.description'), 'EU checkout failed for 25 minutes');
  assert.equal(await notes(), 0, 'nothing went to Additional Notes');
  await fill(page, 'meta.start', '2024-03-02 09:12 UTC');
  await fill(page, 'meta.end', '2024-03-02 09:40 UTC');
  // 001 has a date and "Users affected", no start, end or description (those two,
  // which have no place there, are kept under Additional Notes).
  await page.selectOption('[data-testid="template-select"]', '001');
  await page.waitForSelector('[data-testid="field-impact.users_affected"]');
  assert.equal(await value('meta.date'), '2024-03-02');
  assert.equal(await value('impact.users_affected'), 'EU checkout failed for 25 minutes');
  // And back: start and end find their place again, the date is the start's.
  await page.selectOption('[data-testid="template-select"]', '003');
  await page.waitForSelector('[data-testid="field-meta.end"]');
  assert.equal(await value('meta.start'), '2024-03-02 09:12 UTC');
  assert.equal(await value('meta.end'), '2024-03-02 09:40 UTC');
  assert.equal(await value('impact.description'), 'EU checkout failed for 25 minutes');
  assert.equal(await notes(), 0, 'nothing went to Additional Notes');
  await page.selectOption('[data-testid="template-select"]', '004');
  await page.waitForSelector('[data-testid="field-meta.date"]');
  assert.equal(await value('meta.date'), '2024-03-02');
  assert.deepEqual(h.errors, []);
});
