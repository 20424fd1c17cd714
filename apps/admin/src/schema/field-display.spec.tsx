import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { FieldSchema, FieldType } from '@zizhu/schema';
import { testDataProvider, type DataProvider } from 'react-admin';
import type { UiLocale } from '../providers/locales';
import { fieldSchema, renderFieldDisplay, resourceSchema } from '../testing/panel-harness';

// Attachments ask the API for the file's name and size.
jest.mock('../files/file-api', () => ({
  ...jest.requireActual<object>('../files/file-api'),
  fetchFileInfo: jest.fn(async (id: number) => ({ id, name: '贫困证明.pdf', contentType: 'application/pdf', size: 35 * 1024, sha256: '', uploadedAt: '' })),
}));

const OPTIONS = [
  { value: 'primary', label: { zh: '小学', en: 'Primary' } },
  { value: 'junior', label: { zh: '初中', en: 'Junior' } },
];

/** What the user reads where the value is displayed. */
const shown = (): string => screen.getByTestId('display').textContent ?? '';

/** A data provider answering getMany (and getList) from a few records per resource. */
function recordsProvider(records: Record<string, { id: number | string; [key: string]: unknown }[]>, extra: Partial<DataProvider> = {}): DataProvider {
  const of = (resource: string) => records[resource] ?? [];
  return testDataProvider({
    getMany: jest.fn(async (resource: string, { ids }: { ids: unknown[] }) => ({
      data: of(resource).filter((record) => ids.map(String).includes(String(record.id))),
    })) as never,
    getList: jest.fn(async (resource: string) => ({ data: of(resource), total: of(resource).length })) as never,
    ...extra,
  });
}

