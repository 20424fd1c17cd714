import type { Localized } from '@zizhu/schema';

export const CHECKS_MESSAGES = {
  frozen: { zh: '该版本已发布或已停用，不能再修改或删除；请从它新建一个草稿版本', en: 'This version is published or retired and never changes: start a new draft from it' },
  notDraft: { zh: '只有草稿版本可以发布', en: 'Only a draft can be published' },
  notPublished: { zh: '只有已发布的版本可以停用', en: 'Only a published version can be retired' },
  definitionRequired: { zh: '请填写检查内容', en: 'The sections and items are missing' },
} satisfies Record<string, Localized>;
