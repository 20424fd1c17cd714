import type { Locale } from '../../errors/locale';
import { html, type HtmlValue, type SafeHtml } from './safe-html';

/** fonts-noto-cjk first (what `npm test` installs), then the other common Debian CJK font. */
export const CJK_FONT_STACK = "'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

/**
 * The base print stylesheet. Paper size and margins are the renderer's options (A4 by
 * default), so CSS does not fight them. Tables split across pages and repeat their header
 * row (`<thead>`) on every page; a row never splits. Helpers: `.page-break` starts a new
 * page (one letter per page), `.keep-together` keeps a block on one page, `.number` right-
 * aligns figures. (Values are never interpolated here: `<style>` does not decode entities.)
 */
export const PRINT_STYLES: SafeHtml = html`<style>
  html { font-family: 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif; font-size: 10.5pt; line-height: 1.5; color: #000;
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; }
  h1 { font-size: 16pt; margin: 0 0 8pt; }
  h2 { font-size: 13pt; margin: 12pt 0 6pt; }
  h3 { font-size: 11pt; margin: 10pt 0 4pt; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  p { margin: 0 0 6pt; }
  table { width: 100%; border-collapse: collapse; margin: 0 0 8pt; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  tr, img, figure { break-inside: avoid; page-break-inside: avoid; }
  th, td { border: 0.5pt solid #666; padding: 3pt 4pt; text-align: left; vertical-align: top; }
  th { background: #eee; font-weight: bold; }
  .number { text-align: right; font-variant-numeric: tabular-nums; }
  .page-break { break-before: page; page-break-before: always; }
  .keep-together { break-inside: avoid; page-break-inside: avoid; }
  img { max-width: 100%; }
</style>`;

/** An empty block that starts a new page. */
export const PAGE_BREAK: SafeHtml = html`<div class="page-break"></div>`;

/** Filled in by Chromium in a header or footer (not in the body). */
export const PAGE_NUMBER: SafeHtml = html`<span class="pageNumber"></span>`;
export const TOTAL_PAGES: SafeHtml = html`<span class="totalPages"></span>`;

/** "第 1 页，共 3 页" / "Page 1 of 3", for a header or footer. */
export function pageNumbers(locale: Locale = 'zh'): SafeHtml {
  return locale === 'zh' ? html`第 ${PAGE_NUMBER} 页，共 ${TOTAL_PAGES} 页` : html`Page ${PAGE_NUMBER} of ${TOTAL_PAGES}`;
}

export interface PrintDocument {
  title: string;
  body: HtmlValue;
  /** Extra `<style>` for this kind of document; the base stylesheet comes first. */
  styles?: SafeHtml;
  lang?: 'zh-CN' | 'en';
}

/** A whole printable page: doctype, UTF-8, language (which picks the CJK glyphs), styles. */
export function printDocument({ title, body, styles, lang = 'zh-CN' }: PrintDocument): SafeHtml {
  return html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${title}</title>${PRINT_STYLES}${styles}</head>
<body>${body}</body>
</html>`;
}
