import { fireEvent, screen, within } from '@testing-library/react';
import { Form } from 'react-admin';
import { fieldSchema, renderInPanel } from '../testing/panel-harness';
import { RecurrenceInput } from './recurrence-input';

const SUBMIT = 'submit-form';
const FIELDS = [fieldSchema('recurrence', 'string', { label: { zh: '重复规则', en: 'Recurrence' }, required: true }), fieldSchema('startDate', 'date')];

/** The picker in a form whose duty starts on 2099-01-01 (a start after today: the preview counts from it, whatever the day). */
async function renderPicker(rule?: string, onSubmit: (values: Record<string, unknown>) => void = () => undefined) {
  return renderInPanel(
    <Form record={{ startDate: '2099-01-01', recurrence: rule }} onSubmit={onSubmit}>
      <RecurrenceInput source="recurrence" required />
      <button type="submit">{SUBMIT}</button>
    </Form>,
    { fields: FIELDS },
  );
}

const rule = () => (screen.getByTestId('recurrence-rule') as HTMLInputElement).value;

async function chooseKind(label: string) {
  fireEvent.mouseDown(within(screen.getByTestId('recurrence-input-recurrence')).getAllByRole('combobox')[0]);
  fireEvent.click(await screen.findByRole('option', { name: label }));
}

describe('the recurrence picker', () => {
  it('a monthly day makes the rule, and the next due dates from the duty’s start show under it', async () => {
    const submitted = jest.fn();
    await renderPicker(undefined, submitted);
    fireEvent.change(screen.getByTestId('recurrence-day'), { target: { value: '28' } });
    expect(rule()).toBe('FREQ=MONTHLY;BYMONTHDAY=28');
    expect(screen.getByTestId('recurrence-preview').textContent).toContain('2099-01-28、2099-02-28、2099-03-28、2099-04-28、2099-05-28');
    expect(screen.getByTestId('recurrence-preview').textContent).toContain('不考虑法定节假日');
    fireEvent.click(screen.getByText(SUBMIT));
    await screen.findByText(SUBMIT);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(submitted).toHaveBeenCalledWith(expect.objectContaining({ recurrence: 'FREQ=MONTHLY;BYMONTHDAY=28' }), expect.anything());
  });

  it('yearly on a month and day', async () => {
    await renderPicker('FREQ=MONTHLY;BYMONTHDAY=20');
    await chooseKind('每年');
    fireEvent.mouseDown(within(screen.getByTestId('recurrence-input-recurrence')).getAllByRole('combobox')[1]);
    fireEvent.click(await screen.findByRole('option', { name: '5月' }));
    fireEvent.change(screen.getByTestId('recurrence-day'), { target: { value: '25' } });
    expect(rule()).toBe('FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=25');
    // Only the plan's year: the duty's occurrences stop with it.
    expect(screen.getByTestId('recurrence-preview').textContent).toContain('接下来的截止日：2099-05-25（');
  });

  it('a stored rule opens as its preset: the last day of November', async () => {
    await renderPicker('FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1');
    expect(screen.getByText('每年')).toBeTruthy();
    expect((screen.getByTestId('recurrence-day') as HTMLInputElement).value).toBe('-1');
    expect(screen.getByTestId('recurrence-preview').textContent).toContain('2099-11-30');
  });

  it('a raw rule is typed as is; one the API would refuse says why at once', async () => {
    await renderPicker('FREQ=MONTHLY;BYMONTHDAY=20');
    await chooseKind('自定义 RRULE');
    fireEvent.change(screen.getByTestId('recurrence-rule'), { target: { value: 'FREQ=HOURLY' } });
    expect(await screen.findByText('频率最细为每天（DAILY）')).toBeTruthy();
    fireEvent.change(screen.getByTestId('recurrence-rule'), { target: { value: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO' } });
    expect(screen.getByTestId('recurrence-preview').textContent).toContain('2099-01-12、2099-01-26');
  });
});
