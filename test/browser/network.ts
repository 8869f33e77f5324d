import type { CDPSession, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/domain/demo/demo.service.js';

/**
 * Slow links emulated through the DevTools protocol, and a meter that records what one navigation
 * costs on the wire. Shared by the page-weight tests and `npm run bench:web`; no vitest in here.
 */
export type Link = { name: string; latencyMs: number; downKbitS: number; upKbitS: number };

export const LINKS = {
  '2G': { name: '2G', latencyMs: 500, downKbitS: 50, upKbitS: 20 },
  EDGE: { name: 'EDGE', latencyMs: 400, downKbitS: 240, upKbitS: 200 },
} satisfies Record<string, Link>;

/** 14 KB: what a new TCP connection delivers in its first round trips (initial window of 10 segments). */
export const FIRST_VISIT_BUDGET = 14_336;

/** One request of a navigation. `wireBytes` counts headers + compressed body, as Chromium received them. */
export type Transfer = {
  url: string;
  type: string;
  status: number;
  mimeType: string;
  headers: Record<string, string>;
  wireBytes: number;
  headerBytes: number;
  /** The body as sent (compressed; chunk framing included when there is no Content-Length). */
  bodyBytes: number;
  isFromCache: boolean;
  hasFailed: boolean;
};

export type Visit = {
  url: string;
  loadMs: number;
  transfers: Transfer[];
  /** Sum over every request that went to the network (cache hits count 0). */
  wireBytes: number;
};

type Pending = Partial<Transfer> & { url: string; type: string; startedAt: number; isDone: boolean; headerBytes?: number };

const kbitToBytes = (kbit: number) => (kbit * 1000) / 8;
const lower = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

export class NetworkMeter {
  private requests = new Map<string, Pending>();
  private loadFiredAt: number | undefined;

  private constructor(private readonly page: Page, private readonly cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => {
      this.requests.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', startedAt: e.timestamp, isDone: false, isFromCache: false, hasFailed: false });
    });
    cdp.on('Network.requestServedFromCache', (e) => this.patch(e.requestId, { isFromCache: true }));
    cdp.on('Network.responseReceived', (e) => {
      const r = e.response;
      this.patch(e.requestId, {
        status: r.status, mimeType: r.mimeType, headers: lower(r.headers), headerBytes: r.encodedDataLength,
        isFromCache: this.requests.get(e.requestId)?.isFromCache || Boolean(r.fromDiskCache || r.fromPrefetchCache),
      });
    });
    cdp.on('Network.loadingFinished', (e) => this.finish(e.requestId, e.encodedDataLength, false));
    cdp.on('Network.loadingFailed', (e) => this.finish(e.requestId, 0, true));
    cdp.on('Page.loadEventFired', (e) => {
      this.loadFiredAt = e.timestamp;
    });
  }

  /** Opens a DevTools session on the page and starts recording its network events. */
  static async attach(page: Page): Promise<NetworkMeter> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Page.enable');
    return new NetworkMeter(page, cdp);
  }

  /** Emulates a link (throughput in bytes per second, as the protocol wants), or lifts emulation. */
  async throttle(link: Link | null) {
    await this.cdp.send('Network.emulateNetworkConditions', link
      ? { offline: false, latency: link.latencyMs, downloadThroughput: kbitToBytes(link.downKbitS), uploadThroughput: kbitToBytes(link.upKbitS) }
      : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  }

  /** Empties the HTTP cache, so the next visit is a first visit even in a context that has been used. */
  async clearCache() {
    await this.cdp.send('Network.clearBrowserCache');
  }

  /**
   * Navigates and waits for the load event, then for the network to fall quiet (the browser's own
   * requests, such as /favicon.ico, come after load). Load time runs from the document request to
   * the load event, both stamped by Chromium.
   */
  async visit(url: string): Promise<Visit> {
    this.requests.clear();
    this.loadFiredAt = undefined;
    const response = await this.page.goto(url, { waitUntil: 'load' });
    if (!response) throw new Error(`no response for ${url}`);
    await this.waitUntilQuiet();
    const all = [...this.requests.values()];
    const doc = all.find((r) => r.type === 'Document');
    if (!doc || this.loadFiredAt === undefined) throw new Error(`no document or load event recorded for ${url}`);
    const transfers = all.map((r) => this.toTransfer(r));
    return {
      url: doc.url,
      loadMs: Math.round((this.loadFiredAt - doc.startedAt) * 1000),
      transfers,
      wireBytes: transfers.reduce((sum, t) => sum + (t.isFromCache ? 0 : t.wireBytes), 0),
    };
  }

  private async waitUntilQuiet(quietMs = 300, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      if ([...this.requests.values()].some((r) => !r.isDone)) quietSince = Date.now();
      else if (Date.now() - quietSince >= quietMs) return;
    }
    throw new Error('the network did not fall quiet');
  }

  private patch(id: string, fields: Partial<Pending>) {
    const r = this.requests.get(id);
    if (r) Object.assign(r, fields);
  }

  private finish(id: string, wireBytes: number, hasFailed: boolean) {
    this.patch(id, { wireBytes, hasFailed, isDone: true });
  }

  private toTransfer(r: Pending): Transfer {
    const wireBytes = r.wireBytes ?? 0;
    return {
      url: r.url, type: r.type, status: r.status ?? 0, mimeType: r.mimeType ?? '', headers: r.headers ?? {},
      wireBytes,
      headerBytes: r.isFromCache ? 0 : (r.headerBytes ?? 0),
      // When the response arrives, Chromium has received exactly its status line and headers.
      bodyBytes: Math.max(0, wireBytes - (r.headerBytes ?? 0)),
      isFromCache: r.isFromCache ?? false,
      hasFailed: r.hasFailed ?? false,
    };
  }
}

