/**
 * Intake (CLINICAL.md §1.1), saved in sections so a clinician can stop and resume. Unknown is always allowed:
 * `null` means "not asked yet" and is never read as "no".
 */
import { z } from 'zod';
import { optionalText } from './common';

export const PRODUCT_FORMS = ['leaf-powder', 'capsules', 'extract', 'shot', '7-oh-product', 'other'] as const;
export const ProductFormSchema = z.enum(PRODUCT_FORMS);
export type ProductForm = z.infer<typeof ProductFormSchema>;
export const PRODUCT_FORM_LABELS: Record<ProductForm, string> = {
  'leaf-powder': 'Leaf powder',
  capsules: 'Capsules',
  extract: 'Extract',
  shot: 'Liquid shot',
  '7-oh-product': '7-OH (7-hydroxymitragynine) product',
  other: 'Other',
};
/** Forms far more potent than leaf: a small-looking dose is not a small dose. */
export const POTENT_FORMS: readonly ProductForm[] = ['extract', 'shot', '7-oh-product'];

/** The forms in words, in PRODUCT_FORMS order: "Leaf powder, Liquid shot". */
export function productFormsText(forms: readonly ProductForm[]): string {
  return PRODUCT_FORMS.filter((f) => forms.includes(f))
    .map((f) => PRODUCT_FORM_LABELS[f])
    .join(', ');
}

const yesNo = z.boolean().nullable();
const note = (label: string) => optionalText(label, 2000);

export const UseStatusSchema = z.enum(['never', 'past', 'current']).nullable();

export const KratomSectionSchema = z.object({
  productForms: z.array(ProductFormSchema).max(PRODUCT_FORMS.length),
  productNotes: note('Product notes'),
  gramsPerDose: z
    .number({ error: 'Enter grams as a number.' })
    .min(0, 'Grams per dose cannot be negative.')
    .max(100, 'Grams per dose must be at most 100.')
    .nullable(),
  dosesPerDay: z
    .number({ error: 'Enter doses per day as a number.' })
    .int('Use a whole number of doses.')
    .min(0, 'Doses per day cannot be negative.')
    .max(50, 'Doses per day must be at most 50.')
    .nullable(),
  yearsOfUse: z
    .number({ error: 'Enter years as a number.' })
    .min(0, 'Years of use cannot be negative.')
    .max(80, 'Years of use must be at most 80.')
    .nullable(),
  lastDoseAtMs: z.number().int().nullable(),
  wakesInWithdrawal: yesNo,
  dosesOvernight: yesNo,
  withdrawalDerailedQuitting: yesNo,
  priorQuitAttempts: note('Earlier attempts to stop'),
});

export const SubstancesSectionSchema = z.object({
  alcohol: UseStatusSchema,
  benzodiazepines: UseStatusSchema,
  opioids: UseStatusSchema,
  stimulants: UseStatusSchema,
  otherSubstances: note('Other substances'),
  priorOpioidUse: yesNo,
  startedKratomToStopOpioids: yesNo,
  notes: note('Notes'),
});

export const MedicalSectionSchema = z.object({
  heartRhythm: yesNo,
  liver: yesNo,
  seizures: yesNo,
  otherConditions: note('Other conditions'),
  currentMedications: note('Current medications'),
});

export const PsychiatricSectionSchema = z.object({
  depression: yesNo,
  panic: yesNo,
  trauma: yesNo,
  suicidalThoughts: yesNo,
  notes: note('Notes'),
});

export const PregnancySectionSchema = z.object({
  status: z.enum(['not-applicable', 'not-pregnant', 'pregnant', 'postpartum', 'unknown']).nullable(),
  notes: note('Notes'),
});

export const SocialSectionSchema = z.object({
  livingSituation: note('Living situation'),
  supports: note('Supports'),
  accessToTriggers: z.enum(['low', 'moderate', 'high']).nullable(),
  work: note('Work or school'),
});

export const ReasonsSectionSchema = z.object({
  reasons: note('Reasons for seeking care'),
  goals: note("Client's own goals"),
});

