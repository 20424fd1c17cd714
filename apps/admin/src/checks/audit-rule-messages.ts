import type { Localized } from '@zizhu/schema';

/** `zizhu.auditRules.*`: the rule page's 立即运行 button. */
export const AUDIT_RULE_TEXTS = {
  run: { zh: '立即运行', en: 'Run now' },
  ran: {
    zh: '命中 %{matched} 条发放明细：新开线索 %{opened} 条，已有线索 %{alreadyOpen} 条',
    en: '%{matched} paid lines match: %{opened} clues opened, %{alreadyOpen} already had one',
  },
} satisfies Record<string, Localized>;
