/**
 * What the discharge summary reads from the record (shared/domain/dischargeSummary.ts): shown beside the fields the
 * clinician writes, read-only, so the summary and the chart can never disagree. Empty parts say so in words.
 */
import type { DischargeFacts as Facts } from '../../../../shared/domain/dischargeSummary';
import { formatDate } from '../chart/dates';

const day = (d: string | null) => (d ? formatDate(d) : 'none recorded');
const score = (p: { on: string; total: number | null; band: string }) =>
  `${p.total ?? 'incomplete'}${p.band ? ` (${p.band})` : ''}, ${formatDate(p.on)}`;

/** `signed`: the facts as a signed summary froze them, where advice on what to write next no longer applies. */
export function DischargeFactsView({ facts: f, signed = false }: { facts: Facts; signed?: boolean }) {
  return (
    <div className="discharge-facts">
      <dl className="facts">
        <div>
          <dt>Admission</dt>
          <dd>{formatDate(f.admissionDate)}</dd>
        </div>
        <div>
          <dt>Last service</dt>
          <dd>{day(f.lastServiceOn)}</dd>
        </div>
        <div>
          <dt>Services provided</dt>
          <dd>
            {f.services.individual} individual, {f.services.group} group, {f.services.family} family
            {f.services.other ? `, ${f.services.other} intake or crisis` : ''} sessions;{' '}
            {f.services.matContacts} MAT coordination contact{f.services.matContacts === 1 ? '' : 's'}
          </dd>
        </div>
      </dl>
      <h4>Instrument trends</h4>
      {f.instruments.length === 0 ? (
        <p className="muted">No signed scored assessment.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Instrument</th>
              <th scope="col">First</th>
              <th scope="col">Latest</th>
            </tr>
          </thead>
          <tbody>
            {f.instruments.map((i) => (
              <tr key={i.instrumentId}>
                <th scope="row">{i.title}</th>
                <td>{score(i.first)}</td>
                <td>{i.administrations > 1 ? score(i.latest) : 'one score only'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>Diagnoses</h4>
      {f.diagnoses.length === 0 ? (
        <p className="muted">No diagnosis from a signed SUD checklist.</p>
      ) : (
        <ul>
          {f.diagnoses.map((d) => (
            <li key={d.code}>
              {d.code} {d.text}. Severity: {d.severity || '—'}. {d.remission}.
              {d.notMetOn && (
                <span className="muted">
                  {' '}
                  Criteria were last met on {formatDate(d.on)}; the checklist of {formatDate(d.notMetOn)}{' '}
                  found them not met and no remission was recorded, so the diagnosis stands.
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <h4>Level of care</h4>
      {f.levelOfCare === null ? (
        <p className="muted">No level-of-care decision.</p>
      ) : (
        <>
          <p>
            {f.levelOfCare.level}, decided {formatDate(f.levelOfCare.decidedOn)}
          </p>
          <ul>
            {f.levelOfCare.dimensions.map((d) => (
              <li key={d.label}>
                {d.label}: {d.rating}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Medications at discharge</h4>
      {f.medications.length === 0 ? (
        <p className="muted">None current.</p>
      ) : (
        <ul>
          {f.medications.map((m, i) => (
            <li key={i}>
              {m.summary}
              {m.prescriber ? `; prescriber ${m.prescriber}` : ''}
              {m.pharmacy ? `; pharmacy ${m.pharmacy}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h4>Aftercare plan</h4>
      <p className={f.aftercarePlan ? undefined : 'muted'}>
        {f.aftercarePlan
          ? `Version ${f.aftercarePlan.version}, signed ${formatDate(f.aftercarePlan.signedOn)}`
          : signed
            ? 'No signed aftercare plan.'
            : 'No signed aftercare plan (write one on the Plans tab).'}
      </p>
    </div>
  );
}
