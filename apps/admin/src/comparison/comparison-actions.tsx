import type { ResourceSchema } from '@zizhu/schema';
import { ShowButton } from 'react-admin';
import { WhenWritable } from '../schema/when-writable';
import { ProgressButton } from './progress-button';
import { RunComparisonButton } from './run-comparison-button';
import { SummaryButton } from './summary-button';

/** A run's page: run it (who may change it, on a run of their own region), its progress and summary. */
export function ComparisonShowActions({ schema }: { schema: ResourceSchema }) {
  return (
    <>
      {schema.can.update && (
        <WhenWritable>
          <RunComparisonButton />
        </WhenWritable>
      )}
      <ProgressButton />
      <SummaryButton />
    </>
  );
}

/** A run's edit page: its progress, and back to its page. */
export function ComparisonEditActions() {
  return (
    <>
      <ProgressButton />
      <ShowButton />
    </>
  );
}
