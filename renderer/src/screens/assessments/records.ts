/**
 * The assessments and alerts of the open chart, shared by the tabs that show them (Assessments, Withdrawal) and
 * the alert banner. One small store per client rather than state in the chart screen, so a COWS rating saved from
 * the flowsheet is at once in the Assessments list, and an alert raised by a save is at once in the banner, without
 * each tab re-reading (and re-auditing) the record.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { Alert } from '../../../../shared/domain/alerts';
import type { Assessment } from '../../../../shared/domain/assessments';
import { call } from '../../api/client';

export interface ClientRecords {
  assessments: Assessment[] | null;
  assessmentsError: string | null;
  /** null until the chart seeds the open alerts; then every alert known, open and acknowledged. */
  alerts: Alert[] | null;
  /** Whether `alerts` holds the full history (alerts.list) or only the chart's open ones. */
  alertsComplete: boolean;
}

const EMPTY: ClientRecords = {
  assessments: null,
  assessmentsError: null,
  alerts: null,
  alertsComplete: false,
};
const records = new Map<string, ClientRecords>();
const listeners = new Map<string, Set<() => void>>();
const loading = new Map<string, Promise<void>>();

function get(clientId: string): ClientRecords {
  return records.get(clientId) ?? EMPTY;
}

function update(clientId: string, change: (r: ClientRecords) => Partial<ClientRecords>): void {
  const current = get(clientId);
  records.set(clientId, { ...current, ...change(current) });
  for (const l of listeners.get(clientId) ?? []) l();
}

export function useClientRecords(clientId: string): ClientRecords {
  const subscribe = useCallback(
    (listener: () => void) => {
      const set = listeners.get(clientId) ?? new Set();
      set.add(listener);
      listeners.set(clientId, set);
      return () => set.delete(listener);
    },
    [clientId],
  );
  return useSyncExternalStore(subscribe, () => get(clientId));
}

/** The client's records, with the assessments loaded when the caller mounts (tabs that list assessments). */
export function useLoadedAssessments(clientId: string): ClientRecords {
  const records = useClientRecords(clientId);
  useEffect(() => {
    void loadAssessments(clientId);
  }, [clientId]);
  return records;
}

/** Reads the client's assessments; concurrent callers (two tabs mounting) share one request. */
export function loadAssessments(clientId: string): Promise<void> {
  const pending = loading.get(clientId);
  if (pending) return pending;
  const request = call('assessments.list', { clientId }).then((r) => {
    loading.delete(clientId);
    update(clientId, () =>
      r.ok ? { assessments: r.value, assessmentsError: null } : { assessmentsError: r.error.message },
    );
  });
  loading.set(clientId, request);
  return request;
}

export function putAssessment(clientId: string, a: Assessment): void {
  update(clientId, (r) => ({ assessments: [...(r.assessments ?? []).filter((x) => x.id !== a.id), a] }));
}

export function dropAssessment(clientId: string, id: string): void {
  update(clientId, (r) => ({ assessments: (r.assessments ?? []).filter((x) => x.id !== id) }));
}

/** The chart's open alerts are the truth for what is open; acknowledged ones already known are kept. */
export function seedOpenAlerts(clientId: string, open: readonly Alert[]): void {
  update(clientId, (r) => ({
    alerts: [...(r.alerts ?? []).filter((a) => a.acknowledgement !== null), ...open],
  }));
}

/** Re-reads every alert of the client: after a save that may have raised one, and for the history. */
export async function refreshAlerts(clientId: string): Promise<void> {
  const r = await call('alerts.list', { clientId });
  if (r.ok) update(clientId, () => ({ alerts: r.value, alertsComplete: true }));
}

export function putAlert(clientId: string, alert: Alert): void {
  update(clientId, (r) => ({ alerts: [...(r.alerts ?? []).filter((a) => a.id !== alert.id), alert] }));
}
