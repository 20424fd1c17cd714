import { CLUE_STATUSES, CLUE_VERDICTS, INSPECTION_STATUSES, SEVERITIES } from '@zizhu/checks';
import { TERMS } from '@zizhu/programs';
import { type ChecklistItem, checklistItems, type ChecklistSection, formatYuan, INSPECTION_MODES, type ItemResult } from '@zizhu/schema';
import { printDocument } from '../../../engine/pdf/html/print-document';
import { html, type SafeHtml } from '../../../engine/pdf/html/safe-html';
import type { InspectionReportData, ReportFile, ReportFinding } from './inspection-report.data';
import { answerText, chinaDateTime, fractionText, optionLabel, scoreText } from './report-text';

/** The report's own layout, after the base print stylesheet. */
const REPORT_STYLES = html`<style>
  .subtitle { font-size: 12pt; margin: -4pt 0 10pt; }
  table.facts th { width: 17%; white-space: nowrap; }
  table.facts td { width: 33%; }
  table.list { font-size: 9pt; }
  .verdict { font-size: 12pt; margin: 4pt 0 8pt; }
  .failed { font-weight: bold; }
  .muted { color: #555; }
  .thumb { width: 28mm; height: 21mm; object-fit: cover; border: 0.5pt solid #999; margin: 1mm 1mm 0 0; }
  .file { display: block; }
  .nowrap { white-space: nowrap; }
  p.intro { break-after: avoid; page-break-after: avoid; }
  .generated { margin-top: 12pt; font-size: 9pt; color: #444; }
</style>`;

const SEVERITY_LABEL = (value: string | null) => optionLabel(SEVERITIES, value) || '—';

/** The title in the band at the top of every page. */
export function reportHeader(data: InspectionReportData): SafeHtml {
  return html`督查检查报告 · ${data.school.name} · ${data.plan.name}`;
}

/**
 * An inspection's printable report: who was inspected, by whom and when; the score and the
 * verdict; the score of each section; every visible item's answer; the frozen data values
 * with the inspector's word on each; the sampled students (masked) and their answers; every
 * finding as its clue stands, with its deadline and evidence; and the rectification deadline.
 */
export function inspectionReportDocument(data: InspectionReportData): SafeHtml {
  const title = `督查检查报告：${data.school.name}`;
  const body = html`<h1>督查检查报告</h1>
    <p class="subtitle">${data.plan.name}</p>
    ${factsTable(data)}
    <h2>一、检查结论</h2>
    ${conclusion(data)}
    <h2>二、分项得分</h2>
    ${sectionScores(data)}
    <h2>三、检查记录</h2>
    ${data.checklist.definition.sections.map((section) => sectionItems(data, section))}
    ${dataItemChecks(data)}
    ${samples(data)}
    <h2>${heading(data, 'findings')}发现问题与整改</h2>
    ${findings(data)}
    <p class="generated">报告生成时间：${chinaDateTime(data.generatedAt)}。本报告根据检查提交的记录和问题线索的当前状态生成；检查记录或整改情况变化后请重新生成。</p>`;
  return printDocument({ title, body, styles: REPORT_STYLES });
}

/** Data items and samples appear only when the checklist has them, so later headings renumber. */
function heading(data: InspectionReportData, part: 'data' | 'samples' | 'findings'): string {
  const numerals = ['四', '五', '六'];
  const parts = [hasDataItems(data) && 'data', data.samples.length > 0 && 'samples', 'findings'].filter(Boolean);
  return `${numerals[parts.indexOf(part)]}、`;
}

function hasDataItems(data: InspectionReportData): boolean {
  return checklistItems(data.checklist.definition).some(({ item }) => item.dataItem);
}

function factsTable(data: InspectionReportData): SafeHtml {
  const period = [chinaDateTime(data.startedAt), chinaDateTime(data.submittedAt)].filter(Boolean).join(' 至 ');
  const row = (a: string, av: string | null, b: string, bv: string | null) => html`<tr><th>${a}</th><td>${av || '—'}</td><th>${b}</th><td>${bv || '—'}</td></tr>`;
  return html`<table class="facts"><tbody>
    ${row('被检查学校', `${data.school.name}（${data.school.code}）`, '所属区域', data.region)}
    ${row('检查计划', data.plan.name, '检查方式', optionLabel(INSPECTION_MODES, data.mode))}
    ${row('检查表', `${data.checklist.name}（第 ${data.checklist.number} 版）`, '合格线', `${data.checklist.passMark} 分`)}
    ${row('计划检查日期', data.plannedDate, '检查时间', period)}
    ${row('检查组长', data.leadInspector, '检查组成员', data.team)}
    ${row('提交人', data.submittedBy, '检查状态', optionLabel(INSPECTION_STATUSES, data.status))}
  </tbody></table>`;
}

