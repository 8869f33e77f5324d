import { beforeEach, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeUser } from '../../../../test/factories.js';
import { browser, signedInBrowser } from '../../../../test/http.js';
import { listProcesses } from '../../../domain/process/process.service.js';

const t = useTestContext();
beforeEach(() => t.clock.advance(61_000));

const signedIn = async (role: 'admin' | 'curator' | 'coordinator' | 'delegate') => signedInBrowser(t.app, (await makeUser(t.ctx, role)).user.email);

const blankRow = (i: number) => ({ [`phases.${i}.title`]: '', [`phases.${i}.description`]: '', [`phases.${i}.startsOn`]: '', [`phases.${i}.endsOn`]: '' });

/** What a browser sends: rows 1 and 3 filled, row 2 left blank, row 4 open-ended and chosen to start active. */
function filled(over: Record<string, string | string[]> = {}) {
  return {
    originalLanguage: 'en', title: 'Coastal connectivity plan', description: 'From stocktake to action.',
    'phases.0.title': 'Stocktake', 'phases.0.description': 'Each sector takes stock.', 'phases.0.startsOn': '2026-07-01', 'phases.0.endsOn': '2026-08-31', 'phases.0.activities': ['stocktaking'],
    ...blankRow(1),
    'phases.2.title': 'Meeting', 'phases.2.description': '', 'phases.2.startsOn': '2026-09-01', 'phases.2.endsOn': '2026-09-03', 'phases.2.activities': ['statements', 'voting'],
    'phases.3.title': 'Action', 'phases.3.description': '', 'phases.3.startsOn': '2026-09-04', 'phases.3.endsOn': '', 'phases.3.activities': ['commitments', 'progress'],
    activePhase: '4',
    ...over,
  };
}

