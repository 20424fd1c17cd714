import type { FieldDeclaration } from './field';

/** The headers under which Chinese forms carry a resident ID number. */
export const ID_NUMBER_ALIASES = ['身份证号', '身份证号码', '证件号码', '公民身份号码', '身份证件号'] as const;

/**
 * A person's resident ID number, as every resource holding people declares it: required,
 * listed, exact filter and search, the usual import headers. Each resource says who sees
 * it in plain and which fields it fills.
 */
export function idNumberField(options: Pick<FieldDeclaration, 'sensitive' | 'derives' | 'help'>): FieldDeclaration {
  return {
    type: 'idNumber',
    label: { zh: '身份证号', en: 'ID number' },
    required: true,
    list: true,
    filter: 'exact',
    search: 'exact',
    aliases: ID_NUMBER_ALIASES,
    ...options,
  };
}

/** A person's name: required, searched and filtered by prefix (surname first), sortable. */
export function personNameField(aliases: readonly string[]): FieldDeclaration {
  return {
    type: 'string',
    label: { zh: '姓名', en: 'Name' },
    required: true,
    maxLength: 50,
    list: true,
    sort: true,
    filter: 'prefix',
    search: 'prefix',
    aliases,
  };
}