describe('FieldDisplay', () => {
  describe('the text shown for each type', () => {
    it.each<[FieldType, Partial<FieldSchema>, unknown, UiLocale, string]>([
      ['string', {}, '韦子婷', 'zh-CN', '韦子婷'],
      ['date', {}, '2026-03-01', 'zh-CN', '2026-03-01'],
      ['text', {}, '第一行\n第二行', 'zh-CN', '第一行\n第二行'],
      ['integer', {}, 12345, 'zh-CN', '12,345'],
      ['integer', {}, 12345, 'en', '12,345'],
      // A year reads without separators; so does a number declared below 10,000 (a percent).
      ['integer', { grouping: false }, 2026, 'zh-CN', '2026'],
      ['integer', { max: 100 }, 45, 'zh-CN', '45'],
      ['integer', { max: 9999 }, 1234, 'zh-CN', '1234'],
      ['integer', { max: 10_000 }, 1234, 'zh-CN', '1,234'],
      ['money', {}, 123450, 'zh-CN', '¥1,234.50'],
      ['money', {}, 7, 'zh-CN', '¥0.07'],
      ['money', {}, 100_000_000, 'en', '¥1,000,000.00'],
      ['money', {}, null, 'zh-CN', ''],
      // Date and time with seconds in the reader's format (a time without zone: the same in any zone).
      ['datetime', {}, '2026-03-01T08:30:00', 'zh-CN', '2026/3/1 08:30:00'],
      ['datetime', {}, '2026-03-01T08:30:00', 'en', '3/1/2026, 8:30:00 AM'],
      ['enum', { options: OPTIONS }, 'junior', 'zh-CN', '初中'],
      ['enum', { options: OPTIONS }, 'junior', 'en', 'Junior'],
      ['enumList', { options: OPTIONS }, ['primary', 'junior'], 'zh-CN', '小学初中'],
      ['enumList', { options: OPTIONS }, ['primary', 'junior'], 'en', 'PrimaryJunior'],
      ['json', {}, { total: 3 }, 'zh-CN', '{\n  "total": 3\n}'],
      ['password', {}, 'secret', 'zh-CN', ''],
      ['idNumber', { sensitive: { mask: 'idNumber', masked: true, canReveal: true } }, '4509**********1234', 'zh-CN', '4509**********1234'],
      ['phone', { sensitive: { mask: 'phone', masked: true, canReveal: true } }, '138****5678', 'zh-CN', '138****5678'],
      ['account', { sensitive: { mask: 'account', masked: false, canReveal: false } }, '6222021234567890', 'zh-CN', '6222021234567890'],
    ])('%s %p: %p in %s reads %p', async (type, overrides, value, locale, text) => {
      await renderFieldDisplay(fieldSchema('value', type, overrides), { value }, { locale });
      expect(shown()).toBe(text);
    });

    it.each([
      [true, 'zh-CN', '是'],
      [false, 'zh-CN', '否'],
      [true, 'en', 'Yes'],
      [false, 'en', 'No'],
    ] as const)('a boolean %p reads %p in %s', async (value, locale, text) => {
      await renderFieldDisplay(fieldSchema('active', 'boolean'), { active: value }, { locale });
      expect(screen.getByLabelText(text)).toBeTruthy();
    });

    it('sets ID numbers in a monospace font', async () => {
      await renderFieldDisplay(fieldSchema('idNumber', 'idNumber'), { idNumber: '4509**********1234' });
      expect(getComputedStyle(screen.getByText('4509**********1234')).fontFamily).toMatch(/monospace/);
    });
  });

  describe('masked values', () => {
    const field = fieldSchema('idNumber', 'idNumber', { sensitive: { mask: 'idNumber', masked: true, canReveal: true } });
    const MASKED = '4509**********1234';
    const PLAIN = '450902201003151234';

    it('offers a reveal on show pages and shows the plain value it gets', async () => {
      const reveal = jest.fn(async () => PLAIN);
      await renderFieldDisplay(field, { id: 4, idNumber: MASKED }, { reveal: true, dataProvider: testDataProvider({ reveal }) });
      fireEvent.click(screen.getByRole('button', { name: /^显示/ }));
      await waitFor(() => expect(shown()).toBe(PLAIN));
      expect(reveal).toHaveBeenCalledWith('widgets', 4, 'idNumber');
      expect(screen.queryByRole('button', { name: /^显示/ })).toBeNull();
    });

    it.each([
      ['in lists', field, MASKED, false],
      ['to a user who may not reveal', { ...field, sensitive: { mask: 'idNumber', masked: true, canReveal: false } } as FieldSchema, MASKED, true],
      ['for a value already plain', field, PLAIN, true],
    ] as const)('offers no reveal %s', async (_case, declared, value, reveal) => {
      await renderFieldDisplay(declared, { idNumber: value }, { reveal });
      expect(screen.queryByRole('button', { name: /^显示/ })).toBeNull();
    });
  });

  describe('references', () => {
    const schools = resourceSchema('schools', [fieldSchema('name', 'string')]);
    const field = fieldSchema('schoolId', 'reference', { reference: 'schools' });

    it('shows the referenced record by its label, linked to it', async () => {
      await renderFieldDisplay(field, { schoolId: 3 }, { others: [schools], dataProvider: recordsProvider({ schools: [{ id: 3, name: '玉林市第一中学' }] }) });
      const link = await screen.findByRole('link', { name: '玉林市第一中学' });
      expect(link.getAttribute('href')).toMatch(/\/schools\/3\/show$/);
    });

    it('shows the label the API sent for a record the user may not look up', async () => {
      await renderFieldDisplay(field, { schoolId: 3, referenceLabels: { schoolId: '外区学校' } }, { others: [schools] });
      expect(shown()).toBe('外区学校');
      expect(screen.queryByRole('link')).toBeNull();
    });

    it('shows the id of a target the user cannot list', async () => {
      await renderFieldDisplay(field, { schoolId: 3 });
      expect(shown()).toBe('3');
    });

    it('shows an attachment as its file name and size', async () => {
      await renderFieldDisplay(fieldSchema('proofId', 'reference', { reference: 'files' }), { proofId: 12 });
      expect(await screen.findByText('贫困证明.pdf（35 KB）')).toBeTruthy();
    });

    it('shows an id kept without a foreign key (links) as that record, linked, or as the bare id', async () => {
      const linked = fieldSchema('batchId', 'integer', { links: 'schools' });
      const { unmount } = await renderFieldDisplay(linked, { batchId: 3 }, { others: [schools], dataProvider: recordsProvider({ schools: [{ id: 3, name: '玉林市第一中学' }] }) });
      expect(await screen.findByRole('link', { name: '玉林市第一中学' })).toBeTruthy();
      unmount();
      await renderFieldDisplay(linked, { batchId: 3 });
      expect(shown()).toBe('3');
    });

    it('shows a code by the label of the item it names on the referenced record (codeOf)', async () => {
      const rosters = resourceSchema('rosters', [fieldSchema('name', 'string')]);
      const rosterId = fieldSchema('rosterId', 'reference', { reference: 'rosters' });
      const tier = fieldSchema('tier', 'string', { codeOf: { via: 'rosterId', list: 'tiers', key: 'code', label: 'label' } });
      await renderFieldDisplay(tier, { rosterId: 9, tier: 'T1' }, {
        fields: [rosterId, tier],
        others: [rosters],
        dataProvider: recordsProvider({ rosters: [{ id: 9, tiers: [{ code: 'T1', label: '一档' }, { code: 'T2', label: '二档' }] }] }),
      });
      await waitFor(() => expect(shown()).toBe('一档'));
    });
  });

  describe('display hints', () => {
    const students = resourceSchema('students', [fieldSchema('name', 'string')], { label: { zh: '学生', en: 'Students' } });

    it.each([
      ['zh-CN', 'students', '学生'],
      ['en', 'students', 'Students'],
      // A resource the user does not see keeps its name.
      ['zh-CN', 'secrets', 'secrets'],
    ] as const)('resourceName in %s: %s reads %s', async (locale, value, text) => {
      await renderFieldDisplay(fieldSchema('resource', 'string', { display: 'resourceName' }), { resource: value }, { locale, others: [students] });
      expect(shown()).toBe(text);
    });

    it.each([
      ['zh-CN', { zh: '比对完成', en: 'Comparison done' }, '比对完成'],
      ['en', { zh: '比对完成', en: 'Comparison done' }, 'Comparison done'],
      ['en', { zh: '只有中文' }, '只有中文'],
      ['zh-CN', '纯文本', '纯文本'],
    ] as const)('localizedText in %s: %p reads %s', async (locale, value, text) => {
      await renderFieldDisplay(fieldSchema('message', 'json', { display: 'localizedText' }), { message: value }, { locale });
      expect(shown()).toBe(text);
    });

    it('ownView shows nothing in the record’s screens', async () => {
      await renderFieldDisplay(fieldSchema('progress', 'json', { display: 'ownView' }), { progress: { done: 3 } });
      expect(shown()).toBe('');
    });

    it('referenceIds shows each referenced record by its label, with the declared optionLabel fields', async () => {
      const lists = resourceSchema(
        'identity-lists',
        [fieldSchema('name', 'string'), fieldSchema('department', 'enum', { options: [{ value: 'civil', label: { zh: '民政', en: 'Civil affairs' } }] })],
      );
      const field = fieldSchema('listIds', 'string', { display: 'referenceIds', reference: 'identity-lists', optionLabel: ['department'] });
      await renderFieldDisplay(field, { listIds: '3,5' }, {
        others: [lists],
        dataProvider: recordsProvider({ 'identity-lists': [{ id: 3, name: '低保名单', department: 'civil' }, { id: 5, name: '特困名单', department: 'civil' }] }),
      });
      expect(await screen.findByRole('link', { name: '低保名单（民政）' })).toBeTruthy();
      expect(screen.getByRole('link', { name: '特困名单（民政）' }).getAttribute('href')).toMatch(/\/identity-lists\/5\/show$/);
    });

    it('fundExceptionKey reads out the exception: kind, program, term, county and source', async () => {
      const programs = resourceSchema('programs', [fieldSchema('name', 'string')]);
      const regions = resourceSchema('regions', [fieldSchema('name', 'string')]);
      await renderFieldDisplay(fieldSchema('exceptionKey', 'string', { display: 'fundExceptionKey' }), { exceptionKey: 'overAllocation:2:2026:spring:450903:central' }, {
        others: [programs, regions],
        dataProvider: recordsProvider({ programs: [{ id: 2, name: '寄宿生生活补助' }], regions: [{ id: '450903', name: '福绵区' }] }),
      });
      await waitFor(() => expect(shown()).toBe('超下达发放 · 寄宿生生活补助 · 2026 春季 · 福绵区 · 中央'));
    });

    it('fundExceptionKey shows a key it cannot read as it is', async () => {
      await renderFieldDisplay(fieldSchema('exceptionKey', 'string', { display: 'fundExceptionKey' }), { exceptionKey: 'somethingNew:1' });
      expect(shown()).toBe('somethingNew:1');
    });
  });

  describe('json with a declared shape', () => {
    it('shows a list as a table, each cell by its item field’s own display', async () => {
      const tiers = fieldSchema('tiers', 'json', {
        shape: {
          kind: 'list',
          itemFields: [
            fieldSchema('code', 'string', { label: { zh: '档次代码', en: 'Code' } }),
            fieldSchema('stage', 'enum', { label: { zh: '学段', en: 'Stage' }, options: OPTIONS }),
            fieldSchema('amount', 'money', { label: { zh: '标准', en: 'Amount' } }),
          ],
        },
      });
      await renderFieldDisplay(tiers, { tiers: [{ code: 'T1', stage: 'junior', amount: 150000 }] });
      const rows = screen.getAllByRole('row').map((row) => Array.from(row.children).map((cell) => cell.textContent));
      expect(rows).toEqual([
        ['档次代码', '学段', '标准'],
        ['T1', '初中', '¥1,500.00'],
      ]);
    });

    it('shows a rule as the sentence it stands for', async () => {
      const rule = fieldSchema('rule', 'json', {
        shape: { kind: 'rule', subject: { resource: 'students', fields: [{ key: 'stage', label: { zh: '学段', en: 'Stage' }, kind: 'enum', options: OPTIONS }] } },
      });
      const value = { combinator: 'and', rules: [{ field: 'stage', operator: 'in', value: 'primary,junior' }] };
      const { unmount } = await renderFieldDisplay(rule, { rule: value });
      expect(shown()).toBe('学段 属于其中之一 小学、初中');
      unmount();
      await renderFieldDisplay(rule, { rule: value }, { locale: 'en' });
      expect(shown()).toBe('Stage is one of Primary, Junior');
    });

    it('shows configured answers as label and value pairs, labelled by their definitions', async () => {
      const rosters = resourceSchema('rosters', [fieldSchema('name', 'string')]);
      const rosterId = fieldSchema('rosterId', 'reference', { reference: 'rosters' });
      const answers = fieldSchema('answers', 'json', { shape: { kind: 'values', via: 'rosterId', field: 'fields' } });
      const roster = {
        id: 9,
        fields: [
          { key: 'village', label: '所在村', type: 'text' },
          { key: 'disabled', label: '残疾', type: 'boolean' },
        ],
      };
      await renderFieldDisplay(answers, { rosterId: 9, answers: { village: '石和村', disabled: true, members: 4 } }, {
        fields: [rosterId, answers],
        others: [rosters],
        dataProvider: recordsProvider({ rosters: [roster] }, { getOne: jest.fn(async () => ({ data: roster })) as never }),
      });
      await screen.findByText('所在村');
      const pairs = Array.from(screen.getByTestId('display').querySelectorAll('dt')).map((term) => [term.textContent, term.nextElementSibling?.textContent]);
      // An answer without a definition (left from an older form) keeps its key.
      expect(pairs).toEqual([
        ['所在村', '石和村'],
        ['残疾', '是'],
        ['members', '4'],
      ]);
    });
  });
});
