import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { WebEnv } from '../../env.js';
import { seeOther } from './page.js';

const app = new Hono<WebEnv>().get('/go', (c) => seeOther(c, c.req.query('to')!, c.req.query('done')));
const locationOf = async (to: string, done?: string) => {
  const res = await app.request(`/go?to=${encodeURIComponent(to)}${done ? `&done=${done}` : ''}`);
  expect(res.status).toBe(303);
  return res.headers.get('location');
};

describe('seeOther', () => {
  it('puts the flash in the query, before a fragment, so the browser sends it', async () => {
    expect(await locationOf('/a/b', 'saved')).toBe('/a/b?done=saved');
    expect(await locationOf('/a/b?x=1', 'saved')).toBe('/a/b?x=1&done=saved');
    expect(await locationOf('/a/b#section-2', 'saved')).toBe('/a/b?done=saved#section-2');
    expect(await locationOf('/a/b?x=1#c-9', 'saved')).toBe('/a/b?x=1&done=saved#c-9');
    expect(await locationOf('/a/b#s')).toBe('/a/b#s');
  });
});
