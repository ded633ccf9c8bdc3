// Journey: "Back up all reports" downloads one file holding every report; "Restore" reads
// it back losing nothing (a deleted report returns, one changed since is kept and the
// backup's version added beside it); a damaged file or a single report restores nothing
// and says why. The library shows the browser's storage use and the backup reminder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, fill, waitSaved } from '../harness.js';

let h;
let dir;
before(async () => { h = await start(); dir = mkdtempSync(join(tmpdir(), 'hindsight-backup-')); });
after(async () => { await h?.close(); rmSync(dir, { recursive: true, force: true }); });

const titles = (page) => page.locator('[data-testid="doc-item"] .doc-title').allTextContents();
/** Restores `file` and waits for the note that matches `said`. */
async function restore(page, file, said) {
  await page.setInputFiles('[data-testid="restore-file"]', file);
  await page.waitForFunction((re) => new RegExp(re).test(document.body.textContent), said.source);
}

test('back up all reports, then restore: nothing is lost', async () => {
  const { page } = h;
  await h.open();
  assert.equal(await page.locator('[data-testid="backup-reminder"]').count(), 0, 'no reports, no reminder');
  for (const title of ['Cache stampede', 'DNS outage']) {
    await page.click('[data-testid="new-000"]');
    await fill(page, 'meta.title', title);
    await waitSaved(page);
    await page.click('[data-testid="back"]');
  }
  assert.match(await page.textContent('[data-testid="backup-reminder"]'), /only in this browser/);
  assert.match(await page.textContent('[data-testid="storage-use"]'), /^Storage: .+ of .+ used\./);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="backup-all"]')]);
  assert.match(dl.suggestedFilename(), /^hindsight-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(backup.hindsight_backup, 1);
  assert.deepEqual(backup.reports.map((r) => r.report.meta.title).sort(), ['Cache stampede', 'DNS outage']);
  assert.equal(await page.locator('[data-testid="backup-reminder"]').count(), 0, 'reminder gone after a backup');

  // Delete one, change the other: a restore brings the first back and keeps both versions
  // of the second.
  const items = page.locator('[data-testid="doc-item"]');
  await items.filter({ hasText: 'DNS outage' }).locator('[data-testid="doc-delete"]').click();
  await items.filter({ hasText: 'Cache stampede' }).locator('[data-testid="doc-open"]').click();
  await fill(page, 'meta.title', 'Cache stampede, edited after the backup');
  await waitSaved(page);
  await page.click('[data-testid="back"]');
  await restore(page, file, /Restored 2 reports; 1 kept beside the copy here, which differs: “Cache stampede \(restored\)”\./);
  assert.deepEqual((await titles(page)).sort(),
    ['Cache stampede (restored)', 'Cache stampede, edited after the backup', 'DNS outage']);

  // Restoring the same file again adds nothing new for what is unchanged.
  await restore(page, file, /Restored 1 report; 1 report already here unchanged/);
  await page.reload();
  await page.waitForSelector('[data-testid="doc-item"]');
  assert.equal(await items.count(), 4, 'restored reports are stored');
  assert.deepEqual(h.errors, []);
});

test('a damaged backup or a single report restores nothing and says why', async () => {
  const { page } = h;
  await h.open();
  const before = await titles(page);
  const good = {
    hindsight_backup: 1,
    reports: [
      { id: 'rgood', edited_ms: 1, report: { schema_version: 1, template: '000', meta: { title: 'Fine' } } },
      { id: 'rbad', edited_ms: 1, report: { schema_version: 1, template: '000', meta: { title: 42 } } },
    ],
  };
  const cases = [
    ['damaged.json', JSON.stringify(good), /report 2 of 2 in this backup is damaged .*nothing was restored/],
    ['cut.json', JSON.stringify(good).slice(0, 60), /not valid JSON/],
    ['single.json', JSON.stringify({ schema_version: 1, template: '000', meta: { title: 'One' } }), /single report, not a backup/],
    ['list.json', '[1,2,3]', /not a Hindsight backup \(its top level is a list\)/],
  ];
  for (const [name, text, why] of cases) {
    const file = join(dir, name);
    writeFileSync(file, text);
    await page.setInputFiles('[data-testid="restore-file"]', file);
    await page.waitForFunction((n) => document.body.textContent.includes(`${n} was not restored`), name);
    assert.match(await page.textContent('body'), why, name);
    assert.deepEqual(await titles(page), before, `${name} changed the library`);
  }
  assert.deepEqual(h.errors, []);
});
