import type { Actor } from '../../domain/accounts/accounts.js';
import { canEditPractice, canTranslatePractice } from '../../domain/accounts/permissions.js';
import type { Practice } from '../../domain/practices/practices.js';
import { availableActions } from '../../domain/practices/workflow.js';
import { countryName, languageName } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { pickText } from './content.js';
import { CsrfField } from './forms.js';
import { formatDate, formatMoney } from './labels.js';

type Props = { p: Practice; t: Translate; locale: string; actor: Actor; csrfToken: string; requested?: string; hubNames: Record<string, string> };

function Paragraphs(props: { text: string }) {
  return <>{props.text.split(/\n{2,}/).map((para) => <p>{para}</p>)}</>;
}

function Translations(props: Props & { shown: string }) {
  const { p, t, locale } = props;
  const langs = Object.keys(p.texts);
  return (
    <nav aria-label={t('translations.label')} class="no-print">
      <p>
        {t('translations.available')}{' '}
        {langs.map((l, i) => (
          <>
            {i > 0 && ', '}
            {l === props.shown ? <strong>{languageName(l, locale)}</strong> : <a href={`/practices/${p.id}?lang=${l}`} hreflang={l}>{languageName(l, locale)}</a>}
            {l === p.originalLanguage && ` (${t('translations.original')})`}
          </>
        ))}
      </p>
    </nav>
  );
}

