import { Hono, type Context } from 'hono';
import type { CommitmentView } from '../../../domain/accountability/accountability.js';
import { getCommitmentView, listPlanItems } from '../../../domain/accountability/accountability.service.js';
import { editCommitment, rightsOn, translateCommitment, withdrawCommitment } from '../../../domain/accountability/commitments.service.js';
import { forbidden } from '../../../domain/errors.js';
import type { Process } from '../../../domain/process/process.js';
import { getProcess } from '../../../domain/process/process.service.js';
import { isRtl, languageName } from '../../../domain/taxonomy/index.js';
import { str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { EditCommitmentForm, TranslateForm, WithdrawForm, type EditFormValues, type TranslateFormValues } from '../../views/accountability-commitment-forms.js';
import { commitmentHref, commitmentTitle } from '../../views/accountability-view.js';
import { CID, isPhaseOpen } from './accountability.js';
import { lines, page, refusal, type Shown } from './accountability-forms.js';
import { signInFirst } from './alerts-shared.js';
import { seeOther } from './page.js';

const backToCommitment = (c: Context<WebEnv>) => c.get('t')('accountability.back_to_commitment');
import { ID } from './stocktake.js';

const PATH = `/processes/${ID}/accountability/commitments/${CID}`;

/** The process and the commitment of the address (404 when they do not go together), and what the reader may do. */
async function load(c: Context<WebEnv>): Promise<{ process: Process; cm: CommitmentView; mayEdit: boolean; mayTranslate: boolean } | null> {
  const ctx = c.get('ctx');
  const process = await getProcess(ctx, c.req.param('id'));
  const cm = await getCommitmentView(ctx, c.req.param('cid'));
  if (cm.processId !== process.id) return null;
  return { process, cm, ...(await rightsOn(ctx, c.get('actor'), cm)) };
}

/** Field paths of the service ("items.0.itemId", "texts.fr.title") as the form's field names. */
const fieldsOf = (errors: Record<string, string> = {}) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.split('.')[0]!, v]));

/**
 * The commitment a revision or withdrawal form is about, with the page's title, for someone who may change it;
 * a response instead when it is unknown (404) or already withdrawn (the page says so). Others: forbidden.
 */
async function changeable(c: Context<WebEnv>, titleKey: string, shown: Shown) {
  const t = c.get('t');
  const found = await load(c);
  if (!found) return c.notFound();
  const { process, cm, mayEdit } = found;
  if (!mayEdit) throw forbidden('accountability.not_your_organisation');
  const title = t(titleKey, { title: commitmentTitle(cm, c.get('locale')).text.title });
  if (cm.status !== 'active') return page(c, title, commitmentHref(cm), true, { message: t('accountability.withdrawn'), status: shown.status }, null, backToCommitment(c));
  return { process, cm, title };
}

async function editPage(c: Context<WebEnv>, shown: Shown = {}) {
  const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
  const found = await changeable(c, 'accountability.edit_title', shown);
  if (found instanceof Response) return found;
  const { process, cm, title } = found;
  const original = cm.texts[cm.originalLanguage] ?? { title: '', indicator: '' };
  const values = (shown.values as EditFormValues) ?? {
    title: original.title, indicator: original.indicator, partners: cm.partners.join('\n'), baseline: String(cm.baseline), target: String(cm.target), unit: cm.unit,
    deadline: cm.deadline, weights: Object.fromEntries(cm.links.map((l) => [l.itemId, String(l.weight)])), reason: '',
  };
  const items = await listPlanItems(c.get('ctx'), process.id, { adoptedOnly: true });
  return page(c, title, commitmentHref(cm), isPhaseOpen(process, 'commitments'), shown, (
    <>
      <p>{t('accountability.edit_intro')}</p>
      <EditCommitmentForm t={t} locale={locale} csrfToken={c.get('csrfToken')} action={`${commitmentHref(cm)}/edit`} values={values} errors={shown.errors ?? {}} lang={cm.originalLanguage} items={items} />
    </>
  ), backToCommitment(c));
}

async function withdrawPage(c: Context<WebEnv>, shown: Shown = {}) {
  const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
  const found = await changeable(c, 'accountability.withdraw_title', shown);
  if (found instanceof Response) return found;
  const { process, cm, title } = found;
  return page(c, title, commitmentHref(cm), isPhaseOpen(process, 'commitments') || isPhaseOpen(process, 'progress'), shown, (
    <>
      <p>{t('accountability.withdraw_intro')}</p>
      <WithdrawForm t={t} locale={locale} csrfToken={c.get('csrfToken')} action={`${commitmentHref(cm)}/withdraw`} reason={(shown.values as { reason?: string })?.reason ?? ''} errors={shown.errors ?? {}} />
    </>
  ), backToCommitment(c));
}

