import type { Locator, Page } from 'playwright-core';

export interface ClientFormValues {
  legalFirstName?: string;
  legalLastName?: string;
  preferredName?: string;
  dateOfBirth?: string;
  pronouns?: string;
  sex?: 'Female' | 'Male' | 'Intersex' | 'Not recorded';
  phone?: string;
  email?: string;
  address?: string;
  emergencyName?: string;
  emergencyRelationship?: string;
  emergencyPhone?: string;
  chartNumber?: string;
  admissionDate?: string;
  status?: 'Active' | 'On hold' | 'Discharged';
  nameOrder?: 'Given name first' | 'Family name first';
  dischargedOn?: string;
  dischargeType?:
    | 'Completed treatment'
    | 'Transferred'
    | 'Left against advice'
    | 'Administrative'
    | 'Lost contact'
    | 'Other';
}

/** The field of each value: the emergency contact's fields are labelled inside their own group. */
const FIELDS: Record<keyof ClientFormValues, [group: string, label: string]> = {
  legalFirstName: ['Identity', 'Legal first name'],
  legalLastName: ['Identity', 'Legal last name'],
  preferredName: ['Identity', 'Preferred name'],
  dateOfBirth: ['Identity', 'Date of birth'],
  pronouns: ['Identity', 'Pronouns'],
  sex: ['Identity', 'Sex'],
  phone: ['Contact', 'Phone'],
  email: ['Contact', 'Email'],
  address: ['Contact', 'Address'],
  emergencyName: ['Emergency contact', 'Name'],
  emergencyRelationship: ['Emergency contact', 'Relationship'],
  emergencyPhone: ['Emergency contact', 'Phone'],
  chartNumber: ['Care', 'Chart number'],
  admissionDate: ['Care', 'Admission date'],
  status: ['Care', 'Status'],
  nameOrder: ['Identity', 'Name order'],
  dischargedOn: ['Care', 'Discharge date'],
  dischargeType: ['Care', 'Discharge type'],
};

const SELECTS = new Set<keyof ClientFormValues>(['sex', 'status', 'nameOrder', 'dischargeType']);

export class ClientFormPage {
  constructor(private readonly page: Page) {}

  heading(name: 'New client' | 'Edit client' = 'New client') {
    return this.page.getByRole('heading', { name, level: 1 });
  }

  field(key: keyof ClientFormValues | 'assignedClinician'): Locator {
    if (key === 'assignedClinician') return this.page.getByLabel('Assigned clinician');
    const [group, label] = FIELDS[key];
    return this.group(group).getByLabel(label, { exact: true });
  }

  private group(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  async fill(values: ClientFormValues) {
    for (const [key, value] of Object.entries(values) as Array<[keyof ClientFormValues, string]>) {
      if (SELECTS.has(key)) await this.field(key).selectOption({ label: value });
      else await this.field(key).fill(value);
    }
  }

  async submit() {
    await this.page.getByRole('button', { name: /^(Create client|Save changes)$/ }).click();
  }

  /** The message shown beside a field. */
  fieldError(key: keyof ClientFormValues) {
    const [group, label] = FIELDS[key];
    // `has` is matched inside each .field, so it names the input by its label alone.
    return this.group(group)
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }

  formError() {
    return this.page.locator('form .banner--error');
  }
}
