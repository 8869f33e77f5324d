import { z } from 'zod';

/**
 * A model of an OASIS Common Alerting Protocol 1.2 message (CAP-V1.2, 2010), element for element.
 * Field names are the standard's element names so that a CAP document and this model read alike.
 * Dates stay in CAP's own form (`2026-11-28T10:00:00+01:00`) to keep the author's offset;
 * `parseCapDateTime` turns one into a Date. Reading: cap-parse.ts; writing: cap-write.ts;
 * rules on values: cap-validate.ts; the Atom feed of active alerts: cap-feed.ts.
 */
export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

/** Older versions we recognise only to say why we refuse them. */
export const OLDER_CAP_NAMESPACES: Record<string, string> = {
  'urn:oasis:names:tc:emergency:cap:1.1': 'CAP 1.1',
  'http://www.incident.com/cap/1.0': 'CAP 1.0',
};

/** The media type of a CAP document (IANA registration for CAP 1.2). */
export const CAP_MEDIA_TYPE = 'application/cap+xml';

/**
 * The largest CAP file we read: 1 MB. Real alerts are a few KB, large ones (detailed polygons in
 * several languages) a few hundred KB; resources are referenced by URI, and `derefUri` is the only
 * thing that could make a file bigger — a file past this is more likely an attack than an alert.
 */
export const CAP_MAX_BYTES = 1024 * 1024;

// The closed vocabularies of CAP 1.2, as zod enums so the authoring form can validate with them too.
export const capStatus = z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft']);
export const capMsgType = z.enum(['Alert', 'Update', 'Cancel', 'Ack', 'Error']);
export const capScope = z.enum(['Public', 'Restricted', 'Private']);
export const capCategory = z.enum(['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other']);
export const capResponseType = z.enum(['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None']);
export const capUrgency = z.enum(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']);
export const capSeverity = z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']);
export const capCertainty = z.enum(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']);

export type CapStatus = z.infer<typeof capStatus>;
export type CapMsgType = z.infer<typeof capMsgType>;
export type CapScope = z.infer<typeof capScope>;
export type CapCategory = z.infer<typeof capCategory>;
export type CapResponseType = z.infer<typeof capResponseType>;
export type CapUrgency = z.infer<typeof capUrgency>;
export type CapSeverity = z.infer<typeof capSeverity>;
export type CapCertainty = z.infer<typeof capCertainty>;

/** WGS 84 decimal degrees. Objects rather than pairs: CAP writes "lat,lon", GeoJSON [lon, lat]. */
export type CapPoint = { lat: number; lon: number };
export type CapCircle = { center: CapPoint; radiusKm: number };
/** eventCode, parameter and geocode: a name from some agreed system and its value. */
export type CapValuePair = { valueName: string; value: string };
/** One "sender,identifier,sent" triple of `references`. */
export type CapReference = { sender: string; identifier: string; sent: string };

export type CapResource = {
  resourceDesc: string;
  mimeType: string;
  size?: number;
  uri?: string;
  derefUri?: string;
  digest?: string;
};

export type CapArea = {
  areaDesc: string;
  /** Each polygon is closed: its first and last points are the same (at least 4 points). */
  polygon: CapPoint[][];
  circle: CapCircle[];
  geocode: CapValuePair[];
  /** Feet above mean sea level; `ceiling` is only meaningful with `altitude`. */
  altitude?: number;
  ceiling?: number;
};

export type CapInfo = {
  /** BCP 47 (xs:language); CAP's implicit default "en-US" is filled in when the element is absent. */
  language: string;
  category: CapCategory[];
  event: string;
  responseType: CapResponseType[];
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  audience?: string;
  eventCode: CapValuePair[];
  effective?: string;
  onset?: string;
  expires?: string;
  senderName?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  web?: string;
  contact?: string;
  parameter: CapValuePair[];
  resource: CapResource[];
  area: CapArea[];
};

export type CapAlert = {
  identifier: string;
  sender: string;
  sent: string;
  status: CapStatus;
  msgType: CapMsgType;
  source?: string;
  scope: CapScope;
  restriction?: string;
  /** Space-separated in CAP, an address with spaces in double quotes; here one string per address. */
  addresses: string[];
  code: string[];
  note?: string;
  references: CapReference[];
  /** Same list form as `addresses`. */
  incidents: string[];
  info: CapInfo[];
};

export type CapErrorCode =
  | 'too_large'
  | 'not_xml'
  | 'doctype'
  | 'not_cap'
  | 'unknown_element'
  | 'unexpected_text'
  | 'duplicate'
  | 'out_of_order'
  | 'missing'
  | 'invalid_enum'
  | 'invalid_datetime'
  | 'invalid_characters'
  | 'invalid_reference'
  | 'invalid_language'
  | 'invalid_polygon'
  | 'invalid_circle'
  | 'invalid_number'
  // Not produced here, but by the alerts service when it imports a valid file: an <area> naming no hub, admin
  // area or country we know; an Update or Cancel of an alert this node does not have; a message that is not
  // an actual alert (Test, Exercise…) or not one we send (Ack, Error); the same sender and identifier twice.
  | 'unresolved_area'
  | 'unknown_reference'
  | 'not_actual'
  | 'already_imported';

/**
 * Why a CAP document or model was refused. `code` is stable (the interface translates it), `path`
 * names the element as in the model (`info[1].area[0].polygon[0]`, '' for the whole file), `detail`
 * is an English explanation for logs and the command line; line and column come from the XML parser.
 */
export type CapError = { path: string; code: CapErrorCode; detail: string; line?: number; column?: number };

export type CapResult = { ok: true; alert: CapAlert } | { ok: false; errors: CapError[] };

// CAP 1.2 schema: \d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d[-,+]\d\d:\d\d — no "Z", no fractions of a second.
const CAP_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/;

/** The instant a CAP dateTime names, or null when the text is not one (wrong form or impossible date). */
export function parseCapDateTime(text: string): Date | null {
  const m = CAP_DATETIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s, sign, oh, om] = [...m.slice(1, 7).map(Number), m[7], Number(m[8]), Number(m[9])] as [number, number, number, number, number, number, string, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || oh > 14 || om > 59) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(local).getUTCDate() !== d) return null; // 31 April, 29 February of a common year
  const offset = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  return new Date(local - offset * 60_000);
}

/** A Date in CAP's form, in UTC: CAP forbids "Z" and writes UTC as "-00:00". */
export function toCapDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}-00:00`;
}
