/**
 * Signed discharge summaries: each as its PDF (the builder adds its DocumentReference to the Bundle) and one CSV row
 * with the dates, how the client left care, who signed with what credentials, and the SHA-256 of the signed
 * content. Drafts are not part of the record and are not exported.
 */
import { DISCHARGE_TYPE_LABELS } from '../../../shared/domain/clients';
import { DISCHARGE_SUMMARY_TITLE } from '../../../shared/domain/dischargeSummary';
import { dischargeSummaryFromRow, listDischargeSummaryRows } from '../../db/repositories/dischargeSummaries';
import { renderDischargeSummaryPdf } from '../../documents/dischargeSummaryPdf';
import { instant } from '../fhir';
import { counted, type ExportPdf, type ExportSection } from '../types';

export const dischargeSummarySection: ExportSection = {
  id: 'discharge-summary',
  label: 'Discharge summary',
  async collect(ctx) {
    const summaries = listDischargeSummaryRows(ctx.db, ctx.client.id)
      .map(dischargeSummaryFromRow)
      .filter((s) => s.signedAtMs !== null)
      .reverse();
    const { disclosure } = ctx;
    const pdfs: ExportPdf[] = [];
    const files = new Map<string, string>();
    for (const s of summaries) {
      const on = s.content.written.dischargedOn;
      const file = `pdf/discharge-summary-${on}-${s.id.slice(0, 8)}.pdf`;
      files.set(s.id, file);
      pdfs.push({
        file,
        title: `${DISCHARGE_SUMMARY_TITLE}, discharged ${on}`,
        description: `${DISCHARGE_SUMMARY_TITLE} of the discharge on ${on}, signed.`,
        encounterIds: [],
        date: on,
        bytes: await renderDischargeSummaryPdf({
          clinic: ctx.clinic,
          client: ctx.client,
          summary: s,
          paper: ctx.paper,
          createdAt: new Date(ctx.nowMs),
          disclosure:
            disclosure.consent === null
              ? null
              : {
                  recipient: disclosure.recipient,
                  recipientAddress: disclosure.recipientAddress,
                  purpose: disclosure.purpose,
                  disclosedOn: ctx.today,
                  consent: disclosure.consent.consent,
                },
        }),
      });
    }
    return {
      resources: [],
      pdfs,
      tables: [
        {
          file: 'csv/discharge-summaries.csv',
          description:
            'Signed discharge summaries: one row each with the admission, last service and discharge dates, how the client left care, who signed with what credentials and when, the SHA-256 of the signed content, and its PDF.',
          columns: [
            'summary_id',
            'admission_date',
            'last_service_date',
            'discharge_date',
            'discharge_type',
            'signed_by',
            'signer_credentials',
            'signed_at_utc',
            'content_sha256',
            'pdf_file',
          ],
          rows: summaries.map((s) => [
            s.id,
            s.content.facts.admissionDate,
            s.content.facts.lastServiceOn,
            s.content.written.dischargedOn,
            s.content.written.dischargeType ? DISCHARGE_TYPE_LABELS[s.content.written.dischargeType] : null,
            s.signedByName,
            s.signerCredentials,
            s.signedAtMs === null ? null : instant(s.signedAtMs),
            s.contentHash,
            files.get(s.id) ?? null,
          ]),
        },
      ],
      summary: counted(summaries.length, 'signed discharge summary', 'signed discharge summaries'),
    };
  },
};
