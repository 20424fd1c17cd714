import type { FieldDeclaration } from '@zizhu/schema';

/** The run a row belongs to (a result, an execution): set by the server, listed and filtered. */
export const comparisonRunField: FieldDeclaration = {
  type: 'reference',
  reference: 'comparisons',
  label: { zh: '比对批次', en: 'Comparison' },
  required: true,
  readOnly: true,
  list: true,
  filter: 'exact',
};
