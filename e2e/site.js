// Helpers for the hosting, share and embed journeys: a static server (node:http) that
// serves a directory under any path prefix with the headers a real host would send, a
// share link made by Python's zlib independently of our Rust code, and a context-wide
// storage block that records whether anything even tried to use storage.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, normalize, extname } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

/**
 * Serves `dir` at `http://HOST:PORT{prefix}`; `pages` maps extra paths to HTML (a host
 * page that embeds the app). Returns `{ base, origin, close() }`.
 */
export async function serve(dir, { prefix = '/', host = '127.0.0.1', headers = {}, pages = {} } = {}) {
  const server = http.createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (pages[path] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
      res.end(pages[path]);
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(normalize(dir))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const origin = `http://${host}:${port}`;
  return {
    origin,
    base: `${origin}${prefix}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

/** `#r=…` for a JSON text, made by Python: zlib raw DEFLATE (wbits -15), base64url, no padding. */
export function pythonFragment(json) {
  const script = [
    'import sys, zlib, base64',
    'data = sys.stdin.buffer.read()',
    'c = zlib.compressobj(9, zlib.DEFLATED, -15)',
    'raw = c.compress(data) + c.flush()',
    "sys.stdout.write('#r=' + base64.urlsafe_b64encode(raw).decode().rstrip('='))",
  ].join('\n');
  return execFileSync('python3', ['-c', script], { input: json }).toString();
}

/**
 * Makes localStorage, sessionStorage and indexedDB throw in every frame of the context
 * (as a browser that blocks third-party storage does) and counts the attempts in
 * `window.__storageTouches`.
 */
export async function blockStorage(context) {
  await context.addInitScript(() => {
    window.__storageTouches = 0;
    for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) {
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          window.__storageTouches += 1;
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    }
  });
}
