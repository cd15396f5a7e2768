import { useEffect, useState } from 'react';
import { formatDateTime } from '../format';
import { AuditTable } from './AuditTable';
import { OpenAlertsPanel } from './OpenAlertsPanel';
import type { AuditEntry, BackupInfo, ClinicProfile, User } from '../../../shared/domain/identity';
import { call } from '../api/client';
import { AddClientButton } from './clients/AddClientButton';

/** The landing page: who is signed in, the clinic, the state of backups and the latest activity. */
export function OverviewScreen({ user, onOpenSettings }: { user: User; onOpenSettings: () => void }) {
  const [clinic, setClinic] = useState<ClinicProfile | null>(null);
  const [activity, setActivity] = useState<AuditEntry[]>([]);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [clientCount, setClientCount] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const [c, a, b, n] = await Promise.all([
        call('clinic.get', {}),
        call('audit.list', { limit: 12, beforeId: null }),
        call('backup.list', {}),
        call('clients.list', {
          search: '',
          statuses: [],
          clinicianId: null,
          sort: { column: 'name', direction: 'asc' },
          page: 0,
          pageSize: 1,
        }),
      ]);
      if (!live) return;
      if (n.ok) setClientCount(n.value.total);
      if (c.ok) setClinic(c.value);
      if (a.ok) setActivity(a.value);
      if (b.ok) setBackups(b.value);
    })();
    return () => {
      live = false;
    };
  }, []);

  const lastBackup = backups?.[0];
  return (
    <div className="page">
      <h1>Overview</h1>
      {clientCount === 0 && (
        <section className="panel empty-state" aria-labelledby="first-client-title">
          <h2 id="first-client-title">Add your first client</h2>
          <p className="muted">
            A client&rsquo;s chart holds their intake, use log, consents, assessments and notes.
          </p>
          <AddClientButton />
        </section>
      )}
      <OpenAlertsPanel />
      <div className="grid">
        <section className="panel" aria-labelledby="you-title">
          <h2 id="you-title">Signed in</h2>
          <p>
            <strong>{user.displayName}</strong>
            {user.credentials && <span>, {user.credentials}</span>}
          </p>
          <p className="muted">
            {user.role === 'supervisor' ? 'Supervisor' : 'Clinician'} · username {user.username}
          </p>
        </section>
        {clinic && (
          <section className="panel" aria-labelledby="clinic-title">
            <h2 id="clinic-title">Clinic</h2>
            <p>
              <strong>{clinic.name}</strong>
            </p>
            <p>{clinic.address}</p>
            <p>{clinic.phone}</p>
          </section>
        )}
        <section className="panel" aria-labelledby="backup-title">
          <h2 id="backup-title">Backups</h2>
          {backups === null ? null : lastBackup ? (
            <p>Last backup {formatDateTime(lastBackup.createdAtMs)}</p>
          ) : (
            <p className="warning">No backup yet. Make one from Settings.</p>
          )}
          <button type="button" onClick={onOpenSettings}>
            Open settings
          </button>
        </section>
      </div>
      <section className="panel" aria-labelledby="activity-title">
        <h2 id="activity-title">Recent activity</h2>
        <AuditTable rows={activity} />
      </section>
    </div>
  );
}
