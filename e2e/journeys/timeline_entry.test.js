// Journey: timeline entry is fast. "Add event" puts the cursor in the new row's time,
// Enter in an event starts the next row with the cursor in its time, several timed lines
// pasted make several rows, "Remove" leaves the cursor on a neighbour, and no label or
// option of a row is cut off (desktop and phone).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../harness.js';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const focused = (page) => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName);
const waitFocus = (page, id) => page.waitForFunction((id) => document.activeElement?.dataset.testid === id, id, { timeout: 5000 });
const rowCount = (page) => page.locator('[data-testid^="timeline-row-"]').count();

/** Pastes `text` into the focused control as the browser would (a clipboard event). */
async function paste(page, text) {
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    if (document.activeElement.dispatchEvent(ev)) document.execCommand('insertText', false, text);
  }, text);
}

test('keyboard-only timeline: add, Enter, paste, remove', async () => {
  const { page } = h;
  await h.open();
  await page.click('[data-testid="new-003"]');
  await page.click('[data-testid="add-timeline"]');
  await waitFocus(page, 'field-timeline[0].time');
  await page.keyboard.type('09:12');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'field-timeline[0].event');
  await page.keyboard.type('Config push to the edge');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'field-timeline[1].time');
  assert.equal(await rowCount(page), 2);
  assert.equal(await page.inputValue('[data-testid="field-timeline[0].event"]'), 'Config push to the edge', 'Enter added no newline');
  await page.keyboard.type('09:20');

  // Enter in the middle row inserts right after it.
  await page.focus('[data-testid="field-timeline[0].event"]');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'field-timeline[1].time');
  assert.equal(await rowCount(page), 3);
  assert.equal(await page.inputValue('[data-testid="field-timeline[2].time"]'), '09:20');
  assert.equal(await page.inputValue('[data-testid="field-timeline[1].time"]'), '');

  // Several lines pasted into the empty row become rows, times as typed.
  await paste(page, '09:14 Edge CPU at 100%\n09:16 Alert: checkout 502 rate above 5%\n09:31 Rolled back the config push\n');
  await waitFocus(page, 'field-timeline[3].event');
  assert.equal(await rowCount(page), 5);
  const rows = await page.evaluate(() => [0, 1, 2, 3, 4].map((i) => [
    document.querySelector(`[data-testid="field-timeline[${i}].time"]`).value,
    document.querySelector(`[data-testid="field-timeline[${i}].event"]`).value,
  ]));
  assert.deepEqual(rows, [
    ['09:12', 'Config push to the edge'],
    ['09:14', 'Edge CPU at 100%'],
    ['09:16', 'Alert: checkout 502 rate above 5%'],
    ['09:31', 'Rolled back the config push'],
    ['09:20', ''],
  ]);
  // One line pastes as text.
  await page.focus('[data-testid="field-timeline[4].event"]');
  await paste(page, 'Paged the on-call');
  assert.equal(await page.inputValue('[data-testid="field-timeline[4].event"]'), 'Paged the on-call');
  assert.equal(await rowCount(page), 5);

  // Remove: the cursor goes to the row that took its place, or the one above.
  await page.click('[data-testid="remove-event-1"]');
  await waitFocus(page, 'field-timeline[1].time');
  assert.equal(await rowCount(page), 4);
  await page.click('[data-testid="remove-event-3"]');
  await waitFocus(page, 'field-timeline[2].time');
  for (let n = 3; n > 0; n--) await page.click('[data-testid="remove-event-0"]');
  await waitFocus(page, 'add-timeline');
  assert.equal(await rowCount(page), 0);
  assert.deepEqual(h.errors, []);
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
  test(`${name}: no label or option in a timeline row is cut off`, async () => {
    const { page } = h;
    await page.setViewportSize(viewport);
    await h.open();
    await page.click('[data-testid="new-000"]');
    await page.click('[data-testid="add-timeline"]');
    const cut = await page.evaluate(() => {
      const out = [];
      const canvas = document.createElement('canvas').getContext('2d');
      for (const el of document.querySelectorAll('.timeline-row label, .timeline-row select, .timeline-row button')) {
        if (el.tagName === 'SELECT') {
          const cs = getComputedStyle(el);
          canvas.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
          const widest = Math.max(...[...el.options].map((o) => canvas.measureText(o.text).width));
          const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16;
          if (widest > room) out.push(`${el.id}: ${Math.round(widest)} > ${Math.round(room)}`);
        } else if (el.scrollWidth > el.clientWidth + 1) {
          out.push(`${el.textContent}: ${el.scrollWidth} > ${el.clientWidth}`);
        }
      }
      return out;
    });
    assert.deepEqual(cut, []);
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.deepEqual(h.errors, []);
  });
}
