import type { FieldSchema, ResourceSchema } from '@zizhu/schema';
import type { ComponentType, ReactElement } from 'react';
import type { Validator } from 'react-admin';
import type { Choice } from './field-choices';
import type { CommonProps } from './field-input-props';

export type FormMode = 'create' | 'edit';

export interface FieldInputProps {
  field: FieldSchema;
  mode: FormMode;
  /** Read by react-admin layouts: the field key (`<json field>.<key>` for a configured answer). */
  source: string;
  /** A configured field: its label, help and choices are its own texts, not the schema's i18n keys. */
  configured?: boolean;
}

export interface FieldDisplayProps {
  field: FieldSchema;
  /** Read by Datagrid headers and Labeled to build the label and sort. */
  source: string;
  sortable?: boolean;
  /** Offer the "Reveal" button on masked values (Show and Edit views, not lists). */
  reveal?: boolean;
  /** A configured field (see FieldInputProps), shown as compact text among its form's answers. */
  configured?: boolean;
}

/** The generic builders, handed to widgets that nest fields (list items, answers) or show one read-only. */
export interface FieldBuilders {
  FieldInput: ComponentType<FieldInputProps>;
  FieldDisplay: ComponentType<FieldDisplayProps>;
}

/** Enum choices as react-admin takes them: i18n keys (declared fields) or the texts themselves (configured ones). */
export interface ChoiceList {
  choices: Choice[];
  translateChoice: boolean;
}

export interface WidgetInputProps {
  field: FieldSchema;
  mode: FormMode;
  common: CommonProps;
  choices: ChoiceList;
  builders: FieldBuilders;
}

export interface WidgetDisplayProps {
  field: FieldSchema;
  source: string;
  reveal: boolean;
  configured: boolean;
  choices: ChoiceList;
  builders: Pick<FieldBuilders, 'FieldDisplay'>;
}

export interface WidgetFilterProps {
  field: FieldSchema;
  source: string;
  resource: string;
  /** The label of a range bound (出生日期 从); the field's own otherwise. */
  label?: string;
  /** The referenced resource, when the user may list it. */
  target?: ResourceSchema;
}

/**
 * What the panel shows for one field type: its input, its display, its list filters, the
 * import guide's hint, and a check the browser runs before the server does. One entry per
 * `FieldType` (field-widgets.tsx), beside the engine's FIELD_TYPES entry in @zizhu/schema.
 */
export interface FieldWidget {
  Input: ComponentType<WidgetInputProps>;
  Display: ComponentType<WidgetDisplayProps>;
  /**
   * A list filter on exact values (an element react-admin's filter form reads the source
   * and label of, so a plain function, not a component); null: lists cannot filter by it.
   */
  filter: ((props: WidgetFilterProps) => ReactElement) | null;
  /** One bound of a range filter (`_gte` / `_lte`); a text input when left out. */
  rangeFilter?: (props: WidgetFilterProps) => ReactElement;
  /** The import column guide's one-line hint (i18n key), where the format is not obvious. */
  importRule?: string;
  /** A format check in the browser (the server checks again). */
  validate?: Validator;
  /** A min/max bound as the user types values of this type (money: yuan, where the schema holds fen). */
  boundText?: (value: number) => string;
}
