import { XMLValidator, type XMLParser } from 'fast-xml-parser';

/**
 * The guards every XML file we accept goes through (CAP alerts, IATI activities), on top of fast-xml-parser,
 * which does not refuse a DOCTYPE inside an element, accepts several roots and control characters, and leaves
 * character references undecoded. Parsers given here must have entity processing off.
 */

export type Position = { line: number; column: number };
export type XmlRefusal = { code: 'too_large' | 'doctype' | 'not_xml'; detail: string } & Partial<Position>;
/** A node of fast-xml-parser's `preserveOrder` output. */
export type OrderedNode = Record<string | symbol, unknown>;
export type SafeXml = { ok: true; root: OrderedNode; name: string; at: (offset: number) => Position } | { ok: false; refusal: XmlRefusal };

/** Line and column of offsets in `text`, from a table of line starts built on first use (a 20 MB file has ~500k lines). */
export function locator(text: string): (offset: number) => Position {
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

const refuse = (code: XmlRefusal['code'], detail: string, at?: Position): SafeXml => ({ ok: false, refusal: { code, detail, ...at } });

// Characters XML 1.0 does not allow anywhere, even escaped (lone surrogates included).
const ILLEGAL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Finds a DOCTYPE (where entities are declared: billion-laughs expansion, external entities that read
 * files or URLs) or any other markup declaration, outside comments and CDATA sections. Done on the text
 * because the parser silently drops a DOCTYPE it meets inside an element.
 */
function findDeclaration(text: string, what: string, at: (offset: number) => Position): SafeXml | null {
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
      return refuse('doctype', `${what} may not have a DOCTYPE or declare entities (they can expand without bound or read other files).`, at(i));
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

/**
 * Decodes the five predefined entities and character references; anything else is not XML without a DTD
 * and is added to `problems` (see `unknownReference`).
 */
export function decodeReferences(raw: string, problems: string[]): string {
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

/** The refusal for references `decodeReferences` could not decode, if any. */
export function unknownReference(problems: string[]): XmlRefusal | null {
  if (problems.length === 0) return null;
  return { code: 'not_xml', detail: `Unknown entity or invalid character reference "${problems[0]}" (only &lt; &gt; &amp; &apos; &quot; and &#…; exist without a DTD).` };
}

/** The one tag name of a preserveOrder node, or null for text and CDATA nodes. */
export function tagOf(node: OrderedNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text' && key !== '#cdata') return key;
  return null;
}

/** A node's character data and CDATA sections, references decoded; its elements are the caller's. */
export function textOf(child: OrderedNode, problems: string[]): string {
  if ('#text' in child) return decodeReferences(String(child['#text']), problems);
  if ('#cdata' in child) return (child['#cdata'] as OrderedNode[]).map((part) => String(part['#text'] ?? '')).join('');
  return '';
}

/**
 * Reads `xml` with `parser` (preserveOrder) into its one root node, or refuses: too_large past `maxBytes`
 * before any parsing; doctype for a DOCTYPE or entity declaration; not_xml for text that is not well-formed
 * XML, with line and column where known. CR LF and lone CR are read as LF and a byte-order mark is dropped,
 * so offsets (`at`) are into that text. `what` names the file in messages ("A CAP file").
 */
export function readSafeXml(xml: string, opts: { parser: XMLParser; maxBytes: number; what: string }): SafeXml {
  // A string's UTF-8 size is at least its length in UTF-16 units: most large inputs stop here at no cost.
  if (xml.length > opts.maxBytes || Buffer.byteLength(xml, 'utf8') > opts.maxBytes) {
    return refuse('too_large', `The file is larger than ${opts.maxBytes / 1024 / 1024} MB.`);
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
  const declaration = findDeclaration(text, opts.what, at);
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
    nodes = opts.parser.parse(text) as OrderedNode[];
  } catch (e) {
    // Nesting too deep for the parser, or input the validator let through but the parser cannot read.
    return refuse('not_xml', (e as Error).message);
  }
  const roots = nodes.filter((n) => tagOf(n) !== null);
  if (roots.length !== 1) return refuse('not_xml', roots.length === 0 ? 'There is no root element.' : 'There is more than one root element.');
  return { ok: true, root: roots[0]!, name: tagOf(roots[0]!)!, at };
}
