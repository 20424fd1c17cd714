import { formatYuan } from '@zizhu/schema';

export interface TierView {
  code: string;
  label: string;
  /** fen */
  amount: number;
}

export function rosterTiers(value: unknown): TierView[] {
  return Array.isArray(value)
    ? value.filter((tier): tier is TierView => typeof tier?.code === 'string' && typeof tier.amount === 'number')
    : [];
}

/** A tier as a choice: 一档（2500.00 元）. */
export function tierChoices(tiers: readonly TierView[], translate: (key: string, options?: object) => string) {
  return tiers.map((tier) => ({
    id: tier.code,
    name: translate('zizhu.programs.tierChoice', { label: tier.label, amount: formatYuan(tier.amount) }),
  }));
}
