/**
 * What rendering PDFs needs from the operating system. Shared by the API (which refuses with
 * a clear message when something is missing) and by `npm test`'s set-up
 * (`tools/setup/system-packages.ts`, which installs it), so both name the same packages.
 * Node built-ins only: the set-up script loads this file before anything is installed.
 */
import type { Localized } from '@zizhu/schema';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemRequirement {
  /** Debian package that provides it. */
  pkg: string;
  /** Short, for a sentence: "this server lacks …". */
  name: Localized;
  what: Localized;
  present(): boolean;
}

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Read on every call so that a changed CHROMIUM_PATH is seen by the next check and launch. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
}

export function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export const CHROMIUM: SystemRequirement = {
  pkg: 'chromium',
  name: { zh: 'Chromium 浏览器', en: 'Chromium' },
  what: {
    zh: 'Chromium（生成 PDF 并运行浏览器测试；也可用 CHROMIUM_PATH 指定）',
    en: 'Chromium, which renders PDFs and runs the browser tests (or set CHROMIUM_PATH)',
  },
  present: () => existsSync(chromiumPath()),
};

export const CJK_FONT: SystemRequirement = {
  pkg: 'fonts-noto-cjk',
  name: { zh: '中文字体', en: 'a Chinese (CJK) font' },
  what: { zh: '中文字体（PDF 和截图中的汉字）', en: 'a CJK font, so Chinese text renders in PDFs and screenshots' },
  present: () => {
    if (!onPath('fc-list')) return false;
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  },
};

export const PDF_REQUIREMENTS: readonly SystemRequirement[] = [CHROMIUM, CJK_FONT];

export function missingRequirements(requirements: readonly SystemRequirement[]): SystemRequirement[] {
  return requirements.filter((requirement) => !requirement.present());
}

/** The one command that installs them on Debian. */
export function installCommand(missing: readonly SystemRequirement[]): string {
  return `sudo apt-get install -y ${missing.map((m) => m.pkg).join(' ')}`;
}
