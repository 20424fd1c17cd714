import type { Validator } from 'react-admin';

/** What every generated input receives, whatever its type. */
export interface CommonProps {
  source: string;
  validate: Validator[];
  disabled: boolean;
  helperText: string | false;
  /** A configured field's own label; declared fields take theirs from the schema's messages. */
  label?: string;
}
