import type { Child } from 'hono/jsx';

/**
 * A data table too wide for a phone scrolls inside its own box rather than the whole page (reflow
 * allows this for data tables). The box is a named, focusable region so a keyboard can scroll it.
 */
export function ScrollTable(props: { label: string; children: Child }) {
  return <div class="scroll" role="region" aria-label={props.label} tabindex={0}>{props.children}</div>;
}