export const INTAKE_SECTIONS = {
  kratom: { title: 'Kratom use', schema: KratomSectionSchema },
  substances: { title: 'Other substances', schema: SubstancesSectionSchema },
  medical: { title: 'Medical history', schema: MedicalSectionSchema },
  psychiatric: { title: 'Mental health history', schema: PsychiatricSectionSchema },
  pregnancy: { title: 'Pregnancy', schema: PregnancySectionSchema },
  social: { title: 'Home and supports', schema: SocialSectionSchema },
  reasons: { title: 'Reasons for seeking care', schema: ReasonsSectionSchema },
} as const;

export type IntakeSectionId = keyof typeof INTAKE_SECTIONS;
export const INTAKE_SECTION_IDS = Object.keys(INTAKE_SECTIONS) as IntakeSectionId[];
export const IntakeSectionIdSchema = z.enum(INTAKE_SECTION_IDS as [IntakeSectionId, ...IntakeSectionId[]]);

export type IntakeData = {
  [K in IntakeSectionId]: z.infer<(typeof INTAKE_SECTIONS)[K]['schema']>;
};

/** A section save: the section id and its data, checked against that section's schema. */
export const IntakeSectionSaveSchema = z.discriminatedUnion('section', [
  z.object({ section: z.literal('kratom'), data: KratomSectionSchema }),
  z.object({ section: z.literal('substances'), data: SubstancesSectionSchema }),
  z.object({ section: z.literal('medical'), data: MedicalSectionSchema }),
  z.object({ section: z.literal('psychiatric'), data: PsychiatricSectionSchema }),
  z.object({ section: z.literal('pregnancy'), data: PregnancySectionSchema }),
  z.object({ section: z.literal('social'), data: SocialSectionSchema }),
  z.object({ section: z.literal('reasons'), data: ReasonsSectionSchema }),
]);
export type IntakeSectionSave = z.infer<typeof IntakeSectionSaveSchema>;

export const IntakeSchema = z.object({
  clientId: z.string(),
  /** Saved sections only; a missing key means the section has not been started. */
  sections: z.object({
    kratom: KratomSectionSchema.nullable(),
    substances: SubstancesSectionSchema.nullable(),
    medical: MedicalSectionSchema.nullable(),
    psychiatric: PsychiatricSectionSchema.nullable(),
    pregnancy: PregnancySectionSchema.nullable(),
    social: SocialSectionSchema.nullable(),
    reasons: ReasonsSectionSchema.nullable(),
  }),
  savedAtMs: z.record(z.string(), z.number().int()),
});
export type Intake = z.infer<typeof IntakeSchema>;

/** Empty data for a section that has not been saved: every answer unknown. */
export function emptySection<K extends IntakeSectionId>(section: K): IntakeData[K] {
  const empty: IntakeData = {
    kratom: {
      productForms: [],
      productNotes: '',
      gramsPerDose: null,
      dosesPerDay: null,
      yearsOfUse: null,
      lastDoseAtMs: null,
      wakesInWithdrawal: null,
      dosesOvernight: null,
      withdrawalDerailedQuitting: null,
      priorQuitAttempts: '',
    },
    substances: {
      alcohol: null,
      benzodiazepines: null,
      opioids: null,
      stimulants: null,
      otherSubstances: '',
      priorOpioidUse: null,
      startedKratomToStopOpioids: null,
      notes: '',
    },
    medical: { heartRhythm: null, liver: null, seizures: null, otherConditions: '', currentMedications: '' },
    psychiatric: { depression: null, panic: null, trauma: null, suicidalThoughts: null, notes: '' },
    pregnancy: { status: null, notes: '' },
    social: { livingSituation: '', supports: '', accessToTriggers: null, work: '' },
    reasons: { reasons: '', goals: '' },
  };
  return empty[section];
}

/**
 * Leaf grams a day from the intake's grams per dose × doses per day, or null when either is unknown — or when an
 * extract, shot or 7-OH product is among the forms: the intake has one grams-per-dose figure for all forms, and
 * strong forms are never added into leaf grams (CLINICAL.md §1.5, §3: "the dose only looks smaller").
 */
export function intakeLeafGramsPerDay(kratom: Intake['sections']['kratom']): number | null {
  if (!kratom || kratom.gramsPerDose === null || kratom.dosesPerDay === null) return null;
  if (kratom.productForms.some((f) => POTENT_FORMS.includes(f))) return null;
  return Math.round(kratom.gramsPerDose * kratom.dosesPerDay * 10) / 10;
}
