import {
  CAP_NAMESPACE,
  OLDER_CAP_NAMESPACES,
  type CapAlert,
  type CapArea,
  type CapCircle,
  type CapError,
  type CapInfo,
  type CapPoint,
  type CapReference,
  type CapResource,
  type CapResult,
} from './cap.js';
import { ALERT, AREA, DECIMAL, INFO, join, reader, RESOURCE } from './cap-elements.js';
import { validateCapAlert } from './cap-validate.js';
import { readXml, type XmlElement } from './cap-xml.js';

/** CAP's list form: space-separated items, an item with spaces in double quotes. */
function splitList(text: string | undefined): string[] {
  if (!text) return [];
  return [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2] ?? '').trim()).filter((s) => s !== '');
}

function pointOf(pair: string): CapPoint | null {
  const [lat, lon, extra] = pair.split(',');
  if (extra !== undefined || !lat || !lon || !DECIMAL.test(lat) || !DECIMAL.test(lon)) return null;
  return { lat: Number(lat), lon: Number(lon) };
}

function readPolygon(text: string, path: string, errors: CapError[]): CapPoint[] {
  const pairs = text.split(/\s+/).filter((p) => p !== '');
  const points: CapPoint[] = [];
  for (const [i, pair] of pairs.entries()) {
    const point = pointOf(pair);
    if (!point) {
      errors.push({ path, code: 'invalid_polygon', detail: `Pair ${i + 1}, "${pair.slice(0, 40)}", is not "latitude,longitude" (pairs are separated by spaces).` });
      return [];
    }
    points.push(point);
  }
  return points;
}

function readCircle(text: string, path: string, errors: CapError[]): CapCircle {
  const m = /^(\S+)\s+(\S+)$/.exec(text);
  const center = m ? pointOf(m[1]!) : null;
  if (!m || !center || !DECIMAL.test(m[2]!)) {
    errors.push({ path, code: 'invalid_circle', detail: `"${text.slice(0, 60)}" is not "latitude,longitude radius" (radius in km).` });
    return { center: { lat: NaN, lon: NaN }, radiusKm: NaN };
  }
  return { center, radiusKm: Number(m[2]) };
}

function readReferences(text: string | undefined, errors: CapError[]): CapReference[] {
  return splitList(text).map((triple, i) => {
    const [sender, identifier, sent, extra] = triple.split(',');
    if (extra === undefined && sender && identifier && sent) return { sender, identifier, sent };
    errors.push({ path: `references[${i}]`, code: 'invalid_reference', detail: `"${triple.slice(0, 80)}" is not "sender,identifier,sent".` });
    return { sender: '', identifier: '', sent: '' };
  });
}

function readArea(el: XmlElement, path: string, errors: CapError[]): CapArea {
  const r = reader(el, AREA, path, errors);
  const area: CapArea = {
    areaDesc: r.text('areaDesc') ?? '',
    polygon: r.texts('polygon').map((t, i) => readPolygon(t, join(path, `polygon[${i}]`), errors)),
    circle: r.texts('circle').map((t, i) => readCircle(t, join(path, `circle[${i}]`), errors)),
    geocode: r.pairs('geocode'),
  };
  const altitude = r.number('altitude');
  const ceiling = r.number('ceiling');
  if (altitude !== undefined) area.altitude = altitude;
  if (ceiling !== undefined) area.ceiling = ceiling;
  return area;
}

function readResource(el: XmlElement, path: string, errors: CapError[]): CapResource {
  const r = reader(el, RESOURCE, path, errors);
  const resource: CapResource = { resourceDesc: r.text('resourceDesc') ?? '', mimeType: r.text('mimeType') ?? '' };
  const size = r.number('size');
  if (size !== undefined) resource.size = size;
  for (const key of ['uri', 'derefUri', 'digest'] as const) {
    const value = r.text(key);
    if (value !== undefined) resource[key] = value;
  }
  return resource;
}

const OPTIONAL_INFO_TEXTS = ['audience', 'effective', 'onset', 'expires', 'senderName', 'headline', 'description', 'instruction', 'web', 'contact'] as const;

