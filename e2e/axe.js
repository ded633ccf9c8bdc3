// axe-core for the journeys that check a screen they open themselves (the shortcuts help,
// the library tools): evaluated through the devtools protocol, since the page's CSP
// forbids inline script tags.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the page; returns "rule: target (help)" for every violation. */
export async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource}\n;true`);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`)).flat();
  });
}
