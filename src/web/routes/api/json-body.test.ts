import { describe, expect, it } from 'vitest';
import { apiTokenFor, makeUser, practiceData } from '../../../../test/factories.js';
import { useTestContext } from '../../../../test/context.js';
import { MAX_BODY_BYTES } from './json-body.js';

const t = useTestContext();

async function post(body: string | ReadableStream, headers: Record<string, string>) {
  const { actor } = await makeUser(t.ctx, 'coordinator');
  const token = await apiTokenFor(t.ctx, actor);
  return t.app.request('/api/v1/practices', { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body, duplex: 'half' } as RequestInit);
}

const JSON_TYPE = { 'content-type': 'application/json' };

describe('JSON bodies', () => {
  it.each([
    ['malformed JSON', '{"title": '],
    ['an empty body', ''],
    ['an array', '[1, 2]'],
    ['a string', '"practice"'],
    ['null', 'null'],
  ])('answers 400 with the API error shape to %s', async (_, body) => {
    const res = await post(body, JSON_TYPE);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'invalid', message: 'The request body must be a JSON object.', fields: {} } });
  });

  it('answers 415 when the body is not declared as JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp']) {
      const res = await post(JSON.stringify(practiceData()), { 'content-type': type });
      expect(res.status).toBe(415);
      expect((await res.json()).error.code).toBe('unsupported_media_type');
    }
    expect((await post(JSON.stringify(practiceData()), {})).status).toBe(415);
  });

  it('accepts a charset parameter', async () => {
    expect((await post(JSON.stringify(practiceData()), { 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
  });

  it('answers 413 past 1 MB, whether or not Content-Length announces it', async () => {
    const big = JSON.stringify({ ...practiceData(), padding: 'x'.repeat(MAX_BODY_BYTES) });
    const announced = await post(big, { ...JSON_TYPE, 'content-length': String(Buffer.byteLength(big)) });
    expect(announced.status).toBe(413);
    expect((await announced.json()).error.code).toBe('payload_too_large');

    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });
    expect((await post(stream, JSON_TYPE)).status).toBe(413);
  });
});
