import type { FieldSchema } from '@zizhu/schema';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * Where a field's i18n messages live. A top-level field's label is
 * `resources.<name>.fields.<key>`; an item field of a json list (`tiers` › `code`) is
 * registered under its qualified key `tiers.code`, which is also the label key react-admin
 * builds for inputs inside an ArrayInput. Inputs and displays of item fields are rendered
 * inside a scope naming the list, so they find their messages without knowing they are nested.
 */
const FieldMessageScope = createContext<string | null>(null);

export function FieldMessageScopeProvider({ list, children }: { list: string; children: ReactNode }) {
  return <FieldMessageScope.Provider value={list}>{children}</FieldMessageScope.Provider>;
}

/** The key of `field` in the resource's messages (`code`, or `tiers.code` inside the tiers list). */
export function useFieldMessageKey(field: Pick<FieldSchema, 'key'>): string {
  const list = useContext(FieldMessageScope);
  return list ? qualifiedKey(list, field.key) : field.key;
}

export const qualifiedKey = (list: string, key: string): string => `${list}.${key}`;
