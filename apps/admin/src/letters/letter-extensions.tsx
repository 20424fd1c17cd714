import type { ResourceExtension } from '../schema/resource-extensions';
import { LetterPaymentsField, LetterTextField } from './letter-payments-field';
import { LetterTemplateActions } from './letter-template-actions';
import { LETTER_TEMPLATES_RESOURCE, LETTERS_RESOURCE } from './letters-api';
import { MarkLettersButton } from './mark-letters-button';

/** What letters add to the generated screens: bulk marking, a letter's payments and text as they print, a template's publish and retire. */
export const LETTER_EXTENSIONS: Record<string, ResourceExtension> = {
  [LETTERS_RESOURCE]: {
    bulkActions: (schema) => (schema.can.update ? <MarkLettersButton /> : undefined),
    fieldDisplay: (field) =>
      field.key === 'payments' ? <LetterPaymentsField /> : field.key === 'content' || field.key === 'receipt' ? <LetterTextField source={field.key} /> : undefined,
  },
  [LETTER_TEMPLATES_RESOURCE]: {
    showActions: LetterTemplateActions,
    fieldDisplay: (field) => (field.key === 'body' || field.key === 'receiptText' ? <LetterTextField source={field.key} /> : undefined),
  },
};
