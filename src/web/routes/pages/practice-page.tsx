import { Hono, type Context } from 'hono';
import { canTranslatePractice } from '../../../domain/accounts/permissions.js';
import { DomainError, forbidden } from '../../../domain/errors.js';
import { getPractice, reviewPractice, saveTranslation } from '../../../domain/practices/practices.service.js';
import { isRtl, languageName } from '../../../domain/taxonomy/index.js';
import type { FormBody } from '../../forms/form-body.js';
import { formToText, valuesFromBody, valuesFromPractice } from '../../forms/practice-form.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import { languageOptions } from '../../views/labels.js';
import { PracticeForm } from '../../views/practice-form.js';
import { AskExchangeForm } from '../../views/exchange-view.js';
import { PracticeView } from '../../views/practice-view.js';
import { hubNamesOf, myHubOptions } from './hub-names.js';
import { flashOf, render, seeOther } from './page.js';

async function showPractice(c: Context<WebEnv>, id: string, status: 200 | 409 | 422 = 200, notice?: string) {
  const p = await getPractice(c.get('ctx'), c.get('actor'), id);
  const requested = c.req.query('lang');
  const title = pickText(p.texts, c.get('locale'), p.originalLanguage, requested).text.title;
  const view = <PracticeView p={p} t={c.get('t')} locale={c.get('locale')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} requested={requested} hubNames={await hubNamesOf(c, p.hubIds)} />;
  // Coordinators of other hubs may ask the authors for an exchange about a published practice.
  const myHubs = p.status === 'published' && p.hubIds.length ? await myHubOptions(c, c.get('actor'), p.hubIds) : [];
  const ask = <AskExchangeForm t={c.get('t')} csrfToken={c.get('csrfToken')} myHubs={myHubs} practiceId={p.id} />;
  return render(c, title, <>{notice && <p class="errors" role="alert">{notice}</p>}{view}{ask}</>, status, flashOf(c));
}

export const practicePageRoutes = new Hono<WebEnv>()
  .get('/practices/:id', (c) => showPractice(c, c.req.param('id')))
  .post('/practices/:id/review', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string>;
    try {
      const p = await reviewPractice(c.get('ctx'), c.get('actor'), c.req.param('id'), { action: body.action, comment: body.comment ?? '' });
      return seeOther(c, `/practices/${p.id}`, `review_${body.action}`);
    } catch (e) {
      if (e instanceof DomainError && (e.code === 'invalid' || e.code === 'conflict')) {
        const key = e.code === 'invalid' ? 'validation.comment_required' : 'error.wrong_status';
        return showPractice(c, c.req.param('id'), e.code === 'invalid' ? 422 : 409, c.get('t')(key));
      }
      throw e;
    }
  })
  .get('/practices/:id/translate', async (c) => {
    const t = c.get('t');
    const p = await getPractice(c.get('ctx'), c.get('actor'), c.req.param('id'));
    if (!canTranslatePractice(c.get('actor'), p)) throw forbidden();
    const lang = c.req.query('lang');
    const original = p.texts[p.originalLanguage]!;
    if (!lang) {
      // Step one: choose the language (a GET form, so the next page can be filled with an existing translation).
      return render(c, t('practice.translate'), (
        <>
          <h1>{t('practice.translate')}: <span lang={p.originalLanguage} dir={isRtl(p.originalLanguage) ? 'rtl' : 'ltr'}>{original.title}</span></h1>
          <form method="get" action={`/practices/${p.id}/translate`}>
            <label for="lang">{t('translate.language')}</label>{' '}
            <select id="lang" name="lang" required>
              {languageOptions(c.get('locale')).filter((o) => o.value !== p.originalLanguage).map((o) => <option value={o.value}>{`${o.label}${p.texts[o.value] ? ` ✓` : ''}`}</option>)}
            </select>{' '}
            <button type="submit">{t('form.continue')}</button>
          </form>
        </>
      ));
    }
    const mode = { kind: 'translate' as const, id: p.id, version: p.version, lang, reference: original as unknown as Record<string, string> };
    const title = `${t('practice.translate')} → ${languageName(lang, c.get('locale'))}`;
    return render(c, title, <><h1>{title}</h1><PracticeForm t={t} locale={c.get('locale')} csrfToken={c.get('csrfToken')} mode={mode} values={valuesFromPractice(p, lang)} errors={{}} hubOptions={[]} /></>);
  })
  .post('/practices/:id/translate', async (c) => {
    const t = c.get('t');
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const lang = typeof body.lang === 'string' ? body.lang : '';
    try {
      const p = await saveTranslation(c.get('ctx'), c.get('actor'), c.req.param('id'), lang, formToText(body), Number(body.expectedVersion) || undefined);
      return seeOther(c, `/practices/${p.id}?lang=${encodeURIComponent(lang)}`, 'translated');
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== 'invalid' && e.code !== 'conflict')) throw e;
      const p = await getPractice(c.get('ctx'), c.get('actor'), c.req.param('id'));
      const errors = e.code === 'conflict' ? { expectedVersion: 'validation.edit_conflict' } : e.fields;
      const mode = { kind: 'translate' as const, id: p.id, version: Number(body.expectedVersion) || p.version, lang, reference: p.texts[p.originalLanguage] as unknown as Record<string, string> };
      const title = t('practice.translate');
      return render(c, title, <><h1>{title}</h1><PracticeForm t={t} locale={c.get('locale')} csrfToken={c.get('csrfToken')} mode={mode} values={valuesFromBody(body)} errors={errors} hubOptions={[]} /></>, 422);
    }
  });
