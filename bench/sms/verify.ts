import { readFileSync } from 'node:fs';
import type { SmscLogEntry } from '../../src/channels/sms/local-smsc.js';

/** One message as a phone would put it together: a lone segment, or every part of one UDH reference. */
export type Assembled = { text: string; completedAt: number; messageIds: string[] };

/** What one number received: whole messages, and segments that never made a whole one or came twice. */
export type Received = { messages: Assembled[]; strays: SmscLogEntry[] };

export type Verdict = {
  segments: number;
  /** Numbers that were sent anything. */
  numbers: number;
  /** Subscribers with exactly one whole message, of the right text. */
  exactlyOnce: number;
  /** Subscribers with more than one whole message. */
  duplicates: string[];
  /** Subscribers with no whole message (`incomplete` among them got only some parts). */
  losses: string[];
  incomplete: string[];
  /** Subscribers whose (first) whole message is not the text of their language. */
  wrongText: string[];
  /** Destinations that are not subscribers. */
  strangers: string[];
  /** Segments beyond the whole messages: parts repeated within a reference, or of a message never completed. */
  straySegments: number;
  /** Subscribers who received stray segments. */
  strayNumbers: string[];
  /** Time (ms since epoch) each subscriber's first whole message was complete, sorted. */
  completions: number[];
  /** Time of each accepted segment, sorted. */
  segmentTimes: number[];
};

export function readSmscLog(file: string): SmscLogEntry[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as SmscLogEntry);
}

const numberOf = (to: string) => to.replace(/^\+/, '');

/**
 * Puts each number's segments together as its phone would: parts of one reference (and total) in
 * order; a part that came k times can make at most k messages, so a reference yields as many whole
 * messages as its scarcest part, and the extra parts are strays.
 */
export function assemble(entries: SmscLogEntry[]): Map<string, Received> {
  const byNumber = new Map<string, SmscLogEntry[]>();
  for (const e of entries) {
    const key = numberOf(e.to);
    const list = byNumber.get(key) ?? [];
    list.push(e);
    byNumber.set(key, list);
  }
  const result = new Map<string, Received>();
  for (const [number, list] of byNumber) {
    const received: Received = { messages: [], strays: [] };
    const groups = new Map<string, SmscLogEntry[][]>();
    for (const e of list) {
      if (!e.udh) {
        received.messages.push({ text: e.text ?? '', completedAt: Date.parse(e.time), messageIds: [e.messageId] });
        continue;
      }
      const key = `${e.udh.ref}/${e.udh.total}`;
      const parts = groups.get(key) ?? Array.from({ length: e.udh.total }, () => []);
      parts[e.udh.part - 1]?.push(e);
      groups.set(key, parts);
    }
    for (const parts of groups.values()) {
      const whole = Math.min(...parts.map((p) => p.length));
      for (let k = 0; k < whole; k++) {
        const pieces = parts.map((p) => p[k]!);
        received.messages.push({
          text: pieces.map((p) => p.text ?? '').join(''),
          completedAt: Math.max(...pieces.map((p) => Date.parse(p.time))),
          messageIds: pieces.map((p) => p.messageId),
        });
      }
      for (const p of parts) received.strays.push(...p.slice(whole));
    }
    received.messages.sort((a, b) => a.completedAt - b.completedAt);
    result.set(number, received);
  }
  return result;
}

/** Checks the SMSC's log against who should have received what: each subscriber their text, once. */
export function verify(entries: SmscLogEntry[], expected: Map<string, string>): Verdict {
  const received = assemble(entries);
  const v: Verdict = {
    segments: entries.length, numbers: received.size, exactlyOnce: 0, duplicates: [], losses: [], incomplete: [], wrongText: [],
    strangers: [...received.keys()].filter((n) => !expected.has(n)), straySegments: 0, strayNumbers: [], completions: [], segmentTimes: entries.map((e) => Date.parse(e.time)).sort((a, b) => a - b),
  };
  for (const [number, r] of received) {
    v.straySegments += r.strays.length;
    if (r.strays.length > 0) v.strayNumbers.push(number);
  }
  for (const [number, text] of expected) {
    const r = received.get(number);
    const messages = r?.messages ?? [];
    if (messages.length === 0) {
      v.losses.push(number);
      if (r && r.strays.length > 0) v.incomplete.push(number);
      continue;
    }
    v.completions.push(messages[0]!.completedAt);
    if (messages.length > 1) v.duplicates.push(number);
    if (messages[0]!.text !== text) v.wrongText.push(number);
    else if (messages.length === 1) v.exactlyOnce++;
  }
  v.completions.sort((a, b) => a - b);
  return v;
}

/**
 * Units per second between the times the 10th and the 90th percentile of `total` units were reached:
 * the sustained rate, without start-up and the tail.
 */
export function middleRate(times: number[], total: number): number {
  const from = times[Math.floor(total * 0.1)];
  const to = times[Math.min(times.length, Math.ceil(total * 0.9)) - 1];
  if (from === undefined || to === undefined || to <= from) return 0;
  const count = Math.ceil(total * 0.9) - 1 - Math.floor(total * 0.1);
  return (count * 1000) / (to - from);
}
