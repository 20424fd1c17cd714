import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInPanel } from '../testing/panel-harness';
import { AidQueryPage } from './aid-query-page';

type Reply = { status: number; body: unknown };

/** The page calls the API with fetch and no token: answer it from a script, recording what was sent. */
function answerWith(replies: Reply[]): jest.Mock {
  const mock = jest.fn(async (_url: string, init?: RequestInit) => {
    const reply = replies.shift();
    if (!reply) throw new Error(`unexpected request ${init?.method ?? 'GET'} ${_url}`);
    // jsdom has no Response: what the page reads of one.
    return { ok: reply.status < 300, status: reply.status, statusText: '', json: async () => reply.body };
  });
  globalThis.fetch = mock as unknown as typeof fetch;
  return mock;
}

async function ask(name: string, idNumber: string) {
  fireEvent.change(screen.getByRole('textbox', { name: /学生姓名/ }), { target: { value: name } });
  fireEvent.change(screen.getByRole('textbox', { name: /学生身份证号/ }), { target: { value: idNumber } });
  fireEvent.click(screen.getByRole('button', { name: '查询' }));
}

const ID = '450902201003151234';

describe('the families’ aid query page', () => {
  it('shows the payments of a matching student: program, term, amount in yuan, date, and the total', async () => {
    const fetchMock = answerWith([
      {
        status: 200,
        body: {
          payments: [
            { program: '普通高中国家助学金', year: 2026, term: 'spring', amount: 125000, date: '2026-04-18' },
            { program: '寄宿生生活补助', year: 2025, term: 'autumn', amount: 62550, date: '2025-10-20' },
          ],
          total: 187550,
        },
      },
    ]);
    await renderInPanel(<AidQueryPage />, { fields: [] });
    await ask('韦子婷', ID);
    await screen.findByText('共 2 笔，合计 1,875.50 元');
    expect(screen.getByText('普通高中国家助学金')).toBeTruthy();
    expect(screen.getByText('1,250.00 元')).toBeTruthy();
    expect(screen.getByText('2026年春季学期 · 发放日期 2026-04-18')).toBeTruthy();
    expect(screen.getByText('2025年秋季学期 · 发放日期 2025-10-20')).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/public/aid-query');
    expect(JSON.parse(String(init.body))).toEqual({ name: '韦子婷', idNumber: ID });
    expect(new Headers(init.headers).get('Authorization')).toBeNull();
  });

  it('says nothing was found, in the one way every failure reads', async () => {
    answerWith([{ status: 200, body: { payments: [], total: 0 } }]);
    await renderInPanel(<AidQueryPage />, { fields: [] });
    await ask('韦子婷', ID);
    expect((await screen.findByTestId('aid-query-none')).textContent).toContain('没有查到资助发放记录');
  });

  it('shows the drawn sum when the server asks for it, and sends its answer with the next query', async () => {
    const fetchMock = answerWith([
      { status: 428, body: { statusCode: 428, code: 'CHALLENGE_REQUIRED', message: '查询失败次数较多，请先完成验证' } },
      { status: 200, body: { token: 'signed.token', image: 'data:image/svg+xml;base64,PHN2Zy8+', expiresInSeconds: 300 } },
      { status: 200, body: { payments: [], total: 0 } },
    ]);
    await renderInPanel(<AidQueryPage />, { fields: [] });
    await ask('韦子婷', ID);
    expect((await screen.findByTestId('aid-query-message')).textContent).toContain('请先完成验证');
    const challenge = await screen.findByTestId('aid-query-challenge');
    expect(challenge.querySelector('img')?.getAttribute('src')).toBe('data:image/svg+xml;base64,PHN2Zy8+');
    fireEvent.change(screen.getByRole('textbox', { name: '计算结果' }), { target: { value: '57' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(3));
    expect(JSON.parse(String(fetchMock.mock.calls[2][1].body))).toEqual({ name: '韦子婷', idNumber: ID, challengeToken: 'signed.token', challengeAnswer: '57' });
    await screen.findByTestId('aid-query-none');
    expect(screen.queryByTestId('aid-query-challenge')).toBeNull();
  });

  it('shows the API’s message on the field it names, and a refusal for too many queries', async () => {
    answerWith([
      { status: 422, body: { statusCode: 422, code: 'VALIDATION_FAILED', message: '提交的内容有误', errors: { idNumber: '身份证号校验位错误' } } },
      { status: 429, body: { statusCode: 429, code: 'TOO_MANY_ATTEMPTS', message: '查询过于频繁，请 60 分钟后再试' } },
    ]);
    await renderInPanel(<AidQueryPage />, { fields: [] });
    await ask('韦子婷', '450902201003151235');
    await screen.findByText('身份证号校验位错误');
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect((await screen.findByTestId('aid-query-message')).textContent).toBe('查询过于频繁，请 60 分钟后再试');
  });
});
