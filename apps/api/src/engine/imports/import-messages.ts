import type { Localized, ResourceDeclaration } from '@zizhu/schema';
import { HEADER_SEARCH_ROWS, importableFields } from './header-detection';
import type { CellFault } from './xlsx-cell';

/** Problems only a file can have; field-level ones come from the API's own validation. */
export const IMPORT_MESSAGES = {
  /** A formula without a saved result, an error value, or an unknown kind of cell. */
  cellFault: (fault: CellFault): Localized => {
    switch (fault.kind) {
      case 'formula':
        return {
          zh: `该单元格是公式（${fault.text}），没有保存计算结果：请粘贴为数值（复制后“选择性粘贴 → 数值”）再上传`,
          en: `This cell holds a formula (${fault.text}) without a saved result: paste as values (copy, then Paste Special → Values) and upload again`,
        };
      case 'error':
        return { zh: `该单元格是错误值 ${fault.text}，请改正后再上传`, en: `This cell holds the error value ${fault.text}: correct it and upload again` };
      case 'unknown':
        return { zh: '无法识别该单元格的内容，请改为文字或数字后再上传', en: 'The content of this cell cannot be read: type it as text or a number and upload again' };
    }
  },
  derivedMismatch: (label: Localized): Localized => ({
    zh: `${label.zh}与身份证号不符`,
    en: `${label.en} does not match the ID number`,
  }),
  duplicateRow: (first: number): Localized => ({ zh: `与第${first}行重复`, en: `Duplicate of row ${first}` }),
  exists: { zh: '该记录已存在（当前为“仅新增”方式）', en: 'Already exists (insert-only import)' },
  missing: { zh: '系统中没有该记录（当前为“仅更新”方式）', en: 'No such record (update-only import)' },
  outOfScope: {
    zh: '该记录属于其他单位，不在您的管辖范围内',
    en: 'This record belongs to another unit outside your region',
  },
  missingRequiredColumns: (labels: string[], labelsEn: string[]): Localized => ({
    zh: `新增记录需要以下列：${labels.join('、')}`,
    en: `New records need these columns: ${labelsEn.join(', ')}`,
  }),
  /** Names the resource's first columns (身份证号, 姓名 for students) as examples. */
  noHeader: (resource: ResourceDeclaration): Localized => {
    const examples = importableFields(resource).slice(0, 2).map(([, f]) => f.label);
    return {
      zh: `没有找到表头行：请使用导入模板，或确认前 ${HEADER_SEARCH_ROWS} 行中有一行是列名（如${examples.map((l) => `“${l.zh}”`).join('')}等）`,
      en: `No header row found: use the import template, or make sure one of the first ${HEADER_SEARCH_ROWS} rows names the columns (e.g. ${examples.map((l) => `"${l.zh}" (${l.en})`).join(', ')})`,
    };
  },
  noBusinessKeyColumn: (label: Localized): Localized => ({
    zh: `文件中缺少“${label.zh}”列，无法对应到已有记录`,
    en: `The file needs a "${label.en}" column to match existing records`,
  }),
  fileNameTooLong: (max: number): Localized => ({
    zh: `文件名超过 ${max} 个字符，请改短后上传`,
    en: `The file name is longer than ${max} characters: rename the file and upload it again`,
  }),
  /** A NUL character cannot be stored (nor meant): the row fails, the rest of the file goes on. */
  nulCharacter: { zh: '单元格中含有不可见的空字符（NUL），请删除后再上传', en: 'The cell holds an invisible NUL character: delete it and upload again' },
  unsupportedFile: { zh: '只支持 .xlsx 和 .csv 文件', en: 'Only .xlsx and .csv files can be imported' },
  notImportable: { zh: '这类数据不能导入', en: 'This kind of data cannot be imported' },
  expired: { zh: '校验后超过一天未提交，已自动取消，文件和暂存数据已删除；请重新上传', en: 'Not committed within a day of validation: cancelled, and the file and staged rows deleted. Upload the file again' },
  interrupted: { zh: '服务重启，任务已中断，请重新上传', en: 'The server restarted during this job: upload the file again' },
  /** Read by an instance that does not have it (another host), or removed after a day. */
  uploadMissing: { zh: '上传的文件已不在服务器上，请重新上传', en: 'The uploaded file is no longer on the server: upload it again' },
  internal: {
    zh: '导入时服务器出错，请重新上传；如果仍然出错，请联系管理员（错误已记录）',
    en: 'The server failed during this import: upload the file again, and tell an administrator if it happens again (the error was logged)',
  },
  unreadable: { zh: '文件无法读取，请确认是 Excel（.xlsx）或 CSV 文件', en: 'The file could not be read: is it a real .xlsx or .csv file?' },
  allOrNothingRefused: (invalid: number): Localized => ({
    zh: `有 ${invalid} 行有误，选择了“全部正确才导入”，因此没有导入任何数据。请修改后重新上传，或改为只导入正确的行。`,
    en: `${invalid} rows are invalid and "all or nothing" was chosen, so nothing was imported. Fix the file and upload it again, or import only the valid rows.`,
  }),
  alreadyCommitting: { zh: '该导入正在提交或已经提交，请勿重复提交', en: 'This import is already being committed (or has been)' },
  notValidated: { zh: '只有校验完成的导入才能确认', en: 'Only a validated import can be committed' },
} as const;
