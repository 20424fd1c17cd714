/**
 * What the test suite (and, for PDFs, the app) needs from the operating system, checked
 * before `npm test` runs a single spec: Debian's Chromium for the browser tests, a CJK font
 * so Chinese renders in screenshots and PDFs, and poppler's pdftotext to read PDFs back.
 * As root on Debian, missing packages are installed; otherwise this stops at once with the
 * one command to run, instead of a wall of failing browser tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemRequirement {
  /** Debian package that provides it. */
  pkg: string;
  what: string;
  present(): boolean;
}

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

export const SYSTEM_REQUIREMENTS: SystemRequirement[] = [
  {
    pkg: 'chromium',
    what: 'Chromium for the browser tests (or set CHROMIUM_PATH)',
    present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  },
  {
    pkg: 'fonts-noto-cjk',
    what: 'a CJK font, so Chinese text renders in screenshots and PDFs',
    present: () => {
      if (!onPath('fc-list')) return false;
      return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
    },
  },
  { pkg: 'poppler-utils', what: 'pdftotext, which reads generated PDFs back in tests', present: () => onPath('pdftotext') },
];

export function missingPackages(requirements = SYSTEM_REQUIREMENTS): SystemRequirement[] {
  return requirements.filter((requirement) => !requirement.present());
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
  for (const m of missing) console.error(`  - ${m.pkg}: ${m.what}`);
  console.error(`\nInstall them once, then run npm test again:\n\n  sudo apt-get install -y ${missing.map((m) => m.pkg).join(' ')}\n`);
  process.exit(1);
}

if (require.main === module) main();
