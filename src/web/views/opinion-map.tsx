import type { Child } from 'hono/jsx';
import type { AnalysisResult, Voice } from '../../domain/consultation/analysis/analysis.js';
import { VOICES } from '../../domain/consultation/analysis/analysis.js';
import type { Translate } from '../i18n/i18n.js';
import { groupLetter, sectorName } from './report-labels.js';

const W = 320;
const H = 240;
const PAD = 14;

// One shape per sector, drawn once and placed with <use>: each participant then costs ~30 bytes.
const SHAPE_ID: Record<Voice | 'none', string> = {
  government: 'sg', private_sector: 'sp', civil_society: 'sc', international_organisation: 'si', hub: 'sh', none: 'sx',
};

function Shapes() {
  return (
    <defs>
      <circle id="sg" r="4.5" />
      <rect id="sp" x="-4" y="-4" width="8" height="8" />
      <path id="sc" d="M0-5.5 5 3.5h-10z" />
      <path id="si" d="M0-5.5 5.5 0 0 5.5-5.5 0z" />
      <path id="sh" d="M-1.7-5.5h3.4v3.8h3.8v3.4h-3.8v3.8h-3.4v-3.8h-3.8v-3.4h3.8z" />
      <circle id="sx" r="3" />
    </defs>
  );
}

/** Andrew's monotone chain: the outline drawn around each group, so groups read without colour. */
export function convexHull(points: [number, number][]): [number, number][] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: [number, number][]) => {
    const out: [number, number][] = [];
    for (const q of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, q) <= 0) out.pop();
      out.push(q);
    }
    return out.slice(0, -1);
  };
  return [...half(p), ...half([...p].reverse())];
}

/** A plane fitted into the box with one scale for both axes, so distances are not distorted. */
function projection(result: AnalysisResult) {
  const placed = result.participants.filter((p) => p.x !== null && p.y !== null);
  const xs = placed.map((p) => p.x!);
  const ys = placed.map((p) => p.y!);
  const [x0, x1, y0, y1] = [Math.min(...xs, 0), Math.max(...xs, 0), Math.min(...ys, 0), Math.max(...ys, 0)];
  const scale = Math.min((W - 2 * PAD) / (x1 - x0 || 1), (H - 2 * PAD) / (y1 - y0 || 1));
  const at = (x: number, y: number): [number, number] => [Math.round(W / 2 + (x - (x0 + x1) / 2) * scale), Math.round(H / 2 - (y - (y0 + y1) / 2) * scale)];
  return { placed, at };
}

/**
 * The opinion map: participants on the first two components, shape = sector, fill = opinion group,
 * each group outlined in its own dash pattern and labelled at its centre; participants not grouped
 * are hollow. The legend and the text summary beside it say the same in words.
 */
export function OpinionMap(props: { t: Translate; result: AnalysisResult }) {
  const { t, result } = props;
  const { placed, at } = projection(result);
  const groupIds = [null, ...result.groups.map((g) => g.id)];
  return (
    <figure class="map">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="map-t map-d">
        <title id="map-t">{t('report.map_title')}</title>
        <desc id="map-d">{t('report.map_desc', { participants: placed.length, groups: result.groups.length })}</desc>
        <Shapes />
        {result.groups.map((g) => {
          const hull = convexHull(placed.filter((p) => p.group === g.id).map((p) => at(p.x!, p.y!)));
          return hull.length >= 3 && <polygon class={`h h${g.id}`} points={hull.map((q) => q.join(',')).join(' ')} />;
        })}
        {groupIds.map((gid) => (
          <g class={gid === null ? 'o' : `o${gid}`}>
            {placed.filter((p) => p.group === gid).map((p) => {
              const [x, y] = at(p.x!, p.y!);
              return <use href={`#${SHAPE_ID[p.sector ?? 'none']}`} x={x} y={y} />;
            })}
          </g>
        ))}
        {result.groups.map((g) => {
          const [x, y] = at(g.center.x, g.center.y);
          return <text x={x} y={y}>{groupLetter(g.id)}</text>;
        })}
      </svg>
      <figcaption><MapLegend t={t} result={result} /></figcaption>
    </figure>
  );
}

function Swatch(props: { children: Child }) {
  return <svg class="key" viewBox="-7 -7 14 14" aria-hidden="true">{props.children}</svg>;
}

/** The legend in words: each group with its size and make-up by sector, each sector with its shape. */
function MapLegend(props: { t: Translate; result: AnalysisResult }) {
  const { t, result } = props;
  const ungrouped = result.participants.filter((p) => p.x !== null && p.group === null).length;
  const sectorsIn = (group: number | null) =>
    VOICES.map((v) => ({ v, n: result.participants.filter((p) => p.group === group && p.x !== null && p.sector === v).length }))
      .filter((x) => x.n > 0)
      .map((x) => `${sectorName(t, x.v)} ${x.n}`)
      .join(', ');
  const used = new Set(result.participants.map((p) => p.sector ?? 'none'));
  return (
    <>
      <p class="meta">{t('report.map_legend_groups')}</p>
      <ul class="legend">
        {result.groups.map((g) => (
          <li><Swatch><rect class={`o${g.id} h h${g.id}`} x="-6" y="-6" width="12" height="12" /></Swatch> <strong>{t('report.group', { group: groupLetter(g.id) })}</strong>: {t('report.participants_n', { n: g.size })} ({sectorsIn(g.id)})</li>
        ))}
        {ungrouped > 0 && <li><Swatch><circle class="o" r="4.5" /></Swatch> {t('report.ungrouped', { n: ungrouped })}</li>}
      </ul>
      <p class="meta">{t('report.map_legend_sectors')}</p>
      <ul class="legend">
        {([...VOICES, 'none'] as const).filter((v) => used.has(v)).map((v) => (
          <li><Swatch><use class="o" href={`#${SHAPE_ID[v]}`} /></Swatch> {v === 'none' ? t('report.sector_none') : sectorName(t, v)}</li>
        ))}
      </ul>
    </>
  );
}
