import { describe, expect, it } from 'vitest';
import { isEchoOf, partOfEcho } from './receipts.repo.js';

describe('isEchoOf', () => {
  it('matches the start of a message as an SMSC echoes it, non-ASCII letters replaced', () => {
    expect(isEchoOf('Pluie. 40 mm . Zinde', 'Pluie: 40 mm à Zinder ce matin')).toBe(true);
    expect(isEchoOf('Alerte criquets', 'Alerte criquets à Agadez')).toBe(true);
  });
  it('refuses another text or a longer echo', () => {
    expect(isEchoOf('Alerte secheresse', 'Alerte criquets à Agadez')).toBe(false);
    expect(isEchoOf('Bonjour tout le monde', 'Bonjour')).toBe(false);
  });
});

describe('partOfEcho', () => {
  const pieces = ['Alerte criquets a Agadez: protegez les semences et ', 'signalez les essaims au 112. Message du service.'];
  it('tells which part a receipt is for by its echoed start, a part cut at a space included', () => {
    expect(partOfEcho('Alerte criquets a Ag', pieces)).toBe(1);
    expect(partOfEcho('signalez les essaims', pieces)).toBe(2);
    expect(partOfEcho('signalez les essaims', [pieces[0]!, ` ${pieces[1]!}`])).toBe(2);
  });
  it('is null when no part starts so', () => {
    expect(partOfEcho('Inondation a Maradi', pieces)).toBeNull();
  });
});
