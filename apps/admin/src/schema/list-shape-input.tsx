import type { FieldSchema, FieldSchemaShape } from '@zizhu/schema';
import type { ComponentType } from 'react';
import { ArrayInput, SimpleFormIterator, type Validator } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { FieldMessageScopeProvider } from './field-message-scope';
import type { FieldInputProps, FormMode } from './field-widget';

type ListShape = Extract<FieldSchemaShape, { kind: 'list' }>;

export interface ListShapeInputProps {
  field: FieldSchema;
  shape: ListShape;
  mode: FormMode;
  source: string;
  validate: Validator[];
  disabled: boolean;
  helperText: string | false;
  /** The generic FieldInput, handed down rather than imported. */
  ItemInput: ComponentType<FieldInputProps>;
}

/**
 * A json list (tiers, approval steps, extra application fields): one row per item, each
 * item field edited by its own FieldInput (`ItemInput`), so the item declarations drive the row exactly
 * as a resource's fields drive a form. The API's errors (`tiers.1.amount`) land on the row input.
 * A single item field is handed over as one element, not a list of one: react-admin builds a
 * new row's value with `Children.only` when it counts one child, which throws on an array.
 */
export function ListShapeInput({ field, shape, mode, source, validate, disabled, helperText, ItemInput }: ListShapeInputProps) {
  const items: unknown = useWatch({ name: source });
  const count = Array.isArray(items) ? items.length : 0;
  const itemInputs = shape.itemFields.map((item) => <ItemInput key={item.key} source={item.key} field={item} mode={mode} />);
  return (
    <ArrayInput source={source} validate={validate} helperText={helperText}>
      <FieldMessageScopeProvider list={field.key}>
        <SimpleFormIterator
          inline
          disableClear
          disabled={disabled}
          disableAdd={shape.maxItems !== undefined && count >= shape.maxItems}
          disableRemove={shape.minItems !== undefined && count <= shape.minItems}
          // Rows of many item fields wrap instead of squeezing every input.
          sx={{
            '& .RaSimpleFormIterator-line': { borderBottom: 'none' },
            '& .RaSimpleFormIterator-form': { flexWrap: 'wrap', columnGap: 2, rowGap: 0 },
            '& .RaSimpleFormIterator-form > *': { minWidth: 140, flex: '1 1 140px' },
          }}
        >
          {itemInputs.length === 1 ? itemInputs[0] : itemInputs}
        </SimpleFormIterator>
      </FieldMessageScopeProvider>
    </ArrayInput>
  );
}
