import { XMLParser } from 'fast-xml-parser';
import { decodeReferences, readSafeXml, tagOf, textOf, unknownReference, type OrderedNode, type XmlRefusal } from '../../lib/safe-xml.js';
import { CAP_MAX_BYTES, type CapError } from './cap.js';

/**
 * The XML layer under parseCap: from text to a tree of elements with resolved namespaces, or the
 * reasons the text is not XML we accept. fast-xml-parser does not resolve namespaces (done here); the
 * other gaps it leaves are closed by lib/safe-xml.ts.
 */
export type XmlElement = {
  /** As written, with its prefix if any. */
  name: string;
  local: string;
  /** The namespace the prefix (or the default namespace) is bound to; undefined when none. */
  ns: string | undefined;
  children: XmlElement[];
  /** Character data and CDATA sections concatenated, references decoded, not trimmed. */
  text: string;
};

type XmlResult = { ok: true; root: XmlElement } | { ok: false; errors: CapError[] };

// Deeper than any CAP element (alert/info/area/geocode/value), with room for an XML signature.
const MAX_DEPTH = 32;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  processEntities: false, // we decode references ourselves: the parser leaves &#…; as written
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
});

const fail = (r: XmlRefusal): XmlResult => ({ ok: false, errors: [{ path: '', ...r }] });

function toElement(node: OrderedNode, name: string, scope: Map<string, string>, problems: string[]): XmlElement {
  const attrs = (node[':@'] ?? {}) as Record<string, string>;
  let inner = scope;
  for (const [attr, value] of Object.entries(attrs)) {
    if (attr !== 'xmlns' && !attr.startsWith('xmlns:')) continue;
    if (inner === scope) inner = new Map(scope);
    inner.set(attr === 'xmlns' ? '' : attr.slice(6), decodeReferences(value, problems));
  }
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const el: XmlElement = { name, local: name.slice(colon + 1), ns: inner.get(prefix) || undefined, children: [], text: '' };
  for (const child of node[name] as OrderedNode[]) {
    const tag = tagOf(child);
    if (tag) el.children.push(toElement(child, tag, inner, problems));
    else el.text += textOf(child, problems);
  }
  return el;
}

/**
 * Reads `xml` into an element tree with resolved namespaces. Refuses (each with a CapError at path ''):
 * too_large past CAP_MAX_BYTES, before any parsing; doctype for a DOCTYPE or entity declaration; not_xml for
 * text that is not well-formed XML, with the parser's line and column when it gives them (lib/safe-xml.ts).
 */
export function readXml(xml: string): XmlResult {
  const read = readSafeXml(xml, { parser, maxBytes: CAP_MAX_BYTES, what: 'A CAP file' });
  if (!read.ok) return fail(read.refusal);
  const problems: string[] = [];
  const root = toElement(read.root, read.name, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), problems);
  const unknown = unknownReference(problems);
  return unknown ? fail(unknown) : { ok: true, root };
}
