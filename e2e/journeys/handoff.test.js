// Journey: the hand-off. The timeline chart in the preview and in print; action items
// to the tracker (Jira CSV and CSV downloads that a CSV library reads with the right
// columns, GitHub issue links, a pasted ticket URL filling the tracking link and
// stopping the review's `action-item-tracking` finding); "Save to
// folder" writing <date>-<slug>.md into a folder (the origin-private file system stands
// in for the picked folder) and asking before overwriting a different file; "Propose in
// repo" opening GitHub's new-file page with the file name and content; a team config
// beside the page and a malformed one; a team policy (inline, or a file beside the page)
// changing the findings the editor shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, fill, waitSaved, dist } from '../harness.js';

let h;
let dir;
before(async () => { h = await start(); dir = mkdtempSync(join(tmpdir(), 'hindsight-handoff-')); });
after(async () => { await h?.close(); rmSync(dir, { recursive: true, force: true }); });

/** A 000 report with a dated two-event timeline and two action items. */
async function draft(page) {
  await h.open();
  await page.click('[data-testid="new-000"]');
  await fill(page, 'meta.title', 'Checkout API: errors after pool change');
  await fill(page, 'meta.date', '2024-01-15');
  await page.click('[data-testid="add-timeline"]');
  await fill(page, 'timeline[0].time', '14:30');
  await fill(page, 'timeline[0].event', 'Deploy <img src=x onerror=alert(1)>');
  await page.click('[data-testid="add-timeline"]');
  await fill(page, 'timeline[1].time', '15:10');
  await fill(page, 'timeline[1].event', 'Rolled back');
  await page.click('[data-testid="add-action"]');
  await fill(page, 'action_items[0].action', 'Alert on pool saturation, "early"');
  await fill(page, 'action_items[0].owner', 'dana');
  await page.click('[data-testid="add-action"]');
  await fill(page, 'action_items[1].action', 'Canary pool changes');
  await waitSaved(page);
}

function readCsv(path) {
  const py = 'import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))))';
  return JSON.parse(execFileSync('python3', ['-c', py, path], { encoding: 'utf8' }));
}

test('the timeline chart shows in the preview and in print, and is inert', async () => {
  const { page } = h;
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await draft(page);
  await page.click('[data-testid="tab-preview"]');
  const chart = page.locator('[data-testid="preview-chart"] svg');
  await chart.waitFor({ state: 'visible' });
  assert.equal(await page.locator('[data-testid="preview-chart"] svg title').first().textContent(),
    'Incident timeline: Checkout API: errors after pool change');
  assert.equal(await page.locator('[data-testid="preview-chart"] [onerror], [data-testid="preview-chart"] img, [data-testid="preview-chart"] script').count(), 0);
  // Coloured by the page's stylesheet (no inline <style> under the CSP).
  assert.equal(await page.locator('[data-testid="preview-chart"] style').count(), 0);
  const box = await chart.boundingBox();
  assert.ok(box && box.width > 200 && box.height > 50, JSON.stringify(box));
  await page.click('[data-testid="tab-edit"]');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await chart.waitFor({ state: 'visible' });
  assert.equal(await page.isVisible('.toolbar'), false);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(dialogs, 0);
  assert.deepEqual(h.errors, []);
});

test('action items go to Jira and CSV, and a pasted ticket URL fills the tracking link', async () => {
  const { page } = h;
  await draft(page);
  const get = async (testid) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
    const path = join(dir, dl.suggestedFilename());
    await dl.saveAs(path);
    return { name: dl.suggestedFilename(), rows: readCsv(path) };
  };
  const jira = await get('actions-jira');
  assert.match(jira.name, /actions-jira\.csv$/);
  assert.deepEqual(jira.rows[0].slice(0, 5), ['Summary', 'Description', 'Assignee', 'Priority', 'Due date']);
  assert.ok(jira.rows[0].slice(5).every((c) => c === 'Labels'), jira.rows[0].join('|'));
  assert.equal(jira.rows.length, 3);
  assert.equal(jira.rows[1][0], 'Alert on pool saturation, "early"');
  assert.equal(jira.rows[1][2], 'dana');
  assert.equal(jira.rows[2][0], 'Canary pool changes');
  const csv = await get('actions-csv');
  assert.deepEqual(csv.rows[0].slice(0, 3), ['ID', 'Action', 'Owner']);
  assert.equal(csv.rows.length, 3);

  // Without a repository there is no issue link; with one, each item has its own.
  assert.equal(await page.locator('[data-testid="tracker-github"]').count(), 0);
  await page.click('[data-testid="propose"]');
  await page.fill('[data-testid="propose-repo"]', 'https://github.com/acme/docs');
  await page.locator('[data-testid="propose-repo"]').dispatchEvent('change');
  await page.waitForSelector('[data-testid="tracker-github"]');
  const href = await page.locator('[data-testid="tracker-github"]').first().getAttribute('href');
  const url = new URL(href);
  assert.equal(url.origin + url.pathname, 'https://github.com/acme/docs/issues/new');
  assert.equal(url.searchParams.get('title'), 'Alert on pool saturation, "early"');
  assert.match(url.searchParams.get('body'), /https:\/\/github\.com\/acme\/docs\/blob\/main\/2024-01-15-checkout-api-errors-after-pool-change\.md/);

  // The review asks each open item for a tracking link until its ticket is pasted back.
  const asks = (i) => page.locator(`[data-testid="finding"][data-rule="action-item-tracking"][data-location="action_items[${i}].tracking"]`);
  await asks(0).waitFor();
  await asks(1).waitFor();
  const ticket = page.locator('[data-testid="tracker-ticket"]').first();
  await ticket.fill('javascript:alert(1)');
  await ticket.dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('[data-testid="tracker-state"]').textContent.includes('not an http'));
  await ticket.fill('https://acme.atlassian.net/browse/OPS-12');
  await ticket.dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('[data-testid="field-action_items[0].tracking"]')?.value === 'https://acme.atlassian.net/browse/OPS-12');
  await asks(0).waitFor({ state: 'detached' });
  assert.equal(await asks(1).count(), 1, 'the other item is still asked');
  await waitSaved(page);
  assert.deepEqual(h.errors, []);
});

