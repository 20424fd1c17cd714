import { Step, StepLabel, Stepper } from '@mui/material';
import { useTranslate } from 'react-admin';

const STEPS = ['stepTemplate', 'stepUpload', 'stepCheck', 'stepCommit'] as const;

export interface ImportStepsProps {
  /** Index of the current step; past the last one marks them all done. */
  active: number;
  /** The current step ended badly (job failed or cancelled). */
  failed?: boolean;
}

/** Where the officer is in the four steps of an import. */
export function ImportSteps({ active, failed = false }: ImportStepsProps) {
  const translate = useTranslate();
  return (
    <Stepper activeStep={active} alternativeLabel sx={{ py: 2 }}>
      {STEPS.map((step, index) => (
        <Step key={step}>
          <StepLabel error={failed && index === active}>{translate(`zizhu.import.${step}`)}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}
