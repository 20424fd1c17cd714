import { types } from 'pg';

/** DATE columns stay 'YYYY-MM-DD' strings: a calendar date has no time zone to shift. */
export function configurePgTypes(): void {
  types.setTypeParser(types.builtins.DATE, (value: string) => value);
}
