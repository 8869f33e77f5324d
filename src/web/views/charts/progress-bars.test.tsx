import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type ProgressBarItem, ProgressBars } from './progress-bars.js';

const labels = { overdue: 'Overdue', noProgress: 'No commitment yet' };
const percent = (r: number) => `${Math.round(r * 100)} %`;
const render = (items: ProgressBarItem[], isRtl = false) =>
  String(<ProgressBars title="Progress by item" items={items} isRtl={isRtl} formatPercent={percent} labels={labels} />);
/** What a screen reader (or a text browser) gets: the markup without tags and hidden drawings. */
const textOf = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, '');

describe('ProgressBars', () => {
  it('lists each item with its label, its value and, when late, the word for it', () => {
    const html = render([
      { label: 'Connect schools', progress: 0.62 },
      { label: 'Train facilitators', progress: 0.3, isOverdue: true, href: '/items/2' },
      { label: 'Reduce data costs', progress: null },
    ]);
    expect(html).toMatch(/^<figure class="bars"><figcaption>Progress by item<\/figcaption><ul>/);
    expect(html.match(/<li/g)).toHaveLength(3);
    expect(textOf(html)).toBe('Progress by itemConnect schools 62 %Train facilitators 30 % OverdueReduce data costs No commitment yet');
    expect(html).toContain('<a href="/items/2"><bdi>Train facilitators</bdi></a>');
    expect(html.match(/<em>Overdue<\/em>/g)).toHaveLength(1);
  });

  it('hides the bars from screen readers: they only draw the numbers written beside them', () => {
    const html = render([{ label: 'A', progress: 0.5 }, { label: 'B', progress: 0.1, isOverdue: true }]);
    const svgs = html.match(/<svg[^>]*>/g)!;
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) expect(svg).toContain('aria-hidden="true"');
    expect(html).not.toMatch(/<text/);
  });

  it('draws a bar as long as the progress, clamped, and none for no progress', () => {
    const html = render([{ label: 'A', progress: 0.25 }, { label: 'B', progress: 1.4 }, { label: 'C', progress: -0.2 }, { label: 'D', progress: null }]);
    const fills = [...html.matchAll(/<rect x="(\d+(?:\.\d+)?)" width="([\d.]+)" height="8" fill="#0b5394">/g)].map((m) => [m[1], m[2]]);
    expect(fills).toEqual([['0', '25'], ['0', '100']]);
  });

  it('marks overdue bars by pattern, not colour alone: dashes in a dashed frame', () => {
    const html = render([{ label: 'Late', progress: 0.4, isOverdue: true }, { label: 'Late, nothing done', progress: 0, isOverdue: true }]);
    expect(html).toContain('<path d="M0 4h40" stroke="#a01010" stroke-width="8" stroke-dasharray="3 1">');
    expect(html.match(/<rect width="100" height="8"[^>]*stroke-dasharray="4 2"/g)).toHaveLength(2);
    expect(html.match(/<li class="overdue">/g)).toHaveLength(2);
  });

  it('grows bars from the right in right-to-left pages', () => {
    const items = [{ label: 'تحسين الوصول', progress: 0.25 }, { label: 'متأخر', progress: 0.4, isOverdue: true }];
    expect(render(items, true)).toContain('<rect x="75" width="25" height="8" fill="#0b5394">');
    expect(render(items, true)).toContain('<path d="M60 4h40"');
    expect(render(items, false)).toContain('<rect x="0" width="25" height="8" fill="#0b5394">');
  });

  it('escapes labels and links, and isolates labels in their own language and direction', () => {
    const html = render([{ label: '<script>alert(1)</script>', progress: 0.5, lang: 'en', href: '/x" onclick="y' }]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('href="/x&quot; onclick=&quot;y"');
    expect(html).toContain('<bdi lang="en">');
  });

  it('stays small for 20 items: a few hundred bytes once compressed', () => {
    const items = Array.from({ length: 20 }, (_, i) => ({
      label: `Item ${i + 1}: connect every school of the region to the internet`, progress: i / 19, isOverdue: i % 3 === 0, href: `/plans/p/items/${i + 1}`,
    }));
    const html = render(items);
    expect(html.length).toBeLessThan(10_000);
    expect(gzipSync(html).length).toBeLessThan(1_000);
  });
});
