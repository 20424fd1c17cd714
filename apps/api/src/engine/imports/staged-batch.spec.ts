import { idNumberCheckChar, type SessionUser } from '@zizhu/schema';
import { studentResource } from '@zizhu/students';
import { RowValidator } from './row-validator';
import { stagedBatch } from './staged-batch';

/** COPY text format back to values: \N is null, backslash escapes as PostgreSQL reads them. */
function copyFields(line: string): (string | null)[] {
  return line.split('\t').map((field) =>
    field === '\\N' ? null : field.replace(/\\([\\tnr])/g, (_, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c] ?? c),
  );
}

describe('staged batches', () => {
  const user: SessionUser = { id: 1, username: 'admin', displayName: 'a', role: 'admin', scopePath: '450900.', scopeLabel: '' };
  const validator = new RowValidator(
    studentResource,
    [
      { index: 1, header: '身份证号', field: 'idNumber' },
      { index: 2, header: '姓名', field: 'name' },
    ],
    new Map(),
    user,
  );
  const id = '45090220120315123' + idNumberCheckChar('45090220120315123');

  it('are COPY text that reads back as the cells, values and errors, whatever the cells hold', () => {
    const tricky = 'a\tb\\c\nd\re "q"';
    const { rows, errors } = stagedBatch(validator, 7, [
      { number: 5, cells: [id, '黄子涵'] },
      { number: 6, cells: ['123', tricky] },
    ]);
    const [first, second] = rows.trimEnd().split('\n').map(copyFields);
    expect(first.slice(0, 3)).toEqual(['7', '5', JSON.stringify([id, '黄子涵'])]);
    expect(JSON.parse(first[3]!)).toMatchObject({ idNumber: id, name: '黄子涵', birthDate: '2012-03-15' });
    expect(first[4]).toBe(id);
    expect(second.slice(0, 2)).toEqual(['7', '6']);
    expect(JSON.parse(second[2]!)).toEqual(['123', tricky]);
    expect(second.slice(3)).toEqual([null, null, null]);
    const errorLines = errors.trimEnd().split('\n').map(copyFields);
    expect(errorLines[0].slice(0, 4)).toEqual(['7', '6', '身份证号', 'row']);
    expect(errorLines[0][4]).toContain('身份证号');
  });
});