/** A practice as a structured case study, printable; the content carries its own lang and dir. */
export function PracticeView(props: Props) {
  const { p, t, locale, actor } = props;
  const shown = pickText(p.texts, locale, p.originalLanguage, props.requested);
  const x = shown.text;
  const actions = availableActions(actor, p);
  const money = (n: number | null) => (n === null || !p.costs.currency ? null : formatMoney(n, p.costs.currency, locale));
  return (
    <article>
      <div lang={shown.lang} dir={shown.dir}>
        <h1>{x.title}</h1>
        <p><strong>{x.summary}</strong></p>
      </div>
      {p.status !== 'published' && <p class="notice">{t('practice.status_notice', { status: t(`status.${p.status}`) })}</p>}
      {shown.isFallback && (
        <p class="notice">{t('translations.fallback', { shown: languageName(shown.lang, locale), wanted: languageName(locale, locale) })}</p>
      )}
      <Translations {...props} shown={shown.lang} />
      <dl class="facts">
        <dt>{t('practice.countries')}</dt><dd>{p.countries.map((c) => countryName(c, locale)).join(', ')}</dd>
        <dt>{t('practice.themes')}</dt><dd>{p.themes.map((v) => t(`theme.${v}`)).join(', ')}</dd>
        <dt>{t('practice.technologies')}</dt><dd>{p.technologies.map((v) => t(`technology.${v}`)).join(', ')}</dd>
        {p.targetGroups.length > 0 && <><dt>{t('practice.target_groups')}</dt><dd>{p.targetGroups.map((v) => t(`target_group.${v}`)).join(', ')}</dd></>}
        {p.languages.length > 0 && <><dt>{t('practice.languages')}</dt><dd>{p.languages.map((l) => languageName(l, locale)).join(', ')}</dd></>}
        {p.sdgs.length > 0 && <><dt>{t('practice.sdgs')}</dt><dd>{p.sdgs.map((n) => `${n}. ${t(`sdg.${n}`)}`).join('; ')}</dd></>}
        {p.wsisActionLines.length > 0 && <><dt>{t('practice.wsis')}</dt><dd>{p.wsisActionLines.map((c) => `${c} ${t(`wsis.${c}`)}`).join('; ')}</dd></>}
        {p.hubIds.length > 0 && (
          <><dt>{t('practice.hubs')}</dt><dd>{p.hubIds.map((h, i) => <>{i > 0 && ', '}<a href={`/hubs/${h}`}>{props.hubNames[h] ?? h}</a></>)}</dd></>
        )}
        {(p.costs.setup !== null || p.costs.running !== null || p.costs.band) && (
          <>
            <dt>{t('practice.costs')}</dt>
            <dd>
              {money(p.costs.setup) && <>{t('practice.cost_setup')}: {money(p.costs.setup)}. </>}
              {money(p.costs.running) && <>{t('practice.cost_running')}: {money(p.costs.running)}. </>}
              {p.costs.band && <>{t('practice.cost_band')}: {t(`cost_band.${p.costs.band}`)}</>}
            </dd>
          </>
        )}
        <dt>{t('practice.licence')}</dt><dd>{p.licence}</dd>
        {p.publishedAt && <><dt>{t('practice.published')}</dt><dd><time datetime={p.publishedAt.toISOString()}>{formatDate(p.publishedAt, locale)}</time></dd></>}
      </dl>
      <div lang={shown.lang} dir={shown.dir}>
        {x.problem && <section><h2>{t('practice.problem')}</h2><Paragraphs text={x.problem} /></section>}
        {x.context && <section><h2>{t('practice.context')}</h2><Paragraphs text={x.context} /></section>}
        {x.approach.length > 0 && (
          <section>
            <h2>{t('practice.approach')}</h2>
            <ol>
              {x.approach.map((b) => (
                <li>
                  <h3>{b.title}</h3>
                  {b.description && <Paragraphs text={b.description} />}
                  {b.enablingFactors && <p><em>{t('practice.enabling_factors')}:</em> {b.enablingFactors}</p>}
                </li>
              ))}
            </ol>
          </section>
        )}
        {(x.sustainabilityEconomic || x.sustainabilitySocial || x.sustainabilityCultural) && (
          <section>
            <h2>{t('practice.sustainability')}</h2>
            <dl class="facts">
              {x.sustainabilityEconomic && <><dt>{t('practice.sustainability_economic')}</dt><dd>{x.sustainabilityEconomic}</dd></>}
              {x.sustainabilitySocial && <><dt>{t('practice.sustainability_social')}</dt><dd>{x.sustainabilitySocial}</dd></>}
              {x.sustainabilityCultural && <><dt>{t('practice.sustainability_cultural')}</dt><dd>{x.sustainabilityCultural}</dd></>}
            </dl>
          </section>
        )}
        {x.results.length > 0 && (
          <section>
            <h2>{t('practice.results')}</h2>
            <table>
              <thead><tr><th scope="col">{t('practice.indicator')}</th><th scope="col">{t('practice.value')}</th><th scope="col">{t('practice.source')}</th></tr></thead>
              <tbody>{x.results.map((r) => <tr><td>{r.indicator}</td><td>{r.value}</td><td>{r.source}</td></tr>)}</tbody>
            </table>
          </section>
        )}
        {x.lessons && <section><h2>{t('practice.lessons')}</h2><Paragraphs text={x.lessons} /></section>}
      </div>
      <div class="actions no-print">
        {canEditPractice(actor, p) && <a class="button" href={`/practices/${p.id}/edit?lang=${shown.lang}`}>{t('practice.edit')}</a>}
        {canTranslatePractice(actor, p) && <a class="button" href={`/practices/${p.id}/translate`}>{t('practice.translate')}</a>}
        <a href={`/practices/${p.id}/history`}>{t('practice.history')}</a>
      </div>
      {actions.length > 0 && (
        <form method="post" action={`/practices/${p.id}/review`} class="no-print">
          <CsrfField token={props.csrfToken} />
          <h2>{t('review.title')}</h2>
          <div class="field">
            <label for="review-comment">{t('review.comment_label')}</label>
            <p class="hint" id="review-comment-hint">{t('review.comment_hint')}</p>
            <textarea id="review-comment" name="comment" rows={3} maxlength={2000} aria-describedby="review-comment-hint"></textarea>
          </div>
          <div class="actions">
            {actions.map((a) => <button type="submit" name="action" value={a} class={a === 'comment' ? 'secondary' : undefined}>{t(`review.${a}`)}</button>)}
          </div>
        </form>
      )}
    </article>
  );
}
