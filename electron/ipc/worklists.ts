import { daysBetween, localDate } from '../../shared/domain/common';
import { CONSIDER_DISCHARGE_DAYS, summaryDueBy } from '../../shared/domain/dischargeSummary';
import { addDays } from '../../shared/taper';
import type { AlertKind } from '../../shared/domain/alerts';
import {
  activeClientsWithoutPlan,
  clientsDueDischargeSummary,
  openAlerts,
  plansDueForReview,
  unsignedAssessments,
  unsignedNotesOf,
} from '../db/repositories/worklists';
import type { DomainHandlers } from './types';

const LIMIT = 200;

export const worklistHandlers: DomainHandlers<'worklists'> = {
  'worklists.assessments': (_input, { db }) => ({
    openAlerts: openAlerts(db, LIMIT).map((r) => ({
      id: r.id,
      kind: r.kind as AlertKind,
      raisedAtMs: r.raised_at_ms,
      clientId: r.client_id,
      clientName: r.client_name,
      chartNumber: r.chart_number,
    })),
    unsignedAssessments: unsignedAssessments(db, LIMIT).map((r) => ({
      id: r.id,
      instrumentId: r.instrument_id,
      administeredAtMs: r.administered_at_ms,
      total: r.total,
      band: r.band,
      complete: r.status !== 'incomplete',
      clientId: r.client_id,
      clientName: r.client_name,
      chartNumber: r.chart_number,
    })),
  }),
  'worklists.plans': (_input, { db, practice, user }) => ({
    dueForReview: plansDueForReview(db, localDate(practice.clock.now()), LIMIT).map((r) => ({
      version: r.version,
      reviewDate: r.review_date,
      clientId: r.client_id,
      clientName: r.client_name,
      chartNumber: r.chart_number,
    })),
    withoutPlan: activeClientsWithoutPlan(db, LIMIT).map((r) => ({
      admissionDate: r.admission_date,
      clientId: r.client_id,
      clientName: r.client_name,
      chartNumber: r.chart_number,
    })),
    myDraftNotes: unsignedNotesOf(db, user.id, LIMIT).map((r) => ({
      id: r.id,
      kind: r.kind,
      sessionDate: r.session_date,
      updatedAtMs: r.updated_at_ms,
      clientId: r.client_id,
      clientName: r.client_name,
      chartNumber: r.chart_number,
    })),
  }),
  'worklists.discharge': (_input, { db, practice }) => {
    const today = localDate(practice.clock.now());
    const rows = clientsDueDischargeSummary(db, addDays(today, -CONSIDER_DISCHARGE_DAYS), LIMIT);
    return {
      due: rows
        .map((r) => {
          const lastServiceOn = r.last_service === '' ? null : r.last_service;
          const discharged = r.status === 'discharged';
          return {
            clientId: r.client_id,
            clientName: r.client_name,
            chartNumber: r.chart_number,
            reason: discharged ? ('discharged' as const) : ('consider-discharge' as const),
            status: r.status,
            lastServiceOn,
            dischargedOn: r.discharged_on,
            // The 7-day clock starts at discharge: an active client owes no summary yet.
            dueBy: discharged ? summaryDueBy(lastServiceOn, r.discharged_on ?? r.admission_date) : null,
            daysWithoutService: discharged ? null : daysBetween(lastServiceOn ?? r.admission_date, today),
            hasDraft: r.has_draft === 1,
          };
        })
        // Summaries due first, soonest due first; then the clients without service, longest first.
        .sort(
          (a, b) =>
            (a.dueBy ?? '\uffff').localeCompare(b.dueBy ?? '\uffff') ||
            (b.daysWithoutService ?? 0) - (a.daysWithoutService ?? 0),
        ),
    };
  },
};
