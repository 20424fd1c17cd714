import { html, type SafeHtml } from '../../../engine/pdf/html/safe-html';
import type { BulletinRow } from './review-bulletin.data';

const LABEL_WIDTH = 230;
const PLOT_WIDTH = 520;
const VALUE_WIDTH = 60;
const TOP = 28;
const BOTTOM = 12;
const TICKS = [0, 20, 40, 60, 80, 100];
/** Bars shrink for a long list, so that the chart stays on one landscape page. */
const MAX_PLOT_HEIGHT = 560;

const BAR_COLOUR = '#3b6fc4';
const LAGGING_COLOUR = '#c9302c';

/**
 * The bulletin's chart: one horizontal bar per ranked unit (its weighted total on a 0–100
 * scale, lagging units in red) and the lagging line dashed across. Plain SVG in the page,
 * so it prints with the document's fonts and needs no script.
 */
export function scoreChart(rows: readonly BulletinRow[], laggingBelow: number): SafeHtml {
  const ranked = rows.filter((row): row is BulletinRow & { total: number } => row.total !== null);
  if (!ranked.length) return html`<p>暂无可排名的单位。</p>`;
  const step = Math.min(24, Math.max(10, Math.floor(MAX_PLOT_HEIGHT / ranked.length)));
  const bar = Math.max(6, step - 6);
  const height = TOP + ranked.length * step + BOTTOM;
  const width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
  const x = (value: number) => LABEL_WIDTH + (Math.max(0, Math.min(100, value)) / 100) * PLOT_WIDTH;
  const fontSize = Math.min(12, step - 3);
  return html`<figure class="chart keep-together">
  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="各单位加权总分">
    ${TICKS.map(
      (tick) => html`<line x1="${x(tick)}" y1="${TOP - 6}" x2="${x(tick)}" y2="${height - BOTTOM}" stroke="#ddd" stroke-width="1"/>
    <text x="${x(tick)}" y="${TOP - 10}" font-size="10" text-anchor="middle" fill="#666">${tick}</text>`,
    )}
    ${ranked.map((row, index) => {
      const y = TOP + index * step;
      const colour = row.lagging ? LAGGING_COLOUR : BAR_COLOUR;
      return html`<text x="${LABEL_WIDTH - 8}" y="${y + bar / 2 + fontSize / 3}" font-size="${fontSize}" text-anchor="end">${row.rank}. ${row.unitName}</text>
    <rect x="${LABEL_WIDTH}" y="${y}" width="${x(row.total) - LABEL_WIDTH}" height="${bar}" fill="${colour}"/>
    <text x="${x(row.total) + 4}" y="${y + bar / 2 + fontSize / 3}" font-size="${fontSize}" fill="${colour}">${row.total.toFixed(1)}</text>`;
    })}
    <line x1="${x(laggingBelow)}" y1="${TOP - 6}" x2="${x(laggingBelow)}" y2="${height - BOTTOM}" stroke="${LAGGING_COLOUR}" stroke-width="1.5" stroke-dasharray="5 3"/>
  </svg>
  <figcaption>各单位加权总分（0–100）；红色为工作滞后单位，红色虚线为滞后线 ${laggingBelow} 分。</figcaption>
</figure>`;
}
