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
} satisfies Record<string, Localized>;
