import type { z } from 'zod';
import {
  capCategory,
  capCertainty,
  capMsgType,
  capResponseType,
  capScope,
  capSeverity,
  capStatus,
  capUrgency,
  parseCapDateTime,
  type CapAlert,
  type CapArea,
  type CapError,
  type CapInfo,
  type CapPoint,
  type CapValuePair,
} from './cap.js';

// CAP 1.2 §3.2.1: identifier and sender "MUST NOT include spaces, commas or restricted characters (< and &)".
const RESTRICTED = /[\s,<&]/;
// xs:language, the type of <language>.
const LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;
// Message types that act on earlier messages, which <references> names (CAP 1.2 §3.2.1, msgType).
const NEEDS_REFERENCES = new Set(['Update', 'Cancel', 'Ack', 'Error']);

type Collect = (path: string, code: CapError['code'], detail: string) => void;

/** The element a path ends on: `info[0].area[1].areaDesc` → `areaDesc`. */
const elementOf = (path: string) => path.slice(path.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');

function checkRequired(add: Collect, path: string, value: string | undefined, why = 'is required') {
  if (value === undefined || value.trim() === '') add(path, 'missing', `<${elementOf(path)}> ${why}.`);
  return value !== undefined && value.trim() !== '';
}

function checkName(add: Collect, path: string, value: string) {
  if (checkRequired(add, path, value) && RESTRICTED.test(value)) {
    add(path, 'invalid_characters', `"${value.slice(0, 80)}" contains a space, a comma, "<" or "&", which CAP forbids here.`);
  }
}

function checkEnum(add: Collect, path: string, value: string | undefined, schema: z.ZodEnum, required = true) {
  if (value === undefined || value === '') {
    if (required) checkRequired(add, path, value);
  } else if (!schema.safeParse(value).success) {
    add(path, 'invalid_enum', `"${value.slice(0, 40)}" is not one of ${schema.options.join(', ')}.`);
  }
}

function checkDateTime(add: Collect, path: string, value: string | undefined) {
  if (value === undefined || parseCapDateTime(value)) return;
  const why = /Z$/i.test(value)
    ? 'CAP forbids the "Z" suffix; write UTC as -00:00'
    : /\.\d+/.test(value)
      ? 'CAP allows no fractions of a second'
      : 'expected the form 2026-11-28T10:00:00+01:00';
  add(path, 'invalid_datetime', `"${value.slice(0, 40)}" is not a CAP date and time: ${why}.`);
}

function checkPairs(add: Collect, path: string, pairs: CapValuePair[]) {
  pairs.forEach((p, i) => {
    checkRequired(add, `${path}[${i}].valueName`, p.valueName);
    checkRequired(add, `${path}[${i}].value`, p.value);
  });
}

const isPointValid = (p: CapPoint) => Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;

function checkArea(add: Collect, path: string, area: CapArea) {
  checkRequired(add, `${path}.areaDesc`, area.areaDesc);
  area.polygon.forEach((points, i) => {
    const at = `${path}.polygon[${i}]`;
    const first = points[0];
    const last = points[points.length - 1];
    const bad = points.findIndex((p) => !isPointValid(p));
    if (points.length < 4) add(at, 'invalid_polygon', `A polygon needs at least 4 points (the first repeated at the end); it has ${points.length}.`);
    else if (bad !== -1) add(at, 'invalid_polygon', `Point ${bad + 1} is outside latitude −90…90 or longitude −180…180.`);
    else if (first!.lat !== last!.lat || first!.lon !== last!.lon) add(at, 'invalid_polygon', 'The polygon is not closed: its last point must repeat its first.');
  });
  area.circle.forEach((c, i) => {
    if (!isPointValid(c.center)) add(`${path}.circle[${i}]`, 'invalid_circle', 'The centre is outside latitude −90…90 or longitude −180…180.');
    else if (!Number.isFinite(c.radiusKm) || c.radiusKm < 0) add(`${path}.circle[${i}]`, 'invalid_circle', 'The radius must be a number of kilometres, 0 or more.');
  });
  checkPairs(add, `${path}.geocode`, area.geocode);
  for (const key of ['altitude', 'ceiling'] as const) {
    const value = area[key];
    if (value !== undefined && !Number.isFinite(value)) add(`${path}.${key}`, 'invalid_number', `<${key}> must be a number of feet.`);
  }
  if (area.ceiling !== undefined && area.altitude === undefined) add(`${path}.altitude`, 'missing', '<ceiling> may only be used with <altitude>.');
  else if (area.ceiling !== undefined && area.altitude !== undefined && area.ceiling < area.altitude) {
    add(`${path}.ceiling`, 'invalid_number', '<ceiling> is below <altitude>.');
  }
}

function checkInfo(add: Collect, path: string, info: CapInfo) {
  if (!LANGUAGE.test(info.language)) add(`${path}.language`, 'invalid_language', `"${info.language.slice(0, 40)}" is not a language tag such as fr, ha or fr-NE.`);
  if (info.category.length === 0) add(`${path}.category`, 'missing', '<info> needs at least one <category>.');
  info.category.forEach((c, i) => checkEnum(add, `${path}.category[${i}]`, c, capCategory));
  checkRequired(add, `${path}.event`, info.event);
  info.responseType.forEach((r, i) => checkEnum(add, `${path}.responseType[${i}]`, r, capResponseType));
  checkEnum(add, `${path}.urgency`, info.urgency, capUrgency);
  checkEnum(add, `${path}.severity`, info.severity, capSeverity);
  checkEnum(add, `${path}.certainty`, info.certainty, capCertainty);
  checkPairs(add, `${path}.eventCode`, info.eventCode);
  for (const key of ['effective', 'onset', 'expires'] as const) checkDateTime(add, `${path}.${key}`, info[key]);
  checkPairs(add, `${path}.parameter`, info.parameter);
  info.resource.forEach((r, i) => {
    checkRequired(add, `${path}.resource[${i}].resourceDesc`, r.resourceDesc);
    checkRequired(add, `${path}.resource[${i}].mimeType`, r.mimeType);
    if (r.size !== undefined && !(Number.isInteger(r.size) && r.size >= 0)) add(`${path}.resource[${i}].size`, 'invalid_number', '<size> must be a whole number of bytes.');
  });
  info.area.forEach((a, i) => checkArea(add, `${path}.area[${i}]`, a));
}

/**
 * The rules of CAP 1.2 on values, over a model read from XML or built by the authoring form: required
 * elements, enumerations, date forms, identifiers, references, polygons and circles, and the rules
 * between elements (restriction with Restricted, addresses with Private, references with Update,
 * Cancel, Ack and Error). Returns every error found; an empty list means valid. Pure.
 */
export function validateCapAlert(alert: CapAlert): CapError[] {
  const errors: CapError[] = [];
  const add: Collect = (path, code, detail) => errors.push({ path, code, detail });
  checkName(add, 'identifier', alert.identifier);
  checkName(add, 'sender', alert.sender);
  if (checkRequired(add, 'sent', alert.sent)) checkDateTime(add, 'sent', alert.sent);
  checkEnum(add, 'status', alert.status, capStatus);
  checkEnum(add, 'msgType', alert.msgType, capMsgType);
  checkEnum(add, 'scope', alert.scope, capScope);
  if (alert.scope === 'Restricted') checkRequired(add, 'restriction', alert.restriction, 'is required when <scope> is Restricted');
  if (alert.scope === 'Private' && alert.addresses.length === 0) add('addresses', 'missing', '<addresses> is required when <scope> is Private.');
  if (NEEDS_REFERENCES.has(alert.msgType) && alert.references.length === 0) {
    add('references', 'missing', `A message of type ${alert.msgType} must name the messages it acts on in <references>.`);
  }
  alert.references.forEach((ref, i) => {
    const at = `references[${i}]`;
    const parts = [ref.sender, ref.identifier];
    if (parts.some((p) => p === '' || RESTRICTED.test(p)) || !parseCapDateTime(ref.sent)) {
      add(at, 'invalid_reference', `"${parts.join(',').slice(0, 80)},${ref.sent.slice(0, 30)}" is not "sender,identifier,sent" with a CAP date and time.`);
    }
  });
  alert.info.forEach((info, i) => checkInfo(add, `info[${i}]`, info));
  return errors;
}
