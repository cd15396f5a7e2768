/**
 * A client's chart: the header (identity, status, risk flags), open red-flag alerts, and its tabs. Each tab loads its own records; the
 * header's intake flags are recomputed from a saved intake at once (the same pure function the server uses), and
 * the timeline is re-read when it is next opened, so saving a dose does not re-read (and re-audit) the chart.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Consent } from '../../../../shared/domain/consents';
import { consentStatus } from '../../../../shared/domain/consents';
import { INTAKE_SECTION_IDS, type Intake } from '../../../../shared/domain/intake';
import { intakeRiskFlags, useLogRiskFlags } from '../../../../shared/domain/riskFlags';
import { isCurrent, type Medication } from '../../../../shared/domain/medications';
import type { UseLogEntry } from '../../../../shared/domain/useLog';
import type { Chart } from '../../../../shared/ipc/channels/clients';
import { call } from '../../api/client';
import { AlertBanner } from '../assessments/AlertBanner';
import { refreshAlerts } from '../assessments/records';
import { AssessmentsTab } from '../assessments/AssessmentsTab';
import { MatTab } from '../mat/MatTab';
import { LevelOfCareTab } from '../assessments/LevelOfCareTab';
import { WithdrawalTab } from '../assessments/WithdrawalTab';
import { scoringSex } from '../assessments/instrumentText';
import { NotesTab } from '../sessions/NotesTab';
import { PlanTab } from '../sessions/PlanTab';
import { PrivateNotesTab } from '../sessions/PrivateNotesTab';
import { TaperTab } from '../taper/TaperTab';
import { PlansTab } from '../plans/PlansTab';
import { DischargeTab } from '../discharge/DischargeTab';
import { MeasuresTab } from '../outcomes/MeasuresTab';
import { useDueCount } from '../outcomes/useDueCount';
import { ChartHeader } from './ChartHeader';
import { DraftReminder } from './DraftReminder';
import { ExportRecord } from './ExportRecord';
import { Consents } from './Consents';
import { IntakeForm } from './IntakeForm';
import { Tabs, tabPanelProps, type TabSpec } from './Tabs';
import { Timeline, type ChartTabId } from './Timeline';
import { UseLog } from './UseLog';
import { todayLocal } from './dates';
import './chart.css';

const ID = 'chart';

export function ChartScreen({
  clientId,
  onEdit,
  openNotes = false,
  openMat = false,
  openDischarge = false,
  openNoteId = null,
}: {
  clientId: string;
  onEdit: () => void;
  /** Opened from a link to the Notes tab (`#/clients/<id>/notes[/<noteId>]`): a search result, a group member. */
  openNotes?: boolean;
  /** Opened from a link to Medications & MAT (`#/clients/<id>/mat[/<noteId>]`): a MAT note search result. */
  openMat?: boolean;
  /** Opened from the Discharge worklist (`#/clients/<id>/discharge`): the discharge summary. */
  openDischarge?: boolean;
  openNoteId?: string | null;
}) {
  const [chart, setChart] = useState<Chart | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<ChartTabId>('timeline');
  // Tabs mount when first opened and then stay mounted (hidden), so a half-typed form survives a change of tab.
  const [opened, setOpened] = useState<ReadonlySet<ChartTabId>>(new Set(['timeline']));
  const [timelineStale, setTimelineStale] = useState(false);
  /** Bumped when a note is signed, so the drafts offered above the tabs are read again. */
  const [notesVersion, setNotesVersion] = useState(0);
  const [medications, setMedications] = useState<Medication[]>([]);
  const [exporting, setExporting] = useState(false);
  // The mark on the chart: scored measures due today or overdue (issue 15), asked for once the chart is in.
  const [dueCount, setDueCount] = useDueCount(clientId, chart !== null);

  const load = useCallback(async () => {
    const result = await call('clients.chart', { id: clientId });
    if (result.ok) {
      setChart(result.value);
      setError(null);
      setTimelineStale(false);
    } else {
      setError(result.error.message);
    }
  }, [clientId]);

  useEffect(() => {
    setChart(null);
    setTab('timeline');
    setOpened(new Set(['timeline']));
    void load();
  }, [load]);

  // The current medications show in the header (CLINICAL.md §1.6); the Medications & MAT tab shares this list.
  useEffect(() => {
    setMedications([]);
    void call('medications.list', { clientId }).then((r) => {
      if (r.ok) setMedications(r.value);
    });
  }, [clientId]);
  const onMedicationSaved = useCallback((m: Medication) => {
    setTimelineStale(true);
    setMedications((list) => [m, ...list.filter((x) => x.id !== m.id)]);
  }, []);

  useEffect(() => {
    if (!openMat) return;
    setTab('mat');
    setOpened((s) => (s.has('mat') ? s : new Set([...s, 'mat'])));
  }, [openMat, openNoteId]);

  useEffect(() => {
    if (!openDischarge) return;
    setTab('discharge');
    setOpened((s) => (s.has('discharge') ? s : new Set([...s, 'discharge'])));
  }, [openDischarge]);

  // Declared after the reset above, so a link to the notes wins over the timeline on first load.
  useEffect(() => {
    if (!openNotes) return;
    setTab('notes');
    setOpened((s) => (s.has('notes') ? s : new Set([...s, 'notes'])));
  }, [openNotes, openNoteId]);

  // Stable between renders, so the timeline (a memo) is not rebuilt when the medications or a badge come in.
  const select = useCallback(
    (id: ChartTabId) => {
      setTab(id);
      setOpened((s) => (s.has(id) ? s : new Set([...s, id])));
      if (id === 'timeline' && timelineStale) void load();
    },
    [timelineStale, load],
  );

  const onIntakeSaved = useCallback(
    (intake: Intake) => {
      setTimelineStale(true);
      // Suicidal thoughts reported at intake raise an alert on the server: show it at once.
      void refreshAlerts(clientId);
      setChart((c) =>
        c
          ? {
              ...c,
              intake,
              riskFlags: [...c.riskFlags.filter((f) => f.source !== 'intake'), ...intakeRiskFlags(intake)],
            }
          : c,
      );
    },
    [clientId],
  );
  const onUseLogChanged = useCallback((entries: readonly UseLogEntry[]) => {
    setTimelineStale(true);
    // A strong form logged is a caution on the header at once (issue 8 item 2).
    setChart((c) =>
      c
        ? {
            ...c,
            useLogEntries: entries.length,
            riskFlags: [...c.riskFlags.filter((f) => f.source !== 'use-log'), ...useLogRiskFlags(entries)],
          }
        : c,
    );
  }, []);
  const onTaperChanged = useCallback(() => setTimelineStale(true), []);
  const onSessionsChanged = useCallback(() => {
    setTimelineStale(true);
    setNotesVersion((v) => v + 1);
  }, []);
  const onAssessmentsChanged = useCallback(() => setTimelineStale(true), []);
  const onConsentsChanged = useCallback((consents: Consent[]) => {
    setTimelineStale(true);
    setChart((c) => (c ? { ...c, consents } : c));
  }, []);

  if (error) {
    return (
      <div className="page">
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      </div>
    );
  }
  if (!chart) return <div className="page" aria-busy="true" />;

  const today = todayLocal();
  const savedSections = INTAKE_SECTION_IDS.filter((s) => chart.intake.sections[s] !== null).length;
  const activeConsents = chart.consents.filter((c) => consentStatus(c, today) === 'active').length;
  const tabs: TabSpec<ChartTabId>[] = [
    { id: 'timeline', label: 'Timeline' },
    {
      id: 'intake',
      label: 'Intake',
      badge: `${savedSections}/${INTAKE_SECTION_IDS.length}`,
      badgeHint: 'sections saved',
    },
    { id: 'use-log', label: 'Use log', badge: String(chart.useLogEntries), badgeHint: 'doses' },
    { id: 'taper', label: 'Taper' },
    // Assessment tabs (assessments, withdrawal, level-of-care) go here.
    { id: 'assessments', label: 'Assessments' },
    { id: 'withdrawal', label: 'Withdrawal' },
    { id: 'mat', label: 'Medications & MAT' },
    { id: 'level-of-care', label: 'Level of care' },
    {
      id: 'measures',
      label: 'Measures',
      ...(dueCount > 0 ? { badge: String(dueCount), badgeHint: 'due or overdue' } : {}),
    },
    // Session tabs (notes, plan) go here.
    { id: 'notes', label: 'Notes' },
    { id: 'plan', label: 'Treatment plan' },
    { id: 'recovery-plans', label: 'Plans' },
    { id: 'consents', label: 'Consents', badge: String(activeConsents), badgeHint: 'active' },
    { id: 'discharge', label: 'Discharge' },
    // The private SUD counselling notes tab goes last.
    { id: 'private-notes', label: 'Private notes' },
  ];

  return (
    <div className="page chart">
      <ChartHeader
        client={chart.client}
        riskFlags={chart.riskFlags}
        medications={medications}
        onEdit={onEdit}
        onExport={() => setExporting(true)}
      />
      {exporting && (
        <ExportRecord client={chart.client} consents={chart.consents} onClose={() => setExporting(false)} />
      )}
      <AlertBanner
        clientId={clientId}
        openAlerts={chart.openAlerts}
        intakeSavedAtMs={Math.max(0, ...Object.values(chart.intake.savedAtMs))}
        onChanged={onAssessmentsChanged}
      />
      {tab !== 'notes' && <DraftReminder clientId={clientId} refresh={notesVersion} />}
      <Tabs tabs={tabs} selected={tab} onSelect={select} idPrefix={ID} label="Chart sections" />
      <div {...tabPanelProps(ID, 'timeline', tab === 'timeline')}>
        <h2 className="visually-hidden">Timeline</h2>
        <Timeline events={chart.timeline} onOpen={select} />
      </div>
      <div {...tabPanelProps(ID, 'intake', tab === 'intake')}>
        {opened.has('intake') && <IntakeForm clientId={clientId} onSaved={onIntakeSaved} />}
      </div>
      <div {...tabPanelProps(ID, 'use-log', tab === 'use-log')}>
        {opened.has('use-log') && <UseLog clientId={clientId} onChanged={onUseLogChanged} />}
      </div>
      <div {...tabPanelProps(ID, 'taper', tab === 'taper')}>
        {opened.has('taper') && (
          <TaperTab clientId={clientId} active={tab === 'taper'} onChanged={onTaperChanged} />
        )}
      </div>
      {/* Assessment tab panels go here. */}
      <div {...tabPanelProps(ID, 'assessments', tab === 'assessments')}>
        {opened.has('assessments') && (
          <AssessmentsTab
            clientId={clientId}
            sex={scoringSex(chart.client.sex)}
            intakeLastDoseAtMs={chart.intake.sections.kratom?.lastDoseAtMs ?? null}
            onChanged={onAssessmentsChanged}
          />
        )}
      </div>
      <div {...tabPanelProps(ID, 'withdrawal', tab === 'withdrawal')}>
        {opened.has('withdrawal') && (
          <WithdrawalTab
            clientId={clientId}
            sex={scoringSex(chart.client.sex)}
            intakeLastDoseAtMs={chart.intake.sections.kratom?.lastDoseAtMs ?? null}
            bpLowering={medications.some(
              (m) =>
                (m.current.medication.medication === 'clonidine' ||
                  m.current.medication.medication === 'lofexidine') &&
                isCurrent(m.current.medication, todayLocal()),
            )}
            onChanged={onAssessmentsChanged}
          />
        )}
      </div>
      <div {...tabPanelProps(ID, 'mat', tab === 'mat')}>
        {opened.has('mat') && (
          <MatTab
            clientId={clientId}
            medications={medications}
            consents={chart.consents}
            openNoteId={openMat ? openNoteId : null}
            active={tab === 'mat'}
            onMedicationSaved={onMedicationSaved}
            onChanged={onSessionsChanged}
          />
        )}
      </div>
      <div {...tabPanelProps(ID, 'level-of-care', tab === 'level-of-care')}>
        {opened.has('level-of-care') && (
          <LevelOfCareTab
            clientId={clientId}
            active={tab === 'level-of-care'}
            onChanged={onAssessmentsChanged}
          />
        )}
      </div>
      <div {...tabPanelProps(ID, 'measures', tab === 'measures')}>
        {opened.has('measures') && (
          <MeasuresTab clientId={clientId} active={tab === 'measures'} onDueCount={setDueCount} />
        )}
      </div>
      {/* Session tab panels go here. */}
      <div {...tabPanelProps(ID, 'notes', tab === 'notes')}>
        {opened.has('notes') && (
          <NotesTab
            clientId={clientId}
            openNoteId={openNoteId}
            active={tab === 'notes'}
            onSigned={onSessionsChanged}
          />
        )}
      </div>
      <div {...tabPanelProps(ID, 'plan', tab === 'plan')}>
        {opened.has('plan') && <PlanTab clientId={clientId} onSaved={onSessionsChanged} />}
      </div>
      <div {...tabPanelProps(ID, 'recovery-plans', tab === 'recovery-plans')}>
        {opened.has('recovery-plans') && (
          <PlansTab clientId={clientId} active={tab === 'recovery-plans'} onSigned={onSessionsChanged} />
        )}
      </div>
      <div {...tabPanelProps(ID, 'consents', tab === 'consents')}>
        {opened.has('consents') && (
          <Consents
            clientId={clientId}
            client={chart.client}
            active={tab === 'consents'}
            onChanged={onConsentsChanged}
          />
        )}
      </div>
      <div {...tabPanelProps(ID, 'discharge', tab === 'discharge')}>
        {opened.has('discharge') && (
          <DischargeTab client={chart.client} active={tab === 'discharge'} onSigned={() => void load()} />
        )}
      </div>
      <div {...tabPanelProps(ID, 'private-notes', tab === 'private-notes')}>
        {opened.has('private-notes') && (
          <PrivateNotesTab clientId={clientId} active={tab === 'private-notes'} />
        )}
      </div>
    </div>
  );
}
