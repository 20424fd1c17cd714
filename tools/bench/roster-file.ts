import { createWriteStream, existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { buildRegionTree, buildSchools, DEMO_SEED, generateStudents } from '@zizhu/demo-data';
import { STAGES } from '@zizhu/schema';
import { STUDENT_STATUSES } from '@zizhu/students';

const HEADER = ['身份证号', '姓名', '学校标识码', '学段', '年级', '班级', '学籍状态', '户籍地', '是否寄宿', '监护人', '联系电话', '资助卡号'];
const label = (options: readonly { value: string; label: { zh: string } }[], value: string) => options.find((o) => o.value === value)?.label.zh ?? value;

/** A school's roster of `rows` students of the demo city, as a person fills in the import template. */
function* rosterRows(rows: number): Generator<string[]> {
  const regions = buildRegionTree();
  const schools = buildSchools(regions);
  for (const s of generateStudents({ schools, regions, count: rows, seed: DEMO_SEED + 7 })) {
    yield [s.idNumber, s.name, schools[s.schoolId - 1].code, label(STAGES, s.stage), s.grade, s.className, label(STUDENT_STATUSES, s.status), s.householdRegionId, s.boarding ? '是' : '否', s.guardianName, s.phone, s.bankAccount];
  }
}

/** Writes the roster as .xlsx and .csv (the same rows), unless both files are there already. */
export async function writeRosterFiles(rows: number, xlsxPath: string, csvPath: string): Promise<void> {
  if (existsSync(xlsxPath) && existsSync(csvPath)) return;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('学生');
  sheet.addRow(HEADER).commit();
  const csv = createWriteStream(csvPath);
  csv.write(HEADER.join(',') + '\n');
  for (const row of rosterRows(rows)) {
    sheet.addRow(row).commit();
    if (!csv.write(row.join(',') + '\n')) await new Promise<void>((r) => csv.once('drain', () => r()));
  }
  sheet.commit();
  await workbook.commit();
  await new Promise<void>((r) => csv.end(() => r()));
}
