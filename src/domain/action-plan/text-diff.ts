/**
 * A readable word-level diff between two versions of a section's text, for amendments and the text
 * history. Pure. The `diff` package is not installed, so this is a small Myers diff over word tokens.
 */

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/**
 * Past this many token insertions and deletions the middle of the texts is shown as replaced whole: the
 * trace costs about (edits)² integers (2,000 → 16 MB, a few tens of ms), and a diff that large is a
 * rewrite that reads better as one block than as hundreds of fragments.
 */
export const MAX_DIFF_EDITS = 2000;

const segmenters = new Map<string, Intl.Segmenter>();

// Word boundaries from Unicode (UAX #29) with ICU's dictionaries, so Thai, Khmer, Chinese or Japanese text,
// which has no spaces between words, splits into words too; Arabic splits on spaces and punctuation as usual.
function segmenterFor(locale: string | undefined): Intl.Segmenter {
  const key = locale ?? '';
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(key, s);
  }
  return s;
}

// The same visible text typed on two keyboards can differ in composition (Arabic, Vietnamese) or line ends;
// without this the diff would show changes nobody can see.
const normalise = (text: string) => text.normalize('NFC').replace(/\r\n?/g, '\n');

/** Words, runs of whitespace and punctuation, in order; joined they give the text back. */
function tokensOf(text: string, locale: string | undefined): string[] {
  return Array.from(segmenterFor(locale).segment(text), (s) => s.segment);
}

type Op = { kind: DiffPart['kind']; token: string };

/** Myers's O(ND) shortest edit script; null when it needs more than `maxEdits` insertions and deletions. */
function shortestEdit(a: string[], b: string[], maxEdits: number): Op[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const o = limit + 1; // v[o + k] is the furthest x reached on diagonal k = x − y
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[o + k - 1]! < v[o + k + 1]!) ? v[o + k + 1]! : v[o + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[o + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(o - d, o + d + 1));
        return backtrack(trace, a, b);
      }
    }
    trace.push(v.slice(o - d, o + d + 1));
  }
  return null;
}

function backtrack(trace: Int32Array[], a: string[], b: string[]): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1]!;
    const at = (k: number) => prev[k + d - 1]!;
    const k = x - y;
    const isInsertion = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = isInsertion ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      y--;
      ops.push({ kind: 'same', token: a[--x]! });
    }
    if (isInsertion) ops.push({ kind: 'added', token: b[--y]! });
    else ops.push({ kind: 'removed', token: a[--x]! });
  }
  while (x > 0) ops.push({ kind: 'same', token: a[--x]! });
  return ops.reverse();
}

/** An unchanged stretch, or a change: what was removed and what was added in its place. */
type Run = { same: string } | { removed: string; added: string };

const isChange = (r: Run | undefined): r is { removed: string; added: string } => r !== undefined && !('same' in r);

function runsOf(ops: Op[]): Run[] {
  const runs: Run[] = [];
  for (const op of ops) {
    const last = runs[runs.length - 1];
    if (op.kind === 'same') {
      if (last && 'same' in last) last.same += op.token;
      else runs.push({ same: op.token });
    } else if (isChange(last)) {
      last[op.kind] += op.token;
    } else {
      runs.push(op.kind === 'removed' ? { removed: op.token, added: '' } : { removed: '', added: op.token });
    }
  }
  return runs;
}

const hasWord = (text: string) => /[\p{L}\p{N}]/u.test(text);

/**
 * A word-level diff matches every shared space and comma, which cuts a rewritten phrase into fragments
 * ("[a] [one] [cat] [dog] sat"). An unchanged stretch with no letter or digit between two changes is
 * folded into them ("[a cat] [one dog] sat"); unchanged words stay, as they help the reader find their place.
 */
function foldWordlessEqualities(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const prev = out[out.length - 1];
    const next = runs[i + 1];
    if ('same' in run && isChange(prev) && isChange(next) && !hasWord(run.same)) {
      prev.removed += run.same + next.removed;
      prev.added += run.same + next.added;
      i++;
    } else out.push(run); // runs alternate: a change is never next to a change here
  }
  return out;
}

