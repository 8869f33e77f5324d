import http from 'node:http';
import zlib from 'node:zlib';
import autocannon from 'autocannon';

export const BUDGET = 14_336;
export type Encoding = 'gzip' | 'br';

/** What the wire carries for one page: compressed sizes of the HTML and of the stylesheet it links. */
export type PageSize = { status: number; html: number; css: number; servedAs: string; cssServedAs: string };
export type Load = { rps: number; p50: number; p99: number; non2xx: number; errors: number; total: number };

type Raw = { status: number; bytes: Buffer; encoding: string };

/** node:http rather than fetch, which would decompress the body and hide its size on the wire. */
function getRaw(port: number, path: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks), encoding: String(res.headers['content-encoding'] ?? 'identity') }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function decode(raw: Raw): string {
  if (raw.encoding === 'gzip') return zlib.gunzipSync(raw.bytes).toString('utf8');
  if (raw.encoding === 'br') return zlib.brotliDecompressSync(raw.bytes).toString('utf8');
  if (raw.encoding === 'deflate') return zlib.inflateSync(raw.bytes).toString('utf8');
  return raw.bytes.toString('utf8');
}

/** Fetches a page and the stylesheet it links, both with the given Accept-Encoding; stylesheets are fetched once per encoding. */
export async function measurePage(port: number, path: string, lang: string, encoding: Encoding, cssCache: Map<string, Raw>): Promise<PageSize> {
  const headers = { 'Accept-Encoding': encoding, 'Accept-Language': lang };
  const page = await getRaw(port, path, headers);
  const href = /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/.exec(decode(page))?.[1];
  let css: Raw | undefined;
  if (href) {
    const key = `${encoding} ${href}`;
    css = cssCache.get(key) ?? (await getRaw(port, href, headers));
    cssCache.set(key, css);
  }
  return { status: page.status, html: page.bytes.length, css: css?.bytes.length ?? 0, servedAs: page.encoding, cssServedAs: css?.encoding ?? '-' };
}

/** 10 connections for 10 s from a worker thread, so the load generator does not share the server's event loop. */
export async function measureLoad(port: number, path: string): Promise<Load> {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: 10,
    duration: 10,
    workers: 1,
    headers: { 'accept-encoding': 'gzip', 'accept-language': 'en' },
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, total: r.requests.total };
}
