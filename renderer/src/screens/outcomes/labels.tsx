/** Words the measure and follow-up screens share. */
import type { DueStatus } from '../../../../shared/domain/measures';

export const INSTRUMENT_NAMES: Record<string, string> = {
  cows: 'COWS',
  sows: 'SOWS',
  phq9: 'PHQ-9',
  gad7: 'GAD-7',
  auditc: 'AUDIT-C',
};

export const DUE_STATUS_LABELS: Record<DueStatus, string> = {
  overdue: 'Overdue',
  'due-today': 'Due today',
  upcoming: 'Upcoming',
};

export function DueStatusTag({ status }: { status: DueStatus }) {
  return <span className={`due-tag due-tag--${status}`}>{DUE_STATUS_LABELS[status]}</span>;
}
