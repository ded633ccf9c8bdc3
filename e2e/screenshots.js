// Takes the README's screenshots of the editor and its preview (light and dark, desktop
// and phone width), the printed page (light, both widths) and the start screen into
// docs/screenshots/, from a sample report imported through the file picker.
// Run after `trunk build --release`: `node screenshots.js`.
import { writeFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, root } from './harness.js';

const sample = {
  schema_version: 1,
  template: '001',
  meta: {
    title: 'Checkout API returned 503s after connection-pool change',
    incident_id: 'INC-2024-0042',
    date: '2024-01-15',
    duration: '47 minutes',
    severity: 'SEV2',
    status: 'In Review',
    author: 'Dana Kim',
    incident_commander: 'Luis Ortega',
    reviewers: 'Priya N., Sam W.',
    services: ['checkout-api', 'payments-gateway'],
  },
  summary: { one_line: 'A pool-size change halved database connections; checkout failed for 9% of users for 47 minutes.' },
  impact: { users_affected: '~12,400 (9%)', duration: '47 minutes', error_rate_peak: '18%', support_tickets: '64' },
  timeline: {
    entries: [
      { time: '14:02', event: 'Config change deployed: pool size 40 → 20', owner: 'deploy-bot', kind: 'impact-start' },
      { time: '14:09', event: 'Alert: checkout 5xx rate above 5%', owner: 'PagerDuty', kind: 'alerted' },
      { time: '14:12', event: 'On-call acknowledged, incident declared SEV2', owner: 'Luis', kind: 'acknowledged' },
      { time: '14:31', event: 'Rolled back the config change', owner: 'Dana', kind: 'mitigated' },
      { time: '14:49', event: 'Error rate back to baseline; monitoring', owner: 'Luis', kind: 'resolved' },
    ],
  },
  root_cause: {
    whys: [
      { why: 'Why did checkout return 503s?', because: 'Requests waited too long for a database connection.' },
      { why: 'Why did requests wait for a connection?', because: 'The pool had been halved by a config change.' },
    ],
  },
  action_items: [
    { id: '1', action: 'Alert on connection-pool saturation', owner: 'Dana', priority: 'P1', due: '2024-01-22', status: 'Open', horizon: 'immediate' },
    { id: '2', action: 'Require load test for pool-size changes', owner: 'Sam', priority: 'P2', due: '2024-02-15', status: 'Open', horizon: 'short-term' },
  ],
};

const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'hindsight-shots-'));
const file = join(dir, 'sample.json');
writeFileSync(file, JSON.stringify(sample));

const shots = [
  ['editor-light-desktop', { width: 1440, height: 1000 }, 'light'],
  ['editor-dark-desktop', { width: 1440, height: 1000 }, 'dark'],
  ['editor-light-phone', { width: 360, height: 780 }, 'light'],
  ['editor-dark-phone', { width: 360, height: 780 }, 'dark'],
];
for (const [name, viewport, colorScheme] of shots) {
  const h = await start({ viewport, colorScheme });
  try {
    await h.open();
    await h.page.setInputFiles('[data-testid="import-file"]', file);
    await h.page.waitForSelector('[data-testid="field-meta.title"]');
    await h.page.waitForTimeout(300);
    await h.page.screenshot({ path: join(out, `${name}.png`) });
    // The same report as its preview, and as it prints (the print style on the preview).
    const [, scheme, width] = name.split('-');
    await h.page.click('[data-testid="tab-preview"]');
    await h.page.waitForSelector('[data-testid="preview"]');
    await h.page.waitForTimeout(200);
    await h.page.screenshot({ path: join(out, `preview-${scheme}-${width}.png`) });
    if (scheme === 'light') {
      await h.page.emulateMedia({ media: 'print' });
      await h.page.waitForTimeout(100);
      await h.page.screenshot({ path: join(out, `print-${width}.png`), fullPage: true });
      await h.page.emulateMedia({ media: 'screen' });
    }
    await h.page.click('[data-testid="tab-edit"]').catch(() => {});
    if (name === 'editor-light-desktop') {
      await h.page.click('[data-testid="back"]');
      await h.page.waitForSelector('[data-testid="doc-item"]');
      await h.page.screenshot({ path: join(out, 'start-light-desktop.png'), fullPage: true });
    }
    if (h.errors.length) console.error(name, h.errors);
  } finally {
    await h.close();
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(`screenshots in ${out}`);
