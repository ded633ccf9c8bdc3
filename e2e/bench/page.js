// Benchmark (not a test): the page on a big report (1,000 timeline rows, 200 action items)
// beside EasyMDE editing the same document as Markdown, and markdown-it / marked rendering
// it. Prints one table: keystroke cost (real key events: keydown → handlers done, keydown →
// next frame, p50 and p95), findings update, DOM size, reopen, preview, stored size, first
// load on a throttled network and the brotli transfer.
// Usage: bash scripts/bench.sh [--cpu 4]   (or node e2e/bench/page.js --cpu 4 --cli PATH)
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { dist } from '../harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const cpu = Number(arg('--cpu', '4'));
const cli = arg('--cli', join(here, '..', '..', 'target', 'debug', 'hindsight'));
const mods = join(here, 'node_modules');
if (!existsSync(join(mods, 'easymde'))) throw new Error('run `npm ci` in e2e/bench first (scripts/bench.sh does)');
// Chromium's "Slow 4G" preset.
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024) / 8 * 0.9, uploadThroughput: (750 * 1024) / 8 * 0.9 };
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// ---- the document -------------------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'hindsight-page-bench-'));
const entries = Array.from({ length: 1000 }, (_, i) => ({
  time: `${String(10 + (Math.floor(i / 60) % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
  event: `Event number ${i}: traffic on the edge moved to the healthy region`, owner: 'ops', kind: null,
}));
const actions = Array.from({ length: 200 }, (_, i) => ({
  id: String(i + 1), action: `Add an alert for case ${i}`, owner: 'Dana Reyes', priority: 'P2', due: '2024-02-01', status: 'Open',
}));
const report = { schema_version: 1, template: '000', meta: { title: 'Big', date: '2024-01-15', timezone: 'UTC' }, timeline: { entries }, action_items: actions };
const jsonFile = join(work, 'big.json');
writeFileSync(jsonFile, JSON.stringify(report));
const markdown = execFileSync(cli, ['convert', jsonFile, '--to', 'md'], { encoding: 'utf8', maxBuffer: 64 << 20 });
const mdFile = join(work, 'big.md');
writeFileSync(mdFile, markdown);

// ---- a static server that sends brotli, as a real host does ---------------------------
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.md': 'text/markdown' };
const brCache = new Map();
function precompress(dir) {
  for (const f of execFileSync('find', [dir, '-type', 'f'], { encoding: 'utf8' }).split('\n').filter(Boolean)) {
    brCache.set(f, brotliCompressSync(readFileSync(f), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}
function serve(root) {
  precompress(root);
  const srv = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
    let body = readFileSync(file);
    const headers = { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
    if (/\bbr\b/.test(req.headers['accept-encoding'] || '')) {
      if (!brCache.has(file)) brCache.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      body = brCache.get(file);
      headers['content-encoding'] = 'br';
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve({ srv, url: `http://127.0.0.1:${srv.address().port}/` })));
}

// The peer page: EasyMDE over the same Markdown, with markdown-it and marked beside it.
const peerDir = join(work, 'peer');
execFileSync('mkdir', ['-p', peerDir]);
for (const [from, to] of [['easymde/dist/easymde.min.js', 'easymde.js'], ['easymde/dist/easymde.min.css', 'easymde.css'],
  ['marked/lib/marked.umd.js', 'marked.js'], ['markdown-it/dist/browser/markdown-it.umd.min.js', 'markdown-it.js']]) {
  writeFileSync(join(peerDir, to), readFileSync(join(mods, from)));
}
writeFileSync(join(peerDir, 'big.md'), markdown);
writeFileSync(join(peerDir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="easymde.css"><script src="easymde.js"></script></head>
<body><textarea id="doc"></textarea><script>
fetch('big.md').then((r) => r.text()).then((md) => { window.editor = new EasyMDE({ element: document.getElementById('doc'), initialValue: md, autosave: { enabled: false }, spellChecker: false, status: false }); document.body.dataset.ready = 'yes'; });
</script></body></html>`);

const ours = await serve(dist);
const peer = await serve(peerDir);

async function browser() {
  const profile = mkdtempSync(join(work, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS, viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

/** A first visit on Slow 4G with the CPU throttled: ms until `ready` shows, bytes sent. */
async function firstVisit(url, ready) {
  const { context, page, cdp } = await browser();
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 120000 });
  await page.waitForSelector(ready, { timeout: 120000 });
  const firstLoad = Date.now() - t0;
  await page.waitForLoadState('networkidle');
  const transfer = bytes;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return { context, page, cdp, firstLoad, transfer };
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const ms = (x) => (x === undefined ? '—' : `${x.toFixed(1)} ms`);

/** Installs the in-page keystroke probe: keydown → input handlers done, keydown → next frame. */
const PROBE = () => {
  window.__keys = [];
  addEventListener('keydown', () => {
    const t = performance.now();
    const m = {};
    addEventListener('input', () => setTimeout(() => { m.handlers = performance.now() - t; }, 0), { once: true, capture: true });
    requestAnimationFrame(() => setTimeout(() => { m.frame = performance.now() - t; window.__keys.push(m); }, 0));
  }, true);
};

/** Types `n` characters into the focused control, one at a time with a pause between. */
async function typeKeys(page, n = 40) {
  await page.evaluate(() => { window.__keys = []; });
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(i % 2 ? 'a' : 'e');
    await page.waitForTimeout(120);
  }
  const keys = await page.evaluate(() => window.__keys);
  const handlers = keys.map((k) => k.handlers ?? k.frame);
  const frame = keys.map((k) => k.frame);
  return { h50: pct(handlers, 0.5), h95: pct(handlers, 0.95), f50: pct(frame, 0.5), f95: pct(frame, 0.95) };
}

const rows = [];
const step = (what) => process.stderr.write(`bench: ${what}\n`);
const row = (measure, ourValue, peerValue, goal) => rows.push([measure, ourValue, peerValue ?? '—', goal]);

try {
  // ---- Hindsight -----------------------------------------------------------------------
  {
    const { context, page, cdp, firstLoad, transfer } = await firstVisit(ours.url, '[data-testid="new-000"]:not([disabled])');
    step('first load done');
    await page.setInputFiles('[data-testid="import-file"]', jsonFile);
    await page.waitForSelector('[data-testid="field-timeline[999].event"]');
    await page.waitForFunction(() => document.body.dataset.saved === 'yes', null, { timeout: 60000 });
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hindsight.'))
      .reduce((n, k) => n + new Blob([localStorage.getItem(k)]).size, 0));
    step('imported and saved');
    // Reopen the stored report (unthrottled).
    await page.reload();
    await page.waitForSelector('[data-testid="field-timeline[999].event"]', { timeout: 120000 });
    const reopen = await page.evaluate(() => performance.now());
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    step('reopened');
    await page.evaluate(PROBE);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await page.focus('[data-testid="field-timeline[500].event"]');
    await page.keyboard.press('End');
    const cell = await typeKeys(page);
    await page.focus('[data-testid="field-impact.users_affected"]');
    const far = await typeKeys(page);
    step('typed');
    // Findings after a keystroke: blame language in the summary adds a finding, a neutral
    // summary drops it.
    const review = [];
    for (let i = 0; i < 10; i++) {
      review.push(await page.evaluate(async (blame) => {
        const el = document.querySelector('[data-testid="field-summary.summary"]');
        // The findings list itself, where the blame-language finding comes and goes.
        const panel = document.querySelector('[data-testid="findings"]') || document.body;
        const t = performance.now();
        const changed = new Promise((resolve) => {
          const obs = new MutationObserver(() => { obs.disconnect(); resolve(performance.now() - t); });
          obs.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
          setTimeout(() => { obs.disconnect(); resolve(NaN); }, 5000);
        });
        el.value = blame ? 'The on-call engineer should have known better.' : 'A pool ran out of connections.';
        el.dispatchEvent(new Event('input', { bubbles: true }));
        return changed;
      }, i % 2 === 0));
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    step('findings measured');
    // Preview of the big report: click → HTML in the page and laid out.
    const preview = [];
    for (let i = 0; i < 5; i++) {
      await page.click('[data-testid="tab-edit"]');
      await page.waitForSelector('[data-testid="field-meta.title"]');
      preview.push(await page.evaluate(async () => {
        const t = performance.now();
        document.querySelector('[data-testid="tab-preview"]').click();
        for (;;) {
          const a = document.querySelector('[data-testid="preview"]');
          if (a && a.innerHTML.length > 10000) { void a.offsetHeight; return performance.now() - t; }
          await new Promise((r) => requestAnimationFrame(r));
        }
      }));
    }
    row(`keystroke in a timeline cell: keydown → handlers done, p50 / p95 (${cpu}× CPU)`, `${ms(cell.h50)} / ${ms(cell.h95)}`, null, 'p95 ≤ 16 ms');
    row(`keystroke in a timeline cell: keydown → next frame, p50 / p95 (${cpu}×)`, `${ms(cell.f50)} / ${ms(cell.f95)}`, null, 'p95 ≤ 50 ms');
    row(`keystroke in Impact: keydown → next frame, p50 / p95 (${cpu}×)`, `${ms(far.f50)} / ${ms(far.f95)}`, null, 'p95 ≤ 30 ms');
    row(`findings panel updated after a keystroke, p50 (${cpu}×)`, ms(pct(review, 0.5)), null, '≤ 100 ms');
    row('DOM elements for the open report', String(nodes), null, '≤ 20,000');
    row('reopening the stored big report (1×): navigation → last row shown', ms(reopen), null, '≤ 1,000 ms');
    row('preview of the big report: click → HTML laid out, p50 (1×)', ms(pct(preview, 0.5)), null, '≤ marked');
    row('stored size of the big report', `${(stored / 1024).toFixed(0)} KiB`, `${(Buffer.byteLength(markdown) / 1024).toFixed(0)} KiB (its Markdown)`, '≤ 140 KB');
    row(`first load, Slow 4G + ${cpu}× CPU: Start clickable`, ms(firstLoad), null, '≤ 2,000 ms');
    row('first load transfer (brotli)', `${(transfer / 1024).toFixed(0)} KiB`, null, '≤ 250 KB');
    await context.close();
  }
  // ---- EasyMDE, markdown-it, marked ------------------------------------------------------
  {
    const { context, page, cdp, firstLoad, transfer } = await firstVisit(peer.url, 'body[data-ready="yes"] .CodeMirror');
    await page.addScriptTag({ url: `${peer.url}marked.js` });
    await page.addScriptTag({ url: `${peer.url}markdown-it.js` });
    const render = await page.evaluate(async () => {
      const md = window.editor.value();
      const out = document.createElement('div');
      document.body.append(out);
      const time = (f) => {
        const xs = [];
        for (let i = 0; i < 5; i++) {
          const t = performance.now();
          out.innerHTML = f(md);
          void out.offsetHeight;
          xs.push(performance.now() - t);
          out.innerHTML = '';
        }
        return xs.sort((a, b) => a - b)[2];
      };
      const mdit = window.markdownit();
      return { marked: time((s) => window.marked.parse(s)), markdownIt: time((s) => mdit.render(s)) };
    });
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    await page.evaluate(PROBE);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    // The same place: the line of timeline row 500.
    await page.evaluate(() => {
      const cm = window.editor.codemirror;
      const line = cm.getValue().split('\n').findIndex((l) => l.includes('Event number 500:'));
      cm.focus();
      cm.setCursor({ line, ch: 0 });
    });
    const cell = await typeKeys(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const peerCol = [
      `${ms(cell.h50)} / ${ms(cell.h95)} (EasyMDE)`, `${ms(cell.f50)} / ${ms(cell.f95)} (EasyMDE)`, null, null,
      `${nodes} (EasyMDE)`, null, `marked ${ms(render.marked)}, markdown-it ${ms(render.markdownIt)}`, undefined,
      `${ms(firstLoad)} (EasyMDE page)`, `${(transfer / 1024).toFixed(0)} KiB (EasyMDE page)`,
    ];
    peerCol.forEach((v, i) => { if (v !== undefined && v !== null) rows[i][2] = v; });
    await context.close();
  }
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length), ['measure', 'Hindsight', 'peer', 'goal'][c].length));
  const line = (r) => `| ${r.map((v, c) => v.padEnd(widths[c])).join(' | ')} |`;
  console.log(line(['measure', 'Hindsight', 'peer, same document', 'goal']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  rows.forEach((r) => console.log(line(r)));
} finally {
  ours.srv.close();
  peer.srv.close();
  rmSync(work, { recursive: true, force: true });
}