test('save to folder writes <date>-<slug>.md and asks before overwriting a different file', async () => {
  const { page } = h;
  await page.addInitScript(() => { window.__hindsightPickDirectory = () => navigator.storage.getDirectory(); });
  await draft(page);
  const name = '2024-01-15-checkout-api-errors-after-pool-change.md';
  await page.evaluate(async (n) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(n).catch(() => {});
  }, name);
  await page.click('[data-testid="save-folder"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="save-folder-state"]').textContent.includes(`Saved ${n}`), name);
  const read = () => page.evaluate(async (n) => {
    const root = await navigator.storage.getDirectory();
    return (await (await root.getFileHandle(n)).getFile()).text();
  }, name);
  const first = await read();
  assert.match(first, /^# Post-Mortem: Checkout API: errors after pool change/m);
  // Same content again: written without asking.
  await page.click('[data-testid="save-folder"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="save-folder-state"]').textContent.includes(`Saved ${n}`), name);
  // A different file of that name: the save stops and asks.
  await page.evaluate(async (n) => {
    const root = await navigator.storage.getDirectory();
    const w = await (await root.getFileHandle(n)).createWritable();
    await w.write('someone else wrote this');
    await w.close();
  }, name);
  await page.click('[data-testid="save-folder"]');
  await page.waitForSelector('[data-testid="save-folder-overwrite"]', { timeout: 5000 }).catch(async (e) => {
    throw new Error(`${e.message}; state: ${await page.textContent('[data-testid="save-folder-state"]')}; file: ${await read()}`);
  });
  assert.equal(await read(), 'someone else wrote this');
  await page.click('[data-testid="save-folder-overwrite"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="save-folder-state"]').textContent.includes(`Saved ${n}`), name);
  assert.equal(await read(), first);
  // With the Mermaid option, the saved file carries the timeline block.
  await page.check('[data-testid="export-mermaid"]');
  await page.click('[data-testid="save-folder"]');
  await page.click('[data-testid="save-folder-overwrite"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="save-folder-state"]').textContent.includes(`Saved ${n}`), name);
  assert.match(await read(), /```mermaid\ntimeline\n/);
  assert.deepEqual(h.errors, []);
});

test('propose in repo opens GitHub\'s new file page with the name and content', async () => {
  const { page } = h;
  await draft(page);
  await page.evaluate(() => { window.__opened = []; window.open = (u) => { window.__opened.push(u); return null; }; });
  await page.click('[data-testid="propose"]');
  for (const [id, v] of [['propose-repo', 'https://github.com/acme/docs'], ['propose-branch', 'main'], ['propose-folder', 'postmortems']]) {
    await page.fill(`[data-testid="${id}"]`, v);
    await page.locator(`[data-testid="${id}"]`).dispatchEvent('change');
  }
  await page.click('[data-testid="propose-open"]');
  const [opened] = await page.evaluate(() => window.__opened);
  const url = new URL(opened);
  assert.equal(url.origin + url.pathname, 'https://github.com/acme/docs/new/main');
  assert.equal(url.searchParams.get('filename'), 'postmortems/2024-01-15-checkout-api-errors-after-pool-change.md');
  assert.match(url.searchParams.get('value'), /^# Post-Mortem: Checkout API: errors after pool change/);
  // Remembered for next time.
  await page.reload();
  await page.waitForSelector('[data-testid="propose"]');
  await page.click('[data-testid="propose"]');
  assert.equal(await page.inputValue('[data-testid="propose-folder"]'), 'postmortems');
  // Too long for a link: says so and offers copy + open of the empty page.
  await page.evaluate(() => { window.__opened = []; window.open = (u) => { window.__opened.push(u); return null; }; });
  await page.click('[data-testid="tab-edit"]');
  await fill(page, 'meta.title', 'x'.repeat(9000));
  await page.click('[data-testid="propose-open"]');
  await page.waitForSelector('[data-testid="propose-copy-open"]');
  assert.match(await page.textContent('[data-testid="propose-state"]'), /too long/);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('[data-testid="propose-copy-open"]');
  const [empty] = await page.evaluate(() => window.__opened);
  assert.ok(!new URL(empty).searchParams.has('value'), empty);
  assert.deepEqual(h.errors, []);
});

test('a team config beside the page sets the template and Mermaid; a malformed one says why', async () => {
  const { page } = h;
  const cfg = join(dist, 'hindsight.config.json');
  const original = readFileSync(cfg, 'utf8');
  try {
    writeFileSync(cfg, JSON.stringify({ template: '002', mermaid: true, file_name: '{id}-{slug}.md' }));
    await h.open();
    await page.waitForSelector('[data-testid="team-config"]');
    assert.match(await page.textContent('[data-testid="new-team"]'), /action item details/);
    await page.click('[data-testid="new-team"]');
    await page.waitForSelector('[data-testid="export-mermaid"]');
    assert.equal(await page.inputValue('[data-testid="template-select"]'), '002');
    assert.equal(await page.isChecked('[data-testid="export-mermaid"]'), true);
    writeFileSync(cfg, '{"template": "003", "mermiad": true}');
    await h.open();
    await page.waitForSelector('[data-testid="team-config-error"]');
    assert.match(await page.textContent('[data-testid="team-config-error"]'), /mermiad/);
    // Dropping a .hindsight.json applies it the same way.
    const dropped = join(dir, '.hindsight.json');
    writeFileSync(dropped, '{"template": "001"}');
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], '.hindsight.json', { type: 'application/json' }));
      return d;
    }, readFileSync(dropped, 'utf8'));
    await page.dispatchEvent('[data-testid="app"]', 'drop', { dataTransfer: dt });
    await page.waitForSelector('[data-testid="team-config"]');
    assert.match(await page.textContent('[data-testid="new-team"]'), /Detailed post-mortem with checklists/);
    assert.equal(await page.locator('[data-testid="import-notes"]').count(), 0);
  } finally {
    writeFileSync(cfg, original);
  }
  assert.deepEqual(h.errors, []);
});

test('a team policy in the config changes the findings the editor shows', async () => {
  const { page } = h;
  const cfg = join(dist, 'hindsight.config.json');
  const policyFile = join(dist, 'team-policy.json');
  const original = readFileSync(cfg, 'utf8');
  const owner = page.locator('[data-testid="finding"][data-rule="action-item-owner"][data-location="action_items[1].owner"]');
  try {
    // The default policy: item 2 has no owner, a warning.
    await draft(page);
    await owner.waitFor();
    assert.match(await owner.getAttribute('class'), /warning/);
    await page.locator('[data-testid="marker-action_items[1].owner"]').waitFor();

    // An inline policy that turns the rule off: the reopened editor no longer shows it.
    writeFileSync(cfg, JSON.stringify({ policy: { rules: { 'action-item-owner': 'off' } } }));
    await page.goto(h.base);
    await page.waitForSelector('[data-testid="team-config"]');
    assert.match(await page.textContent('[data-testid="team-config"]'), /the review's policy/);
    await page.waitForSelector('[data-testid="field-action_items[1].action"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="findings"], [data-testid="no-findings"]'));
    await owner.waitFor({ state: 'detached' });
    await page.locator('[data-testid="marker-action_items[1].owner"]').waitFor({ state: 'detached' });
    // The rule stays off while typing: the live review keeps the team's policy.
    await fill(page, 'action_items[0].owner', '');
    await page.waitForTimeout(400);
    assert.equal(await page.locator('[data-testid="finding"][data-rule="action-item-owner"]').count(), 0);
    await fill(page, 'action_items[0].owner', 'dana');

    // A policy file beside the page, named by the config: the same rule as an error.
    writeFileSync(policyFile, JSON.stringify({ rules: { 'action-item-owner': 'error' } }));
    writeFileSync(cfg, JSON.stringify({ policy: 'team-policy.json' }));
    await page.goto(h.base);
    await page.waitForSelector('[data-testid="team-config"]');
    await owner.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="finding"][data-rule="action-item-owner"]')?.classList.contains('error'));

    // A policy file that does not read says why.
    writeFileSync(policyFile, '{"rulez": {}}');
    await page.goto(h.base);
    await page.waitForSelector('[data-testid="team-config-error"]');
    assert.match(await page.textContent('[data-testid="team-config-error"]'), /team-policy\.json.*rulez/);
  } finally {
    writeFileSync(cfg, original);
    rmSync(policyFile, { force: true });
  }
  assert.deepEqual(h.errors, []);
});
