import { AUDIT_RULE_TEXTS } from './checks/audit-rule-messages';
import { CHECK_EXTENSIONS } from './checks/check-extensions';
import { CHECKLIST_TEXTS } from './checks/checklist-messages';
import { CLUE_TEXTS } from './checks/clue-messages';
import { COMPARISON_EXTENSIONS } from './comparison/comparison-extensions';
import { COMPARISON_STEP_TEXTS, COMPARISON_TEXTS, SUMMARY_COUNT_TEXTS, SUMMARY_LEVEL_TEXTS } from './comparison/comparison-messages';
import { ExportButton } from './export/export-button';
import { EXPORT_TEXTS } from './export/export-messages';
import { FILE_TEXTS } from './files/file-messages';
import { FOLLOW_UP_EXTENSIONS } from './follow-ups/follow-up-extensions';
import { FOLLOW_UP_TEXTS, TERM_TEXTS } from './follow-ups/follow-up-messages';
import { FUND_EXTENSIONS } from './funds/fund-extensions';
import { fundMessages } from './funds/funds-messages';
import { ImportListAction } from './imports/import-button';
import { IMPORT_EXTENSIONS } from './imports/import-extensions';
import { INSPECTION_EXTENSIONS } from './inspections/inspection-extensions';
import { INSPECTION_TEXTS } from './inspections/inspection-messages';
import { IMPORT_MODE_TEXTS, IMPORT_STATUS_TEXTS, IMPORT_TEXTS } from './imports/import-messages';
import { INSPECTION_STATS_TEXTS } from './inspection-stats/inspection-stats-messages';
import { LETTER_EXTENSIONS } from './letters/letter-extensions';
import { LETTER_TEXTS } from './letters/letter-messages';
import { LettersListActions } from './letters/letters-list-actions';
import { AID_QUERY_TEXTS } from './public-query/aid-query-messages';
import { TODO_KIND_TEXTS, TODO_TEXTS } from './layout/layout-messages';
import { OMISSION_EXTENSIONS } from './omissions/omission-extensions';
import { OMISSION_TEXTS } from './omissions/omission-messages';
import { PROGRAM_EXTENSIONS } from './programs/program-extensions';
import { PROGRAM_TEXTS } from './programs/program-messages';
import { PLAN_EXTENSIONS } from './plans/plan-extensions';
import { PLAN_TEXTS } from './plans/plan-messages';
import { pick } from './providers/app-messages';
import { registerFeatureMessages } from './providers/i18n-provider';
import type { Language } from './providers/locales';
import { REVIEW_EXTENSIONS } from './reviews/review-extensions';
import { REVIEW_TEXTS } from './reviews/review-messages';
import { registerListActions, registerResourceExtensions } from './schema/resource-extensions';

/**
 * The composition root of the panel's features: each registers into the generic `schema/`
 * and `providers/` folders here, which never import a feature themselves. A new feature adds
 * its lines below (and its routes in app.tsx).
 */
export function registerFeatures(): void {
  registerFeatureMessages(
    (lang) => ({ export: pick(EXPORT_TEXTS, lang), files: pick(FILE_TEXTS, lang) }),
    (lang) => ({ import: importMessages(lang) }),
    (lang) => ({ programs: pick(PROGRAM_TEXTS, lang), clues: pick(CLUE_TEXTS, lang), checklists: pick(CHECKLIST_TEXTS, lang), omissions: pick(OMISSION_TEXTS, lang) }),
    (lang) => ({ funds: fundMessages(lang) }),
    (lang) => ({ auditRules: pick(AUDIT_RULE_TEXTS, lang) }),
    (lang) => ({ inspections: pick(INSPECTION_TEXTS, lang) }),
    (lang) => ({ followUps: { ...pick(FOLLOW_UP_TEXTS, lang), terms: pick(TERM_TEXTS, lang) } }),
    (lang) => ({ letters: pick(LETTER_TEXTS, lang), aidQuery: pick(AID_QUERY_TEXTS, lang) }),
    (lang) => ({ plans: pick(PLAN_TEXTS, lang) }),
    (lang) => ({ todo: { ...pick(TODO_TEXTS, lang), kinds: pick(TODO_KIND_TEXTS, lang) } }),
    (lang) => ({ inspectionStats: pick(INSPECTION_STATS_TEXTS, lang) }),
    (lang) => ({ reviews: pick(REVIEW_TEXTS, lang) }),
    (lang) => ({
      comparison: {
        ...pick(COMPARISON_TEXTS, lang),
        steps: pick(COMPARISON_STEP_TEXTS, lang),
        counts: pick(SUMMARY_COUNT_TEXTS, lang),
        levels: pick(SUMMARY_LEVEL_TEXTS, lang),
      },
    }),
  );
  for (const extensions of [PROGRAM_EXTENSIONS, FUND_EXTENSIONS, COMPARISON_EXTENSIONS, CHECK_EXTENSIONS, INSPECTION_EXTENSIONS, OMISSION_EXTENSIONS, IMPORT_EXTENSIONS, FOLLOW_UP_EXTENSIONS, LETTER_EXTENSIONS, PLAN_EXTENSIONS, REVIEW_EXTENSIONS]) {
    registerResourceExtensions(extensions);
  }
  // Every generated list: 导入 (where the user may import), then 导出; the letters list's own after them.
  registerListActions(ImportListAction, ExportButton, LettersListActions);
}

function importMessages(lang: Language): object {
  return {
    ...pick(IMPORT_TEXTS, lang),
    modes: Object.fromEntries(Object.entries(IMPORT_MODE_TEXTS).map(([mode, text]) => [mode, text.label[lang]])),
    modeHints: Object.fromEntries(Object.entries(IMPORT_MODE_TEXTS).map(([mode, text]) => [mode, text.hint[lang]])),
    statuses: pick(IMPORT_STATUS_TEXTS, lang),
  };
}
