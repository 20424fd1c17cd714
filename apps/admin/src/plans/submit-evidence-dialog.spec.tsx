import { fireEvent, screen, waitFor } from '@testing-library/react';
import { HttpError } from 'react-admin';
import { fieldSchema, renderInPanel, resourceSchema } from '../testing/panel-harness';
import { submitOccurrence } from './plans-api';
import { SubmitEvidenceDialog } from './submit-evidence-dialog';

jest.mock('./plans-api', () => ({ ...jest.requireActual<object>('./plans-api'), submitOccurrence: jest.fn() }));
jest.mock('../files/file-api', () => ({
  ...jest.requireActual<object>('../files/file-api'),
  fetchFileInfo: jest.fn(async (id: number) => ({ id, name: '月报.pdf', contentType: 'application/pdf', size: 2048, sha256: '', uploadedAt: '' })),
  uploadFile: jest.fn(async () => ({ id: 8, name: '新月报.pdf', contentType: 'application/pdf', size: 2048, sha256: '', uploadedAt: '' })),
}));

/** duty-occurrences as the schema describes it: the evidence and note are the occurrence's, read-only there. */
const OCCURRENCES = resourceSchema('duty-occurrences', [
  fieldSchema('evidenceFileId', 'reference', { reference: 'files', readOnly: true, label: { zh: '佐证材料', en: 'Evidence' } }),
  fieldSchema('note', 'text', { readOnly: true, label: { zh: '完成情况说明', en: 'Note' } }),
]);
const submit = submitOccurrence as jest.Mock;

async function renderDialog(target = {}) {
  const done = jest.fn();
  await renderInPanel(<SubmitEvidenceDialog target={{ id: 7, title: '每月28日前上报月报', version: 3, evidenceExpected: '盖章扫描件', ...target }} onClose={() => undefined} onDone={done} />, {
    fields: [],
    others: [OCCURRENCES],
  });
  return done;
}

describe('submitting evidence for a manual duty', () => {
  beforeEach(() => submit.mockReset());

  it('asks for the file (uploaded at once) and a note, says what evidence is expected, and sends them with the version read', async () => {
    submit.mockResolvedValue(undefined);
    const done = await renderDialog();
    expect(screen.getByText(/佐证材料要求：盖章扫描件/)).toBeTruthy();
    const picker = (await screen.findByTestId('file-input-evidenceFileId')).querySelector('input[type=file]')!;
    fireEvent.change(picker, { target: { files: [new File(['%PDF'], '新月报.pdf', { type: 'application/pdf' })] } });
    await screen.findByText(/月报\.pdf/);
    fireEvent.change(screen.getByLabelText('完成情况说明'), { target: { value: '已盖章上报' } });
    fireEvent.click(screen.getByRole('button', { name: '提交佐证' }));
    await waitFor(() => expect(submit).toHaveBeenCalledWith(7, { evidenceFileId: 8, note: '已盖章上报', version: 3 }));
    await waitFor(() => expect(done).toHaveBeenCalled());
  });

  it('the API’s refusal of a field shows on its input', async () => {
    submit.mockRejectedValue(new HttpError('提交的内容有误', 422, { statusCode: 422, code: 'VALIDATION_FAILED', message: '提交的内容有误', errors: { note: '不能超过 1000 个字' } }));
    await renderDialog({ evidenceFileId: 5 });
    await screen.findByText(/月报\.pdf/);
    fireEvent.click(screen.getByRole('button', { name: '提交佐证' }));
    expect(await screen.findByText('不能超过 1000 个字')).toBeTruthy();
  });
});
