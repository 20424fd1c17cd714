import { defineResource } from '@zizhu/schema';
import { FUNDING_SOURCES, TERMS } from '@zizhu/programs';

/**
 * 资金下达: money a level of government allocates to a program for one term, to a region
 * (county, or the city itself) or straight to a school, under a document number (文号).
 * Recorded by finance; scoped through the school when given, else the region.
 */
export const allocationResource = defineResource({
  name: 'allocations',
  table: 'allocations',
  label: { zh: '资金下达', en: 'Allocations' },
  recordLabel: 'documentNumber',
  idType: 'integer',
  icon: 'download',
  menu: { group: 'funds', order: 3 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['schoolId', 'regionId'] },
  access: {
    list: ['admin', 'county', 'inspector', 'finance'],
    create: ['admin', 'finance'],
    update: ['admin', 'finance'],
    delete: ['admin', 'finance'],
  },
  businessKey: ['documentNumber', 'programId', 'year', 'term', 'source', 'regionId'],
  importAllOrNothing: true,
  defaultSort: { field: 'date', order: 'DESC' },
  indexes: [
    { name: 'ux_allocations_document', columns: ['document_number', 'program_id', 'year', 'term', 'source', 'region_id'], unique: true },
    { name: 'ix_allocations_program_term', columns: ['program_id', 'year', 'term'] },
    { name: 'ix_allocations_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    programId: { type: 'reference', reference: 'programs', label: { zh: '资助项目', en: 'Program' }, required: true, list: true, filter: 'exact', aliases: ['项目', '项目名称'] },
    year: { type: 'integer', label: { zh: '年度', en: 'Year' }, grouping: false, required: true, min: 2000, max: 2100, list: true, filter: 'exact', sort: true },
    term: { type: 'enum', label: { zh: '学期', en: 'Term' }, required: true, options: TERMS, list: true, filter: 'exact' },
    source: { type: 'enum', label: { zh: '资金来源', en: 'Source' }, required: true, options: FUNDING_SOURCES, list: true, filter: 'exact', aliases: ['来源', '资金级次'] },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '下达区域', en: 'Region' },
      help: { zh: '资金下达到的区县（或市本级）', en: 'The county (or the city itself) the money goes to' },
      required: true,
      list: true,
      filter: 'exact',
      aliases: ['区域', '区县'],
    },
    schoolId: {
      type: 'reference',
      reference: 'schools',
      label: { zh: '学校', en: 'School' },
      help: { zh: '直接下达到学校时填写（按学校所在区县对账）', en: 'When allocated straight to a school (reconciled under its county)' },
      list: true,
      filter: 'exact',
    },
    amount: { type: 'money', label: { zh: '金额', en: 'Amount' }, required: true, min: 1, max: 100_000_000_000, list: true },
    documentNumber: {
      type: 'string',
      label: { zh: '文号', en: 'Document no.' },
      help: { zh: '下达文件的文号，如 石财教〔2017〕12号', en: 'The allocating notice, e.g. 石财教〔2017〕12号' },
      required: true,
      maxLength: 60,
      list: true,
      search: 'prefix',
      aliases: ['文件号', '下达文号'],
    },
    date: { type: 'date', label: { zh: '下达日期', en: 'Date' }, required: true, list: true, sort: true, filter: 'range', aliases: ['日期'] },
    note: { type: 'string', label: { zh: '备注', en: 'Note' }, maxLength: 200 },
  },
});
