import { defineResource, GENDERS, idNumberField, personNameField, STAGES } from '@zizhu/schema';
import { STUDENT_STATUSES } from './student.enums';

/** 学生 (学籍): one enrolled (or formerly enrolled) student. */
export const studentResource = defineResource({
  name: 'students',
  table: 'students',
  label: { zh: '学生', en: 'Students' },
  recordLabel: 'name',
  // Pickers tell namesakes apart: 黄小明 · 4509**********1234 · 玉林市第一中学 · 高一 · 3班.
  optionFields: ['name', 'idNumber', 'schoolId', 'grade', 'className'],
  idType: 'integer',
  icon: 'people',
  menu: { group: 'students', order: 3 },
  audited: true,
  versioned: true,
  large: true,
  distributedBy: 'county',
  scope: { kind: 'reference', via: ['schoolId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: ['admin', 'county', 'school'],
    update: ['admin', 'county', 'school'],
    delete: ['admin', 'county'],
  },
  businessKey: ['idNumber'],
  relationFilters: {
    // 特殊身份: a comparison result that counts as a mark, or an approved omission.
    markIdentityTypeId: {
      label: { zh: '特殊身份', en: 'Special identity' },
      help: { zh: '比对确认或补录通过的身份', en: 'Confirmed by comparison or an approved omission' },
      reference: 'identity-types',
      sources: [
        { resource: 'comparison-results', via: 'studentId', match: 'identityTypeId', where: { marked: true } },
        { resource: 'omissions', via: 'studentId', match: 'identityTypeId', where: { status: 'approved' } },
      ],
    },
  },
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ux_students_id_number', columns: ['id_number'], unique: true },
    // scope_path trails the sort indexes so the region filter is checked in the index
    // (index-only scans), not by fetching every row a deep page skips.
    { name: 'ix_students_name', columns: ['name', 'id', 'scope_path'] },
    { name: 'ix_students_stage_scope', columns: ['stage', 'scope_path'] },
    { name: 'ix_students_school_name', columns: ['school_id', 'name', 'id'] },
    // A school's list in the default order (newest first): at a province's 10 M students the
    // walk down the primary key for one school's rows read ~15,000 rows per page.
    { name: 'ix_students_school_id', columns: ['school_id', 'id'] },
    // A region's or a school's students, with the columns the list filters on: an officer's
    // filter (a class, a grade, a household region, a name prefix…) is checked in the index,
    // and a small result is counted and collected without visiting the table (at a
    // province's 10 M students a school's 37,000 rows cost 37,000 table reads otherwise, and
    // a name prefix within a school walked the province's namesakes).
    { name: 'ix_students_scope_path', columns: ['scope_path', 'id', 'name', 'stage', 'grade', 'class_name', 'status', 'gender', 'household_region_id', 'boarding'] },
  ],
  fields: {
    idNumber: idNumberField({
      help: { zh: '18位公民身份号码；出生日期和性别由号码自动得出', en: '18-character resident ID; birth date and gender are read from it' },
      sensitive: { mask: 'idNumber', plainFor: ['admin'], revealFor: ['county', 'school'] },
      derives: { birthDate: 'birthDate', gender: 'gender' },
    }),
    name: personNameField(['姓名', '学生姓名']),
    gender: {
      type: 'enum',
      label: { zh: '性别', en: 'Gender' },
      readOnly: true,
      options: GENDERS,
      list: true,
      filter: 'exact',
      aliases: ['性别'],
    },
    birthDate: {
      type: 'date',
      label: { zh: '出生日期', en: 'Birth date' },
      readOnly: true,
      list: true,
      // Not sortable: birth date follows stage, grade and school so closely that a sort by it
      // under any of those filters walks most of a million-row index (5–10 s at 1.5 M); the
      // range filter finds students by age instead.
      filter: 'range',
      aliases: ['出生日期'],
    },
    schoolId: {
      type: 'reference',
      reference: 'schools',
      label: { zh: '学校', en: 'School' },
      required: true,
      list: true,
      filter: 'exact',
      aliases: ['学校', '学校标识码', '学校代码', '学校名称', '就读学校'],
    },
    stage: {
      type: 'enum',
      label: { zh: '学段', en: 'Stage' },
      required: true,
      options: STAGES,
      list: true,
      filter: 'exact',
      aliases: ['学段'],
      withinReferenced: {
        via: 'schoolId',
        list: 'stages',
        message: { zh: '该校没有{value}学段（该校学段：{allowed}）', en: 'The school does not teach {value} (its stages: {allowed})' },
        inUseMessage: { zh: '该校还有{count}名{value}学段的学生，请先调整这些学生的学段或学校', en: '{count} students of the school are in {value}: change their stage or school first' },
      },
    },
    grade: {
      type: 'string',
      label: { zh: '年级', en: 'Grade' },
      maxLength: 20,
      list: true,
      filter: 'exact',
      aliases: ['年级'],
    },
    className: {
      type: 'string',
      label: { zh: '班级', en: 'Class' },
      maxLength: 20,
      filter: 'exact',
      aliases: ['班级', '班级名称'],
    },
    status: {
      type: 'enum',
      label: { zh: '学籍状态', en: 'Status' },
      required: true,
      options: STUDENT_STATUSES,
      list: true,
      filter: 'exact',
      aliases: ['学籍状态', '在校状态'],
    },
    householdRegionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '户籍地', en: 'Household registration' },
      filter: 'exact',
      aliases: ['户籍地', '户口所在地'],
    },
    boarding: {
      type: 'boolean',
      label: { zh: '寄宿生', en: 'Boarder' },
      filter: 'exact',
      aliases: ['是否寄宿', '寄宿生'],
    },
    guardianName: {
      type: 'string',
      label: { zh: '监护人', en: 'Guardian' },
      maxLength: 50,
      aliases: ['监护人', '监护人姓名', '家长姓名'],
    },
    phone: {
      type: 'phone',
      label: { zh: '联系电话', en: 'Phone' },
      sensitive: { mask: 'phone', plainFor: ['admin', 'school'], revealFor: ['county'] },
      aliases: ['联系电话', '手机号', '家长电话'],
    },
    bankAccount: {
      type: 'account',
      label: { zh: '资助卡号', en: 'Aid card / bank account' },
      help: { zh: '学生资助卡或本人银行账号', en: "The student's aid card or own bank account" },
      sensitive: { mask: 'account', plainFor: ['admin'], revealFor: ['county', 'school', 'finance'] },
      aliases: ['资助卡号', '银行账号', '银行卡号', '社保卡号'],
    },
  },
});
