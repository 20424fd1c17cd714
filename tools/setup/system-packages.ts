/**
 * What the test suite (and, for PDFs, the app) needs from the operating system, checked
 * before `npm test` runs a single spec: Debian's Chromium for the browser tests, a CJK font
 * so Chinese renders in screenshots and PDFs, and poppler's pdftotext to read PDFs back.
 * As root on Debian, missing packages are installed; otherwise this stops at once with the
 * one command to run, instead of a wall of failing browser tests.
 */
import { spawnSync } from 'node:child_process';
import { CHROMIUM, CJK_FONT, installCommand, missingRequirements, onPath, type SystemRequirement } from '@zizhu/api/engine/pdf/pdf-requirements';

export type { SystemRequirement };

// Chromium and the CJK font are what the API's PDF renderer needs too: one list, in the API.
export const SYSTEM_REQUIREMENTS: SystemRequirement[] = [
  CHROMIUM,
  CJK_FONT,
  {
    pkg: 'poppler-utils',
    name: { zh: 'pdftotext', en: 'pdftotext' },
    what: { zh: 'pdftotext（测试中读回生成的 PDF）', en: 'pdftotext, which reads generated PDFs back in tests' },
    present: () => onPath('pdftotext'),
  },
];

export function missingPackages(requirements = SYSTEM_REQUIREMENTS): SystemRequirement[] {
  return missingRequirements(requirements);
}

function canInstall(): boolean {
  return process.getuid?.() === 0 && onPath('apt-get');
}

function install(packages: string[]): boolean {
  console.log(`Installing ${packages.join(', ')} from Debian's packages (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  return spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env }).status === 0;
}

function main(): void {
  let missing = missingPackages();
  if (!missing.length) return;
  if (canInstall() && install(missing.map((m) => m.pkg))) missing = missingPackages();
  if (!missing.length) return;
  console.error('\nThe test suite needs, from the operating system:');
  for (const m of missing) console.error(`  - ${m.pkg}: ${m.what.en}`);
  console.error(`\nInstall them once, then run npm test again:\n\n  ${installCommand(missing)}\n`);
  process.exit(1);
}

if (require.main === module) main();
