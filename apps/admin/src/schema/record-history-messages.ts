import type { Localized } from '@zizhu/schema';

/** A record's history under its page (`zizhu.history.*`). */
export const HISTORY_TEXTS = {
  title: { zh: '修改记录', en: 'History' },
  empty: { zh: '尚无修改记录', en: 'No changes recorded yet' },
  failed: { zh: '无法读取修改记录', en: 'The history could not be read' },
  at: { zh: '时间', en: 'At' },
  user: { zh: '操作人', en: 'By' },
  action: { zh: '操作', en: 'Action' },
  source: { zh: '来源', en: 'Source' },
  changes: { zh: '内容', en: 'Changes' },
  importBatch: { zh: '导入批次 %{id}', en: 'Import %{id}' },
  importedWith: { zh: '导入批次 %{id}（%{file}）', en: 'Import %{id} (%{file})' },
  manual: { zh: '手工操作', en: 'By hand' },
  asImported: { zh: '按导入文件新增', en: 'Created as imported' },
  change: { zh: '%{field}：%{before} → %{after}', en: '%{field}: %{before} → %{after}' },
  value: { zh: '%{field}：%{value}', en: '%{field}: %{value}' },
  none: { zh: '（空）', en: '(empty)' },
} satisfies Record<string, Localized>;
