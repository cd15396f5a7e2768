/** Builders for client records with invented people. */
import type { ClientInput } from '../../shared/domain/clients';
import type { ConsentInput } from '../../shared/domain/consents';
import type { UseLogInput } from '../../shared/domain/useLog';

export const aClient = (over: Partial<ClientInput> = {}): ClientInput => ({
  legalFirstName: 'Araceli',
  legalLastName: 'Montoya-Brandt',
  nameOrder: 'given-first',
  preferredName: 'Celi',
  dateOfBirth: '1988-04-17',
  pronouns: 'she/her',
  sex: 'female',
  chartNumber: null,
  phone: '(541) 555-0110',
  email: 'celi.mb@example.org',
  address: '77 Fernhill Road, Eugene, OR 97401',
  emergencyContact: { name: 'Dario Montoya', relationship: 'brother', phone: '(541) 555-0111' },
  admissionDate: '2026-11-02',
  status: 'active',
  discharge: null,
  assignedClinicianId: null,
  documentLanguage: 'en',
  interpreterNeeded: false,
  ...over,
});

export const aDose = (over: Partial<UseLogInput> = {}): UseLogInput => ({
  takenAtMs: Date.UTC(2026, 10, 20, 15, 0),
  product: 'Green Maeng Da powder',
  form: 'leaf-powder',
  amount: 3.5,
  unit: 'g',
  trigger: 'stress',
  symptomsBetweenDoses: '',
  note: '',
  ...over,
});

export const aConsent = (over: Partial<ConsentInput> = {}): ConsentInput => ({
  type: 'single-disclosure',
  patientName: 'Araceli Montoya-Brandt',
  disclosingParty: 'Riverbend Recovery Collective',
  informationDescription: 'Attendance dates and taper progress from 1 Nov 2026 to 30 Nov 2026',
  recipient: 'Dr. Ilse Verhoeven, Cascade Family Medicine',
  recipientAddress: '4 Pine St, Eugene, OR',
  purpose: 'Coordination of buprenorphine prescribing',
  revocationRightExplained: true,
  howToRevoke: 'In writing to the clinic at any time',
  expiryKind: 'date',
  expiryDate: '2027-05-01',
  expiryEvent: '',
  signedBy: 'patient',
  signerName: 'Araceli Montoya-Brandt',
  representativeAuthority: '',
  signedOn: '2026-11-20',
  redisclosureStatementIncluded: false,
  refusalConsequencesExplained: false,
  ...over,
});
