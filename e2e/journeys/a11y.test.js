// Journey: accessibility. axe-core finds no violation on the start screen (with stored
// reports), the editor (with content, findings and an open paste box) and the preview,
// in light and dark, on desktop and phone widths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { start, fill } from '../harness.js';

const require = createRequire(import.meta.url);
// Evaluated through the devtools protocol: the page's CSP forbids inline script tags.
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the page; returns "rule: target (help)" for every violation. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource}\n;true`);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`)).flat();
  });
  return result;
}

for (const colorScheme of ['light', 'dark']) {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
    test(`${colorScheme} ${name}: start screen, editor and preview have no axe violations`, async () => {
      const h = await start({ viewport, colorScheme });
      try {
        const { page } = h;
        await h.open();
        await page.click('[data-testid="new-001"]');
        await fill(page, 'meta.title', 'Checkout 502s after a config push');
        await fill(page, 'meta.incident_id', '[INC-XXXX]');
        await page.click('[data-testid="add-timeline"]');
        await fill(page, 'timeline[0].time', '09:12');
        await fill(page, 'timeline[0].event', 'Config push to the edge');
        await page.click('[data-testid="add-action"]');
        await page.waitForSelector('[data-testid="finding"]');
        const editor = await violations(page);
        await page.click('[data-testid="tab-preview"]');
        await page.waitForSelector('.preview');
        const preview = await violations(page);
        await page.click('[data-testid="back"]');
        await page.click('[data-testid="paste-toggle"]');
        const startScreen = await violations(page);
        assert.deepEqual({ startScreen, editor, preview }, { startScreen: [], editor: [], preview: [] });
        assert.deepEqual(h.errors, []);
      } finally {
        await h.close();
      }
    });
  }
}
