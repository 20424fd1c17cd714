import { CJK_FONT_STACK } from './html/print-document';
import { html, type SafeHtml } from './html/safe-html';

export interface PageMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PdfRenderOptions {
  /** The one paper size so far; named so that a call says what it prints on. */
  format?: 'A4';
  landscape?: boolean;
  /** Printed at the top and bottom of every page; `pageNumbers()` gives "第 1 页，共 3 页". */
  header?: SafeHtml;
  footer?: SafeHtml;
  /** Millimetres. Default 15 on every side, 20 at the top or bottom that has a header or footer. */
  margins?: Partial<PageMargins>;
}

/** Chromium's Page.printToPDF parameters, the ones we set (sizes in inches). */
export interface PrintToPdfParameters {
  landscape: boolean;
  displayHeaderFooter: boolean;
  printBackground: boolean;
  paperWidth: number;
  paperHeight: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
  headerTemplate: string;
  footerTemplate: string;
  preferCSSPageSize: boolean;
  transferMode: 'ReturnAsStream';
}

const PAPER_MM = { A4: { width: 210, height: 297 } } as const;
const MM_PER_INCH = 25.4;

/**
 * A header or footer is rendered apart from the page, without its stylesheet, at a tiny
 * default size: give it the CJK fonts, a readable size and the page's side margins.
 */
function band(content: SafeHtml, mm: PageMargins): string {
  return html`<div style="box-sizing: border-box; width: 100%; padding: 0 ${mm.right}mm 0 ${mm.left}mm; font-family: ${CJK_FONT_STACK}; font-size: 8pt; color: #444; text-align: center;">${content}</div>`.toString();
}

// Chromium prints its own date and title when a template is empty; an empty span prints nothing.
const NOTHING = '<span></span>';

export function printParameters({ format = 'A4', landscape = false, header, footer, margins = {} }: PdfRenderOptions): PrintToPdfParameters {
  const paper = PAPER_MM[format];
  const mm: PageMargins = {
    top: margins.top ?? (header ? 20 : 15),
    right: margins.right ?? 15,
    bottom: margins.bottom ?? (footer ? 20 : 15),
    left: margins.left ?? 15,
  };
  return {
    landscape,
    displayHeaderFooter: Boolean(header ?? footer),
    printBackground: true,
    paperWidth: paper.width / MM_PER_INCH,
    paperHeight: paper.height / MM_PER_INCH,
    marginTop: mm.top / MM_PER_INCH,
    marginRight: mm.right / MM_PER_INCH,
    marginBottom: mm.bottom / MM_PER_INCH,
    marginLeft: mm.left / MM_PER_INCH,
    headerTemplate: header ? band(header, mm) : NOTHING,
    footerTemplate: footer ? band(footer, mm) : NOTHING,
    preferCSSPageSize: false,
    transferMode: 'ReturnAsStream',
  };
}
