/** 结果全告知: letters to families, phone follow-ups and home visits, and the families' own aid query. */
export {};
