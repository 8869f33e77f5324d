/**
 * Numbers and names as SMPP carries them: an address and its type of number (TON) and numbering plan
 * (NPI). Pure.
 */
export type SmppAddress = { addr: string; ton: number; npi: number };

/** E.164 ("+227…") is international/ISDN without its "+", other digits unknown/ISDN, a name alphanumeric. */
export function addressFields(address: string): SmppAddress {
  if (/^\+\d+$/.test(address)) return { addr: address.slice(1), ton: 1, npi: 1 };
  if (/^\d+$/.test(address)) return { addr: address, ton: 0, npi: 1 };
  return { addr: address, ton: address ? 5 : 0, npi: 0 };
}

/** A received address as text: digits of international type get their "+" back. */
export function readAddress(addr: unknown, ton: unknown): string {
  const value = typeof addr === 'string' ? addr : '';
  return ton === 1 && /^\d+$/.test(value) ? `+${value}` : value;
}

/**
 * The fields of each submit_sm or deliver_sm carrying one encoded message from `from` to `to`: addresses,
 * the UDH indicator for concatenated parts, the data coding, and each part's bytes as they go to the wire.
 */
export function messageFields(from: string, to: string, encoded: { dataCoding: number; parts: Buffer[]; udh: boolean }): Record<string, unknown>[] {
  const src = addressFields(from);
  const dst = addressFields(to);
  return encoded.parts.map((body) => ({
    source_addr_ton: src.ton,
    source_addr_npi: src.npi,
    source_addr: src.addr,
    dest_addr_ton: dst.ton,
    dest_addr_npi: dst.npi,
    destination_addr: dst.addr,
    esm_class: encoded.udh ? 0x40 : 0,
    data_coding: encoded.dataCoding,
    // A Buffer goes to the wire as it is: the package neither re-encodes it nor touches data_coding.
    short_message: body,
  }));
}
