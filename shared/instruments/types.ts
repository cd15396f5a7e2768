import { z } from 'zod';

/**
 * Policy: instruments are data. A definition lists its items, their allowed values, its range, its bands and its
 * flags; `score.ts` is the only code that interprets them. Labels are our own short paraphrases — the app records
 * answers, it never reprints an instrument's official wording (CLINICAL.md §2).
 *
 * Shared code: imports nothing but zod (no Node, Electron or React).
 */

export const SCORED_INSTRUMENT_IDS = ['cows', 'sows', 'phq9', 'gad7', 'auditc', 'sud'] as const;
export const ScoredInstrumentIdSchema = z.enum(SCORED_INSTRUMENT_IDS);
export type ScoredInstrumentId = z.infer<typeof ScoredInstrumentIdSchema>;

export const BAND_IDS = [
  'below-threshold',
  'minimal',
  'mild',
  'moderate',
  'moderately-severe',
  'severe',
  'positive',
  'negative',
  'none',
] as const;
export const BandIdSchema = z.enum(BAND_IDS);
export type BandId = z.infer<typeof BandIdSchema>;

export const FLAG_IDS = [
  /** PHQ-9 item 9 above 0: raised whatever the total and even when other items are unanswered. */
  'suicide-risk',
  /** AUDIT-C scored without a recorded sex: the lower (safer) threshold of 3 was used. */
  'sex-not-recorded',
  /** AUDIT-C positive with every point from the frequency item: drinking may be within limits. */
  'points-from-frequency-only',
  /** SUD checklist under medical supervision: tolerance or withdrawal was endorsed but not counted. */
  'tolerance-withdrawal-excluded',
] as const;
export const FlagIdSchema = z.enum(FLAG_IDS);
export type FlagId = z.infer<typeof FlagIdSchema>;

export const SexSchema = z.enum(['female', 'male']);
export type Sex = z.infer<typeof SexSchema>;

export const InstrumentContextSchema = z.object({
  sex: SexSchema.optional(),
  underMedicalSupervision: z.boolean().optional(),
});
export type InstrumentContext = z.infer<typeof InstrumentContextSchema>;

/** One answer in item order: a number, a boolean for yes/no items, `null` when unanswered. */
export const AnswerSchema = z.union([z.number(), z.boolean(), z.null()]);
export type Answer = z.infer<typeof AnswerSchema>;

export const InstrumentScoreSchema = z.object({
  status: z.enum(['complete', 'incomplete']),
  total: z.number().int().nullable(),
  band: BandIdSchema.nullable(),
  flags: z.array(FlagIdSchema),
});
export type InstrumentScore = z.infer<typeof InstrumentScoreSchema>;

export type Rater = 'clinician' | 'client';

/** One allowed value of a choice item, with our own short label for the UI. */
export interface ChoiceOption {
  readonly value: number;
  readonly label: string;
}

/** A context condition under which an item is recorded but not counted (DSM-5 supervision rule). */
export type ExclusionCondition = 'underMedicalSupervision';

interface ItemBase {
  /** Stable id: stored with answers and never renamed. */
  readonly id: string;
  /** Our own short paraphrase. */
  readonly label: string;
  /** How to rate the item (what to observe, over what time, what to leave out), shown with it. */
  readonly instruction?: string;
  /** Scored items count toward the total and must be answered for it to exist. */
  readonly scored: boolean;
  /** Item-level code (LOINC) where CLINICAL.md gives one. */
  readonly code?: string;
  /** Recorded, but neither counted nor required when this context condition holds. */
  readonly excludedWhen?: ExclusionCondition;
}

export interface ChoiceItem extends ItemBase {
  readonly kind: 'choice';
  /** The allowed set, ascending; it may be non-contiguous (COWS). */
  readonly options: readonly ChoiceOption[];
}

/** A yes/no item: `true` counts 1 point, `false` 0. */
export interface YesNoItem extends ItemBase {
  readonly kind: 'yes-no';
}

export type InstrumentItem = ChoiceItem | YesNoItem;

/** Inclusive range of totals mapped to a band. */
export interface Band {
  readonly min: number;
  readonly max: number;
  readonly id: BandId;
  readonly label: string;
}

/**
 * `default` applies when no sex-specific table exists or the sex is not recorded; `bySex` holds sex-specific
 * thresholds (AUDIT-C).
 */
export interface BandTable {
  readonly default: readonly Band[];
  readonly bySex?: Readonly<Partial<Record<Sex, readonly Band[]>>>;
}

/** Flags as data; each rule is evaluated by `score.ts`. */
export type FlagRule =
  /** Raised when the item is answered with a value above `above`, whatever the rest of the form holds. */
  | { readonly kind: 'item-above'; readonly flag: FlagId; readonly itemId: string; readonly above: number }
  /** Raised when a context field is not given. */
  | { readonly kind: 'context-missing'; readonly flag: FlagId; readonly field: keyof InstrumentContext }
  /** Raised when the result is complete, in `band`, and every counted point comes from `itemId`. */
  | {
      readonly kind: 'points-only-from-item';
      readonly flag: FlagId;
      readonly band: BandId;
      readonly itemId: string;
    }
  /** Raised when an item excluded by the context was endorsed (answered above 0 or true). */
  | { readonly kind: 'excluded-item-endorsed'; readonly flag: FlagId };

export interface InstrumentCoding {
  /** 'http://loinc.org' or our local code system. */
  readonly system: string;
  readonly panel: string | null;
  readonly total: string | null;
}

export interface ScoredInstrumentDefinition {
  readonly id: ScoredInstrumentId;
  /** Bumped whenever items, values, bands or flags change; stored with every administration. */
  readonly version: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly ratedBy: Rater;
  /** The period the answers refer to, in our own words. */
  readonly timeframe: string;
  readonly source: string;
  readonly items: readonly InstrumentItem[];
  readonly range: { readonly min: number; readonly max: number };
  /** `null`: no published bands, show the total only (SOWS). */
  readonly bands: BandTable | null;
  readonly flags: readonly FlagRule[];
  readonly coding: InstrumentCoding;
  /** Why the definition reads as it does, for the UI's help text and for reviewers. */
  readonly notes: readonly string[];
  /** Shown once at the top of the form, before the items (e.g. how an opioid scale reads for kratom). */
  readonly formNote?: string;
}

/**
 * COWS and SOWS are opioid withdrawal scales, used here for kratom. Seed 003: kratom "activates both stimulant and
 * opioid pathways", so its withdrawal "can involve a mix of symptoms not always seen with opioids".
 */
export const KRATOM_WITHDRAWAL_NOTE =
  'An opioid withdrawal scale, used here for kratom. Kratom acts on stimulant as well as opioid pathways, so its ' +
  'withdrawal can also look stimulant-like (low mood, fatigue, irritability, poor sleep) in ways this scale does ' +
  'not count: note them beside the score.';

export const LOINC_SYSTEM = 'http://loinc.org';
/** Local code system for instruments without a confirmed LOINC code (COWS, SOWS, SUD checklist). */
export const LOCAL_INSTRUMENT_SYSTEM = 'urn:clearleaf:instrument';