describe('creating a process from a page', () => {
  it('sends anonymous readers to sign in, refuses non-admins with 403, and offers admins the link and the form', async () => {
    const anonymous = browser(t.app);
    const res = await anonymous.get('/processes/new');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/processes/new')}`);
    for (const role of ['curator', 'coordinator', 'delegate'] as const) {
      const b = await signedIn(role);
      expect(await (await b.get('/processes')).text()).not.toContain('href="/processes/new"');
      expect((await b.get('/processes/new')).status).toBe(403);
      t.clock.advance(2_000);
      expect((await b.post('/processes/new', filled())).status).toBe(403);
      expect((await b.post('/processes/new', { ...filled(), more: '1' })).status).toBe(403);
    }
    expect(await listProcesses(t.ctx)).toEqual([]);

    const admin = await signedIn('admin');
    expect(await (await admin.get('/processes', { 'accept-language': 'en' })).text()).toContain('<a href="/processes/new">New process</a>');
    const form = await (await admin.get('/processes/new', { 'accept-language': 'fr' })).text();
    expect(form).toContain('<form method="post" action="/processes/new" novalidate="">');
    expect(form).toContain('name="_csrf"');
    // Three empty rows, each a fieldset with labelled fields and its activities in a fieldset of their own.
    expect(form.match(/<legend>Phase \d<\/legend>/g)).toEqual(['<legend>Phase 1</legend>', '<legend>Phase 2</legend>', '<legend>Phase 3</legend>']);
    expect(form).toContain('<label for="f-phases-2-startsOn">Date de début</label>');
    expect(form).toContain('<fieldset class="field" id="f-phases-0-activities"');
    expect(form).toContain('<input type="checkbox" name="phases.0.activities" value="stocktaking"/> état des lieux');
    expect(form).toContain('<button type="submit" name="more" value="1" class="secondary"');
    expect(form).not.toContain('name="phases.3.title"');
    const ar = await (await admin.get('/processes/new', { 'accept-language': 'ar' })).text();
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain('lang="ar" dir="rtl"');
  });

  it('adds a row without saving, keeping what was typed; then saves, ignoring blank rows, and redirects with a flash', async () => {
    const admin = await signedIn('admin');
    const typed = filled();
    const more = await admin.post('/processes/new', { ...typed, more: '1' });
    expect(more.status).toBe(200);
    const html = await more.text();
    expect(html).toContain('name="phases.4.title"');
    expect(html).not.toContain('name="phases.5.title"');
    expect(html).toContain('value="Coastal connectivity plan"');
    expect(html).toContain('<input type="checkbox" name="phases.2.activities" value="voting" checked=""/>');
    expect(html).toContain('<option value="4" selected="">Phase 4</option>');
    expect(html).not.toContain('class="errors"');
    expect(await listProcesses(t.ctx)).toEqual([]);

    t.clock.advance(2_000);
    const saved = await admin.post('/processes/new', { ...typed, ...blankRow(4) });
    expect(saved.status).toBe(303);
    const [p] = await listProcesses(t.ctx);
    expect(saved.headers.get('location')).toBe(`/processes/${p!.id}?done=created`);
    expect(p!.originalLanguage).toBe('en');
    expect(p!.texts.en).toEqual({ title: 'Coastal connectivity plan', description: 'From stocktake to action.' });
    expect(p!.phases.map((ph) => [ph.position, ph.texts.en!.title, ph.startsOn, ph.endsOn, ph.activities])).toEqual([
      [1, 'Stocktake', '2026-07-01', '2026-08-31', ['stocktaking']],
      [2, 'Meeting', '2026-09-01', '2026-09-03', ['statements', 'voting']],
      [3, 'Action', '2026-09-04', null, ['commitments', 'progress']],
    ]);
    // Row 4 of the form is the third phase kept.
    expect(p!.activePhaseId).toBe(p!.phases[2]!.id);
    const page = await (await admin.get(saved.headers.get('location')!, { 'accept-language': 'en' })).text();
    expect(page).toContain('Process created.');
    expect(page).toContain('<li id="phase-3" aria-current="step">');
  });

  it('re-renders with errors beside the right rows: bad and overlapping dates, a missing title, a blank active row, no phase at all', async () => {
    const admin = await signedIn('admin');
    const bad = await admin.post('/processes/new', filled({ 'phases.0.endsOn': '2026-06-30', 'phases.2.startsOn': '2026-02-30', 'phases.3.title': '' }));
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Phase 3, Start date: Not a valid date (YYYY-MM-DD).');
    expect(html).toContain('Phase 4, Title: Required.');
    expect(html).toMatch(/id="f-phases-2-startsOn-err">Not a valid date/);
    expect(html).toContain('value="2026-02-30"');
    expect(html).toMatch(/<input id="f-phases-3-title" name="phases.3.title"[^>]*aria-invalid="true"/);

    // Checks across phases come once each field is valid: the end before the start, an overlap, an open phase not last.
    t.clock.advance(2_000);
    const dates = await admin.post('/processes/new', filled({ 'phases.0.endsOn': '2026-06-30', 'phases.3.startsOn': '2026-09-02' }));
    expect(dates.status).toBe(422);
    const datesHtml = await dates.text();
    expect(datesHtml).toContain('Phase 1, End date: A phase cannot end before it starts.');
    expect(datesHtml).toContain('Phase 4, Start date: A phase cannot start before the previous phase ends.');
    t.clock.advance(2_000);
    const open = await admin.post('/processes/new', filled({ 'phases.2.endsOn': '' }));
    expect(await open.text()).toContain('Phase 3, End date: Only the last phase may have no end date.');

    t.clock.advance(2_000);
    const blankActive = await admin.post('/processes/new', filled({ activePhase: '2' }));
    expect(blankActive.status).toBe(422);
    expect(await blankActive.text()).toContain('Phase that starts active: Not one of the allowed values.');

    t.clock.advance(2_000);
    const none = await admin.post('/processes/new', { originalLanguage: 'en', title: '', description: '', ...blankRow(0), ...blankRow(1), ...blankRow(2), activePhase: '1' });
    expect(none.status).toBe(422);
    const noneHtml = await none.text();
    expect(noneHtml).toContain('<a href="#f-phases">Phases: Give at least one phase.</a>');
    expect(noneHtml).toContain('<a href="#f-title">Title: Required.</a>');
    expect(noneHtml.match(/<legend>Phase \d<\/legend>/g)).toHaveLength(3);

    t.clock.advance(2_000);
    const klingon = await admin.post('/processes/new', filled({ originalLanguage: 'klingon' }));
    expect(klingon.status).toBe(422);
    expect(await klingon.text()).toContain('<a href="#f-originalLanguage">');
    expect(await listProcesses(t.ctx)).toEqual([]);
  });
});
