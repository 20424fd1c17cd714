import { userResource } from './user.resource';

const check = (record: Record<string, unknown>) => userResource.check?.(record) ?? null;

describe('user binding rules', () => {
  it('binds a school officer to a school and everyone else to a region', () => {
    expect(check({ role: 'school', schoolId: 3 })).toBeNull();
    expect(check({ role: 'county', regionId: '450902' })).toBeNull();
    expect(check({ role: 'school', regionId: '450902' })?.field).toBe('schoolId');
    expect(check({ role: 'finance' })?.field).toBe('regionId');
    expect(check({ role: 'admin', regionId: '450900', schoolId: 3 })?.message.en).toBe('Bind the user to a region or a school, not both');
  });

  it('never sends the password back and stores only its hash', () => {
    expect(userResource.fields.password).toMatchObject({ writeOnly: true, column: 'password_hash' });
  });
});
