export type DomainErrorCode = 'not_found' | 'forbidden' | 'unauthenticated' | 'conflict' | 'invalid' | 'rate_limited';

export type FieldErrors = Record<string, string>;

/**
 * The one error type the domain throws. `message` is a message key for the interface
 * (translated by the adapter), `fields` maps a field path to a message key.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = 'error.not_found') => new DomainError('not_found', what);
export const forbidden = (why = 'error.forbidden') => new DomainError('forbidden', why);
