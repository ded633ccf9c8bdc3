// Journey: a hostile report in a share link or an embed runs nothing. Every vector of
// the downstream XSS corpus (e2e/xss/vectors.json) is put into every free-text field of
// the rich report (as e2e/xss/run.py does), made into a link, and opened as the shared
// read-only view and as the `?embed` view (chart included): no dialog, no canary call, no
// page error, and in the view's DOM no `on*` handler, no script-capable URL and no
// element the vector brought in (script, iframe, object, embed, form, base, frame).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, root } from '../harness.js';
import { pythonFragment } from '../site.js';

const base = JSON.parse(readFileSync(join(root, 'crates/core/tests/data/rich-report.json'), 'utf8'));
const vectors = JSON.parse(readFileSync(join(root, 'e2e/xss/vectors.json'), 'utf8'));
// JSON keys whose values are enums or numbers, not free text (as run.py).
const NOT_TEXT = new Set(['kind', 'category', 'horizon', 'template', 'schema_version', 'checked']);

/** The base report with every free-text string replaced by the vector. */
function fill(value, vector) {
  if (Array.isArray(value)) return value.map((v) => fill(v, vector));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, NOT_TEXT.has(k) ? v : fill(v, vector)]));
  }
  return typeof value === 'string' ? vector : value;
}

let h;
before(async () => {
  h = await start();
  // Any script a vector manages to run calls one of these (the corpus calls alert).
  await h.context.addInitScript(() => {
    window.__ran = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...args) => { window.__ran.push(`${name}(${args.join(',')})`); };
    }
  });
});
after(async () => { await h?.close(); });

/** What in the view at `selector` could run script or came from the vector. */
function problemsIn(page, selector) {
  return page.evaluate((selector) => {
    const view = document.querySelector(selector);
    if (!view) return [`no ${selector}`];
    const found = [];
    const url = (v) => v.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').toLowerCase();
    for (const el of [view, ...view.querySelectorAll('*')]) {
      const tag = el.localName;
      if (['script', 'iframe', 'object', 'embed', 'form', 'base', 'frame', 'frameset', 'meta', 'link'].includes(tag)) {
        found.push(`<${tag}>`);
      }
      for (const a of el.attributes) {
        const name = a.name.toLowerCase();
        if (name.startsWith('on')) found.push(`${name}= on <${tag}>`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset', 'background'].includes(name)) {
          const v = url(a.value);
          if (/^(java|vb|live)script:/.test(v)) found.push(`${name}=${a.value} on <${tag}>`);
          if (v.startsWith('data:') && !(tag === 'img' && /^data:image\/(png|gif|jpeg|jpg|webp)[;,]/.test(v))) {
            found.push(`${name}=${a.value} on <${tag}>`);
          }
        }
        if (name === 'style' && /expression\(|javascript:|url\(/i.test(a.value)) found.push(`style on <${tag}>`);
      }
    }
    return found.concat(window.__ran ?? ['no canary']);
  }, selector);
}

test('every corpus vector in every field of a share link or an embed runs nothing', async () => {
  const { page } = h;
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  // A vector's Markdown image (`![x](y.png)`) may be fetched, as any image in a report is;
  // nothing else the vectors name may be.
  const missing = new Set();
  page.on('response', (r) => { if (r.status() === 404) missing.add(new URL(r.url()).pathname); });
  const failures = [];
  let chartsSeen = 0;
  for (const [i, vector] of vectors.entries()) {
    const fragment = pythonFragment(JSON.stringify(fill(base, vector)));
    for (const [view, url, selector] of [
      ['share', `${h.base}${fragment}`, '[data-testid="shared-view"]'],
      ['embed', `${h.base}?embed${fragment}`, '[data-testid="embed"]'],
    ]) {
      await page.goto('about:blank');
      await page.goto(url);
      await page.waitForSelector(selector);
      // Let anything a vector scheduled (a timer, an image error) have its turn.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30))));
      if (view === 'embed' && await page.locator('[data-testid="embed-chart"] svg').count()) chartsSeen += 1;
      const problems = await problemsIn(page, selector);
      if (problems.length) failures.push(`vector ${i} ${JSON.stringify(vector)} in the ${view} view: ${problems.join('; ')}`);
    }
  }
  assert.ok(vectors.length >= 60, `corpus of ${vectors.length} vectors`);
  assert.deepEqual(failures, []);
  assert.deepEqual(dialogs, []);
  assert.equal(chartsSeen, vectors.length, 'each embed drew its chart');
  assert.deepEqual([...missing].filter((p) => !/\.(png|gif|jpe?g|webp)$/.test(p)), []);
  assert.deepEqual(h.errors.filter((e) => !/Failed to load resource: .* 404/.test(e)), []);
});

test('the checks see a live handler and a script link when one is there', async () => {
  const { page } = h;
  await page.goto(`${h.base}?embed${pythonFragment(JSON.stringify(base))}`);
  await page.waitForSelector('[data-testid="embed"]');
  assert.deepEqual(await problemsIn(page, '[data-testid="embed"]'), []);
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.setAttribute('href', ' JaVa\tScRiPt:alert(1)');
    a.setAttribute('onmouseover', 'alert(1)');
    document.querySelector('[data-testid="embed-title"]').append(a);
    window.alert('canary');
  });
  const problems = await problemsIn(page, '[data-testid="embed"]');
  assert.equal(problems.length, 3, problems.join('; '));
});
