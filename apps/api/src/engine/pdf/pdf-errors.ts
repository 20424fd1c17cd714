import { ApiException } from '../errors/api.exception';
import { CHROMIUM, installCommand, type SystemRequirement } from './pdf-requirements';

/** 503 naming what the server lacks and the one command that installs it. */
export function pdfUnavailable(missing: readonly SystemRequirement[]): ApiException {
  const command = installCommand(missing);
  // A custom CHROMIUM_PATH is not fixed by apt-get: say which path was tried.
  const customPath = process.env.CHROMIUM_PATH;
  const named = (m: SystemRequirement, locale: 'zh' | 'en') => {
    if (m !== CHROMIUM || customPath === undefined) return m.name[locale];
    return locale === 'zh' ? `${m.name.zh}（CHROMIUM_PATH=${customPath} 不存在）` : `${m.name.en} (CHROMIUM_PATH=${customPath} does not exist)`;
  };
  return new ApiException('PDF_UNAVAILABLE', {
    zh: `暂时无法生成 PDF，服务器缺少：${missing.map((m) => named(m, 'zh')).join('、')}。请管理员执行：${command}`,
    en: `PDFs cannot be made yet: this server lacks ${missing.map((m) => named(m, 'en')).join(' and ')}. An administrator installs it with: ${command}`,
  });
}

/** 503 when Chromium is there but does not start; the reason goes to the server log. */
export function pdfCouldNotStart(): ApiException {
  return new ApiException('PDF_UNAVAILABLE', {
    zh: '暂时无法生成 PDF：Chromium 无法启动，请管理员查看服务器日志',
    en: 'PDFs cannot be made now: Chromium did not start (the server log says why)',
  });
}

export function pdfTimedOut(timeoutMs: number): ApiException {
  const seconds = Math.round(timeoutMs / 1000);
  return new ApiException('PDF_TIMEOUT', {
    zh: `生成 PDF 超过 ${seconds} 秒仍未完成，请稍后重试或减少一次打印的内容`,
    en: `The PDF took longer than ${seconds} s to render: try again later or print less at once`,
  });
}
