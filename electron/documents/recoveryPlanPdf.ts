/**
 * The relapse-prevention, safety and aftercare plans as the client takes them home (CLINICAL.md §5): the calm type
 * scale, headings in the client's voice, the clinic header and the client and document named on every page, the
 * clinician's electronic signature and lines for the client to sign, and the Part 2 notice (the plan leaves the
 * clinic with the client). A print for a third party also carries the consent's scope. Each plan's sections are in
 * its own module; this one frames them.
 */
import type { Client } from '../../shared/domain/clients';
import type { ClinicProfile } from '../../shared/domain/identity';
import type { RecoveryPlan, RecoveryPlanKind } from '../../shared/domain/recoveryPlans';
import { translator, type MessageId, type MessageOverrides } from '../../shared/i18n/catalogue';
import type { DocumentLanguage } from '../../shared/i18n/languages';
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
  signatureLines,
  smallPrint,
  type Paper,
} from './layout';
import { relapsePreventionSections } from './relapsePreventionPdf';
import { safetyPlanSections } from './safetyPlanPdf';

const PLAN_TITLES: Record<RecoveryPlanKind, MessageId> = {
  'relapse-prevention': 'relapse.title',
  safety: 'safety.title',
  aftercare: 'aftercare.title',
};

export function renderRecoveryPlanPdf(input: {
  clinic: ClinicProfile;
  client: Client;
  plan: RecoveryPlan;
  /** The signed relapse-prevention plan an aftercare plan hands on, or null. */
  relapsePlan: RecoveryPlan | null;
  paper: Paper;
  createdAt: Date;
  disclosure: DocumentDisclosure | null;
  /** The language the plan prints in (the client's, unless this print chose another). */
  language: DocumentLanguage;
  /** The clinic's own wording of fixed texts, where it has replaced the shipped ones. */
  overrides?: MessageOverrides;
}): Promise<Buffer> {
  const { plan } = input;
  const tr = translator(input.language, input.overrides);
  const doc = createDocument({
    clinic: input.clinic,
    title: tr.t(PLAN_TITLES[plan.content.kind]),
    subject: clientSubject(input.client, tr),
    paper: input.paper,
    createdAt: input.createdAt,
    reader: 'client',
    tr,
  });
  fields(doc, [
    [tr.t('plan.version'), String(plan.version)],
    [tr.t('plan.written'), tr.instant(plan.createdAtMs)],
  ]);
  switch (plan.content.kind) {
    case 'relapse-prevention':
      relapsePreventionSections(doc, plan.content.plan, input.clinic, tr);
      break;
    case 'safety':
      safetyPlanSections(doc, plan.content.plan, input.clinic, tr);
      break;
    case 'aftercare':
      aftercareSections(doc, plan.content.plan, input.relapsePlan, input.clinic, tr);
      break;
  }
  // The heading, both signature lines and the hash stay together.
  ensureSpace(doc, 200);
  heading(doc, tr.t('plan.signatures'));
  const signer = [plan.signedByName, plan.signedByCredentials].filter((s) => s && s.trim() !== '').join(', ');
  signatureLines(doc, [
    { role: tr.t('plan.client') },
    {
      role: tr.t('plan.clinician', { named: signer ? 'yes' : 'no', signer }),
      signed:
        plan.signedAtMs !== null
          ? { by: tr.t('plan.signedBy', { signer }), on: tr.instant(plan.signedAtMs) }
          : null,
    },
  ]);
  if (plan.contentHash) smallPrint(doc, tr.t('plan.hash', { hash: plan.contentHash }));
  // The client's own copy says whom the notice binds; a disclosure is bound by it.
  part2Notice(doc, { ownCopy: input.disclosure === null });
  if (input.disclosure) consentScope(doc, input.disclosure);
  return finish(doc);
}
