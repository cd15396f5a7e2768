/** Everything recorded for the client, newest first; each event opens the tab that shows it. */
import { memo } from 'react';
import type { TimelineEvent } from '../../../../shared/domain/timeline';
import { formatDateTime } from '../../format';
import { formatDate } from './dates';

export type ChartTabId =
  | 'timeline'
  | 'intake'
  | 'use-log'
  | 'assessments'
  | 'withdrawal'
  | 'mat'
  | 'level-of-care'
  | 'notes'
  | 'plan'
  | 'taper'
  | 'recovery-plans'
  | 'consents'
  | 'discharge'
  | 'private-notes'
  | 'measures';

const AREA_TAB: Record<TimelineEvent['area'], ChartTabId | null> = {
  profile: null,
  intake: 'intake',
  'use-log': 'use-log',
  consents: 'consents',
  assessments: 'assessments',
  'level-of-care': 'level-of-care',
  // Alerts are shown in the chart header until acknowledged; the event itself opens no tab.
  alerts: null,
  notes: 'notes',
  plan: 'plan',
  taper: 'taper',
  'recovery-plans': 'recovery-plans',
  mat: 'mat',
  discharge: 'discharge',
};

const TAB_NAMES: Record<ChartTabId, string> = {
  timeline: 'Timeline',
  intake: 'Intake',
  'use-log': 'Use log',
  consents: 'Consents',
  assessments: 'Assessments',
  withdrawal: 'Withdrawal',
  mat: 'Medications & MAT',
  'level-of-care': 'Level of care',
  notes: 'Notes',
  plan: 'Treatment plan',
  taper: 'Taper',
  'recovery-plans': 'Plans',
  discharge: 'Discharge',
  'private-notes': 'Private notes',
  measures: 'Measures',
};

/** A memo: the chart re-renders as its other parts load, and a long timeline need not be built again each time. */
export const Timeline = memo(function Timeline({
  events,
  onOpen,
}: {
  events: readonly TimelineEvent[];
  onOpen: (tab: ChartTabId) => void;
}) {
  if (events.length === 0) return <p className="muted">Nothing has been recorded for this client yet.</p>;
  const sorted = [...events].sort((a, b) => b.atMs - a.atMs);
  return (
    <ol className="timeline">
      {sorted.map((e, i) => {
        const tab = AREA_TAB[e.area];
        const detail = readableDetail(e.detail);
        return (
          <li
            key={`${e.kind}-${e.refId ?? ''}-${e.atMs}-${i}`}
            className={`timeline__event timeline__event--${e.area}`}
          >
            <time className="timeline__when" dateTime={new Date(e.atMs).toISOString()}>
              {formatDateTime(e.atMs)}
            </time>
            <span className="timeline__what">
              {tab ? (
                <button type="button" className="link" onClick={() => onOpen(tab)}>
                  {e.title}
                  <span className="visually-hidden"> (open {TAB_NAMES[tab]})</span>
                </button>
              ) : (
                e.title
              )}
              {detail && <span className="muted"> — {detail}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
});

/** The server writes calendar days as 'YYYY-MM-DD' inside the detail; show them in the clinician's locale. */
function readableDetail(detail: string): string {
  return detail.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => formatDate(d));
}