async function translatePage(c: Context<WebEnv>, shown: Shown = {}) {
  const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
  const found = await load(c);
  if (!found) return c.notFound();
  const { cm, mayTranslate } = found;
  if (!mayTranslate) throw forbidden('accountability.not_your_organisation');
  const chosen = c.req.query('lang') ?? '';
  const lang = chosen && chosen !== cm.originalLanguage && /^[a-zA-Z-]{2,20}$/.test(chosen) ? chosen : '';
  const values = (shown.values as TranslateFormValues) ?? { lang, title: cm.texts[lang]?.title ?? '', indicator: cm.texts[lang]?.indicator ?? '' };
  const original = cm.texts[cm.originalLanguage] ?? { title: '', indicator: '' };
  const dir = isRtl(cm.originalLanguage) ? 'rtl' : 'ltr';
  const others = Object.keys(cm.texts).filter((l) => l !== cm.originalLanguage);
  const href = commitmentHref(cm);
  return page(c, t('accountability.translate_title', { title: commitmentTitle(cm, locale).text.title }), href, true, shown, (
    <>
      <p>{t('accountability.translate_intro')}</p>
      <section aria-labelledby="original">
        <h2 id="original">{t('accountability.original_text')} ({languageName(cm.originalLanguage, locale)})</h2>
        <p lang={cm.originalLanguage} dir={dir}><strong>{original.title}</strong></p>
        <p lang={cm.originalLanguage} dir={dir}>{original.indicator}</p>
      </section>
      {others.length > 0 && (
        <p>{t('accountability.translations_existing')}{' '}
          {others.map((l, n) => <>{n > 0 && ', '}<a href={`${href}/translate?lang=${encodeURIComponent(l)}`}>{languageName(l, locale)}</a></>)}</p>
      )}
      <TranslateForm t={t} locale={locale} csrfToken={c.get('csrfToken')} action={`${href}/translate`} values={values} errors={shown.errors ?? {}} originalLanguage={cm.originalLanguage} />
    </>
  ), backToCommitment(c));
}

/** Revising, withdrawing and translating a commitment: each a page with its form, post/redirect/get on success. */
export const accountabilityCommitmentFormRoutes = new Hono<WebEnv>()
  .use(`${PATH}/edit`, signInFirst)
  .use(`${PATH}/withdraw`, signInFirst)
  .use(`${PATH}/translate`, signInFirst)
  .get(`${PATH}/edit`, (c) => editPage(c))
  .post(`${PATH}/edit`, async (c) => {
    const found = await load(c);
    if (!found) return c.notFound();
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const fields = ['title', 'indicator', 'partners', 'baseline', 'target', 'unit', 'deadline', 'reason'] as const;
    const weights = Object.fromEntries(Object.keys(body).filter((k) => k.startsWith('weight.')).map((k) => [k.slice(7), str(body, k).trim()]));
    const values = { ...Object.fromEntries(fields.map((k) => [k, str(body, k)])), weights } as EditFormValues;
    try {
      await editCommitment(c.get('ctx'), c.get('actor'), found.cm.id, {
        ...values, partners: lines(values.partners), items: Object.entries(weights).filter(([, w]) => w !== '').map(([itemId, weight]) => ({ itemId, weight })),
      });
      return seeOther(c, commitmentHref(found.cm), 'commitment_edited');
    } catch (e) {
      const shown = refusal(c, e);
      return editPage(c, { ...shown, errors: fieldsOf(shown.errors), values });
    }
  })
  .get(`${PATH}/withdraw`, (c) => withdrawPage(c))
  .post(`${PATH}/withdraw`, async (c) => {
    const found = await load(c);
    if (!found) return c.notFound();
    const body = (await c.req.parseBody()) as FormBody;
    const values = { reason: str(body, 'reason') };
    try {
      await withdrawCommitment(c.get('ctx'), c.get('actor'), found.cm.id, values);
      return seeOther(c, commitmentHref(found.cm), 'commitment_withdrawn');
    } catch (e) {
      return withdrawPage(c, { ...refusal(c, e), values });
    }
  })
  .get(`${PATH}/translate`, (c) => translatePage(c))
  .post(`${PATH}/translate`, async (c) => {
    const found = await load(c);
    if (!found) return c.notFound();
    const body = (await c.req.parseBody()) as FormBody;
    const values: TranslateFormValues = { lang: str(body, 'lang'), title: str(body, 'title'), indicator: str(body, 'indicator') };
    try {
      await translateCommitment(c.get('ctx'), c.get('actor'), found.cm.id, values);
      return seeOther(c, commitmentHref(found.cm), 'commitment_translated');
    } catch (e) {
      const shown = refusal(c, e);
      return translatePage(c, { ...shown, errors: fieldsOf(shown.errors), values });
    }
  });
