import type { DeliveryReport, DeliveryState } from './sms.js';

/**
 * Delivery receipts (deliver_sm with esm_class 0x04). SMPP 3.4 leaves their text to the vendor; nearly
 * all follow its Appendix B: "id:… sub:001 dlvrd:001 submit date:YYMMDDhhmm done date:YYMMDDhhmm
 * stat:DELIVRD err:000 text:…". The receipted_message_id and message_state TLVs, when present, win
 * over the text. Pure.
 */
export type ReceiptFields = {
  text: string;
  receiptedMessageId?: string;
  messageState?: number;
  /** network_error_code TLV: network type, then a 16-bit code. */
  networkErrorCode?: Buffer;
};

/** message_state TLV values (SMPP 3.4, 5.3.2.35). ENROUTE and ACCEPTED are not final: "accepted". */
const STATES: Record<number, DeliveryState> = {
  1: 'accepted',
  2: 'delivered',
  3: 'expired',
  4: 'failed',
  5: 'failed',
  6: 'accepted',
  7: 'unknown',
  8: 'rejected',
};

/** stat: words, by their first five letters (vendors write DELIVRD or DELIVERED, UNDELIV or UNDELIVERABLE). */
const WORDS: Record<string, DeliveryState> = {
  DELIV: 'delivered',
  UNDEL: 'failed',
  EXPIR: 'expired',
  DELET: 'failed',
  ACCEP: 'accepted',
  ENROU: 'accepted',
  REJEC: 'rejected',
  FAILE: 'failed',
  UNKNO: 'unknown',
};

/** A receipt's report, or null when it names no message. */
export function parseReceipt(fields: ReceiptFields, now: () => Date = () => new Date()): DeliveryReport | null {
  // Whatever follows "text:" is the start of the original message and may contain anything.
  const head = fields.text.split(/\btext:/i)[0] ?? '';
  const field = (name: string) => new RegExp(`(?:^|\\s)${name}:(\\S+)`, 'i').exec(head)?.[1];
  const messageId = fields.receiptedMessageId || field('id');
  if (!messageId) return null;

  const stat = field('stat')?.toUpperCase();
  const state: DeliveryState =
    (fields.messageState !== undefined ? STATES[fields.messageState] : undefined) ??
    (stat ? WORDS[stat.slice(0, 5)] : undefined) ??
    'unknown';

  let errorCode = field('err');
  if (errorCode && /^0+$/.test(errorCode)) errorCode = undefined;
  const network = fields.networkErrorCode;
  if (!errorCode && network && network.length >= 3 && network.readUInt16BE(1) !== 0) {
    errorCode = `${network[0]}:${network.readUInt16BE(1)}`;
  }
  const at = parseSmppDate(/done date:(\d{10,12})/i.exec(head)?.[1]) ?? now();
  const echoed = /\btext:(.*)$/is.exec(fields.text)?.[1]?.trim();
  return { messageId, state, ...(errorCode ? { errorCode } : {}), at, ...(echoed ? { text: echoed } : {}) };
}

/** YYMMDDhhmm[ss], read as UTC (receipts carry no zone). */
function parseSmppDate(value: string | undefined): Date | null {
  if (!value) return null;
  const [yy, mo, dd, hh, mi, ss = '00'] = value.match(/\d\d/g) ?? [];
  const date = new Date(`20${yy}-${mo}-${dd}T${hh}:${mi}:${ss}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function formatSmppDate(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(2, 12);
}

/** The Appendix B text of a receipt, as the local SMSC sends it. */
export function formatReceipt(r: { messageId: string; stat: string; err?: string; submittedAt: Date; doneAt: Date; text: string }): string {
  // Only letters and digits of the original text, so the receipt is plain ASCII and the same in GSM 03.38.
  const excerpt = r.text.slice(0, 20).replace(/[^A-Za-z0-9 ]/g, '.');
  return `id:${r.messageId} sub:001 dlvrd:${r.stat === 'DELIVRD' ? '001' : '000'} submit date:${formatSmppDate(r.submittedAt)} done date:${formatSmppDate(r.doneAt)} stat:${r.stat} err:${r.err ?? '000'} text:${excerpt}`;
}
