import { CAP_NAMESPACE, type CapError, type CapValuePair } from './cap.js';
import type { XmlElement } from './cap-xml.js';

/**
 * The structure of CAP 1.2 as its XML schema defines it — which elements each element holds, in which
 * order, which may repeat — and a reader that checks an element's children against it, so that the
 * code building the model (cap-parse.ts) only asks for values by name.
 */

const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

// Child elements in the order of the CAP 1.2 schema's sequences; "*" marks those that may repeat.
export const ALERT = ['identifier', 'sender', 'sent', 'status', 'msgType', 'source', 'scope', 'restriction', 'addresses', 'code*', 'note', 'references', 'incidents', 'info*'];
export const INFO = ['language', 'category*', 'event', 'responseType*', 'urgency', 'severity', 'certainty', 'audience', 'eventCode*', 'effective', 'onset', 'expires',
  'senderName', 'headline', 'description', 'instruction', 'web', 'contact', 'parameter*', 'resource*', 'area*'];
export const RESOURCE = ['resourceDesc', 'mimeType', 'size', 'uri', 'derefUri', 'digest'];
export const AREA = ['areaDesc', 'polygon*', 'circle*', 'geocode*', 'altitude', 'ceiling'];
const PAIR = ['valueName', 'value'];

export const join = (path: string, name: string) => (path ? `${path}.${name}` : name);
export const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Children of a CAP element by local name, after checking them against the schema's sequence. */
function childrenOf(el: XmlElement, spec: string[], path: string, errors: CapError[]): Map<string, XmlElement[]> {
  const names = spec.map((s) => s.replace('*', ''));
  const found = new Map<string, XmlElement[]>();
  let last = -1;
  if (el.text.trim() !== '') errors.push({ path, code: 'unexpected_text', detail: `<${el.local}> holds elements, not text.` });
  for (const child of el.children) {
    // An XML signature may follow the alert's content (the schema's <any namespace="xmldsig">); we do not check it.
    if (child.ns === XMLDSIG_NAMESPACE && el.local === 'alert') continue;
    const at = names.indexOf(child.local);
    const list = found.get(child.local) ?? [];
    const childPath = join(path, spec[at]?.endsWith('*') ? `${child.local}[${list.length}]` : child.local);
    if (child.ns !== CAP_NAMESPACE || at === -1) {
      const where = child.ns === CAP_NAMESPACE ? '' : ` (namespace ${child.ns ?? 'none'})`;
      errors.push({ path: join(path, child.local), code: 'unknown_element', detail: `<${child.name}>${where} is not part of a CAP 1.2 <${el.local}>.` });
      continue;
    }
    if (list.length > 0 && !spec[at]!.endsWith('*')) {
      errors.push({ path: childPath, code: 'duplicate', detail: `<${child.local}> appears more than once in <${el.local}>.` });
      continue;
    }
    if (at < last) errors.push({ path: childPath, code: 'out_of_order', detail: `<${child.local}> must come before <${names[last]}>.` });
    last = Math.max(last, at);
    list.push(child);
    found.set(child.local, list);
  }
  return found;
}

/** The trimmed text of an element that may only hold text. */
function textOf(el: XmlElement, path: string, errors: CapError[]): string {
  for (const child of el.children) {
    errors.push({ path: join(path, child.local), code: 'unknown_element', detail: `<${el.local}> holds text, not elements such as <${child.name}>.` });
  }
  return el.text.trim();
}

/** Accessors over one element's checked children, reporting paths under `path`. */
export function reader(el: XmlElement, spec: string[], path: string, errors: CapError[]) {
  const found = childrenOf(el, spec, path, errors);
  const all = (name: string) => found.get(name) ?? [];
  return {
    all,
    text: (name: string) => {
      const first = all(name)[0];
      return first ? textOf(first, join(path, name), errors) : undefined;
    },
    texts: (name: string) => all(name).map((e, i) => textOf(e, join(path, `${name}[${i}]`), errors)),
    number: (name: string) => {
      const first = all(name)[0];
      if (!first) return undefined;
      const text = textOf(first, join(path, name), errors);
      if (DECIMAL.test(text)) return Number(text);
      errors.push({ path: join(path, name), code: 'invalid_number', detail: `"${text}" is not a decimal number.` });
      return NaN;
    },
    pairs: (name: string): CapValuePair[] =>
      all(name).map((e, i) => {
        const pair = reader(e, PAIR, join(path, `${name}[${i}]`), errors);
        return { valueName: pair.text('valueName') ?? '', value: pair.text('value') ?? '' };
      }),
  };
}
