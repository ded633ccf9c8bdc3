// Takes the README's screenshots (light and dark, desktop and phone width: the editor, the
// preview and the printed page) into docs/screenshots/, from a sample report imported
// through the file picker.
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
      { time: '14:31', event: 'Started rolling back the config change', owner: 'Dana', kind: 'mitigated' },
      { time: '14:38', event: 'Error rate back to baseline', owner: 'Luis', kind: 'restored' },
      { time: '14:49', event: 'Incident resolved after 10 minutes of monitoring', owner: 'Luis', kind: 'resolved' },
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
  ['light', 'desktop', { width: 1280, height: 1000 }],
  ['dark', 'desktop', { width: 1280, height: 1000 }],
  ['light', 'phone', { width: 360, height: 780 }],
  ['dark', 'phone', { width: 360, height: 780 }],
];
for (const [colorScheme, device, viewport] of shots) {
  const h = await start({ viewport, colorScheme });
  const shot = (what, options = {}) => h.page.screenshot({ path: join(out, `${what}-${colorScheme}-${device}.png`), ...options });
  try {
    await h.open();
    await h.page.setInputFiles('[data-testid="import-file"]', file);
    await h.page.waitForSelector('[data-testid="field-meta.title"]');
    await h.page.waitForTimeout(300);
    await shot('editor');
    // The timeline and its metrics, one line per event on a desktop.
    await h.page.locator('[data-testid="timeline-row-0"]').scrollIntoViewIfNeeded();
    await h.page.evaluate(() => scrollBy(0, -120));
    await h.page.waitForTimeout(200);
    await shot('timeline');
    await h.page.click('[data-testid="tab-preview"]');
    await h.page.waitForTimeout(300);
    await shot('preview');
    // What a printer gets (print colours whatever the scheme), at about a page's width.
    if (device === 'desktop') {
      await h.page.setViewportSize({ width: 760, height: 1000 });
      await h.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await h.page.emulateMedia({ media: 'print' });
      await h.page.waitForTimeout(300);
      await h.page.screenshot({ path: join(out, `print-${colorScheme}.png`), fullPage: true });
      await h.page.emulateMedia({ media: 'screen' });
      await h.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await h.page.setViewportSize(viewport);
    }
    if (colorScheme === 'light' && device === 'desktop') {
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