export type PageType = { label: string; path: string; signInAs?: string };

/** Every page type, with the first demo practice, hub and consultation the lists link to; the form is seen by a coordinator. */
export async function discoverPageTypes(baseUrl: string): Promise<PageType[]> {
  const list = await (await fetch(`${baseUrl}/practices`)).text();
  const hubs = await (await fetch(`${baseUrl}/hubs`)).text();
  const practiceId = /href="\/practices\/([0-9a-f-]{36})"/.exec(list)?.[1];
  const hubId = /href="\/hubs\/([0-9a-f-]{36})"/.exec(hubs)?.[1];
  const consultations = await (await fetch(`${baseUrl}/consultations`)).text();
  const consultationId = /href="\/consultations\/([0-9a-f-]{36})"/.exec(consultations)?.[1];
  if (!practiceId || !hubId || !consultationId) throw new Error('the demo content has no practice, hub or consultation to visit');
  const coordinator = DEMO_ACCOUNTS[2].email;
  return [
    { label: 'Home', path: '/' },
    { label: 'Practice list', path: '/practices' },
    { label: 'Practice list, filtered', path: '/practices?theme=health' },
    { label: 'Practice page', path: `/practices/${practiceId}` },
    { label: 'Practice history', path: `/practices/${practiceId}/history` },
    { label: 'Search', path: '/search?q=radio+paludisme' },
    { label: 'Hub list', path: '/hubs' },
    { label: 'Hub page', path: `/hubs/${hubId}` },
    { label: 'Login', path: '/login' },
    { label: 'Consultation list', path: '/consultations' },
    { label: 'Consultation', path: `/consultations/${consultationId}` },
    { label: 'Consultation report', path: `/consultations/${consultationId}/report` },
    { label: 'New practice (coordinator)', path: '/practices/new', signInAs: coordinator },
    { label: 'Alerts', path: '/alerts' },
    { label: 'New alert (coordinator)', path: '/alerts/new', signInAs: coordinator },
  ];
}
