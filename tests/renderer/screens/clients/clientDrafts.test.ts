import { describe, expect, it } from 'vitest';
import { forgetSessionMemory } from '../../../../renderer/src/beforeLock';
import { dropDraft, getDraft, keepDraft } from '../../../../renderer/src/screens/clients/clientDrafts';
import type { ClientFormValues } from '../../../../renderer/src/screens/clients/clientFormModel';

const saved: ClientFormValues = {
  legalFirstName: 'Wilhelmina',
  legalLastName: 'Achterberg',
  nameOrder: 'given-first',
  preferredName: '',
  dateOfBirth: '1980-02-02',
  pronouns: '',
  sex: 'female',
  chartNumber: 'C-000001',
  phone: '',
  email: '',
  address: '',
  emergencyName: '',
  emergencyRelationship: '',
  emergencyPhone: '',
  admissionDate: '2026-11-01',
  status: 'active',
  dischargedOn: '',
  dischargeType: '',
  assignedClinicianId: '',
  documentLanguage: 'en',
  interpreterNeeded: 'no',
};

describe('client form drafts', () => {
  it('keeps only changed values, per client, and forgets them on drop and on lock', () => {
    keepDraft('c1', saved, saved);
    expect(getDraft('c1')).toBeNull();
    keepDraft('c1', { ...saved, phone: '555-0100' }, saved);
    keepDraft(null, { ...saved, legalFirstName: 'New' }, saved);
    expect(getDraft('c1')?.phone).toBe('555-0100');
    expect(getDraft(null)?.legalFirstName).toBe('New');
    keepDraft('c1', saved, saved);
    expect(getDraft('c1')).toBeNull();
    dropDraft(null);
    expect(getDraft(null)).toBeNull();
    keepDraft('c2', { ...saved, email: 'a@example.org' }, saved);
    forgetSessionMemory();
    expect(getDraft('c2')).toBeNull();
  });
});
