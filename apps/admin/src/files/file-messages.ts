import type { Localized } from '@zizhu/schema';

/** `zizhu.files.*` */
export const FILE_TEXTS = {
  downloadFailed: { zh: '下载失败，请稍后重试', en: 'The download failed: try again later' },
} satisfies Record<string, Localized>;
