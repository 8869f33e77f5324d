import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/domain/demo/demo.service.js';
import consultationSpec from '../../src/domain/demo/demo-consultation.json' with { type: 'json' };
import processSpec from '../../src/domain/demo/demo-process.json' with { type: 'json' };
import { demo, screenshot, useBrowser } from './harness.js';
import { clickAndLoad, MODES, msg, openPage, uniqueSuffix } from './journey-support.js';

/**
 * Issue 7's "Done when", as a new user does it: from the main navigation to the demo process, its stocktake
 * (summaries, gaps, an IATI import), its adopted declaration and action plan (a section's history with its word
 * diff), and its accountability page (bars, a commitment's updates, evidence and changes, a progress CSV import
 * that rolls up). The node is shared with other files, so values are read before and after, never assumed.
 */
const b = useBrowser();
const PROCESS_TITLE = processSpec.texts.en.title;
const DELEGATE_NAME = DEMO_ACCOUNTS[3].displayName;
const DELEGATE_COMMITMENT = 'SMS and radio warnings in every pilot village';
const OPERATOR_COMMITMENT = 'Free warning messages for subscribers in pilot areas';

const main = (page: Page) => page.getByRole('main');
const nav = (page: Page) => page.getByRole('navigation', { name: msg('en', 'nav.label') });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const flash = (page: Page) => page.locator('main p.flash').innerText();
const path = (page: Page) => new URL(page.url()).pathname;
const link = (scope: Page | Locator, name: string) => scope.getByRole('link', { name, exact: true });
/** A section of the page by the text of its heading. */
const section = (page: Page, heading: string) => page.locator('main section').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
/** A message with ICU arguments as a pattern: each argument matches anything; whole, or anywhere in the text. */
const pattern = (key: string, isWhole = true) => {
  // A plural block (`{count, plural, one {…} other {…}}`) is an argument like the others.
  const body = msg('en', key).replace(/\{[a-z_]+, plural,(?:[^{}]*\{[^{}]*\})+\s*\}/g, '{n}').split(/\{[a-z_]+\}/).map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('(.+)');
  return new RegExp(isWhole ? `^${body}$` : body);
};
const percentOf = (s: string) => Number(/(\d+)\s*%/.exec(s)?.[1]);

/** Signs in through the main navigation's link, which comes back to the page the reader was on. */
async function signInHere(page: Page, email: string) {
  const before = new URL(page.url());
  await clickAndLoad(page, () => link(nav(page), msg('en', 'nav.sign_in')).click());
  await page.getByLabel(/e-mail/i).fill(email);
  await page.locator('input[name="password"]').fill(demo.password);
  await clickAndLoad(page, () => page.locator('form[action="/login"] button[type="submit"]').click());
  // The fragment stays in the browser: the page comes back without it.
  expect(page.url()).toBe(before.origin + before.pathname + before.search);
}

/** From the home page through "Processes" to the demo process. */
async function openDemoProcess(page: Page): Promise<string> {
  await page.goto('/');
  await clickAndLoad(page, () => link(nav(page), msg('en', 'process.nav')).click());
  expect(path(page)).toBe('/processes');
  expect(await h1(page)).toBe(msg('en', 'process.list_title'));
  await clickAndLoad(page, () => link(main(page), PROCESS_TITLE).click());
  expect(path(page)).toMatch(/^\/processes\/[0-9a-f-]{36}$/);
  expect(await h1(page)).toBe(PROCESS_TITLE);
  return path(page);
}

/** The percentage shown beside a bar whose label starts with `label`, in the figure captioned `caption`. */
async function barPercent(page: Page, caption: string, label: string | RegExp) {
  const figure = page.locator('figure.bars').filter({ has: page.locator('figcaption', { hasText: caption }) });
  return percentOf(await figure.locator('li').filter({ hasText: label }).locator('strong').innerText());
}

let iatiImported = false;

