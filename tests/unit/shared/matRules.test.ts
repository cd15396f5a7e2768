/** The pure rules of medication coordination: warnings (CLINICAL.md §1.6), the expected course (§1.4), consents. */
import { describe, expect, it } from 'vitest';
import { consentNamesPrescriber } from '../../../shared/domain/matNotes';
import { medicationWarnings, type MedicationInput } from '../../../shared/domain/medications';
import { VitalsSchema } from '../../../shared/domain/vitals';
import { coursePhase } from '../../../shared/domain/withdrawalCourse';

const med = (over: Partial<MedicationInput>): MedicationInput => ({
  medication: 'buprenorphine-naloxone',
  otherName: '',
  formulation: '',
  dose: 4,
  unit: 'mg',
  schedule: '',
  prescriber: '',
  pharmacy: '',
  phase: 'induction',
  startDate: '',
  stopDate: '',
  changeNote: '',
  opioidHistory: 'yes',
  ...over,
});
const ids = (m: MedicationInput) => medicationWarnings(m).map((w) => w.id);

describe('medication warnings', () => {
  it('warns of heart rhythm for loperamide, strongly above 8 mg', () => {
    expect(ids(med({ medication: 'loperamide', dose: 4 }))).toEqual(['loperamide']);
    expect(ids(med({ medication: 'loperamide', dose: 8 }))).toEqual(['loperamide']);
    expect(ids(med({ medication: 'loperamide', dose: 16 }))).toEqual(['loperamide-high']);
  });
  it('asks for blood pressure checks with clonidine and lofexidine', () => {
    expect(ids(med({ medication: 'clonidine', phase: 'maintenance' }))).toEqual(['blood-pressure']);
    expect(ids(med({ medication: 'lofexidine', phase: 'maintenance' }))).toEqual([
      'blood-pressure',
      'lofexidine-14-days',
    ]);
  });
  it('cautions buprenorphine induction without a known opioid history, and naltrexone before detox', () => {
    expect(ids(med({ opioidHistory: 'yes' }))).toEqual([]);
    expect(ids(med({ opioidHistory: 'no' }))).toEqual(['buprenorphine-no-opioid-history']);
    expect(ids(med({ opioidHistory: 'unknown', medication: 'buprenorphine' }))).toEqual([
      'buprenorphine-no-opioid-history',
    ]);
    expect(ids(med({ opioidHistory: 'no', phase: 'maintenance' }))).toEqual([]);
    expect(ids(med({ medication: 'naltrexone', phase: 'maintenance' }))).toEqual(['naltrexone-after-detox']);
  });
  it('says nothing for a stopped medication', () => {
    expect(ids(med({ medication: 'clonidine', phase: 'stopped', stopDate: '2026-12-01' }))).toEqual([]);
  });
});

describe('the expected course from the last dose', () => {
  it.each([
    [-1, null],
    [0, 'before-onset'],
    [5.9, 'before-onset'],
    [6, 'onset'],
    [23.9, 'onset'],
    [24, 'peak'],
    [71.9, 'peak'],
    [72, 'acute'],
    [119.9, 'acute'],
    [120, 'resolving'],
    [239.9, 'resolving'],
    [240, 'post-acute'],
    [24 * 60, 'post-acute'],
  ])('%s h → %s', (h, phase) => expect(coursePhase(h)).toBe(phase));
});

describe('vital sign ranges', () => {
  const v = (o: Partial<Record<'systolic' | 'diastolic' | 'heartRate' | 'temperatureC', number | null>>) =>
    VitalsSchema.safeParse({ systolic: null, diastolic: null, heartRate: null, temperatureC: null, ...o })
      .success;
  it('accepts the edges and refuses just beyond them', () => {
    expect(v({ systolic: 50, diastolic: 20 })).toBe(true);
    expect(v({ systolic: 260, diastolic: 160 })).toBe(true);
    expect(v({ systolic: 49, diastolic: 20 })).toBe(false);
    expect(v({ systolic: 261, diastolic: 100 })).toBe(false);
    expect(v({ heartRate: 20 })).toBe(true);
    expect(v({ heartRate: 251 })).toBe(false);
    expect(v({ heartRate: 80.5 })).toBe(false);
    expect(v({ temperatureC: 30 })).toBe(true);
    expect(v({ temperatureC: 43.1 })).toBe(false);
    expect(v({})).toBe(true);
  });
});

describe('a consent naming the prescriber', () => {
  it('matches the name whatever the case, accents or title, and never a clinic name alone', () => {
    expect(consentNamesPrescriber('Dr. Ilse Verhoeven, Cascade Family Medicine', 'Dr. Ilse Verhoeven')).toBe(
      true,
    );
    expect(consentNamesPrescriber('ILSE VERHOEVEN MD', 'Ilse Verhoeven')).toBe(true);
    expect(consentNamesPrescriber('Dr. José Núñez', 'Jose Nunez')).toBe(true);
    expect(consentNamesPrescriber('Cascade Family Medicine', 'Dr. Ilse Verhoeven')).toBe(false);
    expect(consentNamesPrescriber('Dr. Ilse Verhoevenson', 'Ilse Verhoeven')).toBe(false);
    expect(consentNamesPrescriber('Dr. Ilse Verhoeven', 'Dr.')).toBe(false);
  });
});
