import { missingPackages, type SystemRequirement } from './system-packages';

describe('system packages the suite needs', () => {
  const requirement = (pkg: string, present: boolean): SystemRequirement => ({ pkg, name: { zh: pkg, en: pkg }, what: { zh: pkg, en: pkg }, present: () => present });

  it('lists exactly the requirements that are not present', () => {
    const found = missingPackages([requirement('chromium', true), requirement('fonts-noto-cjk', false), requirement('poppler-utils', false)]);
    expect(found.map((m) => m.pkg)).toEqual(['fonts-noto-cjk', 'poppler-utils']);
  });

  it('finds this machine ready after set-up (npm test installs them before any spec runs)', () => {
    expect(missingPackages().map((m) => m.pkg)).toEqual([]);
  });
});
