import { describe, expect, it } from 'vitest';
import { httpEmbeddings } from './http-embeddings.js';

describe('HTTP embedding provider', () => {
  it('speaks the OpenAI-compatible embeddings protocol and refuses malformed answers', async () => {
    const calls: unknown[] = [];
    const server = (answer: unknown) => (async (_url: unknown, init?: RequestInit) => {
      calls.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify(answer), { status: 200 });
    }) as typeof fetch;
    const ok = httpEmbeddings({ url: 'http://127.0.0.1:9/v1/embeddings', model: 'm', fetch: server({ data: [{ index: 1, embedding: [0, 1] }, { index: 0, embedding: [1, 0] }] }) });
    expect(await ok.embed(['a', 'b'])).toEqual([[1, 0], [0, 1]]);
    expect(calls[0]).toEqual({ model: 'm', input: ['a', 'b'] });
    const bad = httpEmbeddings({ url: 'http://127.0.0.1:9/v1/embeddings', model: 'm', fetch: server({ data: [] }) });
    await expect(bad.embed(['a'])).rejects.toThrow(/malformed/);
  });
});
