// Journey: import Markdown and JSON files through the file picker, and pasted Markdown,
// and see their content in the editor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, root } from '../harness.js';

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

test('import a Markdown file (written by the CLI) and see its content', async () => {
  const { page } = h;
  const json = join(dir, 'source.json');
  writeFileSync(json, JSON.stringify({
    schema_version: 1,
    template: '004',
    meta: { title: 'Search index lag', incident_id: 'INC-77', severity: 'P2', date: '2024-03-02' },
    summary: { executive: 'Search results were up to 40 minutes stale for all tenants.' },
    timeline: { entries: [{ time: '2024-03-02 09:00', event: 'Indexer queue backlog alert', owner: 'oncall', kind: 'detected' }] },
  }));
  const md = join(dir, 'search-lag.md');
  writeFileSync(md, execFileSync('cargo', ['run', '-q', '-p', 'hindsight-cli', '--', 'convert', json, '--to', 'md'], { cwd: root, encoding: 'utf8' }));
  await h.open();
  await page.setInputFiles('[data-testid="import-file"]', md);
  await page.waitForSelector('[data-testid="field-meta.title"]');
  assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), 'Search index lag');
  assert.equal(await page.inputValue('[data-testid="template-select"]'), '004');
  assert.equal(await page.inputValue('[data-testid="field-summary.executive"]'), 'Search results were up to 40 minutes stale for all tenants.');
  assert.equal(await page.inputValue('[data-testid="field-timeline[0].event"]'), 'Indexer queue backlog alert');
  assert.deepEqual(h.errors, []);
});

test('paste Markdown', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="paste-toggle"]');
  await page.fill('[data-testid="paste-text"]', '# Post-Mortem: Pasted outage\n\n## Summary\n\nDNS records expired.\n');
  await page.click('[data-testid="paste-import"]');
  await page.waitForSelector('[data-testid="field-meta.title"]');
  assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), 'Pasted outage');
  assert.deepEqual(h.errors, []);
});
