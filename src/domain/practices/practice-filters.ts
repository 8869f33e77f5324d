import { z } from 'zod';
import { countryCode, languageTag, oneOf, optionalParam, text, uuid } from '../shared/fields.js';
import { PRACTICE_STATUSES, TECHNOLOGIES, THEMES } from '../taxonomy/index.js';

/** Query-string filters of the practice list. */
export const practiceFiltersSchema = z.object({
  theme: optionalParam(oneOf(THEMES)),
  country: optionalParam(countryCode),
  language: optionalParam(languageTag),
  technology: optionalParam(oneOf(TECHNOLOGIES)),
  hub: optionalParam(uuid),
  status: optionalParam(oneOf(PRACTICE_STATUSES)),
  q: optionalParam(text(100)),
});

export type PracticeFilters = z.output<typeof practiceFiltersSchema>;
