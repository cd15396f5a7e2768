/**
 * The chart header: who the client is and what needs attention. Urgent flags (CLINICAL.md §4) are an alert with
 * the action to take; cautions (§3) are listed calmly beside the identity.
 */
import { clientFullName, type Client } from '../../../../shared/domain/clients';
import { ageOn, daysBetween } from '../../../../shared/domain/common';
import type { RiskFlag } from '../../../../shared/domain/riskFlags';
import { isCurrent, medicationSummary, type Medication } from '../../../../shared/domain/medications';
import type { ReactNode } from 'react';
import { useScreenText, type ScreenText } from '../../i18n/useScreenText';
import { StatusBadge } from '../clients/StatusBadge';
import { formatDate, todayLocal } from './dates';

export function ChartHeader({
  client,
  riskFlags,
  medications = [],
  onEdit,
  onExport,
}: {
  client: Client;
  riskFlags: readonly RiskFlag[];
  /** Shown as the current medications (CLINICAL.md §1.6): those not stopped. */
  medications?: readonly Medication[];
  onEdit: () => void;
  onExport: () => void;
}) {
  const s = useScreenText();
  const today = todayLocal();
  const currentMeds = medications.filter((m) => isCurrent(m.current.medication, today));
  const urgent = riskFlags.filter((f) => f.severity === 'urgent');
  const caution = riskFlags.filter((f) => f.severity === 'caution');
  return (
    <header className="chart-header" aria-labelledby="chart-title">
      <div className="chart-header__identity">
        <h1 id="chart-title">{clientFullName(client)}</h1>
        <dl className="chart-header__facts">
          {client.pronouns && <Fact term="Pronouns">{client.pronouns}</Fact>}
          <Fact term="Born">
            {formatDate(client.dateOfBirth)} (age {ageOn(client.dateOfBirth, today)})
          </Fact>
          <Fact term="Chart">{client.chartNumber}</Fact>
          <Fact term="Status">
            <StatusBadge status={client.status} />
          </Fact>
          <Fact term="In care">{inCare(client, today)}</Fact>
          <Fact term="Clinician">{client.assignedClinicianName ?? 'Not assigned'}</Fact>
          <Fact term={s('screen.chart.languageTerm')}>{languageFact(s, client)}</Fact>
        </dl>
      </div>
      <div className="chart-header__actions">
        <button type="button" className="chart-header__edit" onClick={onEdit}>
          Edit details
        </button>
        <button type="button" onClick={onExport}>
          Export record
        </button>
      </div>
      {currentMeds.length > 0 && (
        <section className="chart-header__meds" aria-labelledby="current-meds-title">
          <h2 id="current-meds-title">Current medications</h2>
          <ul>
            {currentMeds.map((m) => (
              <li key={m.id}>{medicationSummary(m.current.medication)}</li>
            ))}
          </ul>
        </section>
      )}
      {urgent.length > 0 && (
        <div className="flags-urgent" role="alert" aria-labelledby="urgent-flags-title">
          <h2 id="urgent-flags-title">Urgent</h2>
          <ul>
            {urgent.map((f) => (
              <li key={f.id}>{f.label}</li>
            ))}
          </ul>
          <p className="flags-urgent__action">
            If the client is in danger now, call <strong>911</strong>. For suicidal thoughts, call or text{' '}
            <strong>988</strong> (Suicide &amp; Crisis Lifeline).
          </p>
        </div>
      )}
      {caution.length > 0 && (
        <section className="flags-caution" aria-labelledby="caution-flags-title">
          <h2 id="caution-flags-title">Cautions from the record</h2>
          <ul>
            {caution.map((f) => (
              <li key={f.id}>{f.label}</li>
            ))}
          </ul>
        </section>
      )}
    </header>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** "Documents in Spanish · interpreter": the language the client's documents print in, and any interpreter need. */
export function languageFact(
  s: ScreenText,
  client: Pick<Client, 'documentLanguage' | 'interpreterNeeded'>,
): string {
  return s('screen.chart.language', {
    language: s(`screen.language.${client.documentLanguage}`),
    interpreter: client.interpreterNeeded ? 'yes' : 'no',
  });
}

/** Days since admission; a discharged client's count would keep growing, so it shows the admission date only. */
function inCare(client: Client, today: string): string {
  const admitted = formatDate(client.admissionDate);
  if (client.status === 'discharged') return `Admitted ${admitted}`;
  const days = daysBetween(client.admissionDate, today);
  if (days <= 0) return `Admitted today`;
  return `${days} ${days === 1 ? 'day' : 'days'} (admitted ${admitted})`;
}
