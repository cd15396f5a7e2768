/**
 * Scored measures due today or overdue across the practice (issue 15, item 1), shown on the Assessments area. Each
 * row opens the chart, where the measure is given; giving it takes the row off this list.
 */
import { useEffect, useState } from 'react';
import { DUE_REASON_LABELS, MEASURE_LABELS } from '../../../../shared/domain/measures';
import type { DueMeasures } from '../../../../shared/ipc/channels/outcomes';
import { call } from '../../api/client';
import { formatDate } from '../chart/dates';
import { ErrorBanner, WorkTable, clientColumn } from '../worklists/WorklistScreens';
import { DueStatusTag } from './labels';
import './outcomes.css';

export function DueMeasuresWorklist() {
  const [data, setData] = useState<DueMeasures | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void call('measures.due', {}).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, []);
  if (error) return <ErrorBanner error={error} />;
  if (!data) return null;
  return (
    <WorkTable
      title="Measures due today or overdue"
      empty="No scored measure is due. Each client's schedule is on the Measures tab of the chart."
      rows={data.items}
      total={data.total}
      more={data.more}
      rowKey={(i) => `${i.clientId}-${i.measure}`}
      columns={[
        { header: 'Due', cell: (i) => formatDate(i.dueOn) },
        { header: 'Status', cell: (i) => <DueStatusTag status={i.status} /> },
        clientColumn(),
        { header: 'Measure', cell: (i) => MEASURE_LABELS[i.measure] },
        { header: 'Why', cell: (i) => DUE_REASON_LABELS[i.reason] },
      ]}
    />
  );
}
