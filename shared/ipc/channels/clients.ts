/** Channels for clients: the record, list and quick find, the chart, intake, the use log and Part 2 consents. */
import { z } from 'zod';
import { AlertSchema } from '../../domain/alerts';
import {
  ClientInputSchema,
  ClientListPageSchema,
  ClientListQuerySchema,
  ClientListRowSchema,
  ClientSchema,
} from '../../domain/clients';
import { ConsentInputSchema, ConsentSchema, EndEventSchema, RevocationSchema } from '../../domain/consents';
import { IntakeSchema, IntakeSectionSaveSchema } from '../../domain/intake';
import { RiskFlagSchema } from '../../domain/riskFlags';
import { TimelineEventSchema } from '../../domain/timeline';
import { UseLogEntrySchema, UseLogInputSchema } from '../../domain/useLog';
import { Empty, IdSchema, type ChannelSpec } from '../spec';

export const ChartSchema = z.object({
  client: ClientSchema,
  intake: IntakeSchema,
  riskFlags: z.array(RiskFlagSchema),
  consents: z.array(ConsentSchema),
  useLogEntries: z.number().int(),
  timeline: z.array(TimelineEventSchema),
  /** Red-flag alerts not yet acknowledged: they stay on the chart until a clinician documents an action. */
  openAlerts: z.array(AlertSchema),
});
export type Chart = z.infer<typeof ChartSchema>;

export const clientChannels = {
  'clients.list': { input: ClientListQuerySchema, output: ClientListPageSchema, access: 'user' },
  'clients.quickFind': {
    input: z.object({ search: z.string().max(100), limit: z.number().int().min(1).max(20) }).strict(),
    output: z.array(ClientListRowSchema),
    access: 'user',
  },
  'clients.nextChartNumber': { input: Empty, output: z.object({ chartNumber: z.string() }), access: 'user' },
  'clients.create': {
    input: z.object({ client: ClientInputSchema }).strict(),
    output: ClientSchema,
    access: 'user',
  },
  'clients.update': {
    input: z.object({ id: IdSchema, client: ClientInputSchema }).strict(),
    output: ClientSchema,
    access: 'user',
  },
  'clients.get': { input: z.object({ id: IdSchema }).strict(), output: ClientSchema, access: 'user' },
  'clients.chart': { input: z.object({ id: IdSchema }).strict(), output: ChartSchema, access: 'user' },
  'intake.get': { input: z.object({ clientId: IdSchema }).strict(), output: IntakeSchema, access: 'user' },
  'intake.saveSection': {
    input: z.object({ clientId: IdSchema, save: IntakeSectionSaveSchema }).strict(),
    output: IntakeSchema,
    access: 'user',
  },
  'useLog.list': {
    input: z.object({ clientId: IdSchema }).strict(),
    output: z.array(UseLogEntrySchema),
    access: 'user',
  },
  'useLog.add': {
    input: z.object({ clientId: IdSchema, entry: UseLogInputSchema }).strict(),
    output: UseLogEntrySchema,
    access: 'user',
  },
  'useLog.update': {
    input: z.object({ id: IdSchema, entry: UseLogInputSchema }).strict(),
    output: UseLogEntrySchema,
    access: 'user',
  },
  'useLog.delete': {
    input: z.object({ id: IdSchema }).strict(),
    output: z.object({ deleted: z.literal(true) }),
    access: 'user',
  },
  'consents.list': {
    input: z.object({ clientId: IdSchema }).strict(),
    output: z.array(ConsentSchema),
    access: 'user',
  },
  'consents.create': {
    input: z.object({ clientId: IdSchema, consent: ConsentInputSchema }).strict(),
    output: ConsentSchema,
    access: 'user',
  },
  'consents.revoke': {
    input: z.object({ id: IdSchema, revocation: RevocationSchema }).strict(),
    output: ConsentSchema,
    access: 'user',
  },
  /** The event an event-based consent ends on has happened: the consent is expired from that date. */
  'consents.recordEndEvent': {
    input: z.object({ id: IdSchema, endEvent: EndEventSchema }).strict(),
    output: ConsentSchema,
    access: 'user',
  },
} as const satisfies Record<string, ChannelSpec>;
