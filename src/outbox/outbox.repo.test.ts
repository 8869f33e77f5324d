import { describe, expect, it } from 'vitest';
import { isEchoOf } from './outbox.repo.js';

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