function conclusion(data: InspectionReportData): SafeHtml {
  const critical = (data.result?.criticalFailed ?? []).map((key) => itemLabel(data, key));
  const open = data.findings.filter((f) => f.status !== 'closed').length;
  return html`<p class="verdict">总分 <b>${scoreText(data.score)}</b> 分（合格线 ${data.checklist.passMark} 分），结论：<b>${data.passed ? '合格' : '不合格'}</b>。
      ${critical.length > 0 && html`一票否决项不合格：${critical.join('、')}。`}</p>
    <p>${
      data.findings.length
        ? html`发现问题 ${data.findings.length} 个，尚未办结 ${open} 个。整改期限：<b>${data.rectifyBy ?? '—'}</b>（检查提交之日起 ${data.plan.daysToRectify} 天内）。`
        : '未发现问题。'
    }</p>`;
}

function sectionScores(data: InspectionReportData): SafeHtml {
  const scores = new Map((data.result?.sections ?? []).map((s) => [s.key, s.score]));
  const selfScores = data.selfResult ? new Map(data.selfResult.sections.map((s) => [s.key, s.score])) : null;
  return html`<table class="list">
    <thead><tr><th>部分</th><th class="number">权重</th><th class="number">得分</th>${selfScores && html`<th class="number">学校自查得分</th>`}</tr></thead>
    <tbody>${data.checklist.definition.sections.map(
      (section) => html`<tr><td>${section.title}</td><td class="number">${section.weight ?? 1}</td><td class="number">${scoreText(scores.get(section.key))}</td>${
        selfScores && html`<td class="number">${scoreText(selfScores.get(section.key))}</td>`
      }</tr>`,
    )}
    <tr><th>总分</th><td></td><th class="number">${scoreText(data.score)}</th>${selfScores && html`<th class="number">${scoreText(data.selfResult?.total)}</th>`}</tr>
    </tbody></table>`;
}

function sectionItems(data: InspectionReportData, section: ChecklistSection): SafeHtml {
  const results = new Map((data.result?.items ?? []).map((r) => [r.key, r]));
  const selfResults = data.selfResult ? new Map(data.selfResult.items.map((r) => [r.key, r])) : null;
  const items = section.items.filter((item) => !item.dataItem && !item.sample && results.get(item.key)?.visible !== false);
  if (!items.length) return html``;
  return html`<h3>${section.title}</h3>
    <table class="list">
      <thead><tr><th>检查项</th><th>检查情况</th><th class="number">得分率</th><th>结论</th>${selfResults && html`<th>自查结论</th>`}<th>佐证材料</th></tr></thead>
      <tbody>${items.map(
        (item) => html`<tr>
          <td>${item.label}${item.critical && html`<span class="muted">（一票否决）</span>`}</td>
          <td>${itemAnswer(data, item)}</td>
          <td class="number">${fractionText(results.get(item.key)?.fraction)}</td>
          <td>${verdictCell(results.get(item.key))}</td>
          ${selfResults && html`<td>${verdictCell(selfResults.get(item.key))}</td>`}
          <td>${files(fileIdsOf(data, item).map((id) => data.files.get(id)))}</td>
        </tr>`,
      )}</tbody>
    </table>`;
}

function itemAnswer(data: InspectionReportData, item: ChecklistItem): SafeHtml {
  const notApplicable = (data.answers.notApplicable ?? []).includes(item.key);
  const answer = item.type === 'file' ? '' : answerText(item, data.answers.values[item.key]);
  const remark = data.answers.remarks?.[item.key];
  return html`${notApplicable ? '不适用' : answer || html`<span class="muted">未填写</span>`}${remark && html`<br><span class="muted">备注：${remark}</span>`}`;
}

function verdictCell(result: ItemResult | undefined): SafeHtml | string {
  if (!result) return '—';
  if (!result.applicable) return '不适用';
  if (result.failed) return html`<span class="failed">不合格</span>`;
  return result.fraction === null ? '—' : '合格';
}

function fileIdsOf(data: InspectionReportData, item: ChecklistItem): number[] {
  const answer = data.answers.values[item.key];
  return [...(item.type === 'file' && typeof answer === 'number' ? [answer] : []), ...(data.answers.evidence?.[item.key] ?? [])];
}

function files(list: readonly (ReportFile | undefined)[]): SafeHtml {
  return html`${list.map((file) => file && (file.image ? html`<img class="thumb" src="${file.image}" alt="${file.name}">` : html`<span class="file">附件：${file.name}</span>`))}`;
}

