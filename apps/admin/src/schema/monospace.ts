/** The font of values read character by character (ID numbers, accounts, raw JSON). */
export const MONOSPACE_FONT = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
