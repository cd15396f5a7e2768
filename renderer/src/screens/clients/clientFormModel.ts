/**
 * The client form's values: flat strings, as the inputs hold them, so whatever was typed survives a refused save
 * unchanged. Converted to `ClientInput` only when sent; the server validates (one set of rules, in shared/).
 */
import type {
  Client,
  ClientInput,
  ClientStatus,
  DischargeType,
  Sex,
} from '../../../../shared/domain/clients';
import type { NameOrder } from '../../../../shared/domain/names';
import type { DocumentLanguage } from '../../../../shared/i18n/languages';

export interface ClientFormValues {
  legalFirstName: string;
  legalLastName: string;
  nameOrder: NameOrder;
  preferredName: string;
  dateOfBirth: string;
  pronouns: string;
  sex: Sex;
  chartNumber: string;
  phone: string;
  email: string;
  address: string;
  emergencyName: string;
  emergencyRelationship: string;
  emergencyPhone: string;
  admissionDate: string;
  status: ClientStatus;
  /** Asked for when the status becomes Discharged; '' until given. */
  dischargedOn: string;
  dischargeType: DischargeType | '';
  /** '' for "not assigned". */
  assignedClinicianId: string;
  documentLanguage: DocumentLanguage;
  interpreterNeeded: 'yes' | 'no';
}

/** Where the server reports an error for each form value (the input is `{ client: ClientInput }`). */
export const FIELD_PATHS = {
  legalFirstName: 'client.legalFirstName',
  legalLastName: 'client.legalLastName',
  nameOrder: 'client.nameOrder',
  preferredName: 'client.preferredName',
  dateOfBirth: 'client.dateOfBirth',
  pronouns: 'client.pronouns',
  sex: 'client.sex',
  chartNumber: 'client.chartNumber',
  phone: 'client.phone',
  email: 'client.email',
  address: 'client.address',
  emergencyName: 'client.emergencyContact.name',
  emergencyRelationship: 'client.emergencyContact.relationship',
  emergencyPhone: 'client.emergencyContact.phone',
  admissionDate: 'client.admissionDate',
  status: 'client.status',
  dischargedOn: 'client.discharge.dischargedOn',
  dischargeType: 'client.discharge.type',
  assignedClinicianId: 'client.assignedClinicianId',
  documentLanguage: 'client.documentLanguage',
  interpreterNeeded: 'client.interpreterNeeded',
} as const satisfies Record<keyof ClientFormValues, string>;

export const ALL_FIELD_PATHS: string[] = Object.values(FIELD_PATHS);

/** A new client: admitted today, active, with the signed-in clinician and the next chart number. */
export function newClientForm(defaults: {
  today: string;
  chartNumber: string;
  clinicianId: string | null;
}): ClientFormValues {
  return {
    legalFirstName: '',
    legalLastName: '',
    nameOrder: 'given-first',
    preferredName: '',
    dateOfBirth: '',
    pronouns: '',
    sex: 'not-recorded',
    chartNumber: defaults.chartNumber,
    phone: '',
    email: '',
    address: '',
    emergencyName: '',
    emergencyRelationship: '',
    emergencyPhone: '',
    admissionDate: defaults.today,
    status: 'active',
    dischargedOn: '',
    dischargeType: '',
    assignedClinicianId: defaults.clinicianId ?? '',
    documentLanguage: 'en',
    interpreterNeeded: 'no',
  };
}

export function formFromClient(c: Client): ClientFormValues {
  return {
    legalFirstName: c.legalFirstName,
    legalLastName: c.legalLastName,
    nameOrder: c.nameOrder,
    preferredName: c.preferredName,
    dateOfBirth: c.dateOfBirth,
    pronouns: c.pronouns,
    sex: c.sex,
    chartNumber: c.chartNumber,
    phone: c.phone,
    email: c.email,
    address: c.address,
    emergencyName: c.emergencyContact.name,
    emergencyRelationship: c.emergencyContact.relationship,
    emergencyPhone: c.emergencyContact.phone,
    admissionDate: c.admissionDate,
    status: c.status,
    dischargedOn: c.discharge?.dischargedOn ?? '',
    dischargeType: c.discharge?.type ?? '',
    assignedClinicianId: c.assignedClinicianId ?? '',
    documentLanguage: c.documentLanguage,
    interpreterNeeded: c.interpreterNeeded ? 'yes' : 'no',
  };
}

/** What is sent. An empty chart number asks the server for the next generated one. */
export function clientInputFrom(v: ClientFormValues): ClientInput {
  return {
    legalFirstName: v.legalFirstName,
    legalLastName: v.legalLastName,
    nameOrder: v.nameOrder,
    preferredName: v.preferredName,
    dateOfBirth: v.dateOfBirth,
    pronouns: v.pronouns,
    sex: v.sex,
    chartNumber: v.chartNumber.trim() === '' ? null : v.chartNumber,
    phone: v.phone,
    email: v.email,
    address: v.address,
    emergencyContact: {
      name: v.emergencyName,
      relationship: v.emergencyRelationship,
      phone: v.emergencyPhone,
    },
    admissionDate: v.admissionDate,
    status: v.status,
    discharge: dischargeFrom(v),
    assignedClinicianId: v.assignedClinicianId === '' ? null : v.assignedClinicianId,
    documentLanguage: v.documentLanguage,
    interpreterNeeded: v.interpreterNeeded === 'yes',
  };
}

/**
 * The discharge sent with a status of Discharged. Half-filled, it is still sent (with the missing part as typed) so
 * the server names the field that is missing; nothing is sent for any other status.
 */
function dischargeFrom(v: ClientFormValues): ClientInput['discharge'] {
  if (v.status !== 'discharged') return null;
  if (v.dischargedOn === '' && v.dischargeType === '') return null;
  return { dischargedOn: v.dischargedOn, type: v.dischargeType as DischargeType };
}
