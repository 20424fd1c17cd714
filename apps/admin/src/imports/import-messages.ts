import type { ImportMode, ImportStatus, Localized } from '@zizhu/schema';

/**
 * `zizhu.import.*`. School officers are part-time and change often: every step says what
 * it does, what happens next and that nothing is written before 确认导入.
 */
export const IMPORT_TEXTS = {
  button: { zh: '导入', en: 'Import' },
  buttonHint: { zh: '用 Excel 批量新增或修改记录', en: 'Add or change records in bulk from Excel' },
  pageTitle: { zh: '导入%{resource}', en: 'Import %{resource}' },
  notAllowed: { zh: '您没有导入%{resource}的权限。', en: 'You may not import %{resource}.' },
  intro: {
    zh: '用 Excel 文件批量新增或修改%{resource}。上传后系统先检查每一行，检查结果由您确认后才会写入，上传本身不会改动任何数据。',
    en: 'Add or change %{resource} in bulk from an Excel file. After the upload every row is checked; nothing is written until you confirm the result.',
  },
  history: { zh: '导入记录', en: 'Import history' },
  /** Joins two sentences: Chinese needs no space after 。 */
  sentenceGap: { zh: '', en: ' ' },
  recommended: { zh: '（推荐）', en: ' (recommended)' },
  // Steps
  stepTemplate: { zh: '下载模板', en: 'Download the template' },
  stepUpload: { zh: '上传文件', en: 'Upload the file' },
  stepCheck: { zh: '检查数据', en: 'Check the data' },
  stepCommit: { zh: '确认导入', en: 'Confirm the import' },
  // Step 1
  templateTitle: { zh: '第一步：下载模板并填写', en: 'Step 1: download the template and fill it in' },
  templateButton: { zh: '下载导入模板', en: 'Download the template' },
  templateFile: { zh: '%{resource}导入模板.xlsx', en: '%{resource} import template.xlsx' },
  tipOneRow: { zh: '每行填写一条%{resource}记录，不要合并单元格，中间不要留空行。', en: 'One record per row; no merged cells, no blank rows in between.' },
  tipHeader: {
    zh: '保留表头行（列名）。表格上方的标题、填报单位等行可以保留，系统会自动找到表头。',
    en: 'Keep the header row. Title or “reporting unit” lines above it may stay: the header row is found automatically.',
  },
  tipText: {
    zh: '%{fields}等长数字请把单元格设为“文本”格式，否则 Excel 会把末尾几位变成 0。',
    en: 'Format long numbers (%{fields}) as Text, or Excel turns their last digits into 0.',
  },
  tipChoices: {
    zh: '选项类的列请填写选项名称，例如%{field}填“%{value}”（各列可填的内容见下方说明）。',
    en: 'Fill choice columns with the name of the choice, e.g. %{field}: “%{value}” (see each column below).',
  },
  tipOwnFile: {
    zh: '也可以直接上传上级下发或其他系统导出的名单，列名不同时系统会尽量自动对应，您可在检查页调整。',
    en: 'You may also upload a list from elsewhere: columns are matched by their headers and you can adjust the matching.',
  },
  columnsTitle: { zh: '各列填写说明', en: 'What goes in each column' },
  columnName: { zh: '列名', en: 'Column' },
  columnRule: { zh: '填写要求', en: 'How to fill it' },
  required: { zh: '必填', en: 'Required' },
  optional: { zh: '选填', en: 'Optional' },
  allowedValues: { zh: '可填：%{values}', en: 'One of: %{values}' },
  ruleSeparator: { zh: '；', en: '; ' },
  ruleIdNumber: { zh: '单元格设为文本格式', en: 'format the cell as Text' },
  ruleDate: { zh: '日期，如 2012-09-01', en: 'a date, e.g. 2012-09-01' },
  ruleDatetime: { zh: '日期和时间，如 2026-03-01 08:30', en: 'a date and time, e.g. 2026-03-01 08:30' },
  ruleBoolean: { zh: '填“是”或“否”', en: '“Yes” or “No”' },
  ruleReference: { zh: '填写%{target}的代码或名称', en: 'a code or name from %{target}' },
  ruleInteger: { zh: '整数', en: 'a whole number' },
  ruleNumber: { zh: '数字', en: 'a number' },
  ruleMoney: { zh: '金额（元，最多两位小数）', en: 'an amount in yuan (at most 2 decimals)' },
  ruleLongNumber: { zh: '单元格设为文本格式，以免末尾数字丢失', en: 'format the cell as Text so no digit is lost' },
  // Step 2
  uploadTitle: { zh: '第二步：选择文件并上传', en: 'Step 2: choose the file and upload it' },
  chooseFile: { zh: '选择文件', en: 'Choose a file' },
  noFile: { zh: '尚未选择文件（支持 .xlsx、.csv）', en: 'No file chosen (.xlsx or .csv)' },
  modeLabel: { zh: '导入方式', en: 'Import mode' },
  upload: { zh: '上传并检查', en: 'Upload and check' },
  uploadHint: {
    zh: '上传后只做检查，不会写入数据；检查结果确认无误后，再点“确认导入”。',
    en: 'Uploading only checks the file; nothing is written until you click “Confirm the import”.',
  },
  uploadFailed: { zh: '文件无法导入', en: 'The file cannot be imported' },
  commitWhileReading: { zh: '边读边导入（不预览，适合大文件）', en: 'Import while reading (no preview, for large files)' },
  commitWhileReadingHint: {
    zh: '系统一边读取一边检查并写入，不再等您确认；有错误的行不写入，可下载错误行修改后重新上传。超过 %{size} MB 的文件默认使用此方式。',
    en: 'Rows are checked and written as the file is read, without waiting for your confirmation; rows with errors are skipped and can be downloaded, fixed and uploaded again. Files over %{size} MB use this by default.',
  },
  allOrNothingUpload: { zh: '全部正确才导入（有任何一行错误就一条都不写入）', en: 'All or nothing (if any row has an error, nothing is written)' },
  uploadAndCommit: { zh: '上传并导入', en: 'Upload and import' },
  uploadAndCommitHint: {
    zh: '上传后直接检查并写入数据，进行中可以取消（取消后不写入任何数据）。',
    en: 'The file is checked and written right after the upload; you may cancel while it runs (then nothing is written).',
  },
  limits: {
    zh: '文件不超过 %{size} MB，最多 %{rows} 行、%{columns} 列，每个单元格不超过 %{cellChars} 个字符（CSV 每行不超过 %{lineBytes} 字节），文件名不超过 %{nameChars} 个字符。',
    en: 'Up to %{size} MB, %{rows} rows and %{columns} columns; at most %{cellChars} characters a cell (%{lineBytes} bytes a CSV line) and %{nameChars} in the file name.',
  },
  fileTooLarge: { zh: '文件超过 %{size} MB，请拆分后上传', en: 'The file is larger than %{size} MB: split it and upload the parts' },
  fileNameTooLong: { zh: '文件名超过 %{nameChars} 个字符，请改短后上传', en: 'The file name is longer than %{nameChars} characters: rename the file' },
  // Job page
  jobTitle: { zh: '导入%{resource}：%{file}', en: 'Import %{resource}: %{file}' },
  jobSummary: { zh: '文件：%{file} · 导入方式：%{mode} · 上传于 %{time}', en: 'File: %{file} · mode: %{mode} · uploaded %{time}' },
  loadFailed: { zh: '无法读取导入任务', en: 'The import could not be loaded' },
  retry: { zh: '重试', en: 'Retry' },
  rowsRead: { zh: '已读取 %{read} / %{total} 行', en: '%{read} of %{total} rows read' },
  rowsReadOpen: { zh: '已读取 %{read} 行', en: 'Rows read: %{read}' },
  rowsReadEstimated: { zh: '已读取 %{read} / 约 %{total} 行', en: '%{read} of about %{total} rows read' },
  checking: { zh: '正在检查数据…', en: 'Checking the data…' },
  writing: { zh: '正在写入数据…', en: 'Writing the data…' },
  writingWhileReading: { zh: '正在边检查边写入…', en: 'Checking and writing…' },
  checked: { zh: '检查完成', en: 'Check complete' },
  cancel: { zh: '取消', en: 'Cancel' },
  cancelFailed: { zh: '无法取消', en: 'Could not cancel' },
  // Mapping
  mappingTitle: { zh: '文件中的列', en: 'Columns of the file' },
  mappingHint: {
    zh: '系统已按表头（第 %{row} 行）自动对应字段。如有不对，请在右侧修改，修改后会自动重新检查。',
    en: 'Columns were matched by the header (row %{row}). Change a match on the right if it is wrong: the file is checked again.',
  },
  mappingColumn: { zh: '列', en: 'Column' },
  mappingHeader: { zh: '文件中的表头', en: 'Header in the file' },
  mappingField: { zh: '导入到', en: 'Imported into' },
  mappingFieldFor: { zh: '“%{header}”列导入到', en: 'Column “%{header}” imported into' },
  ignoreColumn: { zh: '忽略此列', en: 'Ignore this column' },
  missingRequired: {
    zh: '文件中没有对应这些必填项的列：%{fields}。请为它们选择列，否则每一行都会报错。',
    en: 'No column feeds these required fields: %{fields}. Choose a column for each, or every row fails.',
  },
  duplicateField: { zh: '“%{field}”对应了多个列，请只保留一个。', en: '“%{field}” is fed by several columns: keep one.' },
  mappingFailed: { zh: '无法修改列对应', en: 'Could not change the column matching' },
  // Counts
  resultTitle: { zh: '检查结果', en: 'Check result' },
  countTotal: { zh: '共 %{total} 行数据', en: '%{total} data row |||| %{total} data rows' },
  countNew: { zh: '新增', en: 'New' },
  countToUpdate: { zh: '更新', en: 'To update' },
  countUnchanged: { zh: '无变化', en: 'Unchanged' },
  countInvalid: { zh: '有误', en: 'With errors' },
  // Errors
  errorsTitle: { zh: '有误的行', en: 'Rows with errors' },
  errorsNone: { zh: '没有发现错误。', en: 'No errors found.' },
  errorsShown: {
    zh: '共 %{count} 个问题，下表只列出前 %{shown} 个；完整内容请下载错误报告。',
    en: '%{count} problems; the first %{shown} are listed. The error report holds them all.',
  },
  errorsCount: { zh: '共 %{smart_count} 个问题。', en: '%{smart_count} problem. |||| %{smart_count} problems.' },
  errorsFix: {
    zh: '错误报告是您上传的原表格，每行末尾注明了问题。在其中改正后可以直接重新上传。',
    en: 'The error report is your file with the problem noted at the end of each row: fix it there and upload it again.',
  },
  errorRow: { zh: '行号', en: 'Row' },
  errorColumn: { zh: '列', en: 'Column' },
  errorMessage: { zh: '问题', en: 'Problem' },
  errorWholeRow: { zh: '整行', en: 'Whole row' },
  errorReport: { zh: '下载错误报告', en: 'Download the error report' },
  errorReportFile: { zh: '导入错误报告.xlsx', en: 'import errors.xlsx' },
  // Commit
  commitTitle: { zh: '确认导入', en: 'Confirm the import' },
  commitValidOnly: { zh: '只导入正确的行', en: 'Import the correct rows only' },
  commitValidOnlyHint: {
    zh: '有误的行会被跳过，其余照常写入。跳过的行可在错误报告中改正后再导入一次。',
    en: 'Rows with errors are skipped, the others are written. Fix the skipped rows in the error report and import them again.',
  },
  commitAllOrNothing: { zh: '全部正确才导入（任何一行有误则全部不导入）', en: 'All or nothing (if any row has an error, nothing is imported)' },
  commitAllOrNothingHint: {
    zh: '适合必须整批一致的名单：只要有一行有误，本次不写入任何数据，请先改正文件再上传。',
    en: 'For lists that must stay complete: one wrong row and nothing is written; fix the file and upload it again.',
  },
  commitWillWrite: { zh: '将新增 %{new} 条、更新 %{update} 条记录。', en: 'Records to add: %{new}; to update: %{update}.' },
  commitSkipped: {
    zh: '%{smart_count} 行有误，不会导入。',
    en: '%{smart_count} row with errors will not be imported. |||| %{smart_count} rows with errors will not be imported.',
  },
  commitBlocked: {
    zh: '有 %{smart_count} 行有误：按“全部正确才导入”，本次不会导入任何数据。',
    en: '%{smart_count} row has errors: with “all or nothing” nothing will be imported. |||| %{smart_count} rows have errors: with “all or nothing” nothing will be imported.',
  },
  commitNothing: { zh: '文件中没有需要新增或修改的记录。', en: 'The file adds or changes nothing.' },
  commitButton: { zh: '确认导入', en: 'Confirm the import' },
  commitFailed: { zh: '未能导入', en: 'The import was refused' },
  // End states
  committed: { zh: '导入完成：新增 %{inserted} 条，更新 %{updated} 条。', en: 'Import complete: %{inserted} added, %{updated} updated.' },
  committedSkipped: {
    zh: '另有 %{smart_count} 行有误，未导入。',
    en: '%{smart_count} row with errors was not imported. |||| %{smart_count} rows with errors were not imported.',
  },
  failed: { zh: '导入失败', en: 'The import failed' },
  failedRemap: {
    zh: '如果是列对应不对，可在下方改正，系统会重新检查；否则请修改文件后重新上传。',
    en: 'If a column is matched wrongly, correct it below and the file is checked again; otherwise fix the file and upload it again.',
  },
  cancelled: { zh: '本次导入已取消，没有写入任何数据。', en: 'This import was cancelled; nothing was written.' },
  backToList: { zh: '查看%{resource}列表', en: 'Open the %{resource} list' },
  another: { zh: '再导入一个文件', en: 'Import another file' },
  openJob: { zh: '查看导入详情', en: 'Open the import' },
} satisfies Record<string, Localized>;

export const IMPORT_MODE_TEXTS: Record<ImportMode, { label: Localized; hint: Localized }> = {
  upsert: {
    label: { zh: '新增或更新', en: 'Add or update' },
    hint: { zh: '系统中没有的记录新增，已有的记录按文件内容修改。', en: 'Adds the records that are new and updates those that exist.' },
  },
  insert: {
    label: { zh: '新增', en: 'Add only' },
    hint: { zh: '只添加新记录；系统中已有的记录会被标为有误，不会修改。', en: 'Adds new records only; rows for existing records are errors.' },
  },
  update: {
    label: { zh: '更新', en: 'Update only' },
    hint: { zh: '只修改已有记录；系统中找不到的记录会被标为有误。', en: 'Changes existing records only; rows for unknown records are errors.' },
  },
};

export const IMPORT_STATUS_TEXTS: Record<ImportStatus, Localized> = {
  validating: { zh: '正在检查', en: 'Checking' },
  validated: { zh: '待确认', en: 'Awaiting confirmation' },
  committing: { zh: '正在导入', en: 'Importing' },
  committed: { zh: '已导入', en: 'Imported' },
  failed: { zh: '失败', en: 'Failed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};
