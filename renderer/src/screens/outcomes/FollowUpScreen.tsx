/**
 * Follow-up after discharge (issue 15, item 4): the contacts due, overdue or due within a week, each with the
 * client's phone number. Recording a call opens the form beside the client's latest signed relapse-prevention plan,
 * one click away, so the plan can be gone through during the call.
 */
import { useCallback, useEffect, useState } from 'react';
import { DISCHARGE_TYPE_LABELS } from '../../../../shared/domain/clients';
import type { FollowUpWorklist } from '../../../../shared/ipc/channels/outcomes';
import { call } from '../../api/client';
import { formatDate } from '../chart/dates';
import { ErrorBanner, WorkTable, clientColumn } from '../worklists/WorklistScreens';
import { FollowUpForm } from './FollowUpForm';
import { DueStatusTag } from './labels';
import './outcomes.css';

type Item = FollowUpWorklist['items'][number];

export function FollowUpScreen() {
  const [data, setData] = useState<FollowUpWorklist | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [calling, setCalling] = useState<Item | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await call('followUps.due', {});
    if (r.ok) setData(r.value);
    else setError(r.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="page">
      <h1 tabIndex={-1}>Follow-up after discharge</h1>
      <p className="muted">
        Contacts {data?.with90Days ? '7, 30 and 90' : '7 and 30'} days after each discharge (the 90-day
        contact is a setting). A contact stays on this list until the client is reached or declines, or after
        three attempts that did not reach them.
      </p>
      <ErrorBanner error={error} />
      {done && (
        <p role="status" className="banner">
          {done}
        </p>
      )}
      {calling && (
        <FollowUpForm
          item={calling}
          onCancel={() => setCalling(null)}
          onSaved={(what) => {
            setCalling(null);
            setDone(what);
            void load();
          }}
        />
      )}
      {data && (
        <WorkTable
          title="Follow-up contacts"
          empty="No follow-up contact is due this week."
          rows={data.items}
          rowKey={(i) => `${i.dischargeId}-${i.day}`}
          columns={[
            { header: 'Due', cell: (i) => formatDate(i.dueOn) },
            { header: 'Status', cell: (i) => <DueStatusTag status={i.status} /> },
            { header: 'Contact', cell: (i) => `${i.day}-day` },
            clientColumn(),
            { header: 'Phone', cell: (i) => i.phone || <span className="muted">none recorded</span> },
            {
              header: 'Discharged',
              cell: (i) =>
                `${formatDate(i.dischargedOn)} (${DISCHARGE_TYPE_LABELS[i.dischargeType].toLowerCase()})`,
            },
            { header: 'Attempts', cell: (i) => i.attempts },
            {
              header: 'Action',
              cell: (i) => (
                <button
                  type="button"
                  onClick={() => {
                    setDone(null);
                    setCalling(i);
                  }}
                  aria-label={`Record contact: ${i.day}-day follow-up of ${i.clientName}`}
                >
                  Record contact
                </button>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
