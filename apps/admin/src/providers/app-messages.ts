import { ID_NUMBER_MESSAGES, MENU_GROUP_LABELS, ROLE_LABELS, ROLES, type Localized } from '@zizhu/schema';
import { HISTORY_TEXTS } from '../schema/record-history-messages';
import { RULE_TEXTS, VALUES_TEXTS } from '../schema/shape-messages';
import type { Language } from './locales';

const TEXTS = {
  title: { zh: '资助管理平台', en: 'Zizhu student aid' },
  reveal: { zh: '显示', en: 'Reveal' },
  revealHint: { zh: '查看完整信息（将记入操作日志）', en: 'Show the full value (recorded in the audit log)' },
  revealFailed: { zh: '无法显示该信息', en: 'The value could not be revealed' },
  filterFrom: { zh: '%{field} 起', en: '%{field} from' },
  filterTo: { zh: '%{field} 止', en: '%{field} to' },
  dashboardWelcome: { zh: '您好，%{name}', en: 'Welcome, %{name}' },
  dashboardRole: {
    zh: '您的身份是「%{role}」，管辖范围：%{scope}。您只能看到并修改该范围内的数据。',
    en: 'You work as %{role} for %{scope}. You see and change only the data in that scope.',
  },
  dashboardNone: { zh: '您的账号暂无可用功能，请联系上级管理员。', en: 'Your account has no functions yet: ask your administrator.' },
  dashboardSensitive: {
    zh: '身份证号、电话、银行账号等个人信息默认部分隐藏（如 4507**********1234）。需要时点击「显示」查看完整内容，每次查看都会记入操作日志。',
    en: 'ID numbers, phones and accounts are partly hidden (e.g. 4507**********1234). Click “Reveal” when you need the full value; every reveal is recorded in the audit log.',
  },
  dashboardHelp: {
    zh: '点击待办事项打开对应的筛选列表；左侧菜单按工作分组列出全部功能。列表页可按条件筛选，点击一行查看或修改；保存时如有错误，会在对应输入框下方提示。',
    en: 'Click a to-do line to open its filtered list; the menu on the left lists everything by area of work. Filter lists with the search fields and click a row to open or edit it; save errors are shown under the input concerned.',
  },
  listSeparator: { zh: '、', en: ', ' },
  recordTitle: { zh: '%{name}：', en: '%{name}: ' },
} satisfies Record<string, Localized>;

/** One language's side of a set of texts. */
export function pick(texts: Record<string, Localized>, lang: Language): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, text[lang]]));
}

/** react-admin 5 titles name the record; the v4-era Chinese catalogue still shows `#id`. */
const CHINESE_TITLES = {
  ra: {
    page: {
      edit: '编辑%{name}：%{recordRepresentation}',
      show: '%{name}：%{recordRepresentation}',
      list: '%{name}',
    },
    message: { delete_title: '删除%{name}：%{recordRepresentation}' },
  },
};

/**
 * The panel's own messages (`zizhu.*`), beside react-admin's `ra.*` ones; each feature's
 * (`zizhu.funds.*`, …) are registered by the composition root (see i18n-provider).
 */
export function appMessages(lang: Language): object {
  return {
    ...(lang === 'zh' ? CHINESE_TITLES : {}),
    zizhu: {
      ...pick(TEXTS, lang),
      roles: Object.fromEntries(ROLES.map((role) => [role, ROLE_LABELS[role][lang]])),
      idNumber: pick(ID_NUMBER_MESSAGES, lang),
      rule: pick(RULE_TEXTS, lang),
      values: pick(VALUES_TEXTS, lang),
      menu: pick(MENU_GROUP_LABELS, lang),
      history: pick(HISTORY_TEXTS, lang),
    },
  };
}
