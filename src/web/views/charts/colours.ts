/**
 * Chart colours as SVG presentation attributes: the CSP allows no inline styles, and attributes keep
 * a chart readable before (or without) any stylesheet rule. Each is at least 7:1 against white, above
 * the 3:1 WCAG asks of graphics, and they differ in lightness as well as hue, as the opinion map's do.
 */
export const INK = '#1b1b1b';
export const BAR = '#0b5394'; // the site's accent
export const LATE = '#a01010'; // the site's --bad
export const TARGET = '#17612b'; // the site's --ok
export const MUTED = '#595959';
export const TRACK_EDGE = '#767676'; // 4.5:1: the empty part of a bar still shows its end
export const GRID = '#d9d9d9'; // decoration only