describe.each(MODES)('the process journey ($name)', (mode) => {
  it('follows the demo process to its stocktake, signs in as the delegate and imports the example IATI file', async () => {
    const { ctx, page } = await openPage(b.browser, mode, 'en');
    const processPath = await openDemoProcess(page);

    // Phases in order, the active one said in words and marked, and the consultation the process draws on.
    const phases = section(page, msg('en', 'process.phases_title')).locator('ol > li');
    expect(await phases.count()).toBe(processSpec.phases.length);
    const active = page.locator('main li[aria-current="step"]');
    expect(await active.count()).toBe(1);
    expect(await active.locator('.status').innerText()).toBe(msg('en', 'process.is_active'));
    const activeTitle = await active.locator('h3 > span').first().innerText();
    expect(await main(page).getByText(msg('en', 'process.active_label')).first().isVisible()).toBe(true);
    expect(await link(main(page), activeTitle).first().getAttribute('href')).toMatch(/^#phase-\d+$/);
    const consultations = section(page, msg('en', 'process.consultations_title'));
    const consultation = link(consultations, consultationSpec.texts.en.title);
    expect(await consultation.getAttribute('href')).toMatch(/^\/consultations\/[0-9a-f-]{36}$/);
    expect(await section(page, msg('en', 'process.history_title')).locator('ol > li').count()).toBeGreaterThan(0);
    await screenshot(page, `journey-process-${mode.name}`);

    // The stocktake: activities, the summary by sector, the gaps.
    await clickAndLoad(page, () => link(main(page), msg('en', 'stocktake.link')).click());
    expect(path(page)).toBe(`${processPath}/stocktake`);
    expect(await h1(page)).toBe(msg('en', 'stocktake.title'));
    const bySector = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: msg('en', 'stocktake.sector') }) });
    expect(await bySector.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    expect(await bySector.locator('tbody tr').first().innerText()).toMatch(/\d+ activit(y|ies) \(\d+ organisations?\)/);
    const gaps = section(page, msg('en', 'stocktake.gaps_title'));
    expect(await gaps.getByText(msg('en', 'stocktake.gaps_intro')).count()).toBe(1);
    expect(await gaps.locator('ul > li').count()).toBeGreaterThan(0);
    expect(await gaps.locator('ul > li a[href^="/hubs/"]').count()).toBeGreaterThan(0);
    // Nothing to import for an anonymous reader: the link comes with an organisation.
    expect(await link(main(page), msg('en', 'stocktake.import_title')).count()).toBe(0);
    await screenshot(page, `journey-stocktake-${mode.name}`);

    // The delegate (a member of the demo ministry) signs in and comes back here, where the import is offered.
    await signInHere(page, demo.delegate);
    await clickAndLoad(page, () => link(main(page), msg('en', 'stocktake.import_title')).click());
    expect(path(page)).toBe(`${processPath}/stocktake/import`);
    expect(await h1(page)).toBe(msg('en', 'stocktake.import_title'));
    const example = link(main(page), msg('en', 'stocktake.import_example'));
    const exampleHref = (await example.getAttribute('href'))!;
    expect(exampleHref).toBe(`${processPath}/stocktake/import/example.xml`);
    const download = await page.request.get(exampleHref);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toMatch(/^application\/xml/);
    const xml = await download.body();
    expect(xml.toString('utf8')).toContain('<iati-activities version="2.03"');
    const activitiesInFile = (xml.toString('utf8').match(/<iati-activity[\s>]/g) ?? []).length;

    const organisation = page.getByLabel(msg('en', 'stocktake.organisation'));
    expect(await organisation.locator('option').allInnerTexts()).toEqual(['Demo ministry of communications (Government)']);
    await page.getByLabel(msg('en', 'stocktake.import_file')).setInputFiles({ name: 'iati-example.xml', mimeType: 'application/xml', buffer: xml });
    await clickAndLoad(page, () => page.getByRole('button', { name: msg('en', 'stocktake.import_submit') }).click());

    // The stored report: counts, each activity written (new the first time, updated after), what was not mapped.
    expect(path(page)).toMatch(new RegExp(`^${processPath}/stocktake/imports/\\d+$`));
    const reportPath = path(page);
    expect(await flash(page)).toBe(msg('en', 'flash.stocktake_imported'));
    expect(await h1(page)).toBe('Import report: iati-example.xml');
    expect(await main(page).getByText(pattern('stocktake.report_by')).innerText()).toContain(`For Demo ministry of communications, by ${DELEGATE_NAME}`);
    const counts = pattern('stocktake.report_counts').exec(await main(page).locator('p[role="status"]:not(.flash)').innerText());
    expect(counts).not.toBeNull();
    const [total, created, updated, skipped] = counts!.slice(1).map(Number);
    expect(total).toBe(activitiesInFile);
    expect(created! + updated! + skipped!).toBe(total);
    if (iatiImported) expect(created).toBe(0); // the same file for the same organisation updates
    const written = section(page, msg('en', 'stocktake.report_written')).locator('ul > li');
    expect(await written.count()).toBe(created! + updated!);
    expect(await written.filter({ hasText: `— ${msg('en', 'stocktake.outcome.updated')}` }).count()).toBe(updated);
    const notMapped = section(page, msg('en', 'stocktake.report_not_mapped'));
    expect(await notMapped.getByText(pattern('stocktake.report_not_in_iati')).count()).toBe(1);
    expect((await notMapped.locator('ul > li').count()) > 0 || (await notMapped.getByText(msg('en', 'stocktake.report_all_mapped')).count()) === 1).toBe(true);
    iatiImported = true;
    await screenshot(page, `journey-iati-report-${mode.name}`);

    // An activity written leads to its page, which says where it came from; the stocktake lists the import.
    const firstWritten = written.first().getByRole('link');
    const activityTitle = await firstWritten.innerText();
    await clickAndLoad(page, () => firstWritten.click());
    expect(await h1(page)).toBe(activityTitle);
    expect(await page.locator('dl.facts').innerText()).toContain(msg('en', 'stocktake.source_iati'));
    await clickAndLoad(page, () => link(main(page), msg('en', 'stocktake.back')).click());
    expect(path(page)).toBe(`${processPath}/stocktake`);
    expect(await section(page, msg('en', 'stocktake.imports_title')).locator(`a[href="${reportPath}"]`).innerText()).toBe('iati-example.xml');
    await ctx.close();
  });

  it('reads the adopted declaration and action plan, and a section’s history with its word diff', async () => {
    const { ctx, page } = await openPage(b.browser, mode, 'en');
    const processPath = await openDemoProcess(page);
    await clickAndLoad(page, () => link(main(page), msg('en', 'plan.link')).click());
    expect(path(page)).toBe(`${processPath}/plan`);
    expect(await h1(page)).toBe(msg('en', 'plan.title'));
    const cards = page.locator('main ul.cards > li');
    const declaration = cards.filter({ hasText: 'Declaration on community development' });
    const actionPlan = cards.filter({ hasText: 'Joint action plan' });
    for (const [card, kind] of [[declaration, 'declaration'], [actionPlan, 'action_plan']] as const) {
      expect(await card.locator('.meta').innerText()).toContain(msg('en', `plan.kind.${kind}`));
      expect(await card.locator('.status').innerText()).toMatch(new RegExp(`^${msg('en', 'plan.status.adopted')} .+`));
    }

    await clickAndLoad(page, () => declaration.getByRole('link').click());
    expect(await h1(page)).toBe('Declaration on community development');
    const documentPath = path(page);
    expect(await main(page).locator('p.notice').innerText()).toBe(msg('en', 'plan.read_only'));
    // No amendment or adoption form once adopted.
    expect(await link(main(page), msg('en', 'plan.propose_link')).count()).toBe(0);
    expect(await page.getByRole('button', { name: msg('en', 'plan.adopt') }).count()).toBe(0);
    const first = page.locator('main section#section-1');
    expect(await first.locator('p.meta').first().innerText()).toMatch(/^Version 2 · /);
    await clickAndLoad(page, () => link(first, msg('en', 'plan.history_link')).click());
    expect(path(page)).toMatch(new RegExp(`^${processPath}/plan/sections/[0-9a-f-]{36}/history$`));
    expect(await h1(page)).toBe('History of section 1');
    const versions = page.locator('main ol.cards > li');
    expect(await versions.first().locator('h2').innerText()).toBe('Version 2 · en');
    expect(await versions.first().locator('.meta').first().innerText()).toContain(msg('en', 'plan.from_amendment'));
    expect(await versions.first().getByText(pattern('plan.diff_stats')).count()).toBe(1);
    const diff = versions.first().locator('p.diff');
    expect(await diff.locator('ins').allInnerTexts()).toEqual([', in writing and by voice']);
    // Without its insertions the diff reads as the version before, shown in full below it.
    const original = versions.filter({ has: page.getByRole('heading', { name: 'Version 1 · en', exact: true }) });
    expect(await original.locator('.meta').innerText()).toContain(msg('en', 'plan.from_statements'));
    const withoutInsertions = await diff.evaluate((p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('ins').forEach((el) => el.remove());
      return copy.textContent;
    });
    expect(withoutInsertions).toBe(await original.locator('p[lang]').innerText());
    await screenshot(page, `journey-section-history-${mode.name}`);

    // Back to the declaration, then to the list and the adopted action plan with its items.
    await clickAndLoad(page, () => link(main(page), 'Declaration on community development').click());
    expect(path(page)).toBe(documentPath);
    await clickAndLoad(page, () => link(main(page), msg('en', 'plan.back')).click());
    await clickAndLoad(page, () => page.locator('main ul.cards > li').filter({ hasText: 'Joint action plan' }).getByRole('link').click());
    expect(await h1(page)).toBe('Joint action plan');
    expect(await main(page).locator('p.notice').innerText()).toBe(msg('en', 'plan.read_only'));
    const items = page.locator('main section li').filter({ has: page.locator('strong', { hasText: /^[A-Z]{2}-\d+$/ }) });
    expect(await items.filter({ hasText: /^EW-1 / }).count()).toBe(1);
    // Its first section was amended by vote: the history strikes through what went and underlines what came.
    await clickAndLoad(page, () => link(page.locator('main section#section-1'), msg('en', 'plan.history_link')).click());
    const amended = page.locator('main ol.cards > li').first().locator('p.diff');
    const changes = await amended.locator('ins, del').evaluateAll((els) => els.map((el) => `${el.localName}:${el.textContent}`));
    // Words were added, none removed: no space struck through beside them.
    expect(changes).toEqual(['ins:, floods', 'ins: and farmers']);
    await screenshot(page, `journey-amended-section-${mode.name}`);
    await ctx.close();
  });

  it('reads accountability, a commitment’s updates, evidence and changes, and imports progress that rolls up', async () => {
    const { ctx, page } = await openPage(b.browser, mode, 'en');
    const processPath = await openDemoProcess(page);
    const base = `${processPath}/accountability`;
    await clickAndLoad(page, () => link(main(page), msg('en', 'accountability.link')).click());
    expect(path(page)).toBe(base);
    expect(await h1(page)).toBe(msg('en', 'accountability.title'));
    const byItem = msg('en', 'accountability.by_item');
    expect(await page.locator('figure.bars figcaption').allInnerTexts()).toEqual([byItem, msg('en', 'accountability.by_commitment')]);
    expect(await section(page, msg('en', 'accountability.progress')).getByText(pattern('accountability.plan_progress', false)).count()).toBe(1);

    // The revised commitment's own page: its updates with evidence, and the change with its reason.
    await clickAndLoad(page, () => page.locator('main article h3').getByRole('link', { name: OPERATOR_COMMITMENT }).click());
    expect(await h1(page)).toBe(OPERATOR_COMMITMENT);
    const updates = section(page, msg('en', 'accountability.updates')).locator('ul.updates > li');
    expect(await updates.count()).toBeGreaterThanOrEqual(2);
    expect(await updates.filter({ hasText: `(${msg('en', 'accountability.from_csv')})` }).count()).toBeGreaterThanOrEqual(1);
    expect(await section(page, msg('en', 'accountability.updates')).getByRole('link', { name: msg('en', 'accountability.evidence_link') }).count()).toBeGreaterThanOrEqual(1);
    const history = section(page, msg('en', 'accountability.history'));
    const revision = history.locator('ol.changes > li').first();
    expect(await revision.innerText()).toContain(`revised by ${msg('en', 'accountability.change_by_admin')}`);
    expect(await revision.innerText()).toContain(msg('en', 'accountability.change_reason'));
    expect(await revision.locator('dt').allInnerTexts()).toEqual([msg('en', 'accountability.field_target')]);
    expect(await revision.locator('del').innerText()).toBe('50,000');
    expect(await revision.locator('ins').innerText()).toBe('40,000');
    await screenshot(page, `journey-commitment-history-${mode.name}`);
    await clickAndLoad(page, () => link(main(page), msg('en', 'accountability.back')).click());
    expect(path(page)).toBe(base);

    // The delegate signs in; the page now offers the CSV import.
    await signInHere(page, demo.delegate);
    const mine = page.locator('main article').filter({ has: page.getByRole('link', { name: DELEGATE_COMMITMENT }) });
    const served = /Action-plan items: (.+)\./.exec(await mine.innerText())![1]!.split(', ');
    const itemBefore = await barPercent(page, byItem, new RegExp(`^${served[0]} `));
    await clickAndLoad(page, () => link(main(page), msg('en', 'accountability.import_title')).click());
    expect(path(page)).toBe(`${base}/import`);
    expect(await h1(page)).toBe(msg('en', 'accountability.import_title'));

    // The template lists the delegate's commitments with their ids, latest values and targets; one row is filled.
    const templateHref = (await link(main(page), msg('en', 'accountability.import_template')).getAttribute('href'))!;
    expect(templateHref).toBe(`${base}/import/template.csv`);
    const template = await page.request.get(templateHref);
    expect(template.status()).toBe(200);
    expect(template.headers()['content-type']).toMatch(/^text\/csv/);
    const rows = parse(await template.text(), { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.commitment === DELEGATE_COMMITMENT);
    expect(row, 'the delegate’s commitment is in the template').toBeDefined();
    const latest = Number(row!.latest_value);
    const target = Number(row!.target);
    const value = latest === 60 ? 90 : 60;
    const today = new Date().toISOString().slice(0, 10);
    const note = `Journey check ${uniqueSuffix()}`;
    Object.assign(row!, { date: today, value: String(value), evidence_url: 'https://example.org/journey/report.pdf', note });
    const csv = stringify(rows, { header: true, columns: Object.keys(rows[0]!) });
    await page.getByLabel(msg('en', 'accountability.import_file')).setInputFiles({ name: 'progress.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await clickAndLoad(page, () => page.getByRole('button', { name: msg('en', 'accountability.import_submit') }).click());

    // The report, row by row, shown where it is kept (so a reload cannot send the file again); unfilled rows are skipped with their reason.
    expect(path(page)).toMatch(new RegExp(`^${base}/imports/\\d+$`));
    expect(await flash(page)).toBe(msg('en', 'flash.progress_imported'));
    expect(await h1(page)).toBe('Import of “progress.csv”');
    expect(await main(page).getByText(pattern('accountability.import_meta')).innerText()).toContain(`by ${DELEGATE_NAME}`);
    const skipped = rows.length - 1;
    expect(await main(page).getByText(/^1 row written, /).innerText()).toBe(`1 row written, ${skipped} ${skipped === 1 ? 'row' : 'rows'} skipped.`);
    const line = rows.indexOf(row!) + 2;
    expect(await main(page).locator('tbody tr').nth(line - 2).locator('td').allInnerTexts()).toEqual([String(line), msg('en', 'accountability.row_written'), '']);
    await screenshot(page, `journey-progress-import-${mode.name}`);

    // Back on the accountability page: the commitment, its items and the plan moved, and the update is listed.
    await clickAndLoad(page, () => link(main(page), msg('en', 'accountability.imports_title')).click());
    await clickAndLoad(page, () => link(main(page), msg('en', 'accountability.back')).click());
    expect(path(page)).toBe(base);
    const expected = Math.round((Math.min(value, target) / target) * 100);
    expect(await barPercent(page, msg('en', 'accountability.by_commitment'), DELEGATE_COMMITMENT)).toBe(expected);
    const itemAfter = await barPercent(page, byItem, new RegExp(`^${served[0]} `));
    const before = Math.min(latest, target) / target;
    if (value / target < before) expect(itemAfter).toBeLessThan(itemBefore);
    else expect(itemAfter).toBeGreaterThan(itemBefore);
    const listed = mine.locator('ul.updates > li').first();
    expect(await listed.innerText()).toContain(`${value} villages (${msg('en', 'accountability.from_csv')}) — ${note}`);
    expect(await listed.getByRole('link', { name: msg('en', 'accountability.evidence_link') }).getAttribute('href')).toBe('https://example.org/journey/report.pdf');

    // And on the commitment's own page.
    await clickAndLoad(page, () => mine.locator('h3').getByRole('link').click());
    expect(await h1(page)).toBe(DELEGATE_COMMITMENT);
    expect(await section(page, msg('en', 'accountability.updates')).locator('ul.updates > li').first().innerText()).toContain(note);
    expect(percentOf(await page.locator('main figure.bars li strong').innerText())).toBe(expected);
    await screenshot(page, `journey-commitment-after-import-${mode.name}`);
    await ctx.close();
  });
});
