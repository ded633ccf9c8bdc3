// Journey: the review never contradicts itself. A blank report scores near 0 on the
// start screen and in the editor, every section the template shows reads "to do" (never
// "complete"), no section that reads "complete" has a finding about it, and messages use
// the template's own severity scale.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, fill } from '../harness.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const score = async (page, sel) => Number((await page.textContent(sel)).split('/')[0]);

/** Waits for the review to have run, then reads every section's state and its findings. */
async function sections(page) {
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="readiness"]')?.textContent ?? ''));
  return page.evaluate(() => [...document.querySelectorAll('main.sections > section.section:not(.extra)')].map((s) => ({
    title: s.querySelector('h2').firstChild.textContent.trim(),
    state: s.querySelector('[data-testid="section-state"]').textContent.trim(),
    markers: s.querySelectorAll('[data-testid^="marker-"]').length,
    paths: [...s.querySelectorAll('[data-path]')].map((e) => e.dataset.path),
  })));
}

/** Findings in the panel, with the section heading each is listed under. */
async function findings(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-testid="finding"]')].map((f) => {
    let h = f.previousElementSibling;
    while (h && h.tagName !== 'H3') h = h.previousElementSibling;
    return { rule: f.dataset.rule, location: f.dataset.location, under: h?.textContent, text: f.textContent };
  }));
}

for (const id of ['000', '001', '002', '003', '004']) {
  test(`a blank ${id} report is to do everywhere and scores near 0`, async () => {
    const { page } = h;
    await h.open();
    await page.click(`[data-testid="new-${id}"]`);
    const all = await sections(page);
    assert.ok(all.length >= 5, `${all.length} sections`);
    for (const s of all) assert.equal(s.state, 'to do', `${s.title}: ${s.state}`);
    const toc = await page.$$eval('nav.toc [data-testid="section-state"]', (l) => l.map((e) => e.textContent.trim()));
    assert.ok(toc.length >= 5 && toc.every((t) => t === 'to do'), toc.join(', '));
    assert.ok(!(await page.textContent('.editor')).includes('complete'), 'nothing says complete');
    const inEditor = await score(page, '[data-testid="readiness"]');
    assert.ok(inEditor <= 5, `blank ${id} scores ${inEditor}`);
    // Every finding is listed under a section the form shows.
    const titles = all.map((s) => s.title);
    for (const f of await findings(page)) assert.ok(titles.includes(f.under), `${f.rule} at ${f.location} under ${f.under}`);
    await page.click('[data-testid="back"]');
    const onStart = await score(page, '[data-testid="doc-item"]:first-child [data-testid="doc-score"]');
    assert.equal(onStart, inEditor);
    assert.deepEqual(h.errors, []);
  });
}

test('filling sections raises the score, and a complete section has no finding', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-003"]');
  let last = await score(page, '[data-testid="readiness"]');
  await fill(page, 'meta.title', 'Checkout 502s after a config push');
  await page.waitForFunction((l) => Number(document.querySelector('[data-testid="readiness"]').textContent.split('/')[0]) > l, last);
  last = await score(page, '[data-testid="readiness"]');
  await page.selectOption('[data-testid="field-meta.severity"]', 'P1');
  await page.click('[data-testid="add-timeline"]');
  await fill(page, 'timeline[0].time', '09:12');
  await fill(page, 'timeline[0].event', 'Config push to the edge');
  await page.waitForFunction((l) => Number(document.querySelector('[data-testid="readiness"]').textContent.split('/')[0]) > l, last);
  const all = await sections(page);
  const list = await findings(page);
  for (const s of all) {
    const about = list.filter((f) => f.under === s.title);
    if (s.state === '✓ complete') {
      assert.equal(about.length, 0, `${s.title} is complete but has ${about.map((f) => f.rule)}`);
      assert.equal(s.markers, 0, `${s.title} is complete but shows markers`);
    }
    if (about.length) assert.notEqual(s.state, '✓ complete', s.title);
  }
  const details = all.find((s) => s.title === 'Details');
  assert.notEqual(details.state, 'to do');
  // Template 003 speaks P0–P2: a P1 report, never SEV2 or P3/P4.
  const missing = list.filter((f) => f.rule === 'missing-section');
  assert.ok(missing.length > 0);
  for (const f of missing) assert.match(f.text, /a P1 report requires it/);
  assert.ok(list.every((f) => !/SEV\d/.test(f.text)), list.map((f) => f.text).join('\n'));
  assert.deepEqual(h.errors, []);
});

test('the severity hint lists only the levels the menu offers', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-003"]');
  const offered = await page.$$eval('[data-testid="field-meta.severity"] option', (o) => o.map((x) => x.value).filter(Boolean));
  assert.deepEqual(offered, ['P0', 'P1', 'P2']);
  const finding = page.locator('[data-testid="finding"][data-rule="severity-unknown"]');
  await finding.waitFor();
  assert.equal(await finding.locator('[data-testid="finding-fix"]').textContent(), 'Set one level from P0 (worst), P1 or P2.');
  assert.deepEqual(h.errors, []);
});
