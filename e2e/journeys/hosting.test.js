// Journey: the built site on any static host. Under a sub-path (/a/b/) with the CSP sent
// as a header too, it loads with no console error and keeps a report; the shell paints
// the app's frame before the wasm arrives, without a jump; it runs in a sandboxed iframe
// with allow-same-origin and explains itself without; after one visit it opens, keeps a
// new report and reads timeline events (the reader worker) offline; a new deploy shows
// "A new version is ready" and Reload takes it.
// Needs the site build (`bash scripts/build-site.sh`: Trunk plus the service worker).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, mkdtempSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, dist, root, fill, waitSaved } from '../harness.js';
import { serve } from '../site.js';

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';

let h;
const cleanup = [];
before(async () => { h = await start(); });

/** The offline journeys need the worker only the site build makes. */
function needsWorker() {
  assert.ok(existsSync(join(dist, 'sw.js')), 'dist/sw.js missing: build with `bash scripts/build-site.sh`, not a plain `trunk build`');
}
after(async () => {
  for (const f of cleanup.reverse()) await f();
  await h?.close();
});

/** A copy of the built site, served under /a/b/ (its own origin, its own worker). */
async function deployCopy(extra = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-site-'));
  cpSync(dist, dir, { recursive: true });
  const server = await serve(dir, { prefix: '/a/b/', ...extra });
  cleanup.push(async () => { await server.close(); rmSync(dir, { recursive: true, force: true }); });
  return { dir, server };
}

test('the page has a CSP and no inline script', () => {
  for (const d of ["script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'"]) {
    assert.ok(csp.includes(d), `${d} in ${csp}`);
  }
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length > 0);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc="\.\//, 'every script is a file under a relative URL');
    assert.equal(body.trim(), '');
  }
  assert.doesNotMatch(html, /\sintegrity=/, 'no SRI: it breaks null-origin frames');
  assert.doesNotMatch(html, /(href|src|content)="\/[^/]/, 'no root-absolute URL');
});

test('under /a/b/ with the CSP as a header: loads, no console error, keeps a report', async () => {
  const { server } = await deployCopy({ headers: { 'content-security-policy': csp } });
  const { page } = h;
  await page.goto(server.base);
  await page.waitForSelector('[data-testid="new-000"]');
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    const m = await (await fetch(href)).json();
    return { start: new URL(m.start_url, href).href, scope: new URL(m.scope, href).href, icon: m.icons[0].src };
  });
  assert.equal(manifest.start, server.base);
  assert.equal(manifest.scope, server.base);
  assert.equal((await page.request.get(new URL(manifest.icon, server.base).href)).status(), 200);
  await page.click('[data-testid="new-000"]');
  await fill(page, 'meta.title', 'Written under a sub-path');
  await waitSaved(page);
  await page.reload();
  await page.waitForSelector('[data-testid="doc-title"]');
  assert.equal(await page.textContent('[data-testid="doc-title"]'), 'Written under a sub-path');
  assert.deepEqual(h.errors, []);
});

test('the shell paints the frame before the wasm arrives, with no jump', async () => {
  const { server } = await deployCopy();
  const page = await h.context.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.base, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('[data-testid="boot"]');
  assert.match(await page.textContent('#boot-status'), /Loading the editor/);
  const before = await page.locator('.hero h1').boundingBox();
  assert.ok(before && before.height > 0, 'the header is painted');
  release();
  await page.waitForSelector('[data-testid="new-000"]');
  assert.equal(await page.locator('[data-testid="boot"]').count(), 0);
  const after = await page.locator('.hero h1').boundingBox();
  assert.deepEqual(after, before, 'the header does not move when the app takes over');
  await page.close();
  assert.deepEqual(h.errors, []);
});

