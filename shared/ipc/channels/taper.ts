/** The taper (CLINICAL.md §1.5): versions of the schedule, plan versus actual, and the client's printed schedule. */
import { z } from 'zod';
import { ProductFormSchema } from '../../domain/intake';
import { DoseUnitSchema } from '../../domain/useLog';
import {
  TaperCreateSchema,
  TaperHoldSchema,
  TaperRateSchema,
  TaperRestartSchema,
  TaperVersionSchema,
} from '../../domain/taper';
import { DocumentLanguageSchema } from '../../i18n/languages';
import { IdSchema, type ChannelSpec } from '../spec';

const Paper = z.enum(['letter', 'a4']);
const BaseVersion = z.number().int().min(1);

export const PlanActualDaySchema = z.object({
  date: z.string(),
  plannedGrams: z.number(),
  loggedGrams: z.number().nullable(),
  loggedDoses: z.number().int(),
  overPlan: z.boolean(),
  otherForms: z.array(
    z.object({
      form: ProductFormSchema,
      amounts: z.array(z.object({ amount: z.number(), unit: DoseUnitSchema })),
      doses: z.number().int(),
      strong: z.boolean(),
    }),
  ),
  strongForm: z.boolean(),
});

export const TaperViewSchema = z.object({
  current: TaperVersionSchema.nullable(),
  /** Newest first; the first is `current`. */
  versions: z.array(TaperVersionSchema),
  /** From the first step to today, as this computer's calendar reads it. */
  actual: z.array(PlanActualDaySchema),
  today: z.string(),
});
export type TaperView = z.infer<typeof TaperViewSchema>;

export const taperChannels = {
  'taper.get': {
    input: z.object({ clientId: IdSchema }).strict(),
    output: TaperViewSchema,
    access: 'user',
  },
  'taper.create': {
    input: z.object({ clientId: IdSchema, taper: TaperCreateSchema }).strict(),
    output: TaperViewSchema,
    access: 'user',
  },
  /** Holds the step in effect today; `baseVersion` is the version the clinician saw (a newer one is a conflict). */
  'taper.hold': {
    input: z.object({ clientId: IdSchema, baseVersion: BaseVersion, hold: TaperHoldSchema }).strict(),
    output: TaperViewSchema,
    access: 'user',
  },
  'taper.changeRate': {
    input: z.object({ clientId: IdSchema, baseVersion: BaseVersion, rate: TaperRateSchema }).strict(),
    output: TaperViewSchema,
    access: 'user',
  },
  'taper.restart': {
    input: z.object({ clientId: IdSchema, baseVersion: BaseVersion, restart: TaperRestartSchema }).strict(),
    output: TaperViewSchema,
    access: 'user',
  },
  /**
   * The current schedule, printed for the client to take home (for the client themself: not a disclosure), in
   * `language`, or in the client's language for documents when null.
   */
  'taper.printPdf': {
    input: z
      .object({ clientId: IdSchema, paper: Paper, language: DocumentLanguageSchema.nullable().default(null) })
      .strict(),
    output: z.object({ path: z.string() }),
    access: 'user',
  },
} as const satisfies Record<string, ChannelSpec>;
