import { pageNumbers } from './html/print-document';
import { html } from './html/safe-html';
import { printParameters } from './print-parameters';

describe('printParameters', () => {
  it('prints A4 with 15 mm margins and no header or footer by default', () => {
    const p = printParameters({});
    expect(p.paperWidth * 25.4).toBeCloseTo(210);
    expect(p.paperHeight * 25.4).toBeCloseTo(297);
    expect([p.marginTop, p.marginRight, p.marginBottom, p.marginLeft].map((m) => m * 25.4)).toEqual([15, 15, 15, 15].map((m) => expect.closeTo(m)));
    expect(p).toMatchObject({ landscape: false, displayHeaderFooter: false, printBackground: true, transferMode: 'ReturnAsStream' });
  });

  it('makes room for a footer, keeps the empty header empty and styles the band in CJK fonts', () => {
    const p = printParameters({ landscape: true, footer: pageNumbers() });
    expect(p).toMatchObject({ landscape: true, displayHeaderFooter: true, headerTemplate: '<span></span>' });
    expect(p.marginBottom * 25.4).toBeCloseTo(20);
    expect(p.marginTop * 25.4).toBeCloseTo(15);
    expect(p.footerTemplate).toContain('<span class="pageNumber"></span>');
    expect(p.footerTemplate).toContain('Noto Sans CJK SC');
  });

  it('takes explicit margins', () => {
    const p = printParameters({ header: html`资助简报`, margins: { top: 30, left: 10 } });
    expect(p.marginTop * 25.4).toBeCloseTo(30);
    expect(p.marginLeft * 25.4).toBeCloseTo(10);
    expect(p.headerTemplate).toContain('资助简报');
  });
});
