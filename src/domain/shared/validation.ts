import type { z } from 'zod';
import { DomainError, type FieldErrors } from '../errors.js';

/** Turns zod issues into message keys per field path ("texts.fr.title"), the first issue per field. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (fields[path]) continue;
    fields[path] = messageKey(issue);
  }
  return fields;
}

/** "validation.too_long:300" carries its limit after the colon for the message's {max}. */
function messageKey(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big' && issue.origin === 'string') return `validation.too_long:${issue.maximum}`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `validation.too_many:${issue.maximum}`;
  if (/^(validation|import|process|stocktake|plan|accountability|story)\.[a-z_]+/.test(issue.message)) {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'validation.required';
    return issue.message;
  }
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'validation.required' : 'validation.invalid_type';
    case 'too_big':
      return 'validation.too_long';
    case 'too_small':
      return 'validation.required';
    case 'invalid_value':
      return 'validation.invalid_choice';
    case 'unrecognized_keys':
      return 'validation.unknown_field';
    default:
      return 'validation.invalid';
  }
}

/** Parses or throws DomainError('invalid') carrying field message keys. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new DomainError('invalid', 'error.invalid', toFieldErrors(result.error));
}
