// Journey: metrics say what they measure. Under each computed metric the core's definition
// and the two rows it spans ("From Impact start 09:12 (row 2) to Acknowledged 09:22
// (row 4)."); a row the core only read from its words is marked in one click, and a
// metric with no row of its kind takes the author to the kind menu. Time to acknowledge
// runs from detection where the team's policy (or the template's wording) says so; time
// to mitigate ends where service came back, and a mismatch gives both readings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, waitSaved, fill, dist } from '../harness.js';
import { violations } from '../axe.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const text = (page, id) => page.textContent(`[data-testid="${id}"]`);

async function paste(page, text) {
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    if (document.activeElement.dispatchEvent(ev)) document.execCommand('insertText', false, text);
  }, text);
}

test('each metric shows its definition and the rows it spans', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-000"]');
  await page.click('[data-testid="add-timeline"]');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'field-timeline[0].time');
  await paste(page, [
    '09:05 Config push started',
    '09:12 Impact started: 502s at the EU edge',
    '09:15 Alert fired',
    '09:22 Paging bot pinged the on-call',
    '09:40 Rolled back',
  ].join('\n'));
  await page.waitForSelector('[data-testid="timeline-row-4"]');
  await page.selectOption('[data-testid="field-timeline[3].kind"]', { label: 'Acknowledged' });
  await page.waitForFunction(() => document.querySelector('[data-testid="metric-time-to-acknowledge"]')?.textContent === '10 minutes');
  assert.equal(await text(page, 'metric-spans-time-to-acknowledge'), 'From Impact start 09:12 (row 2) to Acknowledged 09:22 (row 4).');
  assert.match(await text(page, 'metric-why-time-to-acknowledge'), /From the start of user impact to the first row where someone acknowledged/);
  assert.equal(await text(page, 'metric-spans-time-to-detect'), 'From Impact start 09:12 (row 2) to Detection 09:15 (row 3).');
  assert.equal(await text(page, 'metric-spans-time-to-mitigate'), 'From Impact start 09:12 (row 2) to Mitigation 09:40 (row 5).');
  // No resolution row: the duration runs to the last row; time to resolve says what is missing.
  assert.equal(await text(page, 'metric-spans-duration'), 'From Impact start 09:12 (row 2) to the last row 09:40 (row 5).');
  assert.match(await text(page, 'metric-spans-time-to-resolve'), /No row is marked Resolution/);
  for (const slug of ['time-to-detect', 'time-to-acknowledge', 'time-to-mitigate', 'time-to-resolve', 'duration']) {
    assert.ok((await text(page, `metric-why-${slug}`)).startsWith('From the start of user impact'), slug);
  }

  // The paste read row 2's kind from its words; with the kind cleared the core still
  // reads it from the words, and one click marks it.
  await page.selectOption('[data-testid="field-timeline[1].kind"]', '');
  await page.waitForSelector('[data-testid="metric-mark-time-to-detect-impact-start"]');
  assert.equal(await text(page, 'metric-spans-time-to-detect'), 'From Impact start 09:12 (row 2) to Detection 09:15 (row 3).');
  await page.click('[data-testid="metric-mark-time-to-detect-impact-start"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="field-timeline[1].kind"]')?.selectedOptions[0]?.textContent === 'Impact start');
  await page.waitForFunction(() => !document.querySelector('[data-testid="metric-mark-time-to-detect-impact-start"]'));
  // Ctrl+Z takes the mark back (it is one undo step) and the button returns.
  await page.click('[data-testid="metric-why-duration"]');
  await page.keyboard.press('Control+z');
  await page.waitForSelector('[data-testid="metric-mark-time-to-detect-impact-start"]');

  // A missing kind takes the author to the kind menu.
  await page.click('[data-testid="metric-choose-time-to-resolve"]');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'field-timeline[0].kind');
  await page.selectOption('[data-testid="field-timeline[4].kind"]', { label: 'Resolution' });
  await page.waitForFunction(() => document.querySelector('[data-testid="metric-time-to-resolve"]')?.textContent === '28 minutes');
  assert.equal(await text(page, 'metric-spans-time-to-resolve'), 'From Impact start 09:12 (row 2) to Resolution 09:40 (row 5).');
  await waitSaved(page);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(h.errors, []);
});

test('the kind menu offers Trigger, Change and Declared, and they survive a reload', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-004"]');
  await page.click('[data-testid="add-timeline"]');
  const labels = await page.locator('[data-testid="field-timeline[0].kind"] option').allTextContents();
  for (const want of ['Trigger', 'Change', 'Declared / triage', 'Root cause identified']) {
    assert.ok(labels.includes(want), `${want} in ${labels.join(', ')}`);
  }
  await page.fill('[data-testid="field-timeline[0].time"]', '09:05');
  await page.selectOption('[data-testid="field-timeline[0].kind"]', { label: 'Change' });
  await page.fill('[data-testid="field-timeline[0].event"]', 'Config push to the EU edge');
  await page.click('[data-testid="add-timeline"]');
  await page.fill('[data-testid="field-timeline[1].time"]', '09:10');
  await page.selectOption('[data-testid="field-timeline[1].kind"]', { label: 'Trigger' });
  await waitSaved(page);
  await page.click('[data-testid="tab-preview"]');
  const preview = await page.textContent('[data-testid="preview"]');
  assert.match(preview, /Change: Config push to the EU edge/);
  await page.click('[data-testid="tab-edit"]');
  await page.reload();
  await page.waitForSelector('[data-testid="field-timeline[1].kind"]');
  assert.equal(await page.$eval('[data-testid="field-timeline[0].kind"]', (s) => s.selectedOptions[0].textContent), 'Change');
  assert.equal(await page.$eval('[data-testid="field-timeline[1].kind"]', (s) => s.selectedOptions[0].textContent), 'Trigger');
  assert.deepEqual(h.errors, []);
});

