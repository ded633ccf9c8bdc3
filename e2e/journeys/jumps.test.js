// Journey: every finding takes the author to its field. Reports that together break
// every rule the core lists (docs/rules.md) are imported; clicking each finding in the
// review panel must focus the control it is about (the field; a row's first empty cell;
// a list's first empty control, else its "add" button) and bring it into view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, root } from '../harness.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const clean = JSON.parse(readFileSync(join(root, 'crates/core/src/validate/clean_report.json'), 'utf8'));
const copy = () => structuredClone(clean);
const ruleIds = [...readFileSync(join(root, 'docs/rules.md'), 'utf8').matchAll(/^\| `([a-z-]+)` \| (?:error|warning|info) \|/gm)].map((m) => m[1]);

/** Every rule but two, broken once each in a copy of the clean report. */
function everyFinding() {
  const a = copy();
  a.meta.title = 'Jumps: every finding';
  a.meta.finalized_date = '2024-02-30';
  a.meta.meeting_date = '2024-03-20';
  a.meta.incident_commander = '[Name]';
  a.meta.duration = '3 hours';
  a.sign_off = [];
  a.lessons = {}; a.went_well = []; a.could_improve = [];
  a.meta.author = '';
  a.extra_sections = [
    { title: 'Customer Communications', body: 'We emailed every customer.' },
    { title: 'Instructions', body: 'Copy this template for each post-mortem. Fill in all sections.' },
  ];
  const e = a.timeline.entries;
  [e[1].time, e[2].time] = [e[2].time, e[1].time];
  e[3].time = 'soon';
  a.detection.time_to_detect = '2 hours';
  a.root_cause.whys = a.root_cause.whys.slice(0, 2);
  a.root_cause.what_happened = 'Dana carelessly shipped the export endpoint; she should have known it leaked connections.';
  const ai = a.action_items;
  ai[0].owner = ''; ai[0].due = '2023-01-01';
  ai[1].due = ''; ai[1].action = 'Improve monitoring'; ai[1].tracking = '';
  ai[2].priority = '';
  for (const x of ai) x.category = 'prevent';
  return a;
}

const reports = {
  'every finding': everyFinding(),
  'no action items': Object.assign(copy(), { action_items: [], meta: { ...clean.meta, title: 'Jumps: no action items' } }),
  'unknown severity': { ...copy(), meta: { ...clean.meta, title: 'Jumps: severity', severity: 'SEV9' } },
  'blank 003 at P1': { schema_version: 1, template: '003', meta: { title: 'Jumps: blank 003', severity: 'P1' } },
  'blank 004 at P1': { schema_version: 1, template: '004', meta: { title: 'Jumps: blank 004', severity: 'P1' } },
  'whys too short in 004': (() => {
    const r = copy();
    r.template = '004'; r.meta.severity = 'P1'; r.meta.title = 'Jumps: whys 004';
    r.root_cause.whys = r.root_cause.whys.slice(0, 1);
    return r;
  })(),
};

async function importJson(page, report) {
  await h.open();
  await page.click('[data-testid="paste-toggle"]');
  await page.fill('[data-testid="paste-text"]', JSON.stringify(report));
  await page.click('[data-testid="paste-import"]');
  await page.waitForSelector('[data-testid="field-meta.title"]');
  await page.waitForFunction((t) => document.querySelector('[data-testid="field-meta.title"]').value === t, report.meta.title);
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="readiness"]')?.textContent ?? ''));
}

/** Where focus landed after clicking finding `i`, judged against its location. */
async function jump(page, i) {
  await page.focus('[data-testid="back"]');
  await page.locator('[data-testid="finding"]').nth(i).click();
  return page.evaluate((i) => {
    const f = document.querySelectorAll('[data-testid="finding"]')[i];
    const loc = f.dataset.location;
    const el = document.activeElement;
    const part = loc.replace(/\[.*$/, '');
    const container = document.querySelector(`[data-path="${part}"]`);
    const r = el.getBoundingClientRect();
    // Only form controls count (a hint or suggestion may carry a field- id too).
    const empty = (c) => ('value' in c) && (c.type === 'checkbox' ? !c.checked : !c.value.trim());
    const rows = container ? container.querySelectorAll('[id^="field-"]').length : -1;
    return {
      rule: f.dataset.rule,
      loc,
      id: el.id,
      testid: el.dataset.testid ?? '',
      isAdd: el.matches('button.add'),
      inPart: !!container && container.contains(el),
      exact: !!document.getElementById(`field-${loc}`),
      emptyBefore: container ? [...container.querySelectorAll('[id^="field-"]')].some(empty) : false,
      rows,
      inView: r.bottom > 0 && r.top < innerHeight && r.height > 0,
    };
  }, i);
}

const seen = new Set();

for (const [name, report] of Object.entries(reports)) {
  test(`each finding of "${name}" focuses its field`, async () => {
    const { page } = h;
    await importJson(page, report);
    const n = await page.locator('[data-testid="finding"]').count();
    assert.ok(n > 0, 'has findings');
    for (let i = 0; i < n; i++) {
      const j = await jump(page, i);
      seen.add(j.rule);
      const what = `${j.rule} at ${j.loc} focused ${j.id || j.testid || '(nothing)'}`;
      assert.ok(j.inView, `${what}: not in view`);
      if (j.exact) {
        assert.equal(j.id, `field-${j.loc}`, what);
        continue;
      }
      if (/\[\d+\]$/.test(j.loc)) {
        // A row: one of its own cells.
        assert.ok(j.id.startsWith(`field-${j.loc}.`), what);
        continue;
      }
      // A list or part: inside it, an empty control when it has one, else its add button.
      assert.ok(j.inPart, `${what}: outside ${j.loc}`);
      if (j.emptyBefore) assert.ok(j.id.startsWith('field-'), `${what}: should be an empty control`);
      else assert.ok(j.isAdd, `${what}: should be the add button`);
      if (j.rows === 0) assert.ok(j.isAdd, `${what}: no rows, so the add button`);
      if (j.rule === 'five-whys-depth') assert.ok(j.inPart && j.loc.startsWith('root_cause.whys'), what);
    }
    assert.deepEqual(h.errors, []);
  });
}

test('the journeys above jumped from a finding of every rule the core lists', () => {
  assert.equal(ruleIds.length, 23);
  const missing = ruleIds.filter((r) => !seen.has(r));
  assert.deepEqual(missing, []);
});
