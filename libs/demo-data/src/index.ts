export * from './random';
export * from './region-tree';
export * from './schools';
export * from './names';
export * from './students';

/** Seed of the demo dataset: the same seed always produces the same rows. */
export const DEMO_SEED = 20260901;
/** Students loaded by the demo: enough for realistic lists, quick to insert. */
export const DEMO_STUDENT_COUNT = 5000;
