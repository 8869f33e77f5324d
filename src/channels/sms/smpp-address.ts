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
