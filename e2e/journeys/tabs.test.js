// Journey: two tabs on one report. Each stored copy carries a revision; a tab never
// writes over a newer one. An idle tab picks up the other's edits (so closing it loses
// nothing), edits to different fields merge, edits to the same field put the choice to
// the author, and a report deleted in one tab never comes back from the other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, fill, waitSaved } from '../harness.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const value = (page, path) => page.inputValue(`[data-testid="field-${path}"]`);

/** The stored report `id` as this page's storage holds it (null when gone). */
async function stored(page, id) {
  return page.evaluate((id) => {
    const raw = localStorage.getItem(`hindsight.v1.doc.${id}`);
    if (raw === null) return null;
    const parsed = JSON.parse(raw);
    return parsed.report ?? parsed;
  }, id);
}

/** A new report with `title`, saved in A and open in a second tab B. */
async function shared(title) {
  const a = h.page;
  await h.open();
  await a.click('[data-testid="new-000"]');
  await fill(a, 'meta.title', title);
  await waitSaved(a);
  const id = await a.evaluate(() => localStorage.getItem('hindsight.v1.open'));
  const b = await h.context.newPage();
  await b.goto(h.base);
  await b.waitForSelector('[data-testid="field-meta.title"]');
  assert.equal(await value(b, 'meta.title'), title);
  return { a, b, id };
}

/** What a tab does when it is switched away from and closed: its flush paths. */
async function leave(page) {
  await page.evaluate(() => {
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    window.dispatchEvent(new Event('pagehide'));
  });
}

test('edit in A, then switch to and close an idle B: nothing is lost', async () => {
  const { a, b, id } = await shared('Two tabs');
  await fill(a, 'summary.summary', 'Written in tab A.');
  await waitSaved(a);
  // B was idle: it shows A's words without a reload.
  await b.waitForFunction(() => document.querySelector('[data-testid="field-summary.summary"]')?.value === 'Written in tab A.');
  await leave(b);
  await b.close({ runBeforeUnload: true });
  const kept = await stored(a, id);
  assert.equal(kept.summary.summary, 'Written in tab A.');
  assert.equal(kept.meta.title, 'Two tabs');
  await a.reload();
  await a.waitForSelector('[data-testid="field-summary.summary"]');
  assert.equal(await value(a, 'summary.summary'), 'Written in tab A.');
  assert.deepEqual(h.errors, []);
});

test('both tabs edit different fields at once: the merge keeps both', async () => {
  const { a, b, id } = await shared('Concurrent');
  await Promise.all([
    fill(a, 'meta.title', 'Title from A'),
    fill(b, 'summary.summary', 'Summary from B.'),
  ]);
  const asked = await Promise.race([
    a.waitForSelector('[data-testid="conflict"]').then(() => a),
    b.waitForSelector('[data-testid="conflict"]').then(() => b),
  ]);
  const other = asked === a ? b : a;
  assert.match(await asked.textContent('[data-testid="save-state"]'), /Not saved: changed in another tab/);
  assert.match(await asked.textContent('[data-testid="conflict-details"]'), /Merging keeps both/);
  assert.equal(await asked.isEnabled('[data-testid="conflict-merge"]'), true);
  await asked.click('[data-testid="conflict-merge"]');
  await waitSaved(asked);
  const kept = await stored(a, id);
  assert.equal(kept.meta.title, 'Title from A');
  assert.equal(kept.summary.summary, 'Summary from B.');
  // The other tab was idle by then: it shows the merged report too.
  await other.waitForFunction(() => document.querySelector('[data-testid="field-meta.title"]')?.value === 'Title from A'
    && document.querySelector('[data-testid="field-summary.summary"]')?.value === 'Summary from B.');
  await b.close();
  assert.deepEqual(h.errors, []);
});

test('both tabs edit the same field: the choice appears, and "keep mine" keeps both versions', async () => {
  const { a, b, id } = await shared('Same field');
  await Promise.all([
    fill(a, 'meta.title', 'Named in A'),
    fill(b, 'meta.title', 'Named in B'),
  ]);
  const asked = await Promise.race([
    a.waitForSelector('[data-testid="conflict"]').then(() => a),
    b.waitForSelector('[data-testid="conflict"]').then(() => b),
  ]);
  const mine = await value(asked, 'meta.title');
  const theirs = mine === 'Named in A' ? 'Named in B' : 'Named in A';
  assert.match(await asked.textContent('[data-testid="conflict-details"]'), /You both changed: Title/);
  assert.equal(await asked.isEnabled('[data-testid="conflict-merge"]'), false);
  // Leaving now must not write this tab's version over the other's.
  await leave(asked);
  assert.equal((await stored(a, id)).meta.title, theirs);
  await asked.click('[data-testid="conflict-keep-mine"]');
  await waitSaved(asked);
  assert.equal(await value(asked, 'meta.title'), `${mine} (my copy)`);
  assert.equal((await stored(a, id)).meta.title, theirs);
  const titles = await a.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('hindsight.v1.doc.'))
    .map((k) => JSON.parse(localStorage.getItem(k)).report.meta.title));
  assert.ok(titles.includes(theirs) && titles.includes(`${mine} (my copy)`), titles.join(' | '));
  await b.close();
  assert.deepEqual(h.errors, []);
});

test('delete in A: gone in B, and neither typing nor leaving B brings it back', async () => {
  const { a, b, id } = await shared('Doomed report');
  await a.click('[data-testid="back"]');
  await a.click(`[data-testid="doc-item"][data-id="${id}"] [data-testid="doc-delete"]`);
  // B, idle, closes the report and says why.
  await b.waitForSelector('[data-testid="import-notes"]');
  assert.match(await b.textContent('[data-testid="import-notes"]'), /deleted in another tab/);
  assert.equal(await b.locator(`[data-testid="doc-item"][data-id="${id}"]`).count(), 0);
  await leave(b);
  assert.equal(await stored(a, id), null);

  // A tab with unsaved edits when the report is deleted keeps them only if asked to.
  const second = await shared('Doomed while typing');
  await second.a.click('[data-testid="back"]');
  await second.b.click('[data-testid="field-meta.title"]');
  await second.b.keyboard.type(' and more');
  await second.a.click(`[data-testid="doc-item"][data-id="${second.id}"] [data-testid="doc-delete"]`);
  await second.b.waitForTimeout(1500);
  await leave(second.b);
  assert.equal(await stored(second.a, second.id), null, 'the deleted report came back');
  await b.close();
  await second.b.close();
  assert.deepEqual(h.errors, []);
});
