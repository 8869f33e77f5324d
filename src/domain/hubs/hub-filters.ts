import { z } from 'zod';
import { countryCode, oneOf, optionalParam, text } from '../shared/fields.js';
import { HUB_KINDS, THEMES } from '../taxonomy/index.js';

/** Query-string filters of the hub list. */
export const hubFiltersSchema = z.object({
  country: optionalParam(countryCode),
  kind: optionalParam(oneOf(HUB_KINDS)),
  theme: optionalParam(oneOf(THEMES)),
  q: optionalParam(text(100)),
});
