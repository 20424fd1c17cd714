import { REVIEW_INDICATORS } from './review-indicators';
import { REVIEW_WEIGHT_TOTAL, reviewWeightsResource } from './review-weights.resource';

describe('review weights', () => {
  const defaults = Object.fromEntries(REVIEW_INDICATORS.map((i) => [i.weightField, i.defaultWeight]));

  it('declares one weight per indicator, defaults totalling 100', () => {
    for (const indicator of REVIEW_INDICATORS) expect(reviewWeightsResource.fields[indicator.weightField]).toMatchObject({ type: 'integer', min: 0, max: 100 });
    expect(REVIEW_INDICATORS.reduce((sum, i) => sum + i.defaultWeight, 0)).toBe(REVIEW_WEIGHT_TOTAL);
    expect(reviewWeightsResource.check?.(defaults)).toBeNull();
  });

  it('refuses weights that do not total 100, on the first weight, saying the sum', () => {
    const violation = reviewWeightsResource.check?.({ ...defaults, dutiesWeight: 50 });
    expect(violation).toEqual({ field: 'dutiesWeight', message: { zh: '各项权重合计应为 100（现为 110）', en: 'The weights must total 100 (they total 110)' } });
  });
});
