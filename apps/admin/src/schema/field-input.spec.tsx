import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FieldSchema, FieldType } from '@zizhu/schema';
import { testDataProvider } from 'react-admin';
import { fieldSchema, renderFieldInput, resourceSchema, SUBMIT } from '../testing/panel-harness';

const OPTIONS = [
  { value: 'primary', label: { zh: '小学', en: 'Primary' } },
  { value: 'junior', label: { zh: '初中', en: 'Junior' } },
];
/** react-admin's list row buttons, in Chinese. */
const ADD = '增加';
const REMOVE = '删除';
const SENSITIVE = { mask: 'idNumber', masked: true, canReveal: true } as const;

/** The field's control, found by its label as a user (or a screen reader) finds it. */
const control = (label: string): HTMLElement => screen.getByLabelText(new RegExp(`^${label}`));

const submit = () => fireEvent.click(screen.getByText(SUBMIT));

/** What the form sends for one field once submitted. */
async function submitted(onSubmit: jest.Mock, key: string): Promise<unknown> {
  submit();
  await waitFor(() => expect(onSubmit).toHaveBeenCalled());
  return (onSubmit.mock.calls[0][0] as Record<string, unknown>)[key];
}

describe('FieldInput', () => {
  describe('the kind of input each type gets', () => {
    it.each<[FieldType, Partial<FieldSchema>, string]>([
      ['string', {}, 'input[type=text]'],
      ['text', {}, 'textarea'],
      ['integer', {}, 'input[type=number][step="1"]'],
      // Money is typed as text: "12.5" must never pass through a float on its way to fen.
      ['money', {}, 'input[type=text]'],
      ['boolean', {}, 'input[type=checkbox][role=switch]'],
      ['date', {}, 'input[type=date]'],
      ['datetime', {}, 'input[type=datetime-local]'],
      ['enum', { options: OPTIONS }, '[role=combobox]'],
      ['enumList', { options: OPTIONS }, '[role=combobox]'],
      ['idNumber', { sensitive: SENSITIVE }, 'input[type=text]'],
      ['account', { sensitive: { ...SENSITIVE, mask: 'account' } }, 'input[type=text]'],
      ['phone', { sensitive: { ...SENSITIVE, mask: 'phone' } }, 'input[type=tel]'],
      ['password', {}, 'input[type=password][autocomplete=new-password]'],
      // A reference whose target the user cannot list cannot be searched: its id is typed.
      ['reference', { reference: 'secrets' }, 'input[type=text]'],
    ])('%s → %s', async (type, overrides, kind) => {
      await renderFieldInput(fieldSchema('value', type, { label: { zh: '取值', en: 'Value' }, ...overrides }));
      expect(control('取值').matches(kind)).toBe(true);
    });

    it('shows ID numbers and accounts in a monospace font, phones not', async () => {
      const fonts = async (type: FieldType) => {
        const { unmount } = await renderFieldInput(fieldSchema('value', type, { label: { zh: '取值', en: 'Value' } }));
        const font = getComputedStyle(control('取值')).fontFamily;
        unmount();
        return font;
      };
      expect(await fonts('idNumber')).toMatch(/monospace/);
      expect(await fonts('account')).toMatch(/monospace/);
      expect(await fonts('phone')).not.toMatch(/monospace/);
    });
  });

  describe('label, required marker and help', () => {
    const field = fieldSchema('name', 'string', {
      label: { zh: '姓名', en: 'Name' },
      help: { zh: '与身份证一致', en: 'As on the ID card' },
      required: true,
    });

    it.each([
      ['zh-CN', '姓名', '与身份证一致'],
      ['en', 'Name', 'As on the ID card'],
    ] as const)('in %s: the label with its asterisk and the help under the input', async (locale, label, help) => {
      await renderFieldInput(field, { locale });
      expect(screen.getByText(label).closest('label')?.textContent).toMatch(new RegExp(`^${label}\\s*\\*$`));
      expect(screen.getByText(help)).toBeTruthy();
    });

    it('marks no asterisk on an optional field and shows no help when none is declared', async () => {
      await renderFieldInput(fieldSchema('nickname', 'string', { label: { zh: '昵称', en: 'Nickname' } }));
      expect(screen.getByText('昵称').closest('label')?.textContent).toBe('昵称');
      expect(document.querySelector('.MuiFormHelperText-root')?.textContent ?? '').toBe('');
    });

    it.each([
      ['create', true],
      // An empty password on edit keeps the current one: not required there.
      ['edit', false],
    ] as const)('a required password in %s mode is marked required: %s', async (mode, marked) => {
      await renderFieldInput(fieldSchema('password', 'password', { label: { zh: '密码', en: 'Password' }, required: true }), {
        mode,
        record: mode === 'edit' ? { id: 1 } : undefined,
      });
      expect(screen.getByText('密码').closest('label')?.textContent?.includes('*')).toBe(marked);
    });
  });

  describe('immutable fields', () => {
    it.each<[FieldType, Partial<FieldSchema>]>([
      ['string', {}],
      ['integer', {}],
      ['enum', { options: OPTIONS }],
      ['date', {}],
    ])('a %s is editable on create and locked on edit', async (type, overrides) => {
      const field = fieldSchema('year', type, { label: { zh: '年度', en: 'Year' }, immutable: true, ...overrides });
      const created = await renderFieldInput(field, { mode: 'create' });
      expect(isDisabled(control('年度'))).toBe(false);
      created.unmount();
      await renderFieldInput(field, { mode: 'edit', record: { id: 1 } });
      expect(isDisabled(control('年度'))).toBe(true);
    });
  });

  describe('enums', () => {
    it.each([
      ['zh-CN', ['小学', '初中']],
      ['en', ['Primary', 'Junior']],
    ] as const)('offers the option labels in %s and sends the chosen value', async (locale, labels) => {
      const onSubmit = jest.fn();
      await renderFieldInput(fieldSchema('stage', 'enum', { options: OPTIONS }), { locale, onSubmit });
      fireEvent.mouseDown(screen.getByRole('combobox'));
      const listbox = await screen.findByRole('listbox');
      expect(within(listbox).getAllByRole('option').map((option) => option.textContent?.trim()).filter(Boolean)).toEqual(labels);
      fireEvent.click(within(listbox).getByRole('option', { name: labels[1] }));
      expect(await submitted(onSubmit, 'stage')).toBe('junior');
    });

    it('shows the record’s value by its label', async () => {
      await renderFieldInput(fieldSchema('stage', 'enum', { options: OPTIONS }), { mode: 'edit', record: { id: 1, stage: 'junior' } });
      expect(screen.getByRole('combobox').textContent).toBe('初中');
    });

    it('picks several values of an enum list', async () => {
      const onSubmit = jest.fn();
      await renderFieldInput(fieldSchema('stages', 'enumList', { options: OPTIONS }), { mode: 'edit', record: { id: 1, stages: ['primary'] }, onSubmit });
      expect(screen.getByText('小学')).toBeTruthy();
      fireEvent.mouseDown(screen.getByRole('combobox'));
      fireEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: '初中' }));
      expect(await submitted(onSubmit, 'stages')).toEqual(['primary', 'junior']);
    });
  });

  describe('money', () => {
    const field = fieldSchema('amount', 'money', { label: { zh: '金额', en: 'Amount' } });

    it('shows fen in yuan with two decimals and the 元 unit', async () => {
      await renderFieldInput(field, { mode: 'edit', record: { id: 1, amount: 123450 } });
      expect((control('金额') as HTMLInputElement).value).toBe('1234.50');
      expect(screen.getByText('元')).toBeTruthy();
    });

    it.each([
      ['12.5', 1250],
      ['1,234.56', 123456],
      ['0.07', 7],
      ['', null],
    ])('sends "%s" yuan as %p fen', async (typed, fen) => {
      const onSubmit = jest.fn();
      await renderFieldInput(field, { mode: 'edit', record: { id: 1, amount: 100 }, onSubmit });
      fireEvent.change(control('金额'), { target: { value: typed } });
      expect(await submitted(onSubmit, 'amount')).toBe(fen);
    });
  });

  it('sends an integer as a number', async () => {
    const onSubmit = jest.fn();
    await renderFieldInput(fieldSchema('count', 'integer', { label: { zh: '人数', en: 'Count' } }), { onSubmit });
    fireEvent.change(control('人数'), { target: { value: '42' } });
    expect(await submitted(onSubmit, 'count')).toBe(42);
  });

  describe('references', () => {
    const schools = resourceSchema('schools', [fieldSchema('name', 'string')], { label: { zh: '学校', en: 'School' } });
    const SCHOOLS = [
      { id: 3, name: '玉林市第一中学' },
      { id: 5, name: '福绵区实验小学' },
    ];
    const dataProvider = () =>
      testDataProvider({
        getList: jest.fn(async () => ({ data: SCHOOLS, total: SCHOOLS.length })) as never,
        getMany: jest.fn(async (_resource: string, { ids }: { ids: unknown[] }) => ({
          data: SCHOOLS.filter((school) => ids.map(Number).includes(school.id)),
        })) as never,
      });
    const field = fieldSchema('schoolId', 'reference', { label: { zh: '学校', en: 'School' }, reference: 'schools' });

    it('offers a picker of the target’s records by their label, and sends the chosen id', async () => {
      const onSubmit = jest.fn();
      await renderFieldInput(field, { others: [schools], dataProvider: dataProvider(), onSubmit });
      const picker = await screen.findByRole('combobox', { name: /^学校/ });
      fireEvent.mouseDown(picker);
      fireEvent.click(await screen.findByRole('option', { name: '福绵区实验小学' }));
      expect(await submitted(onSubmit, 'schoolId')).toBe(5);
    });

    it('shows the current reference by its label', async () => {
      await renderFieldInput(field, { mode: 'edit', record: { id: 1, schoolId: 3 }, others: [schools], dataProvider: dataProvider() });
      await waitFor(() => expect((screen.getByRole('combobox', { name: /^学校/ }) as HTMLInputElement).value).toBe('玉林市第一中学'));
    });

    it('offers several records for ids kept as text (referenceIds) and shows the current ones as chips', async () => {
      const onSubmit = jest.fn();
      const ids = fieldSchema('schoolIds', 'string', { label: { zh: '学校', en: 'Schools' }, reference: 'schools', display: 'referenceIds' });
      await renderFieldInput(ids, { mode: 'edit', record: { id: 1, schoolIds: '3' }, others: [schools], dataProvider: dataProvider(), onSubmit });
      expect(await screen.findByText('玉林市第一中学')).toBeTruthy();
      fireEvent.mouseDown(screen.getByRole('combobox', { name: /^学校/ }));
      fireEvent.click(await screen.findByRole('option', { name: '福绵区实验小学' }));
      expect(await submitted(onSubmit, 'schoolIds')).toBe('3,5');
    });

    it('offers a file upload for an attachment', async () => {
      await renderFieldInput(fieldSchema('proofId', 'reference', { label: { zh: '证明材料', en: 'Proof' }, reference: 'files' }));
      expect(screen.getByText('证明材料')).toBeTruthy();
      expect(screen.getByRole('button', { name: '选择文件上传' })).toBeTruthy();
      expect(screen.getByText('支持 PDF、JPG、PNG、Excel、Word，不超过 10 MB')).toBeTruthy();
    });
  });

  describe('sensitive values', () => {
    const field = fieldSchema('idNumber', 'idNumber', { label: { zh: '身份证号', en: 'ID number' }, sensitive: SENSITIVE });
    const MASKED = '4509**********1234';
    const PLAIN = '450902201003151234';

    it('offers to reveal a masked value on edit, and puts the plain value in the input', async () => {
      const reveal = jest.fn(async () => PLAIN);
      await renderFieldInput(field, { mode: 'edit', record: { id: 7, idNumber: MASKED }, dataProvider: testDataProvider({ reveal }) });
      expect((control('身份证号') as HTMLInputElement).value).toBe(MASKED);
      fireEvent.click(screen.getByRole('button', { name: /^显示/ }));
      await waitFor(() => expect((control('身份证号') as HTMLInputElement).value).toBe(PLAIN));
      expect(reveal).toHaveBeenCalledWith('widgets', 7, 'idNumber');
    });

    it.each([
      ['on create', 'create', field, MASKED],
      ['for a plain value', 'edit', field, PLAIN],
      ['to a user who may not reveal', 'edit', { ...field, sensitive: { ...SENSITIVE, canReveal: false } }, MASKED],
    ] as const)('offers no reveal %s', async (_case, mode, declared, value) => {
      await renderFieldInput(declared, { mode, record: { id: 7, idNumber: value } });
      expect(screen.queryByRole('button', { name: /^显示/ })).toBeNull();
    });
  });

  describe('json', () => {
    it('shows free json read-only', async () => {
      await renderFieldInput(fieldSchema('payload', 'json', { label: { zh: '数据', en: 'Data' } }), {
        mode: 'edit',
        record: { id: 1, payload: { total: 3 } },
      });
      expect(screen.getByText('数据')).toBeTruthy();
      expect(screen.getByText(/"total": 3/)).toBeTruthy();
      expect(screen.queryByRole('textbox')).toBeNull();
    });

    const tiers = fieldSchema('tiers', 'json', {
      label: { zh: '档次', en: 'Tiers' },
      shape: {
        kind: 'list',
        minItems: 1,
        maxItems: 3,
        itemFields: [
          fieldSchema('code', 'string', { label: { zh: '档次代码', en: 'Code' }, required: true }),
          fieldSchema('amount', 'money', { label: { zh: '标准', en: 'Amount' } }),
        ],
      },
    });

    it('edits a list one row per item, each item field with its own input and label', async () => {
      const onSubmit = jest.fn();
      await renderFieldInput(tiers, { mode: 'edit', record: { id: 1, tiers: [{ code: 'T1', amount: 100000 }] }, onSubmit });
      expect(screen.getByText('档次')).toBeTruthy();
      expect((control('档次代码') as HTMLInputElement).value).toBe('T1');
      expect((control('标准') as HTMLInputElement).value).toBe('1000.00');
      fireEvent.change(control('标准'), { target: { value: '1500' } });
      expect(await submitted(onSubmit, 'tiers')).toEqual([{ code: 'T1', amount: 150000 }]);
    });

    it('adds rows up to maxItems and removes none below minItems', async () => {
      await renderFieldInput(tiers, { mode: 'edit', record: { id: 1, tiers: [{ code: 'T1', amount: 1 }] } });
      // Row buttons show on hover (hidden from role queries): found by their label.
      expect(screen.queryAllByLabelText(REMOVE)).toHaveLength(0);
      fireEvent.click(screen.getByRole('button', { name: ADD }));
      await waitFor(() => expect(screen.getAllByLabelText(/^档次代码/)).toHaveLength(2));
      expect(screen.queryAllByLabelText(REMOVE)).toHaveLength(2);
      fireEvent.click(screen.getByRole('button', { name: ADD }));
      await waitFor(() => expect(screen.getAllByLabelText(/^档次代码/)).toHaveLength(3));
      expect(screen.queryByRole('button', { name: ADD })).toBeNull();
    });

    it('adds a row to a list whose item has a single field, sending it as an object', async () => {
      const onSubmit = jest.fn();
      const steps = fieldSchema('steps', 'json', {
        label: { zh: '审批步骤', en: 'Steps' },
        shape: { kind: 'list', itemFields: [fieldSchema('role', 'string', { label: { zh: '审批角色', en: 'Role' } })] },
      });
      await renderFieldInput(steps, { mode: 'edit', record: { id: 1, steps: [{ role: 'county' }] }, onSubmit });
      fireEvent.click(screen.getByRole('button', { name: ADD }));
      await waitFor(() => expect(screen.getAllByLabelText(/^审批角色/)).toHaveLength(2));
      fireEvent.change(screen.getAllByLabelText(/^审批角色/)[1], { target: { value: 'city' } });
      expect(await submitted(onSubmit, 'steps')).toEqual([{ role: 'county' }, { role: 'city' }]);
    });

    it('edits a rule with the condition editor', async () => {
      const rule = fieldSchema('rule', 'json', {
        label: { zh: '资助条件', en: 'Eligibility' },
        shape: { kind: 'rule', subject: { resource: 'students', fields: [{ key: 'poor', label: { zh: '脱贫家庭', en: 'Poor' }, kind: 'boolean' }] } },
      });
      await renderFieldInput(rule);
      expect(screen.getByText('资助条件')).toBeTruthy();
      expect(screen.getByRole('button', { name: /添加条件$/ })).toBeTruthy();
    });

    describe('configured answers (values)', () => {
      const rosterId = fieldSchema('rosterId', 'reference', { label: { zh: '名单', en: 'Roster' }, reference: 'rosters' });
      const answers = fieldSchema('answers', 'json', { label: { zh: '附加信息', en: 'Extra fields' }, shape: { kind: 'values', via: 'rosterId', field: 'fields' } });
      const rosters = resourceSchema('rosters', [fieldSchema('name', 'string')]);
      const ROSTER = {
        id: 9,
        name: '2026 春季',
        fields: [
          { key: 'village', label: '所在村', type: 'text', required: true },
          { key: 'members', label: '家庭人口', type: 'number' },
          { key: 'disabled', label: '残疾', type: 'boolean' },
          { key: 'since', label: '建档日期', type: 'date' },
          { key: 'level', label: '困难程度', type: 'select', options: '一般，困难，特别困难' },
        ],
      };
      const dataProvider = () =>
        testDataProvider({
          getOne: jest.fn(async () => ({ data: ROSTER })) as never,
          getMany: jest.fn(async () => ({ data: [ROSTER] })) as never,
          getList: jest.fn(async () => ({ data: [ROSTER], total: 1 })) as never,
        });

      it('asks to choose the referenced record first', async () => {
        await renderFieldInput(answers, { fields: [rosterId, answers], others: [rosters], dataProvider: dataProvider() });
        expect(screen.getByText('请先选择“名单”，再填写其附加信息')).toBeTruthy();
      });

      it('offers one input per configured field, of its kind, and sends the answers under the field', async () => {
        const onSubmit = jest.fn();
        await renderFieldInput(answers, {
          mode: 'edit',
          record: { id: 1, rosterId: 9, answers: { village: '石和村', stale: 'x' } },
          fields: [rosterId, answers],
          others: [rosters],
          dataProvider: dataProvider(),
          onSubmit,
        });
        await screen.findByLabelText(/^所在村/);
        expect(control('所在村').matches('input[type=text]')).toBe(true);
        expect(control('家庭人口').matches('input[type=number]')).toBe(true);
        expect(control('残疾').matches('input[role=switch]')).toBe(true);
        expect(control('建档日期').matches('input[type=date]')).toBe(true);
        fireEvent.mouseDown(screen.getByRole('combobox', { name: /^困难程度/ }));
        const listbox = await screen.findByRole('listbox');
        expect(within(listbox).getAllByRole('option').map((option) => option.textContent?.trim()).filter(Boolean)).toEqual(['一般', '困难', '特别困难']);
        fireEvent.click(within(listbox).getByRole('option', { name: '困难' }));
        fireEvent.change(control('家庭人口'), { target: { value: '4' } });
        // Answers to fields the roster does not configure would be refused: they are dropped.
        expect(await submitted(onSubmit, 'answers')).toEqual({ village: '石和村', members: 4, disabled: false, level: '困难' });
      });

      it('asks a required yes/no as a choice that starts unanswered', async () => {
        const required = { ...ROSTER, fields: [{ key: 'disabled', label: '残疾', type: 'boolean', required: true }] };
        await renderFieldInput(answers, {
          mode: 'edit',
          record: { id: 1, rosterId: 9 },
          fields: [rosterId, answers],
          others: [rosters],
          dataProvider: testDataProvider({ getOne: jest.fn(async () => ({ data: required })) as never, getMany: jest.fn(async () => ({ data: [required] })) as never }),
        });
        const choice = await screen.findByLabelText(/^残疾/);
        expect(choice.matches('[role=combobox]')).toBe(true);
      });
    });
  });
});

/** Locked for the user: a disabled input, or a select MUI marks aria-disabled. */
function isDisabled(element: HTMLElement): boolean {
  return (element as HTMLInputElement).disabled || element.getAttribute('aria-disabled') === 'true';
}
