/**
 * Which of the audio formats a story may carry this file is, judged by its first bytes, not by the name or the
 * type the browser sent (either can say anything). Pure.
 */

export const AUDIO_TYPES = ['audio/ogg', 'audio/mpeg', 'audio/wav'] as const;
export type AudioType = (typeof AUDIO_TYPES)[number];
export const MAX_AUDIO_BYTES = 1024 * 1024;

const startsWith = (b: Uint8Array, ascii: string, at = 0) => [...ascii].every((ch, i) => b[at + i] === ch.charCodeAt(0));

/** 'audio/ogg' for an Ogg stream (Opus, Vorbis), 'audio/mpeg' for MP3 (with an ID3 tag or a bare frame), 'audio/wav' for RIFF/WAVE; else null. */
export function audioTypeOf(bytes: Uint8Array): AudioType | null {
  if (bytes.length < 12) return null;
  if (startsWith(bytes, 'OggS')) return 'audio/ogg';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WAVE', 8)) return 'audio/wav';
  if (startsWith(bytes, 'ID3')) return 'audio/mpeg';
  // An MPEG audio frame header: 11 sync bits, then a version and a layer that are not "reserved".
  const [a = 0, b = 0] = bytes;
  if (a === 0xff && (b & 0xe0) === 0xe0 && (b & 0x18) !== 0x08 && (b & 0x06) !== 0) return 'audio/mpeg';
  return null;
}
