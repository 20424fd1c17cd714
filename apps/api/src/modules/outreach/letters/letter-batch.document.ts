import { formatYuan } from '@zizhu/schema';
import { html, type SafeHtml } from '../../../engine/pdf/html/safe-html';
import { printDocument } from '../../../engine/pdf/html/print-document';
import { qrDataUrl } from '../../../engine/pdf/html/data-urls';

/** A letter as it prints: its frozen text and 回执, and who it is for. */
export interface PrintLetter {
  id: number;
  studentName: string;
  schoolName: string;
  grade: string | null;
  className: string | null;
  /** "2026年春季学期" */
  term: string;
  content: string;
  receipt: string;
  /** Fen. */
  total: number;
}

/**
 * One page per letter: the title, the letter's frozen text (one paragraph per line, the
 * payments among them), the QR code to the families' query page, then a cut line and the
 * 回执 slip the family signs and returns. A long letter runs on; the slip stays whole.
 */
const LETTER_STYLES: SafeHtml = html`<style>
  .letter { min-height: 263mm; display: flex; flex-direction: column; break-after: page; page-break-after: always; }
  .letter:last-child { break-after: auto; page-break-after: auto; }
  .letter h1 { text-align: center; font-size: 18pt; letter-spacing: 4pt; margin-bottom: 12pt; }
  .letter .text p { text-indent: 2em; margin: 0 0 4pt; font-size: 11pt; line-height: 1.7; }
  .letter .text p.payment { text-indent: 0; padding-left: 2em; }
  .letter .text p.signature { text-indent: 0; text-align: right; margin-top: 8pt; }
  .query { display: flex; align-items: center; gap: 4mm; margin: 6pt 0 0; font-size: 9pt; color: #333; }
  .query img { width: 26mm; height: 26mm; }
  .slip-area { margin-top: auto; }
  .cut { border-top: 1pt dashed #555; text-align: center; font-size: 8pt; color: #555; margin: 10pt 0 6pt; padding-top: 2pt; }
  .slip { break-inside: avoid; page-break-inside: avoid; font-size: 10.5pt; }
  .slip h2 { text-align: center; letter-spacing: 8pt; margin: 0 0 6pt; }
  .slip .who span { margin-right: 8mm; }
  .slip .sign { margin-top: 14pt; display: flex; justify-content: space-between; }
  .slip .no { text-align: right; font-size: 8pt; color: #555; margin-top: 6pt; }
</style>`;

const PAYMENT_LINE = /^\d+\.\s/;
/** A short last line is the letter's signature (the issuing office): set on the right. */
const SIGNATURE_MAX_CHARS = 24;

function paragraphs(text: string, { signed = false } = {}): SafeHtml[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.map((line, i) => {
    if (PAYMENT_LINE.test(line)) return html`<p class="payment">${line}</p>`;
    if (signed && i === lines.length - 1 && i > 0 && line.trim().length <= SIGNATURE_MAX_CHARS) return html`<p class="signature">${line}</p>`;
    return html`<p>${line}</p>`;
  });
}

function letterPage(letter: PrintLetter, qr: string, queryUrl: string): SafeHtml {
  const className = `${letter.grade ?? ''}${letter.className ?? ''}`;
  return html`<section class="letter">
  <h1>致家长的一封信</h1>
  <div class="text">${paragraphs(letter.content, { signed: true })}</div>
  <div class="query"><img src="${qr}" alt=""><div>家长可扫描二维码，或访问 ${queryUrl}，<br>输入学生姓名和身份证号，自助查询资助发放情况。</div></div>
  <div class="slip-area">
    <div class="cut">- - - - - - - - - - - - 请沿此线剪下，家长签字后交回学校 - - - - - - - - - - - -</div>
    <div class="slip">
      <h2>回执</h2>
      <p class="who"><span>学生：${letter.studentName}</span><span>学校：${letter.schoolName}</span><span>班级：${className || '—'}</span></p>
      <p class="who"><span>学期：${letter.term}</span><span>资助金额合计：${formatYuan(letter.total, { grouped: true })} 元</span></p>
      ${paragraphs(letter.receipt)}
      <p class="sign"><span>家长签字：________________</span><span>联系电话：________________</span><span>日期：______年____月____日</span></p>
      <p class="no">告知书编号 ${letter.id}</p>
    </div>
  </div>
</section>`;
}

/** The whole batch: every letter of a school for a term, one QR code image shared by all. */
export async function lettersDocument(title: string, letters: readonly PrintLetter[], queryUrl: string): Promise<SafeHtml> {
  const qr = await qrDataUrl(queryUrl, { width: 240 });
  return printDocument({ title, styles: LETTER_STYLES, body: letters.map((letter) => letterPage(letter, qr, queryUrl)) });
}
