import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CAP_MAX_BYTES, type CapError } from './cap.js';

/**
 * The XML layer under parseCap: from text to a tree of elements with resolved namespaces, or the
 * reasons the text is not XML we accept. fast-xml-parser does not resolve namespaces, leaves numeric
 * character references undecoded and accepts a few things XML forbids (several root elements,
 * control characters, a DOCTYPE inside an element); this file closes those gaps.
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

const fail = (code: CapError['code'], detail: string, at?: { line: number; column: number }): XmlResult => ({
  ok: false,
  errors: [{ path: '', code, detail, ...at }],
});

function positionOf(text: string, index: number) {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

// Characters XML 1.0 does not allow anywhere, even escaped (lone surrogates included).
const ILLEGAL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Finds a DOCTYPE (where entities are declared: billion-laughs expansion, external entities that read
 * files or URLs) or any other markup declaration, outside comments and CDATA sections. Done on the
 * text because the parser silently drops a DOCTYPE it meets inside an element.
 */
function findDeclaration(text: string): XmlResult | null {
  for (let i = text.indexOf('<!'); i !== -1; i = text.indexOf('<!', i + 2)) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return fail('not_xml', 'A comment is not closed.', positionOf(text, i));
      i = end;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end === -1) return fail('not_xml', 'A CDATA section is not closed.', positionOf(text, i));
      i = end;
    } else if (/^<!(DOCTYPE|ENTITY)/i.test(text.slice(i, i + 9))) {
      return fail('doctype', 'A CAP file may not have a DOCTYPE or declare entities (they can expand without bound or read other files).', positionOf(text, i));
    } else {
      return fail('not_xml', `Unexpected markup declaration "${text.slice(i, i + 12)}".`, positionOf(text, i));
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
  const out = raw.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[^\s;&]*)(;?)/g, (all, ref: string, semi: string) => {
    if (semi && ref.startsWith('#')) {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (isXmlChar(cp)) return String.fromCodePoint(cp);
    } else if (semi && PREDEFINED[ref] !== undefined) {
      return PREDEFINED[ref];
    }
    problems.push(all.slice(0, 20));
    return all;
  });
  return out;
}

type OrderedNode = Record<string, unknown>;

/** The one tag name of a preserveOrder node, or null for text and CDATA nodes. */
function tagOf(node: OrderedNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text' && key !== '#cdata') return key;
  return null;
}

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
    else if ('#text' in child) el.text += decodeReferences(String(child['#text']), problems);
    else if ('#cdata' in child) for (const part of child['#cdata'] as OrderedNode[]) el.text += String(part['#text'] ?? '');
  }
  return el;
}

/**
 * Reads `xml` into an element tree. Refuses (each with a CapError at path ''): too_large past
 * CAP_MAX_BYTES, before any parsing; doctype for a DOCTYPE or entity declaration; not_xml for text that
 * is not well-formed XML, with the parser's line and column when it gives them.
 */
export function readXml(xml: string): XmlResult {
  // A string's UTF-8 size is at least its length in UTF-16 units: most large inputs stop here at no cost.
  if (xml.length > CAP_MAX_BYTES || Buffer.byteLength(xml, 'utf8') > CAP_MAX_BYTES) {
    return fail('too_large', `The file is larger than ${CAP_MAX_BYTES / 1024 / 1024} MB.`);
  }
  // XML parsers must read CR LF and lone CR as LF (XML 1.0 §2.11); fast-xml-parser leaves them.
  const text = (xml.startsWith('\uFEFF') ? xml.slice(1) : xml).replace(/\r\n?/g, '\n');
  if (text.trim() === '') return fail('not_xml', 'The file is empty.');
  const illegal = ILLEGAL_CHAR.exec(text);
  if (illegal) {
    const code = illegal[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return fail('not_xml', `Character U+${code} is not allowed in XML.`, positionOf(text, illegal.index));
  }
  const declaration = findDeclaration(text);
  if (declaration) return declaration;
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    // Several unclosed elements come as a JSON list "at" line 1, column 1: say what it means instead.
    const unclosed = /^Invalid '(\[.*\])' found\.$/.exec(msg);
    if (unclosed) {
      const names = (JSON.parse(unclosed[1]!) as string[]).map((n) => `<${n}>`).join(', ');
      return fail('not_xml', `The file ends before ${names} are closed: it may be cut short.`);
    }
    return fail('not_xml', msg, { line, column: col });
  }
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (e) {
    // Nesting past MAX_DEPTH, or input the validator let through but the parser cannot read.
    return fail('not_xml', (e as Error).message);
  }
  const roots = nodes.filter((n) => tagOf(n) !== null);
  if (roots.length !== 1) return fail('not_xml', roots.length === 0 ? 'There is no root element.' : 'There is more than one root element.');
  const problems: string[] = [];
  const root = roots[0]!;
  const el = toElement(root, tagOf(root)!, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), problems);
  if (problems.length > 0) return fail('not_xml', `Unknown entity or invalid character reference "${problems[0]}" (only &lt; &gt; &amp; &apos; &quot; and &#…; exist without a DTD).`);
  return { ok: true, root: el };
}
