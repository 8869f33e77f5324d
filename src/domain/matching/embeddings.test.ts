import { describe, expect, it } from 'vitest';
import { cosine, rerankByMeaning, type EmbeddingProvider } from './embeddings.js';

// A stand-in for a model server: texts about water point one way, the rest another.
const fake: EmbeddingProvider = {
  name: 'fake',
  embed: async (texts) => texts.map((t) => (/water|maji|eau/i.test(t) ? [1, 0] : [0, 1])),
};

describe('pluggable semantic matching', () => {
  it('keeps the lexical order without a provider or when it fails', async () => {
    const items = ['radio', 'water pumps'];
    expect(await rerankByMeaning(null, 'maji', items, (x) => x)).toEqual({ items, isReranked: false });
    const broken: EmbeddingProvider = { name: 'down', embed: async () => { throw new Error('down'); } };
    expect(await rerankByMeaning(broken, 'maji', items, (x) => x)).toEqual({ items, isReranked: false });
  });

  it('moves a result closer in meaning up, blending with its lexical rank', async () => {
    const reranked = await rerankByMeaning(fake, 'maji safi', ['radio clubs', 'seed fairs', 'water pumps'], (x) => x, 0.8);
    expect(reranked).toEqual({ items: ['water pumps', 'radio clubs', 'seed fairs'], isReranked: true });
    expect(cosine([1, 0], [1, 0])).toBe(1);
    expect(cosine([0, 0], [1, 0])).toBe(0);
  });
});
