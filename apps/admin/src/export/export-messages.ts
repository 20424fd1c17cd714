import type { Localized } from '@zizhu/schema';

/** `zizhu.export.*` */
export const EXPORT_TEXTS = {
  button: { zh: '导出', en: 'Export' },
  hint: {
    zh: '导出当前筛选条件下的全部记录（不止本页），个人信息按您的权限隐藏',
    en: 'Exports every record matching the current filters (not just this page); personal data hidden as for you',
  },
  xlsx: { zh: '导出 Excel', en: 'Export Excel' },
  xlsxHint: { zh: '.xlsx 文件，可直接用 Excel / WPS 打开', en: '.xlsx file for Excel or WPS' },
  csv: { zh: '导出 CSV', en: 'Export CSV' },
  csvHint: { zh: '.csv 文本文件，便于其他系统读取', en: '.csv text file for other systems' },
  jobTitle: { zh: '导出%{resource}', en: 'Export %{resource}' },
  jobIntro: {
    zh: '记录较多，正在后台生成文件，关闭此窗口不影响导出，可在“导出记录”中查看。',
    en: 'Many records: the file is being written in the background. Closing this window does not stop it; see Exports.',
  },
  jobRows: { zh: '已写入 %{rows} / %{total} 行', en: '%{rows} of %{total} rows written' },
  jobRunning: { zh: '正在导出…', en: 'Exporting…' },
  jobDone: { zh: '导出完成，共 %{rows} 行', en: 'Done: %{rows} rows' },
  jobFailed: { zh: '导出失败', en: 'The export failed' },
  jobStartFailed: { zh: '无法开始导出，请稍后重试', en: 'The export could not start: try again later' },
  download: { zh: '下载文件', en: 'Download file' },
  close: { zh: '关闭', en: 'Close' },
} satisfies Record<string, Localized>;
