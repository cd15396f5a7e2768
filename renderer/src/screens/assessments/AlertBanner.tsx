/**
 * Red-flag alerts on the chart (CLINICAL.md §4), right under the header, so they cannot be missed: red, announced
 * (role="alert"), with the action to take — 911, or the 988 Suicide & Crisis Lifeline. Each stays until a clinician
 * acknowledges it with a documented action. Recording a red-flag symptom seen in person is always one button away.
 *
 * The chart's own `openAlerts` seed the banner; saves that may raise an alert re-read the list (records.ts).
 */
import { useEffect, useRef, useState } from 'react';
import {
  ALERT_FINDING_LABELS,
  ALERT_KIND_LABELS,
  alertSourceLabel,
  type Alert,
} from '../../../../shared/domain/alerts';
import { formatDateTime } from '../../format';
import { AcknowledgeForm, RedFlagForm } from './AlertForms';
import { Modal } from '../../components/Modal';
import { putAlert, refreshAlerts, seedOpenAlerts, useClientRecords } from './records';
import './alerts.css';

export function AlertBanner({
  clientId,
  openAlerts,
  intakeSavedAtMs,
  onChanged,
}: {
  clientId: string;
  openAlerts: readonly Alert[];
  /** When intake was last saved: suicidal thoughts reported at intake raise an alert on the server. */
  intakeSavedAtMs: number;
  /** An alert was raised or acknowledged: the chart's timeline is out of date. */
  onChanged: () => void;
}) {
  useEffect(() => seedOpenAlerts(clientId, openAlerts), [clientId, openAlerts]);
  const seenIntake = useRef(intakeSavedAtMs);
  useEffect(() => {
    if (intakeSavedAtMs === seenIntake.current) return;
    seenIntake.current = intakeSavedAtMs;
    void refreshAlerts(clientId);
  }, [clientId, intakeSavedAtMs]);
  const records = useClientRecords(clientId);
  const [acknowledging, setAcknowledging] = useState<Alert | null>(null);
  const [recording, setRecording] = useState(false);
  const [status, setStatus] = useState('');
  const recordButton = useRef<HTMLButtonElement>(null);

  const open = (records.alerts ?? openAlerts)
    .filter((a) => a.acknowledgement === null)
    .sort((a, b) => b.raisedAtMs - a.raisedAtMs);

  const done = (alert: Alert, message: string) => {
    putAlert(clientId, alert);
    setAcknowledging(null);
    setRecording(false);
    setStatus(message);
    onChanged();
    // The button that opened the dialog may be gone with its alert: keep the keyboard somewhere sensible.
    requestAnimationFrame(() => {
      if (!document.activeElement || document.activeElement === document.body) recordButton.current?.focus();
    });
  };

  return (
    <div className="alerts">
      {open.length > 0 && (
        <section className="alert-banner" role="alert" aria-labelledby="alert-banner-title">
          <h2 id="alert-banner-title">
            Red-flag {open.length === 1 ? 'alert' : 'alerts'}: act and acknowledge
          </h2>
          <ul className="alert-banner__list">
            {open.map((a) => (
              <li key={a.id} className="alert-banner__item">
                <div>
                  <strong className="alert-banner__kind">{ALERT_KIND_LABELS[a.kind]}</strong>
                  {a.detail && a.detail !== ALERT_KIND_LABELS[a.kind] && (
                    <span className="alert-banner__detail"> — {a.detail}</span>
                  )}
                  <span className="alert-banner__when">
                    {' '}
                    · {a.kind === 'red-flag-symptom' ? 'observed' : 'raised'} {formatDateTime(a.raisedAtMs)}
                    {a.raisedByName ? ` by ${a.raisedByName}` : ''} from {alertSourceLabel(a.sourceType)}
                  </span>
                  {a.repeatOf && (
                    <span className="alert-banner__repeat">
                      {' '}
                      · Repeat: {ALERT_FINDING_LABELS[a.finding]} was already raised today at{' '}
                      {formatDateTime(a.repeatOf.raisedAtMs)} from {alertSourceLabel(a.repeatOf.sourceType)}
                      {a.repeatOf.acknowledgedAtMs !== null
                        ? ` and acknowledged at ${formatDateTime(a.repeatOf.acknowledgedAtMs)}`
                        : ' and is still open'}
                      .
                    </span>
                  )}
                </div>
                <button type="button" className="alert-banner__ack" onClick={() => setAcknowledging(a)}>
                  Acknowledge…<span className="visually-hidden"> {ALERT_KIND_LABELS[a.kind]}</span>
                </button>
              </li>
            ))}
          </ul>
          <p className="alert-banner__action">
            If the client is in danger now, call <strong>911</strong>. For suicidal thoughts, self-harm urges
            or a crisis, call or text <strong>988</strong> (Suicide &amp; Crisis Lifeline).
          </p>
        </section>
      )}
      <div className="alerts__bar">
        <p role="status" className="saved-note">
          {status}
        </p>
        <button type="button" ref={recordButton} className="danger" onClick={() => setRecording(true)}>
          Record a red-flag symptom…
        </button>
      </div>
      {acknowledging && (
        <Modal title="Acknowledge a red-flag alert" tone="danger" onClose={() => setAcknowledging(null)}>
          <AcknowledgeForm
            alert={acknowledging}
            onDone={(a) => done(a, 'Alert acknowledged; it stays in the alert history (Assessments tab).')}
            onCancel={() => setAcknowledging(null)}
          />
        </Modal>
      )}
      {recording && (
        <Modal title="Record a red-flag symptom" tone="danger" onClose={() => setRecording(false)}>
          <RedFlagForm
            clientId={clientId}
            onDone={(a) => done(a, 'Red-flag symptom recorded; the alert is on the chart.')}
            onCancel={() => setRecording(false)}
          />
        </Modal>
      )}
    </div>
  );
}
