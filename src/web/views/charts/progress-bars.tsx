import { isRtl } from '../../../domain/taxonomy/languages.js';
import { BAR, LATE, TRACK_EDGE } from './colours.js';

export type ProgressBarItem = {
  label: string;
  /** 0–1, or null when nothing measures it (shown as `labels.noProgress`, not as 0). */
  progress: number | null;
  isOverdue?: boolean;
  /** The label's own language when it is content (an item's title), not interface text. */
  lang?: string;
  href?: string;
};

type Labels = { overdue: string; noProgress: string };

/**
 * One bar: a picture of the number written beside it, so hidden from screen readers. Drawn in a
 * 100 × 8 box stretched to the line's width. An overdue bar is drawn in dashes, red, inside a dashed
 * frame, so it reads as late without colour (and the word "overdue" is in the text too).
 */
function Bar(props: { progress: number | null; isOverdue: boolean; isRtl: boolean }) {
  const width = Math.round(Math.min(1, Math.max(0, props.progress ?? 0)) * 1000) / 10;
  const x = props.isRtl ? 100 - width : 0; // grows from the inline start: the right in Arabic
  return (
    <svg class="bar" viewBox="0 0 100 8" width="100%" height="12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect width="100" height="8" fill="#fff" stroke={TRACK_EDGE} vector-effect="non-scaling-stroke" stroke-dasharray={props.isOverdue ? '4 2' : undefined} />
      {width > 0 && (props.isOverdue
        ? <path d={`M${x} 4h${width}`} stroke={LATE} stroke-width="8" stroke-dasharray="3 1" />
        : <rect x={x} width={width} height="8" fill={BAR} />)}
    </svg>
  );
}

/**
 * Horizontal progress bars, one per item, each under its label with the value (and "overdue") in
 * words. Labels and values are HTML text, not SVG text: they wrap on a narrow phone, follow the
 * page's direction and zoom, and a screen reader reads them as a list; the bars only draw them.
 * `formatPercent` formats a 0–1 ratio in the page's locale.
 */
export function ProgressBars(props: { title: string; items: ProgressBarItem[]; isRtl: boolean; formatPercent: (ratio: number) => string; labels: Labels }) {
  const { items, labels } = props;
  return (
    <figure class="bars">
      <figcaption>{props.title}</figcaption>
      <ul>
        {items.map((item) => {
          // A label that starts with a code ("EW-1 …") would be read left to right by <bdi> alone.
          const name = <bdi lang={item.lang} dir={item.lang && isRtl(item.lang) ? 'rtl' : undefined}>{item.label}</bdi>;
          const isOverdue = item.isOverdue === true;
          return (
            <li class={isOverdue ? 'overdue' : undefined}>
              {item.href ? <a href={item.href}>{name}</a> : name}{' '}
              <strong>{item.progress === null ? labels.noProgress : props.formatPercent(item.progress)}</strong>
              {isOverdue && <> <em>{labels.overdue}</em></>}
              <Bar progress={item.progress} isOverdue={isOverdue} isRtl={props.isRtl} />
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