async function timeline(page, template, rows) {
  await page.click(`[data-testid="new-${template}"]`);
  await page.click('[data-testid="add-timeline"]');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'field-timeline[0].time');
  await paste(page, rows.join('\n'));
  await page.waitForSelector(`[data-testid="timeline-row-${rows.length - 1}"]`);
}

const ROWS = [
  '09:12 Impact started: 502s at the EU edge',
  '09:15 Alert fired',
  '09:22 On-call acknowledged',
  '09:40 Mitigation applied: rollback started',
  '09:55 Service restored',
];
const computed = (page, slug, want) => page.waitForFunction(
  ([slug, want]) => document.querySelector(`[data-testid="metric-${slug}"]`)?.textContent === want, [slug, want]);

test('acknowledge from detection by policy or template; mitigate to the restoration, with both readings', async () => {
  const { page } = h;
  const cfg = join(dist, 'hindsight.config.json');
  const original = readFileSync(cfg, 'utf8');
  try {
    // The team counts acknowledge from the alert.
    writeFileSync(cfg, JSON.stringify({ policy: { acknowledge_from: 'detection' } }));
    await h.open();
    await page.waitForSelector('[data-testid="team-config"]');
    await timeline(page, '001', ROWS);
    await computed(page, 'time-to-acknowledge', '7 minutes');
    assert.equal(await text(page, 'metric-spans-time-to-acknowledge'), 'From Detection 09:15 (row 2) to Acknowledged 09:22 (row 3).');
    assert.match(await text(page, 'metric-why-time-to-acknowledge'), /^From the first row that detected the incident/);
    // The other metrics still run from impact start.
    await computed(page, 'time-to-detect', '3 minutes');
    // The mitigation row only started the fix: impact ended at the restoration.
    await computed(page, 'time-to-mitigate', '43 minutes');
    assert.equal(await text(page, 'metric-spans-time-to-mitigate'),
      'From Impact start 09:12 (row 1) to Restored 09:55 (row 5); the fix started at Mitigation 09:40 (row 4).');
    assert.match(await text(page, 'metric-why-time-to-mitigate'), /to the row that ended it \(service restored\)/);

    // A stated figure that matches neither reading: the finding gives both.
    await fill(page, 'detection.time_to_mitigate', '1 hour');
    const mismatch = page.locator('[data-testid="finding"][data-rule="metric-mismatch"][data-location="detection.time_to_mitigate"]');
    await mismatch.waitFor();
    const message = await mismatch.textContent();
    assert.match(message, /the timeline shows 43 minutes \(impact start to restoration\)/);
    assert.match(message, /Counted to the mitigation row, where the fix started \(impact start to mitigation\), it is 28 minutes/);
    // Either reading stands.
    await fill(page, 'detection.time_to_mitigate', '28 minutes');
    await mismatch.waitFor({ state: 'detached' });
    await fill(page, 'detection.time_to_acknowledge', '30 minutes');
    const ack = page.locator('[data-testid="finding"][data-rule="metric-mismatch"][data-location="detection.time_to_acknowledge"]');
    await ack.waitFor();
    assert.match(await ack.textContent(), /shows 7 minutes \(detection to acknowledgement\)\. Counted from impact start \(impact start to acknowledgement\), it is 10 minutes/);

    // Which row is which: with the kinds the paste set cleared, the core reads the rows
    // from their words, and one click from the metric marks each.
    for (const i of [1, 3, 4]) await page.selectOption(`[data-testid="field-timeline[${i}].kind"]`, '');
    await page.click('[data-testid="metric-mark-time-to-mitigate-restored"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="field-timeline[4].kind"]')?.selectedOptions[0]?.textContent === 'Restored');
    await page.click('[data-testid="metric-mark-time-to-mitigate-mitigated"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="field-timeline[3].kind"]')?.selectedOptions[0]?.textContent === 'Mitigation');
    await page.click('[data-testid="metric-mark-time-to-acknowledge-detected"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="field-timeline[1].kind"]')?.selectedOptions[0]?.textContent === 'Detection');
    await waitSaved(page);
    assert.deepEqual(await violations(page), []);

    // Without a team policy the template's wording decides: 003's MTTA from the alert,
    // 000's from impact start.
    writeFileSync(cfg, original);
    await h.open();
    await timeline(page, '003', ROWS);
    await computed(page, 'time-to-acknowledge', '7 minutes');
    await h.open();
    await timeline(page, '000', ROWS);
    await computed(page, 'time-to-acknowledge', '10 minutes');
    assert.equal(await text(page, 'metric-spans-time-to-acknowledge'), 'From Impact start 09:12 (row 1) to Acknowledged 09:22 (row 3).');
  } finally {
    writeFileSync(cfg, original);
  }
  assert.deepEqual(h.errors, []);
});
