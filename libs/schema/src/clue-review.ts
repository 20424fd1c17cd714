/**
 * The clue sources an inspector may accept or return: the rectification of inspection
 * findings (督查). The clue workflow refuses them the others; the panel shows them the buttons.
 */
export const INSPECTOR_REVIEWED_SOURCES: readonly string[] = ['inspection'];
