import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { CapAlert } from './cap.js';
import { capAtomFeed } from './cap-feed.js';
import { parseCap } from './cap-parse.js';

function fixture(name: string): CapAlert {
  const result = parseCap(readFileSync(new URL(`../../../test/fixtures/cap/valid/${name}`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.alert;
}

const drought = fixture('drought-niger-fr-ha.xml');
const flood = fixture('flood-polygon-circle.xml');
const meta = { id: 'https://hub.example.ne/alerts.atom', title: 'Alertes <actives> & en cours', selfUrl: 'https://hub.example.ne/alerts.atom?x=1&y=2', updated: new Date('2026-09-02T17:00:00Z') };

// Read back the way an aggregator would: attributes kept, entries always a list.
const reader = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (name) => ['entry', 'category'].includes(name) });
type Text = string | { '#text': string; 'xml:lang'?: string };
type Entry = { id: string; title: Text; summary?: Text; updated: string; published: string; link: { rel: string; type: string; href: string }; author: { name: string }; category?: { term: string }[] };
type Feed = { feed: { xmlns: string; id: string; title: string; updated: string; link: { rel: string; href: string }; entry?: Entry[] } };

function readFeed(xml: string): Feed['feed'] {
  expect(XMLValidator.validate(xml)).toBe(true);
  return (reader.parse(xml) as Feed).feed;
}

describe('capAtomFeed', () => {
  const floodWithMarkup = { ...flood, info: [{ ...flood.info[0]!, headline: 'Crue <urgent> & "évacuation"' }] };
  const xml = capAtomFeed([
    { alert: drought, url: 'https://hub.example.ne/alerts/1.xml?lang=fr&v=2' },
    { alert: floodWithMarkup, url: 'https://hub.example.ne/alerts/2.xml' },
  ], meta);
  const feed = readFeed(xml);

  it('is an Atom feed with its id, title, update time and self link, escaped', () => {
    expect(feed).toMatchObject({ xmlns: 'http://www.w3.org/2005/Atom', id: meta.id, title: meta.title, updated: '2026-09-02T17:00:00.000Z' });
    expect(feed.link).toMatchObject({ rel: 'self', href: meta.selfUrl });
  });

  it('has one entry per alert linking to its CAP file, with title, summary, dates, author and categories', () => {
    expect(feed.entry).toHaveLength(2);
    const [first, second] = feed.entry!;
    expect(first!.link).toEqual({ rel: 'alternate', type: 'application/cap+xml', href: 'https://hub.example.ne/alerts/1.xml?lang=fr&v=2' });
    expect(first!.id).toBe('https://hub.example.ne/alerts/1.xml?lang=fr&v=2');
    expect(first!.title).toEqual({ '#text': 'Avertissement de sécheresse pour Maradi et Zinder', 'xml:lang': 'fr-NE' });
    expect(first!.summary).toMatchObject({ '#text': drought.info[0]!.description });
    expect(first!.updated).toBe('2026-07-14T08:00:00+01:00');
    expect(first!.published).toBe('2026-07-14T08:00:00+01:00');
    expect(first!.author.name).toBe('Direction de la Météorologie Nationale du Niger');
    expect(first!.category!.map((c) => c.term)).toEqual(['Met', 'Env']);
    expect(second!.title).toMatchObject({ '#text': 'Crue <urgent> & "évacuation"' });
  });

  it('shows the info block in the feed language when there is one', () => {
    const [entry] = readFeed(capAtomFeed([{ alert: drought, url: 'https://hub.example.ne/a/1.xml' }], { ...meta, lang: 'ha-NE' })).entry!;
    expect(entry!.title).toEqual({ '#text': 'Gargaɗin fari ga yankunan Maradi da Zinder', 'xml:lang': 'ha' });
  });

  it('falls back to the event, the sender and the message type when texts are absent', () => {
    const bare: CapAlert = { ...drought, info: [{ ...drought.info[0]!, headline: undefined, description: undefined, instruction: undefined, senderName: undefined }] };
    const cancel = fixture('cancel-drought.xml');
    const [a, b] = readFeed(capAtomFeed([{ alert: bare, url: 'u:1' }, { alert: cancel, url: 'u:2' }], meta)).entry!;
    expect(a!.title).toMatchObject({ '#text': 'Sécheresse' });
    expect(a!.summary).toBeUndefined();
    expect(a!.author.name).toBe('alertes@meteo-niger.example.ne');
    expect(b!.title).toBe('Cancel NE-DMN-2026-0042-C');
  });

  it('is valid with no alerts', () => {
    expect(readFeed(capAtomFeed([], meta)).entry).toBeUndefined();
  });
});