const isBlank = (text: string) => /^\s*$/u.test(text);

/** The longest run of whitespace both texts start with (or, `atEnd`, end with). */
function sharedSpace(x: string, y: string, atEnd: boolean): string {
  const edge = atEnd ? /\s*$/u : /^\s*/u;
  const [sx, sy] = [edge.exec(x)![0], edge.exec(y)![0]];
  let n = 0;
  while (n < sx.length && n < sy.length && (atEnd ? sx[sx.length - 1 - n] === sy[sy.length - 1 - n] : sx[n] === sy[n])) n++;
  return atEnd ? sx.slice(sx.length - n) : sx.slice(0, n);
}

/**
 * A change whose two sides start or end with the same whitespace gives it back to the unchanged text around it,
 * so a phrase added before a space does not come with that space struck through ("drought[ ][, floods ]and" reads
 * "drought[, floods] and"). A change of whitespace alone is left whole: there, the space is the change.
 */
function shareEdgeSpaces(runs: Run[]): Run[] {
  const out: Run[] = [];
  const keep = (text: string) => {
    const last = out[out.length - 1];
    if (!text) return;
    if (last && 'same' in last) last.same += text;
    else out.push({ same: text });
  };
  for (const run of runs) {
    if ('same' in run) keep(run.same);
    else if (!run.removed || !run.added || (isBlank(run.removed) && isBlank(run.added))) out.push(run);
    else {
      const lead = sharedSpace(run.removed, run.added, false);
      const [removed, added] = [run.removed.slice(lead.length), run.added.slice(lead.length)];
      const trail = sharedSpace(removed, added, true);
      keep(lead);
      out.push({ removed: removed.slice(0, removed.length - trail.length), added: added.slice(0, added.length - trail.length) });
      keep(trail);
    }
  }
  return out;
}

function partsOf(runs: Run[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const r of runs) {
    if ('same' in r) parts.push({ kind: 'same', text: r.same });
    else {
      if (r.removed) parts.push({ kind: 'removed', text: r.removed });
      if (r.added) parts.push({ kind: 'added', text: r.added });
    }
  }
  return parts;
}

/**
 * The changes from `before` to `after` word by word, whitespace and punctuation kept, so joining the
 * 'same' and 'removed' parts gives `before` and the 'same' and 'added' parts give `after` (both in NFC
 * with "\n" line ends). Adjacent parts of a kind are merged; in each change the removed text comes first.
 * `locale` only matters for the few languages whose word breaks ICU tailors.
 */
export function diffWords(before: string, after: string, options: { locale?: string; maxEdits?: number } = {}): DiffPart[] {
  const a = tokensOf(normalise(before), options.locale);
  const b = tokensOf(normalise(after), options.locale);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const middle = shortestEdit(midA, midB, options.maxEdits ?? MAX_DIFF_EDITS) ?? [
    ...midA.map((token): Op => ({ kind: 'removed', token })),
    ...midB.map((token): Op => ({ kind: 'added', token })),
  ];
  const ops: Op[] = [
    ...a.slice(0, start).map((token): Op => ({ kind: 'same', token })),
    ...middle,
    ...a.slice(endA).map((token): Op => ({ kind: 'same', token })),
  ];
  return partsOf(shareEdgeSpaces(foldWordlessEqualities(runsOf(ops))));
}

/** How many words a diff adds and removes (words as the segmenter counts them: no spaces, no punctuation). */
export function diffStats(parts: DiffPart[], locale?: string): { added: number; removed: number } {
  const stats = { added: 0, removed: 0 };
  for (const part of parts) {
    if (part.kind === 'same') continue;
    for (const s of segmenterFor(locale).segment(part.text)) if (s.isWordLike) stats[part.kind]++;
  }
  return stats;
}
