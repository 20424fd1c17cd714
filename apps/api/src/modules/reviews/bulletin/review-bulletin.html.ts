import { REVIEW_COUNT_LABELS, type ReviewFigure, type ReviewIndicatorWeight } from '@zizhu/schema';
import { formatDateTime } from '../../../engine/export/export-columns';
import { printDocument } from '../../../engine/pdf/html/print-document';
import { html, type SafeHtml } from '../../../engine/pdf/html/safe-html';
import { scoreChart } from './review-bulletin-chart';
import type { BulletinData, BulletinRow } from './review-bulletin.data';

const BULLETIN_STYLES = html`<style>
  h1 { text-align: center; font-size: 18pt; }
  .subtitle { text-align: center; margin: -2pt 0 12pt; color: #333; }
  table.ranking { font-size: 9pt; }
  table.ranking td.lagging { color: #c9302c; font-weight: bold; }
  table.weights td:nth-child(2) { white-space: nowrap; }
  .remarks { white-space: pre-wrap; }
  figure.chart { margin: 0 0 8pt; }
  figure.chart figcaption { font-size: 9pt; color: #444; }
  .unit { break-inside: avoid; page-break-inside: avoid; margin-bottom: 6pt; }
  .unit h3 { margin-bottom: 2pt; }
  .unit ul { margin: 0; padding-left: 16pt; }
  .muted { color: #555; font-size: 9pt; }
</style>`;

/** A 0–100 figure with one decimal, '—' when there was nothing to count. */
export function figureText(value: number | null | undefined): string {
  return value == null ? '—' : value.toFixed(1);
}

/** The counts behind a figure: 按时 3、逾期 1、未完成 2. */
export function countsText(figure: ReviewFigure | undefined): string {
  if (!figure) return '';
  return Object.entries(figure.counts)
    .filter(([key, value]) => key !== 'score' && value !== null)
    .map(([key, value]) => `${REVIEW_COUNT_LABELS[key]?.zh ?? key} ${value}`)
    .join('、');
}

/** The name a bulletin is saved and downloaded under: 季通报-玉州区2026年第三季度学生资助工作季通报.pdf, without characters file systems refuse. */
export function bulletinFileName(data: Pick<BulletinData, 'title'>): string {
  return `${data.title}.pdf`.replace(/[\\/:*?"<>|\s]+/g, '');
}

/** The date a review was issued, China time: 2026-10-08. */
function issuedDate(data: BulletinData): string {
  return data.issuedAt ? formatDateTime(new Date(data.issuedAt)).slice(0, 10) : '';
}

/**
 * The quarterly bulletin (季通报), printed from the review's frozen snapshot: title and
 * period, the overall picture and the remarks, the indicators and their weights, the
 * ranking table, the chart of totals, and each lagging unit named with what it missed.
 */
export function bulletinDocument(data: BulletinData): SafeHtml {
  const lagging = data.rows.filter((row) => row.lagging);
  const body = html`<h1>${data.title}</h1>
<p class="subtitle">统计期间：${data.periodStart} 至 ${data.periodEnd}${data.asOf && data.asOf < data.periodEnd ? `（数据截至 ${data.asOf}）` : ''}　发布日期：${issuedDate(data)}</p>
<h2>一、总体情况</h2>
<p>依据《${data.planName}》，按平台数据对${data.regionName}${data.rows.length}所学校的资助工作进行点评排名，其中工作滞后单位 ${lagging.length} 个（有未完成任务，或加权总分低于 ${data.laggingBelow} 分）。</p>
${data.remarks ? html`<p class="remarks">${data.remarks}</p>` : ''}
<h2>二、点评指标与权重</h2>
${weightsTable(data.indicators)}
<h2>三、排名情况</h2>
${rankingTable(data)}
<h2>四、得分情况图</h2>
${scoreChart(data.rows, data.laggingBelow)}
<h2>五、工作滞后单位</h2>
${lagging.length ? lagging.map((row) => laggingUnit(row, data)) : html`<p>本期没有工作滞后单位。</p>`}
<p class="muted">本通报由学生资助管理平台依据系统数据自动计算生成，各项指标不采用单位自报数据。</p>`;
  return printDocument({ title: data.title, body, styles: BULLETIN_STYLES });
}

function weightsTable(indicators: readonly ReviewIndicatorWeight[]): SafeHtml {
  return html`<table class="weights">
  <thead><tr><th>指标</th><th class="number">权重</th></tr></thead>
  <tbody>${indicators.map((indicator) => html`<tr><td>${indicator.label.zh}</td><td class="number">${indicator.weight}%</td></tr>`)}</tbody>
</table>
<p class="muted">各项指标按 0–100 计分；某项本期无数据可计（如本期无发放）的，不计入该单位总分，其余指标按权重折算。</p>`;
}

function rankingTable(data: BulletinData): SafeHtml {
  const weighted = data.indicators.filter((indicator) => indicator.weight > 0);
  return html`<table class="ranking">
  <thead><tr><th class="number">排名</th><th>单位</th><th>所属区域</th>${weighted.map((indicator) => html`<th class="number">${indicator.label.zh}</th>`)}<th class="number">加权总分</th><th>滞后</th></tr></thead>
  <tbody>${data.rows.map(
    (row) => html`<tr>
    <td class="number">${row.rank ?? '—'}</td><td>${row.unitName}</td><td>${row.regionName ?? ''}</td>
    ${weighted.map((indicator) => html`<td class="number" title="${countsText(row.figures[indicator.code])}">${figureText(row.figures[indicator.code]?.value)}</td>`)}
    <td class="number">${figureText(row.total)}</td><td class="${row.lagging ? 'lagging' : ''}">${row.lagging ? '滞后' : ''}</td>
  </tr>`,
  )}</tbody>
</table>`;
}

function laggingUnit(row: BulletinRow, data: BulletinData): SafeHtml {
  const label = (code: string) => data.indicators.find((indicator) => indicator.code === code)?.label.zh ?? code;
  return html`<div class="unit">
  <h3>${row.unitName}${row.regionName ? `（${row.regionName}）` : ''}：加权总分 ${figureText(row.total)}${row.rank ? `，第 ${row.rank} 名` : ''}</h3>
  <ul>
    ${row.missedDuties.map((duty) => html`<li>未完成任务：${duty.title}（截止 ${duty.dueDate}）</li>`)}
    ${row.total !== null && row.total < data.laggingBelow ? html`<li>加权总分低于滞后线 ${data.laggingBelow} 分</li>` : ''}
    ${row.weakIndicators.length ? html`<li>低于 ${data.laggingBelow} 分的指标：${row.weakIndicators.map((weak) => `${label(weak.code)} ${figureText(weak.value)}`).join('、')}</li>` : ''}
  </ul>
</div>`;
}
