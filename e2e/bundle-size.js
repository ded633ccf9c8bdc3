// Measures the release bundle in ../dist (wasm + js + css): raw, gzip -9 and brotli -q 11
// bytes, per file and in total. Run after `trunk build --release`: `node bundle-size.js`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { dist } from './harness.js';

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = readdirSync(dist)
  .filter((f) => ['.wasm', '.js', '.css'].includes(extname(f)))
  .map((f) => {
    const data = readFileSync(join(dist, f));
    return {
      file: f,
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
for (const r of [...rows, { file: 'total', ...total }]) {
  console.log(`${r.file.padEnd(40)} raw ${kb(r.raw).padStart(10)}  gzip ${kb(r.gzip).padStart(10)}  brotli ${kb(r.brotli).padStart(10)}`);
}
