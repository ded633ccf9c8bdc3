// Takes the README's pictures of "Add events from…" and the timeline chart into
// docs/screenshots/: the review list after reading the core's Slack export and PagerDuty
// fixtures, and the metrics with the chart after the merge (desktop light, phone dark).
// Run after `trunk build --release`: `node timeline_screenshots.js`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, root } from './harness.js';

const fixtures = join(root, 'crates', 'core', 'tests', 'fixtures', 'sources');
const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const shots = [
  ['light', { width: 1440, height: 1000 }, 'desktop'],
  ['dark', { width: 360, height: 780 }, 'phone'],
];
for (const [colorScheme, viewport, size] of shots) {
  const h = await start({ viewport, colorScheme });
  const { page } = h;
  try {
    await h.open();
    // The sticky toolbar would cover the top of an element scrolled into view.
    // (The page's CSP refuses an added <style>; a style set from script is CSSOM.)
    await page.click('[data-testid="new-000"]');
    await page.evaluate(() => { document.querySelector('.toolbar')?.style.setProperty('position', 'static', 'important'); });
    await page.fill('[data-testid="field-meta.title"]', 'Checkout API returned 503s');
    await page.click('[data-testid="add-events-toggle"]');
    await page.setInputFiles('[data-testid="events-file"]', [
      join(fixtures, 'slack-export-acme.zip'),
      join(fixtures, 'pagerduty-log-entries.json'),
    ]);
    await page.waitForSelector('[data-testid="events-file-1"]');
    const panel = page.locator('.add-events-panel');
    await panel.scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await panel.screenshot({ path: join(out, `add-events-${colorScheme}-${size}.png`) });
    await page.click('[data-testid="events-merge"]');
    await page.waitForSelector('[data-testid="add-events-done"]');
    await page.waitForTimeout(600); // the chart redraws a moment after the change
    const chart = page.locator('.metrics-chart');
    await chart.scrollIntoViewIfNeeded();
    await chart.screenshot({ path: join(out, `timeline-chart-${colorScheme}-${size}.png`) });
    if (h.errors.length) console.error(colorScheme, size, h.errors);
  } finally {
    await h.close();
  }
}
console.log(`screenshots in ${out}`);
