import { findPlaceholderProblem, LETTER_PLACEHOLDER_NAMES, placeholderProblemMessage, renderLetterText } from './letter-placeholders';

const values = Object.fromEntries(LETTER_PLACEHOLDER_NAMES.map((name) => [name, `<${name}>`])) as Record<(typeof LETTER_PLACEHOLDER_NAMES)[number], string>;

describe('letter placeholders', () => {
  it.each([
    ['尊敬的{{guardianName}}：{{studentName}}获得{{total}}元', null],
    ['{{ studentName }}（空格也可以）', null],
    ['没有占位符的正文', null],
    ['{{studentNmae}}', { kind: 'unknown', name: 'studentNmae' }],
    ['{{}}', { kind: 'unknown', name: '' }],
    ['金额 {{total}', { kind: 'unbalanced' }],
    ['金额 total}}', { kind: 'unbalanced' }],
    ['{{total}} 和 {{ {{total}} }}', { kind: 'unbalanced' }],
  ])('checks %j', (text, problem) => {
    expect(findPlaceholderProblem(text)).toEqual(problem);
  });

  it('names the unknown placeholder and lists the known ones in both languages', () => {
    const message = placeholderProblemMessage({ kind: 'unknown', name: 'amount' });
    expect(message.zh).toContain('{{amount}}');
    expect(message.zh).toContain('{{total}}');
    expect(message.en).toContain('{{payments}}');
  });

  it('fills every placeholder, with or without spaces, and leaves other text alone', () => {
    expect(renderLetterText('{{studentName}}：{{ total }} 元 {{payments}}\n{ 单括号 }', values)).toBe('<studentName>：<total> 元 <payments>\n{ 单括号 }');
  });
});