// Enumerated values are cast here and checked by validateCapAlert: the model is only returned when they pass.
function readInfo(el: XmlElement, path: string, errors: CapError[]): CapInfo {
  const r = reader(el, INFO, path, errors);
  const info: CapInfo = {
    language: r.text('language') ?? 'en-US',
    category: r.texts('category') as CapInfo['category'],
    event: r.text('event') ?? '',
    responseType: r.texts('responseType') as CapInfo['responseType'],
    urgency: (r.text('urgency') ?? '') as CapInfo['urgency'],
    severity: (r.text('severity') ?? '') as CapInfo['severity'],
    certainty: (r.text('certainty') ?? '') as CapInfo['certainty'],
    eventCode: r.pairs('eventCode'),
    parameter: r.pairs('parameter'),
    resource: r.all('resource').map((e, i) => readResource(e, join(path, `resource[${i}]`), errors)),
    area: r.all('area').map((e, i) => readArea(e, join(path, `area[${i}]`), errors)),
  };
  for (const key of OPTIONAL_INFO_TEXTS) {
    const value = r.text(key);
    if (value !== undefined) info[key] = value;
  }
  return info;
}

function readAlert(root: XmlElement, errors: CapError[]): CapAlert {
  const r = reader(root, ALERT, '', errors);
  const alert: CapAlert = {
    identifier: r.text('identifier') ?? '',
    sender: r.text('sender') ?? '',
    sent: r.text('sent') ?? '',
    status: (r.text('status') ?? '') as CapAlert['status'],
    msgType: (r.text('msgType') ?? '') as CapAlert['msgType'],
    scope: (r.text('scope') ?? '') as CapAlert['scope'],
    addresses: splitList(r.text('addresses')),
    code: r.texts('code'),
    references: readReferences(r.text('references'), errors),
    incidents: splitList(r.text('incidents')),
    info: r.all('info').map((e, i) => readInfo(e, `info[${i}]`, errors)),
  };
  for (const key of ['source', 'restriction', 'note'] as const) {
    const value = r.text(key);
    if (value !== undefined) alert[key] = value;
  }
  return alert;
}

function notCap(root: XmlElement): CapError | null {
  const older = root.ns ? OLDER_CAP_NAMESPACES[root.ns] : undefined;
  let detail: string | null = null;
  if (root.local !== 'alert') {
    const feed = root.local === 'rss' || root.local === 'feed' ? ' It looks like a news feed: import the CAP files it links to.' : '';
    detail = `The root element is <${root.name}>, not a CAP <alert>.${feed}`;
  } else if (older) detail = `This is a ${older} alert; only CAP 1.2 (${CAP_NAMESPACE}) is accepted.`;
  else if (root.ns !== CAP_NAMESPACE) detail = `<${root.name}> is in namespace ${root.ns ?? '(none)'}, not ${CAP_NAMESPACE}.`;
  return detail ? { path: '', code: 'not_cap', detail } : null;
}

/**
 * Reads a CAP 1.2 document into a CapAlert, or says everything wrong with it. Refuses: too_large,
 * doctype and not_xml (cap-xml.ts), not_cap (root not a CAP 1.2 <alert>; CAP 1.1 is named as such),
 * then, all collected: elements unknown, repeated or out of the schema's order, and every rule of
 * validateCapAlert. Pure and deterministic. An XML signature is accepted but not checked and not kept.
 */
export function parseCap(xml: string): CapResult {
  const read = readXml(xml);
  if (!read.ok) return read;
  const wrongRoot = notCap(read.root);
  if (wrongRoot) return { ok: false, errors: [wrongRoot] };
  const errors: CapError[] = [];
  const alert = readAlert(read.root, errors);
  // A value that could not be read at all is reported once, not again by the rules on values.
  const reported = new Set(errors.map((e) => e.path));
  errors.push(...validateCapAlert(alert).filter((e) => !reported.has(e.path)));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, alert };
}
