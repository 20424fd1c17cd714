import { FIELD_TYPES, type FieldSchema, type ResourceSchema } from '@zizhu/schema';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FileDownloadButton } from '../files/file-download-button';
import { choiceKey, fieldLabelKey } from '../schema/schema-messages';
import { ColumnGuide, importableFields } from './column-guide';
import { templateUrl } from './import-api';
import { useResourceLabel } from './use-resource-label';

interface Tip {
  key: string;
  options: Record<string, string>;
}

/** The filling tips that apply to this resource's columns, with its own field names as examples. */
function useTips(schema: ResourceSchema, resourceLabel: string): string[] {
  const translate = useTranslate();
  const fields = importableFields(schema);
  const label = (field: FieldSchema): string => translate(fieldLabelKey(schema.name, field.key));
  const longNumbers = fields.filter((field) => FIELD_TYPES[field.type].longNumber);
  const choice = fields.find((field) => field.type === 'enum' && field.options?.length);
  const tips: (Tip | null)[] = [
    { key: 'tipOneRow', options: { resource: resourceLabel } },
    { key: 'tipHeader', options: {} },
    longNumbers.length > 0
      ? { key: 'tipText', options: { fields: longNumbers.map(label).join(translate('zizhu.listSeparator')) } }
      : null,
    choice?.options
      ? {
          key: 'tipChoices',
          options: { field: label(choice), value: translate(choiceKey(schema.name, choice.key, choice.options[0].value)) },
        }
      : null,
    { key: 'tipOwnFile', options: {} },
  ];
  return tips.filter((tip): tip is Tip => tip !== null).map((tip) => translate(`zizhu.import.${tip.key}`, tip.options));
}

/** Step 1: the template, and how to fill a file so that it imports cleanly. */
export function TemplateSection({ schema }: { schema: ResourceSchema }) {
  const translate = useTranslate();
  const label = useResourceLabel(schema.name);
  const tips = useTips(schema, label);
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('zizhu.import.templateTitle')}
        </Typography>
        <FileDownloadButton
          url={templateUrl(schema.name)}
          fallbackName={translate('zizhu.import.templateFile', { resource: label })}
          label="zizhu.import.templateButton"
        />
        <Box component="ul" sx={{ mt: 2, mb: 0, pl: 3, '& li': { mb: 0.5 } }}>
          {tips.map((tip) => (
            <Typography component="li" variant="body2" key={tip}>
              {tip}
            </Typography>
          ))}
        </Box>
        <ColumnGuide schema={schema} />
      </CardContent>
    </Card>
  );
}
