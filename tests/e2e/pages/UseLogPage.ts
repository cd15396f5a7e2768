import type { Page } from 'playwright-core';

export interface Dose {
  /** A `datetime-local` value, "2026-11-20T08:30". */
  when: string;
  /** The amount, typed into "Amount"; the unit is left as it is (grams unless chosen otherwise). */
  amount: string;
  /** Typed over the product carried from the last dose; left alone when omitted. */
  product?: string;
  trigger?: string;
}

/** The use-log tab: the keyboard entry row, the baseline, the chart and the table of doses. */
export class UseLogPage {
  constructor(private readonly page: Page) {}

  panel() {
    return this.page.getByRole('tabpanel', { name: /^Use log/ });
  }

  entryForm() {
    return this.panel().getByRole('form', { name: /^(Log a dose|Edit dose)$/ });
  }

  field(label: string) {
    return this.entryForm().getByLabel(label, { exact: true });
  }

  fieldError(label: string) {
    return this.entryForm()
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }

  status() {
    return this.entryForm().getByRole('status');
  }

  /**
   * Logs one dose from the keyboard as a clinician would: the time typed into the date-time field's segments, Tab
   * through the row, Enter to save. Focus must be on "Taken at" (where it returns after each save).
   */
  async logByKeyboard(dose: Dose) {
    const k = this.page.keyboard;
    const { date, time } = dateTimeKeys(dose.when);
    await k.type(date);
    await k.press('Tab'); // the year segment takes up to six digits, so it does not advance by itself
    await k.type(time);
    // Out of the field's last segment (and past its picker button) to Product, whose text is then selected.
    for (let i = 0; i < 3 && (await this.focusedLabel()) !== 'Product'; i++) await k.press('Tab');
    if (dose.product !== undefined) await k.type(dose.product);
    await k.press('Tab'); // Form
    await k.press('Tab'); // Amount
    await k.type(dose.amount);
    await k.press('Tab'); // Unit
    await k.press('Tab'); // Trigger
    if (dose.trigger !== undefined) await this.page.locator(':focus').selectOption({ label: dose.trigger });
    await k.press('Enter');
  }

  /** The label of the focused element, to check where focus went. */
  focusedLabel() {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLInputElement || el instanceof HTMLSelectElement
        ? (el.labels?.[0]?.textContent ?? '')
        : (el?.tagName ?? '');
    });
  }

  baseline() {
    return this.panel().getByRole('region', { name: /^Baseline/ });
  }

  figure(testId: 'mean-doses' | 'mean-grams' | 'top-triggers') {
    return this.baseline().getByTestId(testId);
  }

  baselineIncomplete() {
    return this.baseline().getByTestId('baseline-incomplete');
  }

  baselineFigure(term: string) {
    return this.baseline().locator('dl > div', { hasText: term }).locator('dd');
  }

  chart() {
    return this.panel().getByRole('img', { name: /Use per day/ });
  }

  doseBars() {
    return this.panel().locator('.use-chart__panel--doses .use-chart__bar');
  }

  dailyTable() {
    return this.panel().getByRole('table', { name: 'Doses (all forms) and leaf grams per day' });
  }

  /** The baseline's per-form table: one row per form group, with doses and amount a day. */
  byFormRows() {
    return this.baseline().getByTestId('baseline-by-form').locator('tbody tr');
  }

  strongForms() {
    return this.baseline().getByTestId('strong-forms');
  }

  doseRows() {
    return this.panel()
      .getByRole('table', { name: 'Logged doses, newest first' })
      .locator('tbody tr:not(.use-table__day)');
  }
}

/**
 * The keys that type "2026-11-20T19:05" into Chromium's en-US date-time field, in two runs: the date (month,
 * day, year) and the time (hour, minute, AM/PM); each segment but the year moves on once it is full.
 */
export function dateTimeKeys(value: string): { date: string; time: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) throw new Error(`not a datetime-local value: ${value}`);
  const [, y = '', mo = '', d = '', h = '', mi = ''] = m;
  const hour = Number(h);
  const h12 = String(hour % 12 === 0 ? 12 : hour % 12).padStart(2, '0');
  return { date: `${mo}${d}${y}`, time: `${h12}${mi}${hour < 12 ? 'A' : 'P'}` };
}
