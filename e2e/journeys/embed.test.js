// Journey: the embed. A wiki page on another origin shows `?embed#r=…` in an iframe while
// the browser blocks storage: the compact report is there (title, severity, status,
// metrics, timeline, action items with owners, open findings), nothing touched storage,
// no error; it follows the dark colour scheme, and prints the report and its chart light
// on paper. The editor's "Embed" gives the snippet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, dist, root } from '../harness.js';
import { serve, pythonFragment, blockStorage } from '../site.js';

const json = readFileSync(join(root, 'crates/core/tests/data/rich-report.json'), 'utf8');
const report = JSON.parse(json);

let h;
let app;
let wiki;
before(async () => {
  h = await start({ colorScheme: 'dark' });
  app = await serve(dist);
  const src = `${app.base}?embed${pythonFragment(json)}`;
  // "localhost" and "127.0.0.1" are different sites: the frame is cross-origin.
  wiki = await serve(dist, {
    host: 'localhost',
    prefix: '/none/',
    pages: {
      '/wiki.html': `<!doctype html><title>Wiki</title><link rel="icon" href="data:,"><h1>Incident review</h1>
        <iframe id="pm" src="${src.replace(/&/g, '&amp;')}" width="100%" height="720" style="border:0"></iframe>`,
    },
  });
});
after(async () => {
  await h?.close();
  await app?.close();
  await wiki?.close();
});

test('"Embed" in the editor gives an iframe snippet and the embed link', async () => {
  const { page, context } = h;
  const editor = await context.newPage();
  await editor.goto(app.base);
  await editor.click('[data-testid="new-003"]');
  await editor.fill('[data-testid="field-meta.title"]', 'Queue backlog "EU"');
  await editor.click('[data-testid="share-embed"]');
  const snippet = await editor.inputValue('[data-testid="embed-snippet"]');
  const link = await editor.inputValue('[data-testid="embed-url"]');
  assert.ok(link.startsWith(`${app.base}?embed#r=`), link);
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed#r=[A-Za-z0-9_-]+" title="Post-mortem: Queue backlog &quot;EU&quot;" width="100%" height="720"/);
  await page.goto(link);
  await page.waitForSelector('[data-testid="embed-title"]');
  assert.equal(await page.textContent('[data-testid="embed-title"]'), 'Queue backlog "EU"');
  await editor.close();
  assert.deepEqual(h.errors, []);
});

test('a cut-off embed link says so inside the frame', async () => {
  const { page } = h;
  const cut = pythonFragment(json).slice(0, 120);
  await page.goto(`${app.base}?embed${cut}`);
  await page.waitForSelector('[data-testid="embed-error"]');
  assert.match(await page.textContent('[data-testid="embed-error"]'), /could not be shown/);
  assert.deepEqual(h.errors, []);
});

test('printing the embed prints the report and its chart, light on paper', async () => {
  const { page } = h;
  await page.goto(`${app.base}?embed${pythonFragment(json)}`);
  await page.waitForSelector('[data-testid="embed"]');
  await page.emulateMedia({ media: 'print' });
  try {
    for (const id of ['embed-title', 'embed-metrics', 'embed-timeline', 'embed-actions', 'embed-chart']) {
      assert.ok(await page.isVisible(`[data-testid="${id}"]`), `${id} prints`);
    }
    assert.equal(await page.textContent('[data-testid="embed-title"]'), report.meta.title);
    const chart = await page.locator('[data-testid="embed-chart"] svg').boundingBox();
    assert.ok(chart && chart.width > 200 && chart.height > 50, JSON.stringify(chart));
    // One row marker per timeline row, coloured by the core's stylesheet: its print
    // colours (dark ink on white), although the context prefers dark.
    assert.equal(await page.locator('[data-testid="embed-chart"] svg .ev').count(), report.timeline.entries.length);
    const colours = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      axis: getComputedStyle(document.querySelector('[data-testid="embed-chart"] svg .axis')).stroke,
      ev: getComputedStyle(document.querySelector('[data-testid="embed-chart"] svg .ev')).fill,
    }));
    assert.equal(colours.bg, 'rgb(255, 255, 255)');
    assert.equal(colours.axis, 'rgb(51, 51, 51)');
    assert.notEqual(colours.ev, 'rgb(0, 0, 0)', 'events keep their kind colour');
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
  assert.deepEqual(h.errors, []);
});

// Last: the storage block stays on the whole context.
test('the embed in a cross-origin iframe with storage blocked shows the report', async () => {
  const { page, context } = h;
  await blockStorage(context);
  await page.goto(`${wiki.origin}/wiki.html`);
  const frame = page.frameLocator('#pm');
  await frame.locator('[data-testid="embed"]').waitFor();
  assert.equal(await frame.locator('[data-testid="embed-title"]').textContent(), report.meta.title);
  assert.equal(await frame.locator('[data-testid="embed-severity"]').textContent(), 'SEV2');
  assert.equal(await frame.locator('[data-testid="embed-status"]').textContent(), report.meta.status);
  assert.equal(await frame.locator('[data-testid="embed-date"]').textContent(), report.meta.date);
  assert.match(await frame.locator('[data-testid="embed-summary"]').textContent(), /pool ran dry/);
  // Metrics the core computes from the timeline (14:30 impact, 14:34 alert, 14:36 ack).
  const metrics = await frame.locator('[data-testid="embed-metrics"]').textContent();
  assert.match(metrics, /Time to detect\s*4 min/);
  assert.match(metrics, /Time to acknowledge\s*6 min/);
  assert.equal(await frame.locator('[data-testid="embed-timeline"] tbody tr').count(), report.timeline.entries.length);
  const actions = await frame.locator('[data-testid="embed-actions"]').textContent();
  for (const a of report.action_items.filter((a) => a.owner)) assert.ok(actions.includes(a.owner), a.owner);
  assert.match(await frame.locator('[data-testid="embed-findings"]').textContent(), /open review finding|No open review findings/);
  // No editor chrome, storage never asked for, dark like the host.
  assert.equal(await frame.locator('[data-testid="back"], [data-testid="export-md"], [data-testid="storage-banner"]').count(), 0);
  const inner = page.frames().find((f) => f.url().includes('?embed'));
  assert.ok(inner, 'the embed frame');
  assert.equal(await inner.evaluate(() => window.__storageTouches), 0);
  assert.equal(await inner.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(20, 21, 24)');
  assert.notEqual(new URL(inner.url()).origin, new URL(page.url()).origin);
  assert.equal(await inner.evaluate(() => { try { return window.top.location.href; } catch { return 'cross-origin'; } }), 'cross-origin');
  assert.deepEqual(h.errors, []);
});

