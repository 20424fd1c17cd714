import { pdfUnavailable } from './pdf-errors';
import { CHROMIUM, CJK_FONT } from './pdf-requirements';

describe('pdfUnavailable', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('names everything missing and installs it in one command', () => {
    delete process.env.CHROMIUM_PATH;
    const error = pdfUnavailable([CHROMIUM, CJK_FONT]);
    expect(error).toMatchObject({ status: 503, code: 'PDF_UNAVAILABLE' });
    expect(error.localized).toEqual({
      zh: '暂时无法生成 PDF，服务器缺少：Chromium 浏览器、中文字体。请管理员执行：sudo apt-get install -y chromium fonts-noto-cjk',
      en: 'PDFs cannot be made yet: this server lacks Chromium and a Chinese (CJK) font. An administrator installs it with: sudo apt-get install -y chromium fonts-noto-cjk',
    });
  });

  it('mentions CHROMIUM_PATH only when Chromium is what is missing', () => {
    process.env.CHROMIUM_PATH = '/opt/chromium/chrome';
    expect(pdfUnavailable([CJK_FONT]).localized.en).not.toContain('CHROMIUM_PATH');
    expect(pdfUnavailable([CHROMIUM]).localized.en).toContain('Chromium (CHROMIUM_PATH=/opt/chromium/chrome does not exist)');
  });
});
