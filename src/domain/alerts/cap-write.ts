import { CAP_NAMESPACE, type CapAlert, type CapArea, type CapInfo, type CapPoint, type CapResource, type CapValuePair } from './cap.js';

// Characters XML 1.0 cannot carry even escaped; a model typed in a form could hold them.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

/**
 * Escapes text for XML element content, or with `inAttribute` for a double-quoted attribute. Carriage
 * returns are written as references because a parser reads a literal CR LF as LF; lone surrogates
 * become U+FFFD and characters XML cannot carry are dropped.
 */
export function escapeXml(text: string, inAttribute = false): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(NOT_XML, '')
    .replace(inAttribute ? /[&<>"\r]/g : /[&<>\r]/g, (c) => ESCAPES[c]!);
}

/** A number as xs:decimal wants it: never in exponent form. */
function decimal(n: number): string {
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(20).replace(/\.?0+$/, '') : s;
}

const point = (p: CapPoint) => `${decimal(p.lat)},${decimal(p.lon)}`;
/** CAP's list form: space-separated, an item holding spaces in double quotes. */
const list = (items: string[]) => items.map((s) => (/\s/.test(s) ? `"${s}"` : s)).join(' ');

type Line = string | Line[];

function el(name: string, value: string | number | undefined): Line[] {
  if (value === undefined) return [];
  return [`<${name}>${typeof value === 'number' ? decimal(value) : escapeXml(value)}</${name}>`];
}

function block(name: string, body: Line[]): Line[] {
  return [`<${name}>`, body, `</${name}>`];
}

const pairs = (name: string, values: CapValuePair[]) => values.flatMap((p) => block(name, [...el('valueName', p.valueName), ...el('value', p.value)]));

function resourceLines(r: CapResource): Line[] {
  return block('resource', [...el('resourceDesc', r.resourceDesc), ...el('mimeType', r.mimeType), ...el('size', r.size), ...el('uri', r.uri), ...el('derefUri', r.derefUri), ...el('digest', r.digest)]);
}

function areaLines(a: CapArea): Line[] {
  return block('area', [
    ...el('areaDesc', a.areaDesc),
    ...a.polygon.flatMap((points) => el('polygon', points.map(point).join(' '))),
    ...a.circle.flatMap((c) => el('circle', `${point(c.center)} ${decimal(c.radiusKm)}`)),
    ...pairs('geocode', a.geocode),
    ...el('altitude', a.altitude),
    ...el('ceiling', a.ceiling),
  ]);
}

function infoLines(i: CapInfo): Line[] {
  return block('info', [
    ...el('language', i.language),
    ...i.category.flatMap((c) => el('category', c)),
    ...el('event', i.event),
    ...i.responseType.flatMap((r) => el('responseType', r)),
    ...el('urgency', i.urgency),
    ...el('severity', i.severity),
    ...el('certainty', i.certainty),
    ...el('audience', i.audience),
    ...pairs('eventCode', i.eventCode),
    ...(['effective', 'onset', 'expires', 'senderName', 'headline', 'description', 'instruction', 'web', 'contact'] as const).flatMap((k) => el(k, i[k])),
    ...pairs('parameter', i.parameter),
    ...i.resource.flatMap(resourceLines),
    ...i.area.flatMap(areaLines),
  ]);
}

function render(lines: Line[], depth: number): string[] {
  return lines.flatMap((l) => (typeof l === 'string' ? [`${'  '.repeat(depth)}${l}`] : render(l, depth + 1)));
}

/**
 * A CAP 1.2 document for `alert`: UTF-8, the CAP namespace as default, elements in the schema's order,
 * text escaped, numbers as decimals. It writes what the model holds: check the model with
 * validateCapAlert first when it did not come from parseCap. For a model parseCap returned,
 * parseCap(toCapXml(a)) gives back `a` (parseCap trims values, so other models may differ in spaces).
 */
export function toCapXml(alert: CapAlert): string {
  const a = alert;
  const body: Line[] = [
    ...el('identifier', a.identifier),
    ...el('sender', a.sender),
    ...el('sent', a.sent),
    ...el('status', a.status),
    ...el('msgType', a.msgType),
    ...el('source', a.source),
    ...el('scope', a.scope),
    ...el('restriction', a.restriction),
    ...(a.addresses.length > 0 ? el('addresses', list(a.addresses)) : []),
    ...a.code.flatMap((c) => el('code', c)),
    ...el('note', a.note),
    ...(a.references.length > 0 ? el('references', a.references.map((r) => `${r.sender},${r.identifier},${r.sent}`).join(' ')) : []),
    ...(a.incidents.length > 0 ? el('incidents', list(a.incidents)) : []),
    ...a.info.flatMap(infoLines),
  ];
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<alert xmlns="${CAP_NAMESPACE}">`, ...render(body, 1), '</alert>', ''].join('\n');
}
