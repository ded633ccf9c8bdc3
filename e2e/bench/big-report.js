// The benchmarks' big report: 1,000 timeline rows and 200 action items, written as JSON
// and imported through the page's file input, as an author would.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the report into `dir`; returns the file's path. */
export function writeBigReport(dir) {
  const entries = Array.from({ length: 1000 }, (_, i) => ({
    time: `${String(10 + Math.floor(i / 60) % 12).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
    event: `Event number ${i}`, owner: 'ops', kind: null,
  }));
  const actions = Array.from({ length: 200 }, (_, i) => ({
    id: String(i + 1), action: `Add an alert for case ${i}`, owner: 'owner', priority: 'P2', status: 'Open',
  }));
  const file = join(dir, 'big.json');
  writeFileSync(file, JSON.stringify({ schema_version: 1, template: '000', meta: { title: 'Big' }, timeline: { entries }, action_items: actions }));
  return file;
}

/** Opens the page of harness `h`, imports the big report and waits for its last row. */
export async function openBigReport(h, dir) {
  await h.open();
  await h.page.setInputFiles('[data-testid="import-file"]', writeBigReport(dir));
  await h.page.waitForSelector('[data-testid="field-timeline[999].event"]');
}
