/**
 * Every section of a record export, in the order they are collected. Adding a kind of record to the export (the
 * relapse-prevention, safety and aftercare plans, medications as MedicationStatement, MAT notes, the taper) is one
 * module implementing ExportSection, added here; the builder, README, manifest and checks take it from there.
 */
import type { ExportSection } from '../types';
import { alertsSection } from './alerts';
import { assessmentsSection } from './assessments';
import { consentsSection } from './consents';
import { dischargeSummarySection } from './dischargeSummary';
import { disclosuresSection } from './disclosures';
import { intakeSection } from './intake';
import { levelOfCareSection } from './levelOfCare';
import { matSection } from './mat';
import { medicationsSection } from './medications';
import { notesSection } from './notes';
import { patientSection } from './patient';
import { recoveryPlansSection } from './recoveryPlans';
import { taperSection } from './taper';
import { treatmentPlanSection } from './treatmentPlans';
import { useLogSection } from './useLog';

export const EXPORT_SECTIONS: readonly ExportSection[] = [
  patientSection,
  intakeSection,
  useLogSection,
  assessmentsSection,
  levelOfCareSection,
  treatmentPlanSection,
  notesSection,
  medicationsSection,
  matSection,
  taperSection,
  recoveryPlansSection,
  consentsSection,
  disclosuresSection,
  alertsSection,
  dischargeSummarySection,
];
