import type { EmbeddingProvider } from '../domain/matching/embeddings.js';

/**
 * An embedding provider behind an OpenAI-compatible `POST /embeddings` endpoint — what local model
 * servers such as llama.cpp's server, Ollama or text-embeddings-inference expose. Off unless
 * `PASSERELLE_EMBEDDINGS_URL` is set. A slow or failing server costs at most `timeoutMs`.
 */
export function httpEmbeddings(opts: { url: string; model: string; timeoutMs?: number; fetch?: typeof fetch }): EmbeddingProvider {
  const doFetch = opts.fetch ?? fetch;
  return {
    name: `${opts.model} at ${new URL(opts.url).host}`,
    async embed(texts) {
      const res = await doFetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: opts.model, input: texts }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 3000),
      });
      if (!res.ok) throw new Error(`embedding server answered ${res.status}`);
      const body = (await res.json()) as { data?: { embedding?: unknown; index?: number }[] };
      const data = [...(body.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      if (data.length !== texts.length || !data.every((d) => Array.isArray(d.embedding))) throw new Error('malformed embedding response');
      return data.map((d) => d.embedding as number[]);
    },
  };
}
