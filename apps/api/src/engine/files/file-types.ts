import type { Localized } from '@zizhu/schema';

/** The largest file accepted (evidence scans and documents, not archives). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

interface AllowedType {
  extensions: readonly string[];
  contentType: string;
  /** The file must start with one of these bytes: a renamed .exe is not a PDF. */
  magic: readonly Buffer[];
}

const ZIP = Buffer.from('504b0304', 'hex');

/** What may be uploaded; the stored content type is ours, never the browser's claim. */
export const ALLOWED_FILE_TYPES: readonly AllowedType[] = [
  { extensions: ['pdf'], contentType: 'application/pdf', magic: [Buffer.from('%PDF-')] },
  { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg', magic: [Buffer.from('ffd8ff', 'hex')] },
  { extensions: ['png'], contentType: 'image/png', magic: [Buffer.from('89504e470d0a1a0a', 'hex')] },
  { extensions: ['xlsx'], contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [ZIP] },
  { extensions: ['docx'], contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [ZIP] },
];

export const FILE_MESSAGES = {
  missing: { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  empty: { zh: '文件是空的，请重新选择', en: 'The file is empty' },
  tooLarge: { zh: '文件不能超过 10 MB，请压缩或拆分后再上传', en: 'Files may be at most 10 MB: compress or split it' },
  badType: {
    zh: '只能上传 PDF、JPG、PNG、Excel（.xlsx）或 Word（.docx）文件',
    en: 'Only PDF, JPG, PNG, Excel (.xlsx) or Word (.docx) files can be uploaded',
  },
  badContent: {
    zh: '文件内容与扩展名不符（可能是改了扩展名的其他文件），请上传原始文件',
    en: "The file's content does not match its extension: upload the original file",
  },
  badName: { zh: '文件名不能超过 255 个字符', en: 'The file name may be at most 255 characters' },
  notYours: {
    zh: '该附件已用于其他记录，或不是您上传的，请重新上传',
    en: 'This file belongs to another record or was not uploaded by you: upload it again',
  },
} satisfies Record<string, Localized>;

/** The allowed type of an upload, or the message saying why it is refused. */
export function checkUpload(name: string, data: Buffer): { contentType: string } | { error: Localized } {
  if (!data.length) return { error: FILE_MESSAGES.empty };
  if (data.length > MAX_FILE_BYTES) return { error: FILE_MESSAGES.tooLarge };
  if (!name || name.length > 255) return { error: FILE_MESSAGES.badName };
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = ALLOWED_FILE_TYPES.find((t) => t.extensions.includes(extension));
  if (!type) return { error: FILE_MESSAGES.badType };
  if (!type.magic.some((m) => data.subarray(0, m.length).equals(m))) return { error: FILE_MESSAGES.badContent };
  return { contentType: type.contentType };
}
