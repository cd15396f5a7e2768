/** The client record: identity, contact, admission and who is responsible. */
import { z } from 'zod';
import { isoDate, optionalEmail, optionalPhone, optionalText, requiredText } from './common';

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
  assignedClinicianId: z.string().max(64).nullable(),
});
export type ClientInput = z.infer<typeof ClientInputSchema>;

export const ClientSchema = ClientInputSchema.extend({
  id: z.string(),
  chartNumber: z.string(),
  assignedClinicianName: z.string().nullable(),
  createdAtMs: z.number().int(),
  updatedAtMs: z.number().int(),
});
export type Client = z.infer<typeof ClientSchema>;

/** "Last, First (Preferred)" — how lists and headers show a client. */
export function clientDisplayName(
  c: Pick<Client, 'legalFirstName' | 'legalLastName' | 'preferredName'>,
): string {
  const preferred = c.preferredName && c.preferredName !== c.legalFirstName ? ` (${c.preferredName})` : '';
  return `${c.legalLastName}, ${c.legalFirstName}${preferred}`;
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
  preferredName: z.string(),
  dateOfBirth: z.string(),
  admissionDate: z.string(),
  status: ClientStatusSchema,
  assignedClinicianName: z.string().nullable(),
});
export type ClientListRow = z.infer<typeof ClientListRowSchema>;

export const ClientListPageSchema = z.object({ rows: z.array(ClientListRowSchema), total: z.number().int() });
export type ClientListPage = z.infer<typeof ClientListPageSchema>;
