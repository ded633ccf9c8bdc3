// Journey: the browser process is killed (SIGKILL) while the author works, and a relaunch
// with the same profile recovers the work: killed 100 ms after the last key of a 3 s
// burst, at most the last second of typing is lost; killed 1 s after the page said
// "Saved", nothing is. The browser is started by hand (not by playwright) so that this
// test holds its process id and its profile outlives it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve, freePort, FLAGS } from '../harness.js';

let site;
const profiles = [];
before(async () => { site = await serve(); });
after(() => {
  site?.server.kill();
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts Chromium on `profile` and connects to it over the DevTools protocol. */
async function launch(profile) {
  const port = await freePort();
  const proc = spawn(process.env.CHROMIUM || '/usr/bin/chromium',
    [...FLAGS, `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, 'about:blank'],
    { stdio: 'ignore' });
  const exited = new Promise((r) => proc.on('exit', r));
  let browser;
  for (let i = 0; i < 100 && !browser; i++) {
    try {
      browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    } catch {
      await sleep(100);
    }
  }
  assert.ok(browser, 'Chromium did not come up');
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { proc, exited, browser, page, errors };
}

/** Kills the whole browser at once, as a crash or a power cut would. */
async function kill(b) {
  b.proc.kill('SIGKILL');
  await b.exited;
  // Its renderers die with it; give the OS a moment to let go of the profile.
  await sleep(300);
}

/** Relaunches on the profile and returns the recovered text of `field`. */
async function recovered(profile, field) {
  const b = await launch(profile);
  await b.page.goto(site.base);
  await b.page.waitForSelector('[data-testid="app"]');
  const box = `[data-testid="field-${field}"]`;
  // The report left open is reopened (from the durable copy if localStorage lost it).
  // Should it not be, the library is asked; no report at all reads as nothing kept.
  const found = await b.page.waitForSelector(box, { timeout: 5000 }).catch(() => null);
  if (!found && await b.page.locator('[data-testid="doc-open"]').count()) {
    await b.page.click('[data-testid="doc-open"]');
  }
  await sleep(500);
  const text = await b.page.locator(box).count() ? await b.page.inputValue(box) : '';
  const notes = await b.page.locator('body').textContent();
  assert.deepEqual(b.errors, []);
  await b.browser.close().catch(() => {});
  b.proc.kill('SIGKILL');
  await b.exited;
  return { text, notes };
}

async function newReport(profile) {
  const b = await launch(profile);
  await b.page.goto(site.base);
  await b.page.waitForSelector('[data-testid="new-000"]');
  await b.page.click('[data-testid="new-000"]');
  await b.page.waitForFunction(() => document.body.dataset.saved === 'yes');
  return b;
}

test('killed 100 ms after the last key of a 3 s burst: at most the last second is lost', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'hindsight-crash-'));
  profiles.push(profile);
  const b = await newReport(profile);
  await b.page.click('[data-testid="field-summary.summary"]');
  const words = 'the cache stampede began when the warmer job restarted and every node missed at once ';
  let typed = '';
  const times = [];
  const start = Date.now();
  for (let i = 0; Date.now() - start < 3000; i++) {
    const ch = words[i % words.length];
    await b.page.keyboard.type(ch);
    typed += ch;
    times.push(Date.now());
    await sleep(25);
  }
  const last = times[times.length - 1];
  await sleep(100);
  await kill(b);

  const { text } = await recovered(profile, 'summary.summary');
  // What was typed up to one second before the last key must be there.
  const due = times.filter((t) => t <= last - 1000).length;
  assert.ok(typed.startsWith(text), `recovered text is not what was typed: ${JSON.stringify(text)}`);
  assert.ok(text.length >= due,
    `lost more than the last second: kept ${text.length} of ${typed.length} characters, ${due} were due`);
  console.log(`# burst: ${typed.length} characters in ${last - start} ms; recovered ${text.length} (${due} due)`);
});

test('killed 1 s after "Saved": nothing shown as saved is lost', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'hindsight-crash-'));
  profiles.push(profile);
  const b = await newReport(profile);
  const title = 'Checkout outage — written, saved, then the browser died';
  await b.page.fill('[data-testid="field-meta.title"]', title);
  await b.page.waitForFunction(() => document.body.dataset.saved === 'yes'
    && document.querySelector('[data-testid="save-state"]')?.textContent === 'Saved');
  await sleep(1000);
  await kill(b);

  const { text } = await recovered(profile, 'meta.title');
  assert.equal(text, title);
});
