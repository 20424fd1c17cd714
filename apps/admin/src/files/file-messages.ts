import type { Localized } from '@zizhu/schema';

/** `zizhu.files.*` */
export const FILE_TEXTS = {
  downloadFailed: { zh: '下载失败，请稍后重试', en: 'The download failed: try again later' },
  choose: { zh: '选择文件上传', en: 'Upload a file' },
  replace: { zh: '更换文件', en: 'Replace the file' },
  remove: { zh: '移除', en: 'Remove' },
  uploading: { zh: '正在上传…', en: 'Uploading…' },
  uploadFailed: { zh: '上传失败，请稍后重试', en: 'The upload failed: try again later' },
  download: { zh: '下载', en: 'Download' },
  allowed: { zh: '支持 PDF、JPG、PNG、Excel、Word，不超过 10 MB', en: 'PDF, JPG, PNG, Excel or Word; at most 10 MB' },
  unavailable: { zh: '附件 #%{id}（无权查看）', en: 'File #%{id} (not visible to you)' },
} satisfies Record<string, Localized>;
