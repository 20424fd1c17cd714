import { fundPages } from '@zizhu/funds';
import { followUpPages } from '@zizhu/outreach';
import type { PageDeclaration } from '@zizhu/schema';

/** Every page of its own with a menu entry (resources get theirs from their declarations). */
export const PAGES: readonly PageDeclaration[] = [...fundPages, ...followUpPages];
