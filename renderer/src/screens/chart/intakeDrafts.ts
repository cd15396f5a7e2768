/**
 * What the intake forms hold while the clinician types: numbers and the last-dose time stay as typed text, so a
 * half-typed "2." or a rejected value is never lost or silently turned into "unknown".
 */
import {
  emptySection,
  type Intake,
  type IntakeData,
  type IntakeSectionId,
  type IntakeSectionSave,
} from '../../../../shared/domain/intake';
import { fromDateTimeLocal, toDateTimeLocal } from './dates';

type Kratom = IntakeData['kratom'];
export type KratomDraft = Omit<Kratom, 'gramsPerDose' | 'dosesPerDay' | 'yearsOfUse' | 'lastDoseAtMs'> & {
  gramsPerDose: string;
  dosesPerDay: string;
  yearsOfUse: string;
  lastDoseAt: string;
};

export type Drafts = Omit<IntakeData, 'kratom'> & { kratom: KratomDraft };

const numText = (n: number | null) => (n === null ? '' : String(n));

function kratomDraft(k: Kratom): KratomDraft {
  return {
    ...k,
    gramsPerDose: numText(k.gramsPerDose),
    dosesPerDay: numText(k.dosesPerDay),
    yearsOfUse: numText(k.yearsOfUse),
    lastDoseAt: k.lastDoseAtMs === null ? '' : toDateTimeLocal(k.lastDoseAtMs),
  };
}

/** Drafts for every section: the saved answers, or all unknown for a section not yet saved. */
export function draftsFrom(s: Intake['sections']): Drafts {
  return {
    kratom: kratomDraft(s.kratom ?? emptySection('kratom')),
    substances: s.substances ?? emptySection('substances'),
    medical: s.medical ?? emptySection('medical'),
    psychiatric: s.psychiatric ?? emptySection('psychiatric'),
    pregnancy: s.pregnancy ?? emptySection('pregnancy'),
    social: s.social ?? emptySection('social'),
    reasons: s.reasons ?? emptySection('reasons'),
  };
}

export interface LocalFieldError {
  path: string;
  message: string;
}

/** Empty text is unknown (null); text that is not a number is refused here with the schema's own words. */
function parseNumber(text: string, key: string, message: string, errors: LocalFieldError[]): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) {
    errors.push({ path: `save.data.${key}`, message });
    return null;
  }
  return n;
}

function kratomData(d: KratomDraft, errors: LocalFieldError[]): Kratom {
  const { lastDoseAt, ...rest } = d;
  const lastDoseAtMs = lastDoseAt === '' ? null : fromDateTimeLocal(lastDoseAt);
  if (lastDoseAt !== '' && lastDoseAtMs === null) {
    errors.push({ path: 'save.data.lastDoseAtMs', message: 'Enter the date and time of the last dose.' });
  }
  return {
    ...rest,
    gramsPerDose: parseNumber(d.gramsPerDose, 'gramsPerDose', 'Enter grams as a number.', errors),
    dosesPerDay: parseNumber(d.dosesPerDay, 'dosesPerDay', 'Enter doses per day as a number.', errors),
    yearsOfUse: parseNumber(d.yearsOfUse, 'yearsOfUse', 'Enter years as a number.', errors),
    lastDoseAtMs,
  };
}

/** The save request for a section, or the fields that cannot be read as typed. */
export function toSave(
  section: IntakeSectionId,
  drafts: Drafts,
): { save: IntakeSectionSave } | { errors: LocalFieldError[] } {
  const errors: LocalFieldError[] = [];
  const save = build(section, drafts, errors);
  return errors.length > 0 ? { errors } : { save };
}

// A switch rather than a generic, so each branch pairs a section id with its own data type for the union.
function build(section: IntakeSectionId, d: Drafts, errors: LocalFieldError[]): IntakeSectionSave {
  switch (section) {
    case 'kratom':
      return { section, data: kratomData(d.kratom, errors) };
    case 'substances':
      return { section, data: d.substances };
    case 'medical':
      return { section, data: d.medical };
    case 'psychiatric':
      return { section, data: d.psychiatric };
    case 'pregnancy':
      return { section, data: d.pregnancy };
    case 'social':
      return { section, data: d.social };
    case 'reasons':
      return { section, data: d.reasons };
  }
}
