/** A parsed form body as Hono gives it with `{ all: true }`: repeated names become arrays. */
export type FormBody = Record<string, string | File | (string | File)[]>;

export function str(body: FormBody, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

export function list(body: FormBody, name: string): string[] {
  const v = body[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all.filter((x): x is string => typeof x === 'string' && x !== '');
}

/** '' is "not given" (null); anything else must be a number, or it stays NaN so validation names the field. */
export function num(body: FormBody, name: string): number | null {
  const raw = str(body, name).trim().replace(',', '.');
  return raw === '' ? null : Number(raw);
}

/** Rows of a repeated group ("text.approach.0.title", "text.approach.1.title" …), dropping rows left blank. */
export function rows<K extends string>(body: FormBody, prefix: string, keys: readonly K[]): Record<K, string>[] {
  const out: Record<K, string>[] = [];
  for (let i = 0; i < 50; i++) {
    if (!keys.some((k) => `${prefix}.${i}.${k}` in body)) break;
    const row = Object.fromEntries(keys.map((k) => [k, str(body, `${prefix}.${i}.${k}`)])) as Record<K, string>;
    if (keys.some((k) => row[k].trim() !== '')) out.push(row);
  }
  return out;
}
