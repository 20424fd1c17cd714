import type { Localized } from '@zizhu/schema';

/** What the application import tells a school officer, zh and en. */
export const APPLICATION_IMPORT_MESSAGES = {
  notEditable: { zh: '名单已提交审核或已审定，不能再导入申请', en: 'The roster has left the school: applications can no longer be imported' },
  noHeader: { zh: '文件中找不到表头（应有“身份证号”“档次”等列），请使用名单的申请模板', en: 'No header row found (身份证号, 档次, …): use the roster’s application template' },
  missingFile: { zh: '请选择要上传的文件（.xlsx 或 .csv）', en: 'Choose a file to upload (.xlsx or .csv)' },
  unknownStudent: { zh: '学籍中没有此身份证号', en: 'No student with this ID number' },
  otherSchool: { zh: '该学生不在本名单的学校', en: 'This student is not at the roster’s school' },
  tooManyRows: (max: number): Localized => ({ zh: `一次最多导入${max}行`, en: `At most ${max} rows per file` }),
  missingColumn: (label: Localized): Localized => ({ zh: `文件缺少“${label.zh}”列`, en: `The file has no "${label.en}" column` }),
  duplicateInFile: (row: number): Localized => ({ zh: `与第${row}行是同一学生`, en: `Same student as row ${row}` }),
  nameDiffers: (name: string): Localized => ({ zh: `姓名与学籍不符（学籍：${name}）`, en: `Name differs from the roll (${name})` }),
  onOtherRoster: (school: string): Localized => ({ zh: `本学期已在“${school}”的名单中`, en: `Already on ${school}'s roster this term` }),
} as const;
