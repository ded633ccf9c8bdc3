// Journey: export Markdown and JSON downloads from the editor; the Markdown is
// byte-identical to what the CLI's `convert --to md` makes of the downloaded JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, fill, root } from '../harness.js';

let h;
let dir;
before(async () => { h = await start(); dir = mkdtempSync(join(tmpdir(), 'hindsight-export-')); });
after(async () => { await h?.close(); rmSync(dir, { recursive: true, force: true }); });

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path };
}

function cli(args) {
  return execFileSync('cargo', ['run', '-q', '-p', 'hindsight-cli', '--', ...args], { cwd: root, encoding: 'utf8' });
}

for (const [id, target, frontMatter] of [['000', '', false], ['003', '004', true], ['001', '002', false]]) {
  test(`export from ${id} as ${target || id}${frontMatter ? ' with front matter' : ''} matches the CLI`, async () => {
    const { page } = h;
    await h.open();
    await page.click(`[data-testid="new-${id}"]`);
    await fill(page, 'meta.title', 'Payments API: 503s after deploy');
    // Not every template has every field; the file name uses those that are filled.
    const stem = [];
    if (await page.locator('[data-testid="field-meta.incident_id"]').count()) {
      await fill(page, 'meta.incident_id', 'INC-2024-0042');
      stem.push('inc-2024-0042');
    }
    if (await page.locator('[data-testid="field-meta.date"]').count()) {
      await fill(page, 'meta.date', '2024-01-15');
      stem.push('2024-01-15');
    }
    stem.push('payments-api-503s-after-deploy');
    await page.selectOption('[data-testid="field-meta.severity"]', { index: 2 });
    await page.click('[data-testid="add-timeline"]');
    await fill(page, 'timeline[0].time', '14:30');
    await fill(page, 'timeline[0].event', 'Deploy of v2.3 <script>alert(1)</script> | pipes');
    await page.click('[data-testid="add-action"]');
    await fill(page, 'action_items[0].action', 'Roll back automatically on 5xx spike');
    if (target) await page.selectOption('[data-testid="export-template"]', target);
    if (frontMatter) await page.check('[data-testid="export-front-matter"]');

    const md = await download(page, 'export-md');
    const json = await download(page, 'export-json');
    assert.equal(md.name, `${stem.join('_')}.md`);
    assert.equal(json.name, `${stem.join('_')}.json`);
    const args = ['convert', json.path, '--to', 'md', '--template', target || id];
    if (frontMatter) args.push('--front-matter');
    assert.equal(readFileSync(md.path, 'utf8'), cli(args));
    assert.deepEqual(h.errors, []);
  });
}

test('copy Markdown puts the same text on the clipboard', async () => {
  const { page, context, base } = h;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
  await h.open();
  await page.click('[data-testid="new-002"]');
  await fill(page, 'meta.title', 'Clipboard check');
  const md = await download(page, 'export-md');
  await page.click('[data-testid="copy-md"]');
  await page.waitForFunction(() => document.querySelector('.copy-state')?.textContent.length > 0);
  assert.equal(await page.textContent('.copy-state'), 'Copied.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), readFileSync(md.path, 'utf8'));
  assert.deepEqual(h.errors, []);
});
