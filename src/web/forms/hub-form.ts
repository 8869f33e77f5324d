import type { Hub } from '../../domain/hubs/hubs.js';
import { list, num, str, type FormBody } from './form-body.js';

/** The hub profile from the form, in the shape the domain validates. */
export function formToHubProfile(body: FormBody) {
  return {
    kind: str(body, 'kind'),
    communityType: str(body, 'communityType'),
    country: str(body, 'country'),
    adminArea: str(body, 'adminArea'),
    latitude: num(body, 'latitude'),
    longitude: num(body, 'longitude'),
    languages: list(body, 'languages'),
    internet: str(body, 'internet'),
    mobile: str(body, 'mobile'),
    hasSms: str(body, 'hasSms') === 'yes',
    radioName: str(body, 'radioName'),
    radioFrequency: str(body, 'radioFrequency'),
    electricity: str(body, 'electricity'),
    population: num(body, 'population'),
    themes: list(body, 'themes'),
    contactName: str(body, 'contactName'),
    contactEmail: str(body, 'contactEmail'),
    contactPhone: str(body, 'contactPhone'),
  };
}

export const formToHubText = (body: FormBody) => ({ name: str(body, 'text.name'), description: str(body, 'text.description') });

export type HubFormValues = ReturnType<typeof formToHubProfile> & { originalLanguage: string; text: { name: string; description: string } };

export function hubValuesFromBody(body: FormBody): HubFormValues {
  return { ...formToHubProfile(body), originalLanguage: str(body, 'originalLanguage'), text: formToHubText(body) };
}

export function hubValuesFromHub(h: Hub | null, lang: string): HubFormValues {
  return {
    kind: h?.kind ?? '', communityType: h?.communityType ?? '', country: h?.country ?? '', adminArea: h?.adminArea ?? '',
    latitude: h?.latitude ?? null, longitude: h?.longitude ?? null, languages: h?.languages ?? [], internet: h?.internet ?? '',
    mobile: h?.mobile ?? '', hasSms: h?.hasSms ?? false, radioName: h?.radioName ?? '', radioFrequency: h?.radioFrequency ?? '',
    electricity: h?.electricity ?? '', population: h?.population ?? null, themes: h?.themes ?? [],
    contactName: h?.contact?.name ?? '', contactEmail: h?.contact?.email ?? '', contactPhone: h?.contact?.phone ?? '',
    originalLanguage: h?.originalLanguage ?? lang, text: h?.texts[lang] ?? { name: '', description: '' },
  };
}
