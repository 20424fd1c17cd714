import { fireEvent, screen, waitFor } from '@testing-library/react';
import { HttpError, Notification, RecordContextProvider } from 'react-admin';
import { renderInPanel, resourceSchema } from '../testing/panel-harness';
import { CampaignActions } from './campaign-actions';
import { closeCampaign, drawCampaign } from './follow-up-api';

jest.mock('./follow-up-api', () => ({
  ...jest.requireActual<object>('./follow-up-api'),
  drawCampaign: jest.fn(),
  closeCampaign: jest.fn(),
}));

const draw = drawCampaign as jest.MockedFunction<typeof drawCampaign>;
const close = closeCampaign as jest.MockedFunction<typeof closeCampaign>;

const CAMPAIGNS = resourceSchema('follow-up-campaigns', []);
const READ_ONLY = { ...CAMPAIGNS, can: { ...CAMPAIGNS.can, update: false } };
const DRAFT = { id: 4, status: 'draft', samplePerSchool: 12, writable: true };

function renderActions(record: Record<string, unknown>, schema = CAMPAIGNS) {
  return renderInPanel(
    <RecordContextProvider value={record as never}>
      <CampaignActions schema={schema} />
      <Notification />
    </RecordContextProvider>,
    { fields: [] },
  );
}

describe('CampaignActions: 抽样 and 结束 on a campaign', () => {
  beforeEach(() => {
    draw.mockReset();
    close.mockReset();
  });

  it('draws a draft after saying what it does, and says how many families were drawn', async () => {
    draw.mockResolvedValue({ drawn: 58 });
    await renderActions(DRAFT);
    fireEvent.click(screen.getByRole('button', { name: '抽样' }));
    expect(await screen.findByText(/随机抽取 12 名/)).toBeTruthy();
    expect(draw).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(draw).toHaveBeenCalledWith(4));
    expect(await screen.findByText('已抽取 58 户，待学校回访')).toBeTruthy();
  });

  it('shows the API’s refusal', async () => {
    draw.mockRejectedValue(new HttpError('该回访活动已抽样，不能再次抽样', 409, { message: '该回访活动已抽样，不能再次抽样' }));
    await renderActions(DRAFT);
    fireEvent.click(screen.getByRole('button', { name: '抽样' }));
    fireEvent.click(await screen.findByRole('button', { name: '确定' }));
    expect(await screen.findByText('该回访活动已抽样，不能再次抽样')).toBeTruthy();
  });

  it('offers 结束活动 once drawn', async () => {
    close.mockResolvedValue(undefined);
    await renderActions({ ...DRAFT, status: 'drawn' });
    expect(screen.queryByRole('button', { name: '抽样' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '结束活动' }));
    fireEvent.click(await screen.findByRole('button', { name: '确定' }));
    await waitFor(() => expect(close).toHaveBeenCalledWith(4));
  });

  it.each([
    ['a closed campaign', { ...DRAFT, status: 'closed' }, CAMPAIGNS],
    ['a campaign read from above (a county reading the city’s)', { ...DRAFT, writable: false }, CAMPAIGNS],
    ['a role that may not change campaigns', DRAFT, READ_ONLY],
  ])('offers nothing on %s', async (_case, record, schema) => {
    await renderActions(record, schema);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
