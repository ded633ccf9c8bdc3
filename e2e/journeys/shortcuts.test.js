// Journey: keyboard first. "?" (or the toolbar's "?") lists the one-key shortcuts; N adds
// a timeline event with the cursor in its time, J / K move between sections, R goes to
// the review, P toggles the preview, E goes to the export buttons. Keys typed in a text
// box stay text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../harness.js';
import { violations } from '../axe.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const active = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a?.dataset.testid || a?.id || a?.tagName;
});
const leaveField = (page) => page.evaluate(() => document.activeElement?.blur());

test('the shortcuts and their help', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-000"]');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'field-meta.title');
  // In a text box, letters are text.
  await page.keyboard.type('n?jrp');
  assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), 'n?jrp');
  assert.equal(await page.locator('[data-testid="shortcuts-help"]').count(), 0);
  await leaveField(page);

  await page.keyboard.press('?');
  await page.waitForSelector('[data-testid="shortcuts-help"]');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'shortcuts-close');
  const help = await page.textContent('[data-testid="shortcuts-help"]');
  for (const want of ['Add a timeline event', 'Next section', 'Jump to the review', 'Preview', 'export']) {
    assert.match(help, new RegExp(want), want);
  }
  assert.deepEqual(await violations(page), []);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="shortcuts-help"]', { state: 'detached' });
  // The toolbar button opens it too.
  await page.click('[data-testid="shortcuts"]');
  await page.waitForSelector('[data-testid="shortcuts-help"]');
  await page.click('[data-testid="shortcuts-close"]');
  await page.waitForSelector('[data-testid="shortcuts-help"]', { state: 'detached' });

  await leaveField(page);
  await page.keyboard.press('n');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'field-timeline[0].time');
  await page.keyboard.type('09:12');
  assert.equal(await page.inputValue('[data-testid="field-timeline[0].time"]'), '09:12');
  await leaveField(page);

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('j');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
  const first = await page.evaluate(() => document.activeElement.closest('section').id);
  await page.keyboard.press('j');
  await page.waitForFunction((first) => document.activeElement?.closest('section')?.id !== first, first);
  const second = await page.evaluate(() => document.activeElement.closest('section').id);
  await page.keyboard.press('k');
  await page.waitForFunction((first) => document.activeElement?.closest('section')?.id === first, first);
  assert.notEqual(first, second);

  await page.keyboard.press('r');
  await page.waitForFunction(() => document.activeElement?.id === 'review');
  await page.keyboard.press('p');
  await page.waitForSelector('[data-testid="preview"]');
  await page.keyboard.press('p');
  await page.waitForSelector('[data-testid="field-meta.title"]', { state: 'visible' });
  await leaveField(page);
  await page.keyboard.press('e');
  await page.waitForFunction(() => !!document.activeElement?.closest('.subbar'));
  assert.ok(await active(page));
  assert.deepEqual(h.errors, []);
});