test('in a sandboxed iframe: runs with allow-same-origin, explains without', async () => {
  const { server } = await deployCopy();
  const host = await serve(dist, {
    host: 'localhost',
    prefix: '/none/',
    pages: {
      '/same.html': `<!doctype html><title>Wiki</title><link rel="icon" href="data:,"><iframe id="f" sandbox="allow-scripts allow-same-origin" src="${server.base}" width="900" height="700"></iframe>`,
      '/null.html': `<!doctype html><title>Wiki</title><link rel="icon" href="data:,"><iframe id="f" sandbox="allow-scripts" src="${server.base}" width="900" height="700"></iframe>`,
    },
  });
  cleanup.push(() => host.close());
  const { page } = h;
  await page.goto(`${host.origin}/same.html`);
  const frame = page.frameLocator('#f');
  await frame.locator('[data-testid="new-000"]').click();
  await frame.locator('[data-testid="field-meta.title"]').fill('Inside a sandbox');
  assert.equal(await frame.locator('[data-testid="doc-title"]').textContent(), 'Inside a sandbox');
  assert.deepEqual(h.errors, []);

  await page.goto(`${host.origin}/null.html`);
  const message = await page.frameLocator('#f').locator('[data-testid="boot-error"]').textContent();
  assert.match(message, /sandboxed without allow-same-origin/);
  // The browser logs the blocked (cross-origin from "null") module load; that is expected here.
  assert.ok(h.errors.every((e) => /CORS|origin 'null'|Failed to load|ERR_FAILED|Failed to fetch/.test(e)), h.errors.join('\n'));
  h.errors.length = 0;
});

async function workerReady(page) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
}

test('after one visit, offline: the app opens and a new report is typed and kept', async () => {
  needsWorker();
  const { server } = await deployCopy();
  const page = await h.context.newPage();
  await page.goto(server.base);
  await page.waitForSelector('[data-testid="new-000"]');
  await workerReady(page);
  // Really offline: the host is gone, and the browser is told so.
  await server.close();
  await h.context.setOffline(true);
  try {
    await page.reload();
    await page.waitForSelector('[data-testid="new-000"]');
    await page.click('[data-testid="new-001"]');
    await fill(page, 'meta.title', 'Typed on a plane');
    await waitSaved(page);
    await page.reload();
    await page.waitForSelector('[data-testid="doc-title"]');
    assert.equal(await page.textContent('[data-testid="doc-title"]'), 'Typed on a plane');
    // The timeline-source reader (its own worker and wasm) was kept for offline too.
    await page.click('[data-testid="add-events-toggle"]');
    await page.fill('[data-testid="events-paste"]', '2023-11-13 09:12 UTC config push reached EU edge\n2023-11-13 09:20 UTC alert fired');
    await page.click('[data-testid="events-paste-read"]');
    await page.waitForFunction(() => /of 2 rows ticked/.test(document.querySelector('[data-testid="events-count"]')?.textContent ?? ''));
    await page.click('[data-testid="back"]');
    assert.deepEqual(await page.locator('[data-testid="doc-item"] .doc-title').allTextContents(), ['Typed on a plane']);
  } finally {
    await h.context.setOffline(false);
    await page.close();
  }
  assert.deepEqual(h.errors, []);
});

test('a new deploy shows "A new version is ready"; Reload takes it', async () => {
  needsWorker();
  const { dir, server } = await deployCopy();
  const page = await h.context.newPage();
  await page.goto(server.base);
  await page.waitForSelector('[data-testid="new-000"]');
  await workerReady(page);
  await page.reload();
  await page.waitForSelector('[data-testid="new-000"]');
  assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true);
  await page.click('[data-testid="new-002"]');
  await fill(page, 'meta.title', 'Mid-edit when the deploy lands');

  // Deploy: a changed index.html and the worker generated for it.
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('</body>', '<!-- deploy 2 --></body>'));
  execFileSync('node', [join(root, 'site/generate-sw.mjs'), dir], { cwd: join(root, 'site') });

  await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
  await page.waitForSelector('[data-testid="update-notice"]');
  assert.match(await page.textContent('[data-testid="update-notice"]'), /A new version is ready/);
  // Nothing swapped by itself: still the old page, the edit still there.
  assert.doesNotMatch(await page.content(), /deploy 2/);
  assert.equal(await page.textContent('[data-testid="doc-title"]'), 'Mid-edit when the deploy lands');
  await Promise.all([page.waitForEvent('load'), page.click('[data-testid="update-reload"]')]);
  await page.waitForSelector('[data-testid="doc-title"]');
  assert.match(await page.content(), /deploy 2/);
  assert.equal(await page.textContent('[data-testid="doc-title"]'), 'Mid-edit when the deploy lands');
  assert.equal(await page.locator('[data-testid="update-notice"]').count(), 0);
  await page.close();
  assert.deepEqual(h.errors, []);
});
