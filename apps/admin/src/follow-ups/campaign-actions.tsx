import CasinoIcon from '@mui/icons-material/Casino';
import StopCircleIcon from '@mui/icons-material/StopCircle';
import type { ResourceSchema } from '@zizhu/schema';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { apiErrorMessage } from '../providers/api-error';
import { closeCampaign, drawCampaign } from './follow-up-api';

type Step = 'draw' | 'close';

/**
 * On a campaign's page, for those who may change it: 抽样 on a draft (after saying what it
 * does), 结束活动 once drawn. The API's refusal (already drawn, nobody paid) shows as a toast.
 */
export function CampaignActions({ schema }: { schema: ResourceSchema }) {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [asking, setAsking] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record || !schema.can.update || record.writable === false) return null;
  const step: Step | null = record.status === 'draft' ? 'draw' : record.status === 'drawn' ? 'close' : null;
  if (!step) return null;

  async function run(): Promise<void> {
    setBusy(true);
    try {
      if (step === 'draw') notify('zizhu.followUps.drawn', { type: 'success', messageArgs: { drawn: (await drawCampaign(record!.id)).drawn } });
      else {
        await closeCampaign(record!.id);
        notify('zizhu.followUps.closed', { type: 'success' });
      }
      refresh();
    } catch (error) {
      const message = apiErrorMessage(error) ?? 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
      setAsking(null);
    }
  }

  return (
    <>
      <Button
        label={step === 'draw' ? 'zizhu.followUps.draw' : 'zizhu.followUps.close'}
        onClick={() => setAsking(step)}
        disabled={busy}
        data-testid={`campaign-${step}`}
      >
        {step === 'draw' ? <CasinoIcon /> : <StopCircleIcon />}
      </Button>
      <Confirm
        isOpen={asking !== null}
        loading={busy}
        title={step === 'draw' ? 'zizhu.followUps.draw' : 'zizhu.followUps.close'}
        content={step === 'draw' ? 'zizhu.followUps.drawConfirm' : 'zizhu.followUps.closeConfirm'}
        translateOptions={{ count: record.samplePerSchool }}
        confirm="zizhu.followUps.confirm"
        cancel="zizhu.followUps.cancel"
        onConfirm={() => void run()}
        onClose={() => setAsking(null)}
      />
    </>
  );
}
