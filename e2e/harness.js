// Shared set-up for the end-to-end journeys: serves ../dist on 127.0.0.1 with Python's
// static server, launches Debian's Chromium with a fresh profile, and records every
// console error and page error so each journey can assert there were none.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..');
// HINDSIGHT_DIST serves another build (the keystroke benchmark compares two).
export const dist = process.env.HINDSIGHT_DIST || join(root, 'dist');

export const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForServer(url, tries = 100) {
  for (let i = 0; i < tries; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`static server did not come up at ${url}`);
}

/** Serves dist/ on a free port; returns its base URL and the server process. */
export async function serve() {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('dist/index.html missing: run `trunk build --release` first');
  }
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dist], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}/`;
  await waitForServer(base);
  return { base, server };
}

/** Starts the server and the browser; returns helpers and a `close()`. */
export async function start({ viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) {
  const { base, server } = await serve();
  const profile = mkdtempSync(join(tmpdir(), 'hindsight-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport,
    colorScheme,
    acceptDownloads: true,
  });
  const errors = [];
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    base,
    context,
    page,
    errors,
    /** Loads the app on its start screen (leaving a report that was left open). */
    async open() {
      await page.goto(base);
      await page.waitForSelector('[data-testid="app"]');
      if (await page.locator('[data-testid="back"]').count()) {
        await page.click('[data-testid="back"]');
      }
      await page.waitForSelector('[data-testid="new-000"]');
    },
    async close() {
      await context.close();
      server.kill();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Types into a field addressed by its report path (`meta.title`, `timeline[0].time`). */
export async function fill(page, path, text) {
  await page.fill(`[data-testid="field-${path}"]`, text);
}

/** Waits until the debounced save has happened (the app marks the document). */
export async function waitSaved(page) {
  await page.waitForFunction(() => document.body.dataset.saved === 'yes');
}
