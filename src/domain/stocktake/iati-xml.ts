import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IATI_MAX_BYTES, type IatiError } from './iati.js';

/**
 * The XML layer under parseIatiActivities: from text to a tree of elements with their positions, or the
 * reason the text is not XML we accept. The same guards as alerts/cap-xml.ts (which is bound to CAP's 1 MB
 * limit and messages): no DOCTYPE or entity declarations, references decoded by us, CR LF read as LF.
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

export type Position = { line: number; column: number };
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

const refuse = (code: IatiError['code'], detail: string, at?: Position): XmlReadResult => ({ ok: false, errors: [{ code, path: '', detail, ...at }] });

/** Line and column of offsets in `text`, from a table of line starts built once (a 20 MB file has ~500k lines). */
function locator(text: string): (offset: number) => Position {
  let starts: number[] | null = null;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

// Characters XML 1.0 does not allow anywhere, even escaped (lone surrogates included).
const ILLEGAL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Finds a DOCTYPE (where entities are declared: billion-laughs expansion, external entities that read
 * files or URLs) or any other markup declaration, outside comments and CDATA sections. Done on the text
 * because the parser silently drops a DOCTYPE it meets inside an element.
 */
function findDeclaration(text: string, at: (offset: number) => Position): XmlReadResult | null {
  for (let i = text.indexOf('<!'); i !== -1; i = text.indexOf('<!', i + 2)) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return refuse('not_xml', 'A comment is not closed: the file may be cut short.', at(i));
      i = end;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end === -1) return refuse('not_xml', 'A CDATA section is not closed: the file may be cut short.', at(i));
      i = end;
    } else if (/^<!(DOCTYPE|ENTITY)/i.test(text.slice(i, i + 9))) {
      return refuse('doctype', 'An IATI file may not have a DOCTYPE or declare entities (they can expand without bound or read other files).', at(i));
    } else {
      return refuse('not_xml', `Unexpected markup declaration "${text.slice(i, i + 12)}".`, at(i));
    }
  }
  return null;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function isXmlChar(cp: number) {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Decodes the five predefined entities and character references; anything else is not XML without a DTD. */
function decodeReferences(raw: string, problems: string[]): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[^\s;&]*)(;?)/g, (all, ref: string, semi: string) => {
    if (semi && ref.startsWith('#')) {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (isXmlChar(cp)) return String.fromCodePoint(cp);
    } else if (semi && PREDEFINED[ref] !== undefined) {
      return PREDEFINED[ref];
    }
    problems.push(all.slice(0, 20));
    return all;
  });
}

type OrderedNode = Record<string | symbol, unknown>;

/** The one tag name of a preserveOrder node, or null for text and CDATA nodes. */
function tagOf(node: OrderedNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text' && key !== '#cdata') return key;
  return null;
}

function toElement(node: OrderedNode, name: string, problems: string[]): IatiElement {
  const attrs: Record<string, string> = {};
  for (const [attr, value] of Object.entries((node[':@'] ?? {}) as Record<string, string>)) attrs[attr] = decodeReferences(value, problems);
  const start = (node[META] as { startIndex?: number } | undefined)?.startIndex ?? 0;
  const el: IatiElement = { name, attrs, children: [], text: '', start };
  for (const child of node[name] as OrderedNode[]) {
    const tag = tagOf(child);
    if (tag) el.children.push(toElement(child, tag, problems));
    else if ('#text' in child) el.text += decodeReferences(String(child['#text']), problems);
    else if ('#cdata' in child) for (const part of child['#cdata'] as OrderedNode[]) el.text += String(part['#text'] ?? '');
  }
  return el;
}

/**
 * Reads `xml` into an element tree. Refuses, each with one IatiError at path '': too_large past
 * IATI_MAX_BYTES before any parsing; doctype for a DOCTYPE or entity declaration; not_xml for text that is
 * not well-formed XML, with the line and column when the parser gives them.
 */
export function readIatiXml(xml: string): XmlReadResult {
  // A string's UTF-8 size is at least its length in UTF-16 units: most large inputs stop here at no cost.
  if (xml.length > IATI_MAX_BYTES || Buffer.byteLength(xml, 'utf8') > IATI_MAX_BYTES) {
    return refuse('too_large', `The file is larger than ${IATI_MAX_BYTES / 1024 / 1024} MB.`);
  }
  // XML parsers must read CR LF and lone CR as LF (XML 1.0 §2.11); fast-xml-parser leaves them.
  const text = (xml.startsWith('\uFEFF') ? xml.slice(1) : xml).replace(/\r\n?/g, '\n');
  const at = locator(text);
  if (text.trim() === '') return refuse('not_xml', 'The file is empty.');
  const illegal = ILLEGAL_CHAR.exec(text);
  if (illegal) {
    const code = illegal[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return refuse('not_xml', `Character U+${code} is not allowed in XML.`, at(illegal.index));
  }
  const declaration = findDeclaration(text, at);
  if (declaration) return declaration;
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    // Several unclosed elements come as a JSON list "at" line 1, column 1: say what it means instead.
    const unclosed = /^Invalid '(\[.*\])' found\.$/.exec(msg);
    if (unclosed) {
      const names = (JSON.parse(unclosed[1]!) as string[]).map((n) => `<${n}>`).join(', ');
      return refuse('not_xml', `The file ends before ${names} are closed: it may be cut short.`);
    }
    return refuse('not_xml', msg, { line, column: col });
  }
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (e) {
    // Nesting past MAX_DEPTH, or input the validator let through but the parser cannot read.
    return refuse('not_xml', (e as Error).message);
  }
  const roots = nodes.filter((n) => tagOf(n) !== null);
  if (roots.length !== 1) return refuse('not_xml', roots.length === 0 ? 'There is no root element.' : 'There is more than one root element.');
  const problems: string[] = [];
  const root = toElement(roots[0]!, tagOf(roots[0]!)!, problems);
  if (problems.length > 0) return refuse('not_xml', `Unknown entity or invalid character reference "${problems[0]}" (only &lt; &gt; &amp; &apos; &quot; and &#…; exist without a DTD).`);
  return { ok: true, root, positionOf: at };
}
