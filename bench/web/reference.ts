import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The comparison page: "An Informal Introduction to Python" from the Python 3.11 documentation
 * (docs.python.org/3.11/tutorial/introduction.html), as Debian's `python3.11-doc` ships it offline:
 * the same Sphinx build with its stylesheets, scripts and logo. Served on loopback the way a plain
 * static site would serve it: gzip level 6 for text, Content-Length, nothing else.
 */
export const REFERENCE = {
  label: 'docs.python.org tutorial page',
  root: '/usr/share/doc/python3.11/html',
  path: '/tutorial/introduction.html',
  package: 'python3.11-doc',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'application/javascript', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.json': 'application/json', '.xml': 'application/xml', '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.svg', '.json', '.xml']);

/**
 * Debian links _static/jquery.js and underscore.js to its unminified system copies; docs.python.org
 * serves Sphinx's minified ones, so the minified sibling is served when one exists.
 */
function resolveFile(root: string, urlPath: string): string | undefined {
  const file = path.join(root, path.normalize(decodeURIComponent(urlPath)));
  if (!file.startsWith(`${root}/`) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  if (!lstatSync(file).isSymbolicLink()) return file;
  const minified = realpathSync(file).replace(/\.js$/, '.min.js');
  return minified.endsWith('.min.js') && existsSync(minified) ? minified : file;
}

/** Null when the package is not installed: the benchmark then runs without the comparison. */
export async function startReferenceServer(): Promise<{ url: string; stop(): Promise<void> } | null> {
  if (!existsSync(path.join(REFERENCE.root, REFERENCE.path))) return null;
  const cache = new Map<string, { body: Buffer; isGzipped: boolean }>();
  const server: Server = createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = resolveFile(REFERENCE.root, urlPath);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain', 'Content-Length': '9' }).end('not found');
      return;
    }
    const ext = path.extname(file);
    const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && COMPRESSIBLE.has(ext);
    const key = `${file} ${wantsGzip}`;
    let entry = cache.get(key);
    if (!entry) {
      const raw = readFileSync(file);
      entry = wantsGzip ? { body: gzipSync(raw, { level: 6 }), isGzipped: true } : { body: raw, isGzipped: false };
      cache.set(key, entry);
    }
    res.writeHead(200, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': String(entry.body.length),
      'Cache-Control': 'public, max-age=3600',
      Vary: 'Accept-Encoding',
      ...(entry.isGzipped ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(entry.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${REFERENCE.path}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
