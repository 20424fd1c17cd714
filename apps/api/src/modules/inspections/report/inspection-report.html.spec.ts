import { type ChecklistDefinition, type InspectionAnswers, scoreChecklist } from '@zizhu/schema';
import { answerFileIds, type InspectionReportData, maskPersonName } from './inspection-report.data';
import { inspectionReportDocument } from './inspection-report.html';
import { reportFileName } from './inspection-report.job';

/** A verification on a checklist with neither data items nor samples: one N/A item, one hidden. */
const DEFINITION: ChecklistDefinition = {
  sections: [
    {
      key: 'policy',
      title: '政策落实',
      items: [
        { key: 'meeting', type: 'boolean', label: '召开资助工作会议' },
        { key: 'minutes', type: 'boolean', label: '会议记录', visibleWhen: { '==': [{ var: 'values.meeting' }, true] } },
        { key: 'canteen', type: 'yesNoNa', label: '食堂补助公示' },
        { key: 'photo', type: 'file', label: '现场照片' },
      ],
    },
  ],
};

function report(overrides: Partial<InspectionReportData> = {}, answers: InspectionAnswers = { values: { meeting: false, canteen: 'na' } }): InspectionReportData {
  const result = scoreChecklist(DEFINITION, answers, 60);
  return {
    id: 7,
    status: 'submitted',
    mode: 'verify',
    basis: 'b',
    plan: { name: '2026年核查', startDate: '2026-05-01', endDate: '2026-05-31', daysToRectify: 15, description: null },
    school: { name: '<script>alert(1)</script>中学', code: '2145020107' },
    region: '玉林市 玉州区',
    plannedDate: '2026-05-10',
    startedAt: new Date('2026-05-10T01:00:00Z'),
    submittedAt: new Date('2026-05-10T08:00:00Z'),
    rectifyBy: '2026-05-25',
    leadInspector: '市督查员',
    team: null,
    submittedBy: '市督查员',
    checklist: { name: '核查表', number: 2, passMark: 60, definition: DEFINITION },
    score: result.total,
    passed: result.passed,
    result,
    selfResult: scoreChecklist(DEFINITION, { values: { meeting: true, minutes: true, canteen: 'yes' } }, 60),
    answers: { ...answers, remarks: { meeting: '</td><td>未开会' } },
    dataValues: {},
    samples: [],
    findings: [],
    files: new Map(),
    generatedAt: new Date('2026-05-11T00:00:00Z'),
    ...overrides,
  };
}

describe('inspection report document', () => {
  it('escapes every value: a name or a remark never becomes markup', () => {
    const markup = inspectionReportDocument(report()).toString();
    expect(markup).not.toContain('<script>alert(1)');
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;中学');
    expect(markup).toContain('备注：&lt;/td&gt;&lt;td&gt;未开会');
  });

  it('shows a verification beside the school’s own score, section by section and item by item', () => {
    const markup = inspectionReportDocument(report()).toString();
    expect(markup).toContain('<th class="number">学校自查得分</th>');
    expect(markup).toContain('<th>自查结论</th>');
    expect(markup).toMatch(/<td>政策落实<\/td><td class="number">1<\/td><td class="number">0\.0<\/td><td class="number">100\.0<\/td>/);
  });

  it('leaves out hidden items, says 不适用 for N/A and 未发现问题 without findings; parts renumber without data items or samples', () => {
    const markup = inspectionReportDocument(report()).toString();
    expect(markup).not.toContain('会议记录');
    expect(markup).toMatch(/食堂补助公示.*?<td>不适用<\/td>/s);
    expect(markup).not.toContain('数据核查');
    expect(markup).not.toContain('抽样核查');
    expect(markup).toContain('<h2>四、发现问题与整改</h2>');
    expect(markup).toContain('未发现问题。');
  });

  it('embeds an image file answer as a thumbnail and names a document', () => {
    const files = new Map([
      [3, { id: 3, name: '照片.png', image: 'data:image/png;base64,AAAA' }],
      [4, { id: 4, name: '说明.pdf', image: null }],
    ]);
    const answers: InspectionAnswers = { values: { meeting: true, canteen: 'yes', photo: 3 }, evidence: { meeting: [4] } };
    const markup = inspectionReportDocument(report({ files }, answers)).toString();
    expect(markup).toContain('<img class="thumb" src="data:image/png;base64,AAAA" alt="照片.png">');
    expect(markup).toContain('附件：说明.pdf');
    expect(answerFileIds(DEFINITION, answers).sort()).toEqual([3, 4]);
  });
});

describe('report names', () => {
  it.each([
    ['张三丰', '张*丰'],
    ['欧阳娜娜', '欧**娜'],
    ['李四', '李*'],
    ['张*明', '张*明'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });

  it('saves the report under the school and the submit date (China time), without path characters', () => {
    expect(reportFileName({ school: { name: '玉林/第一 中学', code: 'x' }, submittedAt: new Date('2026-04-18T20:00:00Z') })).toBe('督查检查报告-玉林第一中学-2026-04-19.pdf');
  });
});
