import { BAR, GRID, INK, LATE, MUTED, TARGET } from './colours.js';
import { dayOf, isoOfDay, linearScale, niceTicks, px } from './scale.js';

export type IndicatorPoint = { date: string; value: number };

type Labels = { baseline: string; target: string; deadline: string; date: string; value: string; noUpdates: string };

// No viewBox: heights are pixels and horizontal positions percentages, so the drawing stretches to the
// page's width while its text keeps the page's size; a scaled drawing's 11px text is 5px on a phone.
const H = 200;
const [TOP, BOTTOM] = [18, 24]; // room for the top value label and for the dates
const PAD = 2; // % of the width kept free at each end, so the end dots are whole

// Line patterns, so baseline, target and deadline differ without colour; the legend shows the same.
const DASH = { baseline: '6 4', target: '2 3', deadline: '1 3' } as const;

/** A short sample of a line for the legend. */
function Swatch(props: { stroke: string; dash?: string; isDot?: boolean }) {
  return (
    <svg viewBox="0 0 24 10" width="24" height="10" aria-hidden="true" focusable="false">
      <path d="M0 5h24" stroke={props.stroke} stroke-width="2" stroke-dasharray={props.dash} />
      {props.isDot && <circle cx="12" cy="5" r="3" fill={props.stroke} />}
    </svg>
  );
}

export type ProgressOverTimeProps = {
  /** Unique on the page: prefixes the ids the chart's accessible name points to. */
  id: string;
  title: string;
  /** One sentence in words (baseline, target, latest value and date), read as the chart's description. */
  description: string;
  points: IndicatorPoint[];
  baseline: number;
  target: number;
  /** ISO date; drawn as a vertical line, and the time axis reaches it. */
  deadline?: string;
  isRtl: boolean;
  formatDate: (isoDate: string) => string;
  formatValue: (value: number) => string;
  labels: Labels;
};

/**
 * An indicator's reported values over time, as a line with a dot per update, against its baseline and
 * target (dashed horizontal lines) and its deadline. Time runs with the page's direction (from the
 * right in Arabic). The drawing has an accessible name and description; the legend states baseline,
 * target and deadline in words, and a visually hidden table lists every update.
 */
export function ProgressOverTime(props: ProgressOverTimeProps) {
  const { labels, formatValue, formatDate } = props;
  const points = [...props.points].sort((a, b) => a.date.localeCompare(b.date));
  const legend = (
    <ul class="legend">
      {points.length > 0 && <li><Swatch stroke={BAR} isDot /> {labels.value}</li>}
      <li><Swatch stroke={MUTED} dash={DASH.baseline} /> {labels.baseline}: {formatValue(props.baseline)}</li>
      <li><Swatch stroke={TARGET} dash={DASH.target} /> {labels.target}: {formatValue(props.target)}</li>
      {props.deadline && <li><Swatch stroke={LATE} dash={DASH.deadline} /> {labels.deadline}: {formatDate(props.deadline)}</li>}
    </ul>
  );
  if (points.length === 0) return <figure class="chart"><p>{labels.noUpdates}</p><figcaption>{legend}</figcaption></figure>;

  const days = points.map((p) => dayOf(p.date));
  const deadline = props.deadline ? [dayOf(props.deadline)] : [];
  const d0 = Math.min(days[0]!, ...deadline);
  const d1 = Math.max(days[days.length - 1]!, ...deadline);
  const values = [props.baseline, props.target, ...points.map((p) => p.value)];
  const yTicks = niceTicks(Math.min(...values), Math.max(...values));
  // Mirroring the x range is all right-to-left needs: text anchors are logical (start/end) under `direction`.
  const toPct = linearScale(d0, d1, props.isRtl ? 100 - PAD : PAD, props.isRtl ? PAD : 100 - PAD);
  const x = (day: number) => `${toPct(day).toFixed(1)}%`;
  const toY = linearScale(yTicks[0]!, yTicks[yTicks.length - 1]!, H - BOTTOM, TOP);
  const y = (v: number) => px(toY(v));
  const startEdge = props.isRtl ? '100%' : '0';
  const xTicks = d1 === d0 ? [d0] : [d0, (d0 + d1) / 2, d1];
  const anchorOf = (i: number) => (xTicks.length === 1 || i === 1 ? 'middle' : i === 0 ? 'start' : 'end');
  const HLine = (p: { v: number; stroke: string; dash?: string }) => (
    <line x1="0" x2="100%" y1={y(p.v)} y2={y(p.v)} stroke={p.stroke} stroke-width={p.dash ? 1.5 : 1} stroke-dasharray={p.dash} />
  );
  const t = `${props.id}-t`;
  const d = `${props.id}-d`;

  return (
    <figure class="chart">
      <svg width="100%" height={H} role="img" aria-labelledby={`${t} ${d}`} direction={props.isRtl ? 'rtl' : 'ltr'} font-size="12" fill={INK}>
        <title id={t}>{props.title}</title>
        <desc id={d}>{props.description}</desc>
        {yTicks.map((v) => <HLine v={v} stroke={GRID} />)}
        <HLine v={props.baseline} stroke={MUTED} dash={DASH.baseline} />
        <HLine v={props.target} stroke={TARGET} dash={DASH.target} />
        {props.deadline && <line x1={x(deadline[0]!)} x2={x(deadline[0]!)} y1={TOP} y2={H - BOTTOM} stroke={LATE} stroke-width="1.5" stroke-dasharray={DASH.deadline} />}
        <g stroke={BAR} stroke-width="2">
          {points.slice(1).map((p, i) => <line x1={x(days[i]!)} y1={y(points[i]!.value)} x2={x(days[i + 1]!)} y2={y(p.value)} />)}
        </g>
        <g fill={BAR}>{points.map((p, i) => <circle cx={x(days[i]!)} cy={y(p.value)} r="3.5" />)}</g>
        {/* Values sit on their grid lines at the start edge, haloed in white where the line passes under them. */}
        <g stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">
          {yTicks.map((v) => <text x={startEdge} y={y(v) - 3}>{formatValue(v)}</text>)}
          {xTicks.map((day, i) => <text x={x(day)} y={H - 6} text-anchor={anchorOf(i)}>{formatDate(isoOfDay(day))}</text>)}
        </g>
      </svg>
      <figcaption>{legend}</figcaption>
      <table class="visually-hidden">
        <caption>{props.title}</caption>
        <thead><tr><th scope="col">{labels.date}</th><th scope="col">{labels.value}</th></tr></thead>
        <tbody>{points.map((p) => <tr><td>{formatDate(p.date)}</td><td>{formatValue(p.value)}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}
