import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { addVotes, makeVotedConsultation } from '../../../../test/consultation-fixtures.js';
import { newId } from '../../../../test/factories.js';
import { ON_REQUEST_MAX_VOTES, refreshAnalysis } from '../../../domain/consultation/analysis.service.js';
import { STYLESHEET } from '../../static/assets.js';

const t = useTestContext();

const page = async (path: string, lang = 'en') => {
  const res = await t.app.request(path, { headers: { 'accept-language': lang } });
  return { status: res.status, html: await res.text() };
};
const mapOf = (html: string) => html.match(/<svg viewBox="0 0 320 240"[\s\S]*?<\/svg>/)?.[0] ?? '';

describe('GET /consultations/:id/report', () => {
  it('shows anyone the opinion map with one shape per participant, a legend, common ground and divergences', async () => {
    const { consultation: c } = await makeVotedConsultation(t.ctx, { participants: 50, statements: 12 });
    const { status, html } = await page(`/consultations/${c.id}/report`);
    expect(status).toBe(200);
    const map = mapOf(html);
    expect(map).toContain('role="img"');
    expect(map).toMatch(/<title id="map-t">[^<]+<\/title><desc id="map-d">50 participants/);
    expect(map.match(/<use href="#s[gpcihx]" x="\d+" y="\d+"/g)).toHaveLength(50);
    // Five sectors, five shapes; groups labelled at their centres and outlined.
    for (const shape of ['sg', 'sp', 'sc', 'si', 'sh']) expect(map).toContain(`href="#${shape}"`);
    expect(map).toMatch(/<text x="\d+" y="\d+">A<\/text>/);
    expect(map).toContain('<polygon class="h h0"');
    expect(html).toMatch(/<strong>Group A<\/strong>: \d+ participants \(/);
    expect(html).toContain('Community hubs');
    const common = html.slice(html.indexOf('id="common"'), html.indexOf('id="divergences"'));
    expect(common).toContain('Statement number 1');
    expect(common).not.toContain('Statement number 12');
    const divergences = html.slice(html.indexOf('id="divergences"'), html.indexOf('id="groups"'));
    expect(divergences).toMatch(/agree: Government, Private sector[^<]*disagree: Civil society, International organisation/);
    expect(html).toMatch(/Stability \d\.\d\d: re-run 10 times/);
    expect(html).toContain('<table class="votes">');
    expect(html).toContain(`href="/consultations/${c.id}/export/participants-votes.csv"`);
    expect(html).toMatch(/Analysis of \d+ votes, computed on/);
  });

  it('stays under the 14 KB first-visit budget (HTML + CSS, compressed) for 50 participants and 16 statements', async () => {
    const { consultation: c } = await makeVotedConsultation(t.ctx, { participants: 50, statements: 16 });
    const { html } = await page(`/consultations/${c.id}/report`);
    const bytes = gzipSync(html).length + gzipSync(STYLESHEET.body).length;
    console.log(`report page: ${html.length} B of HTML, ${bytes} B gzipped with the stylesheet`);
    expect(bytes).toBeLessThan(14_336);
  });

  it('says "not enough votes yet" instead of showing groups or a consensus', async () => {
    const { consultation: c } = await makeVotedConsultation(t.ctx, { participants: 4, statements: 3 });
    const { status, html } = await page(`/consultations/${c.id}/report`);
    expect(status).toBe(200);
    expect(html).toContain('Not enough votes yet to find opinion groups: 4 of 4 participants');
    expect(mapOf(html)).toBe('');
    expect(html).not.toContain('id="consensus"');
    expect(html).toContain('id="common"');
  });

  it('says how many votes arrived since the analysis', async () => {
    const { consultation: c, participants, statements } = await makeVotedConsultation(t.ctx, { participants: 12, statements: 4 });
    await refreshAnalysis(t.ctx, c.id);
    await addVotes(t.ctx, [
      { participantId: participants[0]!.id, statementId: statements[0]!.id, value: -1, lang: 'en' },
      { participantId: participants[1]!.id, statementId: statements[0]!.id, value: 0, lang: 'en' },
    ]);
    expect((await page(`/consultations/${c.id}/report`)).html).toContain('2 new votes since; updating.');
  });

  it('is in Arabic, right to left, with statements in the reader’s language where a version exists', async () => {
    const { consultation: c } = await makeVotedConsultation(t.ctx, { participants: 12, statements: 4, translations: { ar: 'بيان رقم' } });
    const { html } = await page(`/consultations/${c.id}/report`, 'ar');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('التقرير');
    expect(html).toContain('<q lang="ar" dir="rtl">بيان رقم 1</q>');
    const fr = await page(`/consultations/${c.id}/report`, 'fr');
    expect(fr.html).toContain('<q lang="en" dir="ltr">Statement number 1</q>');
    expect(fr.html).toContain('Terrain d’entente entre les secteurs');
  });

  it('shows "being prepared" for a large consultation the background worker has not analysed yet', async () => {
    const { consultation: c, participants, statements } = await makeVotedConsultation(t.ctx, { participants: 12, statements: 4 });
    const pairs = participants.flatMap((p) => statements.map((s) => ({ participantId: p.id, statementId: s.id, lang: 'en' })));
    // Changed votes count too: enough history rows to pass ON_REQUEST_MAX_VOTES without thousands of statements.
    for (let i = 0; pairs.length * i <= ON_REQUEST_MAX_VOTES; i++) await addVotes(t.ctx, pairs.map((p) => ({ ...p, value: i % 2 ? 1 : -1 })));
    const { status, html } = await page(`/consultations/${c.id}/report`);
    expect(status).toBe(200);
    expect(html).toContain('The analysis is being prepared');
    expect(mapOf(html)).toBe('');
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await page(`/consultations/${newId()}/report`)).status).toBe(404);
    expect((await page('/consultations/not-an-id/report')).status).toBe(404);
  });
});
