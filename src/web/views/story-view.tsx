import type { ItemView, Story } from '../../domain/accountability/accountability.js';
import { isRtl } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { itemLabel } from './accountability-view.js';
import { CsrfField } from './forms.js';
import { formatDate } from './labels.js';

const dirOf = (lang: string) => (isRtl(lang) ? 'rtl' : 'ltr');

/** Hubs' testimonies, each in its own language, with its recording (if any) and what it links to. */
export function StoryList(props: { t: Translate; locale: string; stories: Story[]; items: ItemView[]; processId: string; csrfToken: string; mayWithdraw: (s: Story) => boolean }) {
  const { t, locale } = props;
  return (
    <section aria-labelledby="stories">
      <h2 id="stories">{t('story.title')}</h2>
      {props.stories.length === 0 && <p>{t('story.none')}</p>}
      {props.stories.map((s) => {
        const items = props.items.filter((i) => s.items.includes(i.id));
        return (
          <article aria-labelledby={`s-${s.id}`}>
            <h3 id={`s-${s.id}`} lang={s.lang} dir={dirOf(s.lang)}>{s.title}</h3>
            <p>{t('story.from_hub')} <a href={`/hubs/${s.hub.id}`} lang={s.hub.lang} dir={dirOf(s.hub.lang)}>{s.hub.name}</a>, {formatDate(s.createdAt, locale)}</p>
            <p lang={s.lang} dir={dirOf(s.lang)} class="story-text">{s.text}</p>
            {s.audioType && (
              <p>
                <audio controls preload="none" src={`/processes/${props.processId}/accountability/stories/${s.id}/audio`} aria-label={t('story.listen_to', { title: s.title })} />
                {' '}<a href={`/processes/${props.processId}/accountability/stories/${s.id}/audio`} download>{t('story.download_audio')}</a>
              </p>
            )}
            {(items.length > 0 || s.practices.length > 0) && (
              <ul aria-label={t('story.links')}>
                {items.map((i) => { const l = itemLabel(i, locale); return <li>{t('story.item')} <bdi lang={l.lang} dir={l.dir}>{l.label}</bdi></li>; })}
                {s.practices.map((p) => <li>{t('story.practice')} <a href={`/practices/${p.id}`} lang={p.lang} dir={dirOf(p.lang)}>{p.title}</a></li>)}
              </ul>
            )}
            {props.mayWithdraw(s) && (
              <form method="post" action={`/processes/${props.processId}/accountability/stories/${s.id}/withdraw`}>
                <CsrfField token={props.csrfToken} />
                <button type="submit">{t('story.withdraw')}</button>
              </form>
            )}
          </article>
        );
      })}
    </section>
  );
}
