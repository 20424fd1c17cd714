import { Box, Button, Typography } from '@mui/material';
import { useEffect, useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { required, useTranslate } from 'react-admin';
import { AttachedFile } from '../files/file-reference-field';
import { FileReferenceInput } from '../files/file-reference-input';
import { ANSWERS_PATH, itemPaths } from './fill-answers';

/** Where the upload button puts the file it uploaded, before it joins the item's evidence (not sent to the API). */
const uploadPath = (itemKey: string): string => `${ANSWERS_PATH}.upload.${itemKey}`;

const NO_CHECKS: [] = [];
const REQUIRED = [required()];

/**
 * An item's evidence files: each attached one with its name, size and a download button, and
 * the panel's upload button (the files module checks type and size at once) to add another.
 * The ids go with the answers; the API links them to the inspection.
 */
export function EvidenceInput({ itemKey, evidenceRequired }: { itemKey: string; evidenceRequired: boolean }) {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const path = itemPaths(itemKey).evidence;
  const stored: unknown = useWatch({ name: path });
  const uploaded: unknown = useWatch({ name: uploadPath(itemKey) });
  const files = useMemo(() => (Array.isArray(stored) ? stored.filter((id): id is number => typeof id === 'number') : []), [stored]);

  // A finished upload joins the item's files, and the button is free for the next one.
  useEffect(() => {
    if (typeof uploaded !== 'number') return;
    setValue(path, [...files, uploaded], { shouldDirty: true });
    setValue(uploadPath(itemKey), null);
  }, [uploaded, files, path, itemKey, setValue]);

  const missing = evidenceRequired && files.length === 0;
  return (
    <Box data-testid={`evidence-${itemKey}`}>
      {files.map((id, index) => (
        <Box key={id} sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Typography variant="caption" color="text.secondary">
            {translate('zizhu.inspections.evidenceFile', { n: index + 1 })}
          </Typography>
          <AttachedFile id={id} />
          <Button
            size="small"
            color="inherit"
            onClick={() =>
              setValue(
                path,
                files.filter((file) => file !== id),
                { shouldDirty: true },
              )
            }
          >
            {translate('zizhu.files.remove')}
          </Button>
        </Box>
      ))}
      <FileReferenceInput
        source={uploadPath(itemKey)}
        validate={missing ? REQUIRED : NO_CHECKS}
        disabled={false}
        helperText={false}
        label={translate(evidenceRequired ? 'zizhu.inspections.evidenceRequired' : 'zizhu.inspections.evidence')}
      />
    </Box>
  );
}
