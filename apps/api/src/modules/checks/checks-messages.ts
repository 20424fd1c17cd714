import type { Localized } from '@zizhu/schema';

export const CHECKS_MESSAGES = {
  frozen: { zh: '该版本已发布或已停用，不能再修改或删除；请从它新建一个草稿版本', en: 'This version is published or retired and never changes: start a new draft from it' },
  notDraft: { zh: '只有草稿版本可以发布', en: 'Only a draft can be published' },
  notPublished: { zh: '只有已发布的版本可以停用', en: 'Only a published version can be retired' },
  definitionRequired: { zh: '请填写检查内容', en: 'The sections and items are missing' },
  sheetRequired: { zh: '请选择导出的检查表文件（.xlsx）', en: 'Choose an exported checklist sheet (.xlsx)' },
  sheetUnreadable: { zh: '无法读取该文件，请上传 .xlsx 文件', en: 'This file cannot be read: upload an .xlsx file' },
  sheetRowsInvalid: (count: number): Localized => ({
    zh: `有 ${count} 行有误，检查内容未作任何修改；请按提示修改后重新上传`,
    en: `${count} rows have errors; nothing was changed. Fix them and upload again`,
  }),
} satisfies Record<string, Localized | ((count: number) => Localized)>;
