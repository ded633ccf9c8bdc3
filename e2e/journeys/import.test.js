// Journey: import files through the picker (JSON here; Markdown when the core's importer
// is present) and see their content in the editor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../harness.js';

let h;
let dir;
before(async () => { h = await start(); dir = mkdtempSync(join(tmpdir(), 'hindsight-import-')); });
after(async () => { await h?.close(); rmSync(dir, { recursive: true, force: true }); });

test('import a JSON report through the file picker', async () => {
  const { page } = h;
  const file = join(dir, 'report.json');
  writeFileSync(file, JSON.stringify({
    schema_version: 1,
    template: '004',
    meta: { title: 'Imported from JSON', severity: 'P2' },
    timeline: { entries: [{ time: '09:00', event: 'Queue backlog grew', owner: '', kind: 'detected' }] },
  }));
  await h.open();
  await page.setInputFiles('[data-testid="import-file"]', file);
  await page.waitForSelector('[data-testid="field-meta.title"]');
  assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), 'Imported from JSON');
  assert.equal(await page.inputValue('[data-testid="field-timeline[0].event"]'), 'Queue backlog grew');
  assert.equal(await page.inputValue('[data-testid="template-select"]'), '004');
  assert.deepEqual(h.errors, []);
});

test('a broken file is reported in plain words, nothing is created', async () => {
  const { page } = h;
  const file = join(dir, 'broken.json');
  writeFileSync(file, '{"meta": ');
  await h.open();
  const before = await page.locator('[data-testid="doc-item"]').count();
  await page.setInputFiles('[data-testid="import-file"]', file);
  await page.waitForSelector('[data-testid="import-notes"]');
  assert.match(await page.textContent('[data-testid="import-notes"]'), /broken\.json/);
  assert.equal(await page.locator('[data-testid="doc-item"]').count(), before);
  assert.deepEqual(h.errors, []);
});
