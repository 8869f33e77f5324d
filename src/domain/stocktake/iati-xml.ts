import { XMLParser } from 'fast-xml-parser';
import { decodeReferences, readSafeXml, tagOf, textOf, unknownReference, type OrderedNode, type Position, type XmlRefusal } from '../../lib/safe-xml.js';
import { IATI_MAX_BYTES, type IatiError } from './iati.js';

/**
 * The XML layer under parseIatiActivities: from text to a tree of elements with their positions, or the
 * reason the text is not XML we accept; the guards (no DOCTYPE or entity declarations, references decoded
 * by us, CR LF read as LF) are lib/safe-xml.ts's, shared with alerts/cap-xml.ts.
 * Namespaces are not resolved: IATI elements have none, and prefixed extension elements are skipped by name.
 */
export type IatiElement = {
  /** As written, with its prefix if any. */
  name: string;
  /** Attribute values with references decoded; `xml:lang` keeps its prefix. */
  attrs: Record<string, string>;
  children: IatiElement[];
  /** Character data and CDATA sections concatenated, references decoded, not trimmed. */
  text: string;
  /** Offset of the start tag in the text given to readIatiXml (after a byte-order mark is dropped). */
  start: number;
};

export type { Position };
export type XmlReadResult = { ok: true; root: IatiElement; positionOf: (offset: number) => Position } | { ok: false; errors: IatiError[] };

// iati-activity/result/indicator/period/target/dimension is the deepest part of the standard (7 levels).
const MAX_DEPTH = 32;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  processEntities: false, // no entity expansion: references are decoded by decodeReferences
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
  captureMetaData: true, // start offsets, to say on which line a skipped activity is
});
// Typed as the `Symbol` wrapper by the library; it is a symbol.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const refuse = (r: XmlRefusal): XmlReadResult => ({ ok: false, errors: [{ path: '', ...r }] });

function toElement(node: OrderedNode, name: string, problems: string[]): IatiElement {
  const attrs: Record<string, string> = {};
  for (const [attr, value] of Object.entries((node[':@'] ?? {}) as Record<string, string>)) attrs[attr] = decodeReferences(value, problems);
  const start = (node[META] as { startIndex?: number } | undefined)?.startIndex ?? 0;
  const el: IatiElement = { name, attrs, children: [], text: '', start };
  for (const child of node[name] as OrderedNode[]) {
    const tag = tagOf(child);
    if (tag) el.children.push(toElement(child, tag, problems));
    else el.text += textOf(child, problems);
  }
  return el;
}

/**
 * Reads `xml` into an element tree. Refuses, each with one IatiError at path '': too_large past
 * IATI_MAX_BYTES before any parsing; doctype for a DOCTYPE or entity declaration; not_xml for text that is
 * not well-formed XML, with the line and column when the parser gives them (lib/safe-xml.ts).
 */
export function readIatiXml(xml: string): XmlReadResult {
  const read = readSafeXml(xml, { parser, maxBytes: IATI_MAX_BYTES, what: 'An IATI file' });
  if (!read.ok) return refuse(read.refusal);
  const problems: string[] = [];
  const root = toElement(read.root, read.name, problems);
  const unknown = unknownReference(problems);
  return unknown ? refuse(unknown) : { ok: true, root, positionOf: read.at };
}
