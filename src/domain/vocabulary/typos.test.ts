import { describe, expect, it } from 'vitest';
import { deletions, isTypoOf } from './typos.js';

describe('isTypoOf', () => {
  it('forgives a letter left out, doubled in or swapped, in words of six letters or more', () => {
    expect(isTypoOf('agricultre', 'agriculture')).toBe(true);
    expect(isTypoOf('heallth', 'health')).toBe(true);
    expect(isTypoOf('haelth', 'health')).toBe(true);
    expect(isTypoOf('table', 'tablet')).toBe(false);
    expect(isTypoOf('rado', 'radio')).toBe(false);
  });

  it('forgives a mis-hit letter only next to the intended key, in words of eight letters or more', () => {
    expect(isTypoOf('agricylture', 'agriculture')).toBe(true); // u and y are neighbours
    expect(isTypoOf('agricalture', 'agriculture')).toBe(false); // a and u are not
    expect(isTypoOf('matches', 'marches')).toBe(false); // neighbours, but too short to guess at
    expect(isTypoOf('electrons', 'elections')).toBe(false);
  });

  it('never forgives the first letter, an identical word, or a known false friend', () => {
    expect(isTypoOf('wealth', 'health')).toBe(false);
    expect(isTypoOf('health', 'health')).toBe(false);
    expect(isTypoOf('algunos', 'alunos')).toBe(false);
  });

  it('asks more of Bengali and Devanagari, whose vowel signs are code points of their own', () => {
    expect(isTypoOf('प्रकार', 'पत्रकार')).toBe(false);
    expect(isTypoOf('ম্যালেরিযা', 'ম্যালেরিযাা')).toBe(true);
  });
});

describe('deletions', () => {
  it('lists the word with each letter left out once', () => {
    expect(deletions('abc')).toEqual(['bc', 'ac', 'ab']);
  });
});
