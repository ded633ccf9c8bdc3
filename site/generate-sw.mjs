// Writes the service worker for a built site: Workbox's generateSW precaches every file
// of the build (index.html, the hashed glue, wasm and CSS, boot script, manifest, icon)
// and serves them cache-first. Usage: node site/generate-sw.mjs DIST_DIR
// Trunk's hashed names never change content, so they are not cache-busted again; the
// few unhashed files get a revision from their content, so a new deploy makes a new
// worker, which waits until the author clicks "Reload" (no skipWaiting here).
import { generateSW } from 'workbox-build';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node site/generate-sw.mjs DIST_DIR');
  process.exit(2);
}
const { count, size, warnings } = await generateSW({
  globDirectory: dir,
  globPatterns: ['**/*.{html,js,wasm,css,svg,webmanifest}'],
  globIgnores: ['sw.js'],
  swDest: `${dir}/sw.js`,
  // One file, so a host's CSP `script-src 'self'` and no-cache header cover all of it.
  inlineWorkboxRuntime: true,
  mode: 'production',
  sourcemap: false,
  // The wasm is over Workbox's 2 MiB default.
  maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
  dontCacheBustURLsMatching: /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/,
  // `./?embed` is the same page as `./`; the fragment never reaches the worker.
  ignoreURLParametersMatching: [/^embed$/, /^utm_/, /^fbclid$/],
  directoryIndex: 'index.html',
  navigateFallback: 'index.html',
  cleanupOutdatedCaches: true,
  skipWaiting: false,
  clientsClaim: false,
});
for (const w of warnings) console.warn(`workbox: ${w}`);
console.log(`service worker: ${count} files precached, ${size} bytes`);
