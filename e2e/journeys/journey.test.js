// Journey: opening lands at the top. Starting a report or importing one opens the editor
// scrolled to the top with the cursor in Title, on a desktop and on a phone, whatever the
// scroll of the start screen; import notes speak the author's headings, not field paths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../harness.js';

const landed = (page) => page.evaluate(() => ({
  y: Math.round(scrollY),
  focus: document.activeElement?.dataset.testid ?? document.activeElement?.tagName,
}));

async function waitLanded(page) {
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'field-meta.title' && scrollY === 0);
  return landed(page);
}

const MD = `# Post-Mortem: Checkout 502s after a config push

## Summary

A config push to the edge made checkout return 502s for 25 minutes.

## Customer Communications

We emailed every merchant at 10:05 and posted on the status page.

## Timeline

| Time | Event |
|------|-------|
| 09:12 | Config push to the edge |
| 09:20 | Alert: checkout 502 rate above 5% |
`;

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
  test(`${name}: Start and import open at the top with the cursor in Title`, async () => {
    const h = await start({ viewport });
    try {
      const { page } = h;
      await h.open();
      // A report, scrolled to its end, then back: the start screen keeps a long scroll.
      await page.click('[data-testid="new-001"]');
      assert.deepEqual(await waitLanded(page), { y: 0, focus: 'field-meta.title' });
      await page.keyboard.type('First report');
      await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
      await page.click('[data-testid="back"]');
      await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
      assert.ok(await page.evaluate(() => scrollY) > 200, 'start screen scrolled down');
      await page.click('[data-testid="new-003"]');
      assert.deepEqual(await waitLanded(page), { y: 0, focus: 'field-meta.title' });
      // Typing goes straight into the title.
      await page.keyboard.type('Second report');
      assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), 'Second report');

      // Paste import from the bottom of the start screen.
      await page.click('[data-testid="back"]');
      await page.click('[data-testid="paste-toggle"]');
      await page.fill('[data-testid="paste-text"]', MD);
      await page.locator('[data-testid="paste-import"]').scrollIntoViewIfNeeded();
      assert.ok(await page.evaluate(() => scrollY) > 200, 'start screen scrolled to the paste box');
      await page.click('[data-testid="paste-import"]');
      assert.deepEqual(await waitLanded(page), { y: 0, focus: 'field-meta.title' });
      assert.equal(await page.inputValue('[data-testid="field-meta.title"]'), 'Checkout 502s after a config push');
      const notes = page.locator('[data-testid="import-notes"]');
      await notes.waitFor();
      const box = await notes.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height, 'import notes in view');
      const text = await notes.textContent();
      assert.match(text, /Kept “Customer Communications” as its own section/);
      assert.doesNotMatch(text, /extra_sections|meta\.extra|impact\.extra|\[\d+\]/);
      assert.deepEqual(h.errors, []);
    } finally {
      await h.close();
    }
  });
}
