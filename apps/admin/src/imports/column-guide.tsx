import { FIELD_TYPES, type FieldSchema, type ResourceSchema } from '@zizhu/schema';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { FIELD_WIDGETS } from '../schema/field-widgets';
import { choiceKey, fieldHelpKey, fieldLabelKey } from '../schema/schema-messages';

/** Fields a user can fill in a file: the writable ones. */
export function importableFields(schema: ResourceSchema): FieldSchema[] {
  return schema.fields.filter((field) => !field.readOnly && FIELD_TYPES[field.type].importable);
}

/** A table of the importable columns, generated from the schema: required or not, what to write. */
export function ColumnGuide({ schema }: { schema: ResourceSchema }) {
  const translate = useTranslate();
  const fields = importableFields(schema);
  if (fields.length === 0) return null;
  return (
    <Accordion disableGutters variant="outlined" sx={{ mt: 2 }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="subtitle2">{translate('zizhu.import.columnsTitle')}</Typography>
      </AccordionSummary>
      <AccordionDetails sx={{ p: 0 }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('zizhu.import.columnName')}</TableCell>
              <TableCell />
              <TableCell>{translate('zizhu.import.columnRule')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {fields.map((field) => (
              <TableRow key={field.key}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(fieldLabelKey(schema.name, field.key))}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={field.required ? 'warning' : 'default'}
                    variant={field.required ? 'filled' : 'outlined'}
                    label={translate(field.required ? 'zizhu.import.required' : 'zizhu.import.optional')}
                  />
                </TableCell>
                <TableCell>
                  <ColumnRule resource={schema.name} field={field} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </AccordionDetails>
    </Accordion>
  );
}

function ColumnRule({ resource, field }: { resource: string; field: FieldSchema }) {
  const translate = useTranslate();
  const help = field.help ? translate(fieldHelpKey(resource, field.key)) : null;
  const rule = FIELD_WIDGETS[field.type].importRule;
  // Imports resolve a reference by the target's code or its (unique) name.
  const target = field.reference ? translate(`resources.${field.reference}.name`, { _: '' }) : '';
  const values = (field.options ?? []).map((option) => translate(choiceKey(resource, field.key, option.value)));
  const parts = [
    help,
    rule ? translate(rule, { target }) : null,
    values.length > 0 ? translate('zizhu.import.allowedValues', { values: values.join(translate('zizhu.listSeparator')) }) : null,
  ].filter((part): part is string => Boolean(part));
  return <>{parts.join(translate('zizhu.import.ruleSeparator'))}</>;
}
