/** The client record: identity, contact, admission and who is responsible. */
import { z } from 'zod';
import { isoDate, optionalEmail, optionalPhone, optionalText, requiredText } from './common';
import { DocumentLanguageSchema } from '../i18n/languages';
import { fullName, listName, NAME_ORDERS } from './names';

export const CLIENT_STATUSES = ['active', 'on-hold', 'discharged'] as const;
export const ClientStatusSchema = z.enum(CLIENT_STATUSES);
export type ClientStatus = z.infer<typeof ClientStatusSchema>;

export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = {
  active: 'Active',
  'on-hold': 'On hold',
  discharged: 'Discharged',
};

/** Sex recorded for scoring (AUDIT-C cut-offs differ for women and men); not gender identity. */
export const SexSchema = z.enum(['female', 'male', 'intersex', 'not-recorded']);
export type Sex = z.infer<typeof SexSchema>;

/**
 * How a client left care (CLINICAL.md §5, discharge summary: "discharge type (completed, transferred, left against
 * advice, administrative, lost contact, other)"). Setting a client to Discharged (in Edit details, or by signing a
 * discharge summary) records the date and one of these, so the status never changes silently.
 */
export const DISCHARGE_TYPES = [
  'completed',
  'transferred',
  'left-against-advice',
  'administrative',
  'lost-contact',
  'other',
] as const;
export const DischargeTypeSchema = z.enum(DISCHARGE_TYPES, { error: 'Choose how the client left care.' });
export type DischargeType = z.infer<typeof DischargeTypeSchema>;
export const DISCHARGE_TYPE_LABELS: Record<DischargeType, string> = {
  completed: 'Completed treatment',
  transferred: 'Transferred',
  'left-against-advice': 'Left against advice',
  administrative: 'Administrative',
  'lost-contact': 'Lost contact',
  other: 'Other',
};

export const DischargeSchema = z.object({
  dischargedOn: isoDate('Discharge date'),
  type: DischargeTypeSchema,
});
export type Discharge = z.infer<typeof DischargeSchema>;

export const NameOrderSchema = z.enum(NAME_ORDERS);

export const ChartNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, 'The chart number cannot be empty.')
  .max(20, 'The chart number must be at most 20 characters.')
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'Use letters, digits and dashes only.');

export const EmergencyContactSchema = z.object({
  name: optionalText('Emergency contact name', 120),
  relationship: optionalText('Relationship', 60),
  phone: optionalPhone,
});

/** The longest name the server takes; the page's name fields stop typing and pasting there too. */
export const CLIENT_NAME_MAX = 100;

export const ClientInputSchema = z.object({
  legalFirstName: requiredText('Legal first name', CLIENT_NAME_MAX),
  legalLastName: requiredText('Legal last name', CLIENT_NAME_MAX),
  /** How the client writes their name: family name first (Vietnamese, Chinese, Korean, Hungarian...) or last. */
  nameOrder: NameOrderSchema,
  preferredName: optionalText('Preferred name', CLIENT_NAME_MAX),
  dateOfBirth: isoDate('Date of birth'),
  pronouns: optionalText('Pronouns', 40),
  sex: SexSchema,
  /** Null asks for the next generated number. */
  chartNumber: ChartNumberSchema.nullable(),
  phone: optionalPhone,
  email: optionalEmail,
  address: optionalText('Address', 500),
  emergencyContact: EmergencyContactSchema,
  admissionDate: isoDate('Admission date'),
  status: ClientStatusSchema,
  /**
   * Required when the status becomes Discharged (checked by the server, which knows the previous status); ignored
   * otherwise. The record of an earlier discharge is never changed through this field.
   */
  discharge: DischargeSchema.nullable(),
  assignedClinicianId: z.string().max(64).nullable(),
  /**
   * The language the client's take-home documents print in (issue 14); a single print may choose another. A caller
   * that does not send it (a script or import written before the field) gets English, as every document was before.
   */
  documentLanguage: DocumentLanguageSchema.default('en'),
  /** The client needs an interpreter for sessions and for going over documents. */
  interpreterNeeded: z.boolean().default(false),
});
export type ClientInput = z.infer<typeof ClientInputSchema>;

export const ClientSchema = ClientInputSchema.extend({
  id: z.string(),
  /** The latest recorded discharge while the client is discharged, else null. */
  discharge: DischargeSchema.extend({ recordedAtMs: z.number().int() }).nullable(),
  chartNumber: z.string(),
  assignedClinicianName: z.string().nullable(),
  createdAtMs: z.number().int(),
  updatedAtMs: z.number().int(),
});
export type Client = z.infer<typeof ClientSchema>;

/** "Family, Given (Preferred)" — how lists show a client, whatever their name order (see names.ts). */
export function clientDisplayName(
  c: Pick<Client, 'legalFirstName' | 'legalLastName' | 'preferredName'>,
): string {
  const preferred = c.preferredName && c.preferredName !== c.legalFirstName ? ` (${c.preferredName})` : '';
  return `${listName(c)}${preferred}`;
}

/** The full name in the client's own order, with the preferred name in brackets: how the chart header names them. */
export function clientFullName(
  c: Pick<Client, 'legalFirstName' | 'legalLastName' | 'preferredName' | 'nameOrder'>,
): string {
  const preferred = c.preferredName && c.preferredName !== c.legalFirstName ? ` (${c.preferredName})` : '';
  return `${fullName(c)}${preferred}`;
}

/** Sortable columns: each is served by an index, so sorting stays instant at 50,000 clients. */
export const CLIENT_SORT_COLUMNS = ['name', 'chartNumber', 'dateOfBirth', 'admissionDate', 'status'] as const;
export type ClientSortColumn = (typeof CLIENT_SORT_COLUMNS)[number];

export const ClientListQuerySchema = z.object({
  search: z.string().trim().max(100, 'Search at most 100 characters.'),
  statuses: z.array(ClientStatusSchema).max(3),
  clinicianId: z.string().max(64).nullable(),
  sort: z.object({ column: z.enum(CLIENT_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) }),
  page: z.number().int().min(0).max(1_000_000),
  pageSize: z.number().int().min(1).max(200),
});
export type ClientListQuery = z.infer<typeof ClientListQuerySchema>;

export const ClientListRowSchema = z.object({
  id: z.string(),
  chartNumber: z.string(),
  legalFirstName: z.string(),
  legalLastName: z.string(),
  nameOrder: NameOrderSchema,
  preferredName: z.string(),
  dateOfBirth: z.string(),
  admissionDate: z.string(),
  status: ClientStatusSchema,
  assignedClinicianName: z.string().nullable(),
});
export type ClientListRow = z.infer<typeof ClientListRowSchema>;

export const ClientListPageSchema = z.object({ rows: z.array(ClientListRowSchema), total: z.number().int() });
export type ClientListPage = z.infer<typeof ClientListPageSchema>;
