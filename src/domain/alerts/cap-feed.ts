import { CAP_MEDIA_TYPE, type CapAlert, type CapInfo } from './cap.js';
import { escapeXml } from './cap-write.js';

export type CapFeedEntry = { alert: CapAlert; url: string };
export type CapFeedMeta = {
  /** A permanent IRI for the feed (its URL will do if it never changes). */
  id: string;
  title: string;
  selfUrl: string;
  updated: Date | string;
  /** Preferred language for entry titles and summaries; an alert without it shows its first <info>. */
  lang?: string;
};

/** The info block a reader of `lang` should see: an exact or primary-language match, else the first. */
function infoFor(alert: CapAlert, lang: string | undefined): CapInfo | undefined {
  if (lang) {
    const want = lang.toLowerCase();
    const match = alert.info.find((i) => i.language.toLowerCase() === want) ?? alert.info.find((i) => i.language.toLowerCase().split('-')[0] === want.split('-')[0]);
    if (match) return match;
  }
  return alert.info[0];
}

function entryLines(entry: CapFeedEntry, lang: string | undefined): string[] {
  const { alert, url } = entry;
  const info = infoFor(alert, lang);
  const langAttr = info ? ` xml:lang="${escapeXml(info.language, true)}"` : '';
  const title = info?.headline || info?.event || `${alert.msgType} ${alert.identifier}`;
  const summary = info?.description || info?.instruction;
  const author = alert.info.find((i) => i.senderName)?.senderName ?? alert.sender;
  return [
    '  <entry>',
    `    <id>${escapeXml(url)}</id>`,
    `    <title${langAttr}>${escapeXml(title)}</title>`,
    `    <link rel="alternate" type="${CAP_MEDIA_TYPE}" href="${escapeXml(url, true)}"/>`,
    `    <updated>${escapeXml(alert.sent)}</updated>`,
    `    <published>${escapeXml(alert.sent)}</published>`,
    `    <author><name>${escapeXml(author)}</name></author>`,
    ...(summary ? [`    <summary${langAttr}>${escapeXml(summary)}</summary>`] : []),
    ...[...new Set(info?.category ?? [])].map((c) => `    <category term="${escapeXml(c, true)}"/>`),
    '  </entry>',
  ];
}

/**
 * An Atom feed (RFC 4287) of alerts in the form CAP aggregators read: one entry per alert, its id and
 * its rel="alternate" link the alert's CAP URL (type application/cap+xml), title the headline (else
 * the event), summary the description, updated and published the alert's <sent>, author its
 * senderName (else sender), a category per CAP category. The caller chooses which alerts are active;
 * entries are written in the order given. Pure.
 */
export function capAtomFeed(entries: CapFeedEntry[], feed: CapFeedMeta): string {
  const updated = typeof feed.updated === 'string' ? feed.updated : feed.updated.toISOString();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl, true)}"/>`,
    ...entries.flatMap((e) => entryLines(e, feed.lang)),
    '</feed>',
    '',
  ].join('\n');
}