function dataItemChecks(data: InspectionReportData): SafeHtml {
  if (!hasDataItems(data)) return html``;
  const rows = checklistItems(data.checklist.definition).filter(({ item }) => item.dataItem);
  return html`<h2>${heading(data, 'data')}数据核查</h2>
    <p class="muted intro">平台数据于检查开始时计算并冻结，由检查组逐项核实。</p>
    <table class="list">
      <thead><tr><th>数据项</th><th class="number">平台数据</th><th>计算时间</th><th>核实结果</th><th>说明</th></tr></thead>
      <tbody>${rows.map(({ item }) => {
        const frozen = data.dataValues[item.key];
        const check = data.answers.dataChecks?.[item.key];
        const value = frozen ? (frozen.value === null ? '无数据' : `${frozen.value}${frozen.unit.zh === '%' ? '' : ' '}${frozen.unit.zh}`) : '—';
        const word = !check ? html`<span class="muted">未核实</span>` : check.confirmed ? '确认无误' : html`<span class="failed">不一致${check.observed != null && `：实际 ${check.observed}`}</span>`;
        return html`<tr><td>${item.label}</td><td class="number">${value}</td><td>${chinaDateTime(frozen?.computedAt ?? null)}</td><td>${word}</td><td>${check?.note}</td></tr>`;
      })}</tbody>
    </table>`;
}

function samples(data: InspectionReportData): SafeHtml {
  if (!data.samples.length) return html``;
  const items = new Map(checklistItems(data.checklist.definition).map(({ item }) => [item.key, item]));
  return html`<h2>${heading(data, 'samples')}抽样核查</h2>
    <p class="muted intro">学生于检查开始时从该学期受助学生中随机抽取，姓名已脱敏。</p>
    ${data.samples.map((sample) => {
      const item = items.get(sample.itemKey);
      const questions = item?.sample?.questions ?? [];
      const answers = data.answers.sampleAnswers?.[sample.itemKey] ?? {};
      return html`<h3>${item?.label ?? sample.itemKey}（${sample.year} 年${optionLabel(TERMS, sample.term)}，抽取 ${sample.students.length} 人）</h3>
        <table class="list">
          <thead><tr><th>学生</th><th>资助项目</th><th class="number">发放金额（元）</th>${questions.map((q) => html`<th>${q.label}</th>`)}</tr></thead>
          <tbody>${sample.students.map(
            (student) => html`<tr><td>${student.name}</td><td>${student.programName}</td><td class="number">${formatYuan(student.amountPaid, { grouped: true })}</td>${questions.map(
              (q) => html`<td>${q.type === 'file' ? files([data.files.get(Number(answers[String(student.studentId)]?.[q.key]))]) : answerText(q, answers[String(student.studentId)]?.[q.key]) || '—'}</td>`,
            )}</tr>`,
          )}</tbody>
        </table>`;
    })}`;
}

function findings(data: InspectionReportData): SafeHtml {
  if (!data.findings.length) return html`<p>本次检查未发现问题。</p>`;
  return html`<table class="list">
    <thead><tr><th class="nowrap">序号</th><th>检查项</th><th>问题</th><th class="nowrap">严重程度</th><th class="nowrap">状态</th><th class="nowrap">整改期限</th><th>核实与整改</th><th>佐证材料</th></tr></thead>
    <tbody>${data.findings.map((finding, i) => findingRow(data, finding, i + 1))}</tbody>
  </table>`;
}

function findingRow(data: InspectionReportData, finding: ReportFinding, n: number): SafeHtml {
  const status = optionLabel(CLUE_STATUSES, finding.status);
  return html`<tr>
    <td class="number">${n}</td>
    <td>${finding.itemKey ? itemLabel(data, finding.itemKey) : finding.kind}</td>
    <td>${finding.description}${finding.student && html`<br><span class="muted">学生：${finding.student}</span>`}</td>
    <td class="nowrap">${SEVERITY_LABEL(finding.severity)}</td>
    <td class="nowrap">${status}${finding.overdue && html`<br><span class="failed">已逾期</span>`}</td>
    <td class="nowrap">${finding.dueDate}</td>
    <td>${finding.verdict && html`${optionLabel(CLUE_VERDICTS, finding.verdict)}。`}${finding.rectification}${
      finding.reviewComment && html`<br><span class="muted">审核意见：${finding.reviewComment}</span>`
    }</td>
    <td>${files(finding.evidence)}</td>
  </tr>`;
}

function itemLabel(data: InspectionReportData, key: string): string {
  return checklistItems(data.checklist.definition).find(({ item }) => item.key === key)?.item.label ?? key;
}
