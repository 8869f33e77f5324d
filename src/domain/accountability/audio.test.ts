import { describe, expect, it } from 'vitest';
import { audioTypeOf } from './audio.js';

const bytes = (head: number[] | string, length = 64) => {
  const b = new Uint8Array(length);
  b.set(typeof head === 'string' ? [...head].map((c) => c.charCodeAt(0)) : head);
  return b;
};

describe('audioTypeOf', () => {
  it('knows Ogg, WAV and MP3 (ID3 tag or bare frame) by their first bytes', () => {
    expect(audioTypeOf(bytes('OggS\u0000\u0002'))).toBe('audio/ogg');
    expect(audioTypeOf(bytes('RIFF\u0024\u0000\u0000\u0000WAVEfmt '))).toBe('audio/wav');
    expect(audioTypeOf(bytes('ID3\u0004\u0000'))).toBe('audio/mpeg');
    expect(audioTypeOf(bytes([0xff, 0xfb, 0x90, 0x64]))).toBe('audio/mpeg');
  });

  it('refuses what only claims to be audio: HTML, a PDF, a RIFF that is not WAVE, reserved MPEG bits, a stub', () => {
    expect(audioTypeOf(bytes('<html><script>alert(1)</script>'))).toBeNull();
    expect(audioTypeOf(bytes('%PDF-1.7'))).toBeNull();
    expect(audioTypeOf(bytes('RIFF\u0024\u0000\u0000\u0000AVI LIST'))).toBeNull();
    expect(audioTypeOf(bytes([0xff, 0xe9, 0x90, 0x64]))).toBeNull(); // version bits 01: reserved
    expect(audioTypeOf(bytes([0xff, 0xf9, 0x90, 0x64]))).toBeNull(); // layer bits 00: reserved
    expect(audioTypeOf(bytes('OggS', 4))).toBeNull();
  });
});
