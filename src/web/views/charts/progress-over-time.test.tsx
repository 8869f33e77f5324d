import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type IndicatorPoint, ProgressOverTime, type ProgressOverTimeProps } from './progress-over-time.js';

const labels = { baseline: 'Baseline', target: 'Target', deadline: 'Deadline', date: 'Date', value: 'Value', noUpdates: 'No progress reported yet' };
const points: IndicatorPoint[] = [
  { date: '2025-02-01', value: 27 },
  { date: '2024-03-01', value: 38 }, // out of order: the chart sorts by date
  { date: '2024-09-15', value: 31 },
];
const render = (over: Partial<ProgressOverTimeProps> = {}) => String(
  <ProgressOverTime id="c7" title="Households paying over 10 % of income for data" description="From 40 % towards 10 %; 27 % on 1 Feb 2025."
    points={points} baseline={40} target={10} deadline="2025-12-31" isRtl={false}
    formatDate={(iso) => `D:${iso}`} formatValue={(v) => `${v} %`} labels={labels} {...over} />,
);
const circles = (html: string) => [...html.matchAll(/<circle cx="([\d.]+)%" cy="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('ProgressOverTime', () => {
  it('is one image with an accessible name and description, its ids prefixed by the chart id', () => {
    const html = render();
    expect(html).toMatch(/<svg width="100%" height="200" role="img" aria-labelledby="c7-t c7-d" direction="ltr"/);
    expect(html).toContain('<title id="c7-t">Households paying over 10 % of income for data</title>');
    expect(html).toContain('<desc id="c7-d">From 40 % towards 10 %; 27 % on 1 Feb 2025.</desc>');
  });

  it('lists every update in a visually hidden table, in date order, formatted by the page', () => {
    const table = render().match(/<table class="visually-hidden">[\s\S]*<\/table>/)![0];
    const rows = [...table.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([['D:2024-03-01', '38 %'], ['D:2024-09-15', '31 %'], ['D:2025-02-01', '27 %']]);
    expect(table).toContain('<th scope="col">Date</th><th scope="col">Value</th>');
  });

  it('states baseline, target and deadline in words in the legend', () => {
    const legend = render().match(/<figcaption>[\s\S]*<\/figcaption>/)![0].replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, '|');
    expect(legend).toContain(' Baseline: 40 %');
    expect(legend).toContain(' Target: 10 %');
    expect(legend).toContain(' Deadline: D:2025-12-31');
  });

  it('places updates on time and value: earliest at the start, the deadline at the end, higher values higher', () => {
    const html = render();
    const dots = circles(html);
    expect(dots.map(([x]) => x)).toEqual([2, expect.any(Number), expect.any(Number)]);
    expect(dots[0]![0]).toBeLessThan(dots[1]![0]!);
    expect(dots[1]![0]).toBeLessThan(dots[2]![0]!);
    expect(dots[0]![1]).toBeLessThan(dots[2]![1]!); // 38 is above 27
    expect(html).toContain('<line x1="98.0%" x2="98.0%"'); // the deadline
    expect(html).toContain('>D:2024-03-01</text>');
    expect(html).toContain('>D:2025-12-31</text>');
    expect(html.match(/<line x1="[\d.]+%" y1/g)).toHaveLength(2); // two segments join three updates
  });

  it('runs time from the right in right-to-left pages, values at the right edge', () => {
    const ltr = render();
    const rtl = render({ isRtl: true });
    expect(rtl).toContain('direction="rtl"');
    expect(circles(rtl).map(([x]) => x)).toEqual(circles(ltr).map(([x]) => Number((100 - x!).toFixed(1))));
    expect(rtl).toContain('<text x="100%"');
    expect(ltr).toContain('<text x="0"');
    expect(rtl).toContain('<line x1="2.0%" x2="2.0%"'); // the deadline, now at the left
  });

  it('says so, and draws nothing, when there is no update yet', () => {
    const html = render({ points: [] });
    expect(html).not.toContain('<svg width="100%"');
    expect(html).toContain('<p>No progress reported yet</p>');
    expect(html).toContain('Target: 10 %');
  });

  it('draws a single update in the middle of the time axis', () => {
    const html = render({ points: [{ date: '2025-01-01', value: 20 }], deadline: undefined });
    expect(circles(html)).toEqual([[50, expect.any(Number)]]);
    expect(html.match(/>D:2025-01-01<\/text>/g)).toHaveLength(1);
  });

  it('escapes every text it is given', () => {
    const html = render({ title: '<script>x</script>', description: '<b>d</b>', formatValue: () => '<i>', formatDate: () => '"&' });
    expect(html).not.toMatch(/<script>|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('&quot;&amp;');
  });

  it('stays small: two years of monthly updates in about 1 KB compressed', () => {
    const monthly = Array.from({ length: 24 }, (_, i) => ({ date: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`, value: 40 - i }));
    const html = render({ points: monthly });
    expect(html.length).toBeLessThan(8_000);
    expect(gzipSync(html).length).toBeLessThan(1_400);
  });
});
