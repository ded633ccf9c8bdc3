// Journey: Five Whys that help. "Add a level" puts the cursor in the new why, which
// offers the level above's answer asked again ("Why were edge nodes CPU-saturated?") as a
// placeholder: Tab takes it, typing overwrites it (nothing is pre-filled to splice into).
// Template 003 has a Five Whys control under its "5 Whys" bullet, exported and previewed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, waitSaved } from '../harness.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const waitFocus = (page, id) => page.waitForFunction((id) => document.activeElement?.dataset.testid === id, id, { timeout: 5000 });
const value = (page, path) => page.inputValue(`[data-testid="field-${path}"]`);

for (const id of ['000', '003']) {
  test(`template ${id}: the next why is a suggestion Tab takes or typing replaces`, async () => {
    const { page } = h;
    await h.open();
    await page.click(`[data-testid="new-${id}"]`);
    await page.click('[data-testid="add-why"]');
    await waitFocus(page, 'field-root_cause.whys[0].why');
    await page.keyboard.type('Why did checkout return 502s?');
    await page.keyboard.press('Tab');
    await waitFocus(page, 'field-root_cause.whys[0].because');
    await page.keyboard.type('Edge nodes were CPU-saturated.');
    await page.click('[data-testid="add-why"]');
    await waitFocus(page, 'field-root_cause.whys[1].why');
    assert.equal(await value(page, 'root_cause.whys[1].why'), '');
    assert.equal(await page.getAttribute('[data-testid="field-root_cause.whys[1].why"]', 'placeholder'), 'Why were edge nodes CPU-saturated?');
    await page.keyboard.press('Tab');
    await waitFocus(page, 'field-root_cause.whys[1].because');
    assert.equal(await value(page, 'root_cause.whys[1].why'), 'Why were edge nodes CPU-saturated?');
    await page.keyboard.type('Because the ruleset compiled a regex per request');
    // Typing over a suggestion replaces it.
    await page.click('[data-testid="add-why"]');
    await waitFocus(page, 'field-root_cause.whys[2].why');
    assert.equal(await page.getAttribute('[data-testid="field-root_cause.whys[2].why"]', 'placeholder'), 'Why is it that the ruleset compiled a regex per request?');
    await page.keyboard.type('Why was the ruleset not load-tested?');
    assert.equal(await value(page, 'root_cause.whys[2].why'), 'Why was the ruleset not load-tested?');
    await waitSaved(page);
    await page.click('[data-testid="tab-preview"]');
    const preview = await page.textContent('[data-testid="preview"]');
    assert.match(preview, /Why were edge nodes CPU-saturated\?/);
    assert.match(preview, /Why was the ruleset not load-tested\?/);
    if (id === '003') {
      // Under "4. Root Cause Analysis", not in Additional Notes.
      const section = await page.evaluate(() => {
        const heads = [...document.querySelectorAll('[data-testid="preview"] h2')];
        const li = [...document.querySelectorAll('[data-testid="preview"] li')].find((l) => l.textContent.includes('CPU-saturated?'));
        return heads.filter((h) => h.compareDocumentPosition(li) & Node.DOCUMENT_POSITION_FOLLOWING).pop()?.textContent;
      });
      assert.equal(section, '4. Root Cause Analysis');
    }
    await page.click('[data-testid="tab-edit"]');
    assert.deepEqual(h.errors, []);
  });
}
