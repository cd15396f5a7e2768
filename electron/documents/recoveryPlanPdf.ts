/**
 * The relapse-prevention, safety and aftercare plans as the client takes them home (CLINICAL.md §5): the calm type
 * scale, headings in the client's voice, the clinic header and the client and document named on every page, the
 * clinician's electronic signature and lines for the client to sign, and the Part 2 notice (the plan leaves the
 * clinic with the client). A print for a third party also carries the consent's scope. Each plan's sections are in
 * its own module; this one frames them.
 */
import type { Client } from '../../shared/domain/clients';
import type { ClinicProfile } from '../../shared/domain/identity';
import { RECOVERY_PLAN_TITLES, type RecoveryPlan } from '../../shared/domain/recoveryPlans';
import { aftercareSections } from './aftercarePlanPdf';
import { consentScope, type DocumentDisclosure } from './consentScope';
import {
  clientSubject,
  createDocument,
  ensureSpace,
  fields,
  finish,
  heading,
  part2Notice,
  printedTime,
  signatureLines,
  smallPrint,
  type Paper,
} from './layout';
import { relapsePreventionSections } from './relapsePreventionPdf';
import { safetyPlanSections } from './safetyPlanPdf';

export function renderRecoveryPlanPdf(input: {
  clinic: ClinicProfile;
  client: Client;
  plan: RecoveryPlan;
  /** The signed relapse-prevention plan an aftercare plan hands on, or null. */
  relapsePlan: RecoveryPlan | null;
  paper: Paper;
  createdAt: Date;
  disclosure: DocumentDisclosure | null;
}): Promise<Buffer> {
  const { plan } = input;
  const doc = createDocument({
    clinic: input.clinic,
    title: RECOVERY_PLAN_TITLES[plan.content.kind],
    subject: clientSubject(input.client),
    paper: input.paper,
    createdAt: input.createdAt,
    reader: 'client',
  });
  fields(doc, [
    ['Version', String(plan.version)],
    ['Written', printedTime(plan.createdAtMs)],
  ]);
  switch (plan.content.kind) {
    case 'relapse-prevention':
      relapsePreventionSections(doc, plan.content.plan);
      break;
    case 'safety':
      safetyPlanSections(doc, plan.content.plan, input.clinic);
      break;
    case 'aftercare':
      aftercareSections(doc, plan.content.plan, input.relapsePlan);
      break;
  }
  // The heading, both signature lines and the hash stay together.
  ensureSpace(doc, 200);
  heading(doc, 'Signatures');
  const signer = [plan.signedByName, plan.signedByCredentials].filter((s) => s && s.trim() !== '').join(', ');
  signatureLines(doc, [
    { role: 'Client' },
    {
      role: `Clinician${signer ? `: ${signer}` : ''}`,
      signed:
        plan.signedAtMs !== null
          ? { by: `Signed electronically by ${signer}`, on: printedTime(plan.signedAtMs) }
          : null,
    },
  ]);
  if (plan.contentHash) smallPrint(doc, `Content SHA-256: ${plan.contentHash}`);
  part2Notice(doc);
  if (input.disclosure) consentScope(doc, input.disclosure);
  return finish(doc);
}
