/**
 * Consents to disclose (CLINICAL.md §6): each as a FHIR Consent and a row with every element and its status. At the
 * client's own request, all of them; under a consent, only that consent — the client's other consents (who else
 * receives their record, and why) are not the recipient's to know.
 */
import { listConsents } from '../../db/repositories/consents';
import {
  consentEndText,
  consentStatus,
  CONSENT_TYPE_LABELS,
  type Consent,
} from '../../../shared/domain/consents';
import { fhirId, instant, labelled, ref } from '../fhir';
import { counted, type ExportContext, type ExportSection, type FhirResource } from '../types';

export const PART2_POLICY_URI = 'https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2';

function consentResource(ctx: ExportContext, k: Consent): FhirResource {
  const c = k.consent;
  const status = consentStatus(k, ctx.today);
  return labelled({
    resourceType: 'Consent',
    id: fhirId('Consent', k.id),
    status: status === 'active' ? 'active' : 'inactive',
    scope: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }],
    },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
    patient: ref(ctx.refs.patient),
    dateTime: c.signedOn,
    organization: [ref(ctx.refs.organization)],
    policy: [{ uri: PART2_POLICY_URI }],
    provision: {
      type: 'permit',
      ...(c.expiryDate ? { period: { end: c.expiryDate } } : {}),
      actor: [
        {
          role: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
                code: 'IRCP',
                display: 'information recipient',
              },
            ],
          },
          reference: { display: c.recipient },
        },
      ],
      // Treatment, payment and operations consents name their purpose as a code; the others in words (CSV).
      purpose:
        c.type === 'tpo'
          ? [
              {
                system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
                code: 'TREAT',
                display: 'treatment',
              },
            ]
          : [],
    },
    sourceAttachment: {
      contentType: 'text/plain; charset=utf-8',
      title: `${CONSENT_TYPE_LABELS[c.type]}: ${c.informationDescription} — purpose: ${c.purpose}`,
    },
  });
}

export const consentsSection: ExportSection = {
  id: 'consents',
  label: 'Consents',
  always: true,
  collect(ctx) {
    const under = ctx.disclosure.consent;
    const consents = under ? [under] : listConsents(ctx.db, ctx.client.id);
    return {
      resources: consents.map((k) => consentResource(ctx, k)),
      tables: [
        {
          file: 'csv/consents.csv',
          description:
            'Consents to disclose: one row per consent with every element the rule requires and its status on the day of export.',
          columns: [
            'consent_id',
            'type',
            'status_on_export_day',
            'patient_name',
            'who_may_disclose',
            'information',
            'recipient',
            'recipient_address',
            'purpose',
            'how_to_revoke',
            'expiry_date',
            'expiry_event',
            'signed_by',
            'signer_name',
            'representative_authority',
            'signed_on',
            'revoked_on',
            'ended_on',
            'recorded_at_utc',
          ],
          rows: consents.map((k) => [
            k.id,
            k.consent.type,
            consentStatus(k, ctx.today),
            k.consent.patientName,
            k.consent.disclosingParty,
            k.consent.informationDescription,
            k.consent.recipient,
            k.consent.recipientAddress,
            k.consent.purpose,
            k.consent.howToRevoke,
            k.consent.expiryDate,
            // "At discharge" is a structured end: named in words here, as on the consent's own screen.
            k.consent.expiryKind === 'discharge' ? consentEndText(k.consent) : k.consent.expiryEvent,
            k.consent.signedBy,
            k.consent.signerName,
            k.consent.representativeAuthority,
            k.consent.signedOn,
            k.revocation?.revokedOn ?? null,
            k.endEvent?.happenedOn ?? null,
            instant(k.createdAtMs),
          ]),
        },
      ],
      pdfs: [],
      summary: under ? 'the consent this export is made under' : counted(consents.length, 'consent'),
    };
  },
};
