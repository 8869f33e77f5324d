// The full ("max") metadata, not "min": with "min", isValid() only checks lengths and a few leading
// digits, so "+227 00 12 34 56" passes although no Niger number starts with 00 — and an alert would go to
// a number nobody holds, or to a stranger. "max" carries each country's number patterns; its ~150 KB cost
// nothing on a server. The price: a range an operator opens after this release of libphonenumber-js is
// refused until the package is updated — keep it current.
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { DomainError } from '../errors.js';

const INVALID = 'subscribers.invalid_phone';
const invalidPhone = () => new DomainError('invalid', INVALID, { phone: INVALID });

// Digits, one leading "+", and the separators people type. Letters are refused outright: the library would
// read "1-800-FLOWERS" as digits and "ext. 3" as an extension, neither of which receives a text message.
const TYPED = /^[\d\s\u00a0\-./()+]+$/;
const SEPARATORS = /[\s\u00a0\-./()]/g;

/**
 * The number in E.164 ("+22790123456"). International forms (+, 00) need no country; a national
 * form ("90 12 34 56") is read in `defaultCountry`. An SMSC often drops the "+" ("22790123456"): digits
 * with no "+" that fail as a national number are tried as international when there is no default country
 * or when they start with its calling code — never otherwise, so that a mistyped national number does not
 * become someone else's abroad. Throws DomainError('invalid', 'subscribers.invalid_phone'). Pure.
 */
export function normalisePhone(raw: string, defaultCountry?: string): string {
  const typed = raw.trim();
  if (typed.length === 0 || typed.length > 40 || !TYPED.test(typed)) throw invalidPhone();
  let digits = typed.replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(digits)) throw invalidPhone();
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  const country = defaultCountry ? (defaultCountry.toUpperCase() as CountryCode) : undefined;
  const attempts = digits.startsWith('+') ? [digits] : nationalThenInternational(digits, country);
  for (const attempt of attempts) {
    const parsed = parsePhoneNumberFromString(attempt, country ? { defaultCountry: country } : undefined);
    if (parsed?.isValid()) return parsed.number;
  }
  throw invalidPhone();
}

function nationalThenInternational(digits: string, country: CountryCode | undefined): string[] {
  if (!country) return [`+${digits}`];
  let callingCode: string;
  try {
    callingCode = getCountryCallingCode(country);
  } catch {
    throw invalidPhone(); // not a country the metadata knows
  }
  return digits.startsWith(callingCode) ? [digits, `+${digits}`] : [digits];
}

/** The ISO country of an E.164 number, or null (shared numbers, non-geographic ranges). Pure. */
export function phoneCountry(e164: string): string | null {
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

/**
 * A number as shown to anyone who must not see it: its country calling code and last four digits
 * ('+22790123456' → '+227 •••• 3456'). Anything that is not a parsable number shows as '••••'. Pure.
 */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return '••••';
  const national = String(parsed.nationalNumber);
  return national.length > 6 ? `+${parsed.countryCallingCode} •••• ${national.slice(-4)}` : `+${parsed.countryCallingCode} ••••`;
}
