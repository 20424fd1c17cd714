import { studentResource } from './student.resource';

describe('student declaration', () => {
  const fields = Object.entries(studentResource.fields);

  it('derives birth date and gender from the ID number, which clerks cannot type', () => {
    expect(studentResource.fields.idNumber.derives).toEqual({ birthDate: 'birthDate', gender: 'gender' });
    expect(studentResource.fields.birthDate.readOnly).toBe(true);
    expect(studentResource.fields.gender.readOnly).toBe(true);
  });

  it('masks ID numbers, phones and aid cards for some roles, and lets others reveal them', () => {
    const sensitive = fields.filter(([, f]) => f.sensitive).map(([k]) => k);
    expect(sensitive).toEqual(['idNumber', 'phone', 'bankAccount']);
    for (const [, f] of fields) {
      if (!f.sensitive) continue;
      expect(f.sensitive.plainFor).not.toContain('inspector');
      expect(f.sensitive.revealFor).not.toContain('inspector');
    }
  });

  it('has import header aliases that point at exactly one field', () => {
    const owners = new Map<string, string[]>();
    for (const [key, f] of fields) for (const alias of f.aliases ?? []) owners.set(alias, [...(owners.get(alias) ?? []), key]);
    const ambiguous = [...owners].filter(([, keys]) => keys.length > 1);
    expect(ambiguous).toEqual([]);
    expect(owners.get('公民身份号码')).toEqual(['idNumber']);
  });

  it('indexes what lists filter and sort by', () => {
    const indexed = (studentResource.indexes ?? []).map((i) => i.columns[0]);
    expect(indexed).toEqual(expect.arrayContaining(['id_number', 'name', 'school_id', 'scope_path']));
  });
});
