/** A signed plan version as it was signed, read-only, in the order the client's copy prints it. */
import {
  TRIGGER_GROUPS,
  TRIGGER_GROUP_LABELS,
  type Contact,
  type RecoveryPlan,
} from '../../../../shared/domain/recoveryPlans';
import { formatDateTime } from '../../format';

type Row = [string, string];

const contacts = (list: readonly Contact[]) =>
  list
    .filter((c) => c.name.trim() !== '')
    .map((c) => `${c.name} — ${c.phone}`)
    .join('\n');

function rows(plan: RecoveryPlan): Row[] {
  const c = plan.content;
  switch (c.kind) {
    case 'relapse-prevention': {
      const p = c.plan;
      return [
        ['Reasons for recovery', p.reasonsForRecovery],
        ...TRIGGER_GROUPS.map((g): Row => [
          `Triggers: ${TRIGGER_GROUP_LABELS[g].title.toLowerCase()}`,
          p.triggers[g]
            .filter((r) => r.trigger.trim() !== '')
            .map((r) => `If ${r.trigger}, then ${r.response}`)
            .join('\n'),
        ]),
        ['Top 5 early warning signs', p.warningSigns.filter((s) => s.trim() !== '').join('\n')],
        ['Coping strategies', p.copingStrategies],
        ['First people to tell', contacts(p.peopleToTell)],
        ['After a lapse', p.afterLapse],
        ['Next appointment', p.nextAppointment],
        ['One concrete change', p.oneChange],
        ['Review date', p.reviewDate],
      ];
    }
    case 'safety': {
      const p = c.plan;
      return [
        ['Warning signs', p.warningSigns],
        ['Own coping steps', p.ownCopingSteps],
        ['People and places that distract', p.distractions],
        ['People to ask for help', contacts(p.helpers)],
        ['Professionals', contacts(p.professionals)],
        ['Making the surroundings safer', p.saferSurroundings],
        ['Reasons for living', p.reasonsForLiving],
      ];
    }
    case 'aftercare': {
      const p = c.plan;
      return [
        ['Status and progress at discharge', p.statusAtDischarge],
        ['Outpatient counselling', p.counselling],
        ['Medication (MAT) continuation', p.medication],
        ['Prescriber', p.prescriber],
        ['Pharmacy', p.pharmacy],
        ['Next appointments', p.nextAppointments],
        ['Support groups', p.supportGroups],
        ['Sober living', p.soberLiving],
        ['Alumni programme', p.alumni],
        ['Weekly recovery-coaching check-ins', p.coaching],
        [
          'Obstacles',
          p.obstacles
            .filter((o) => o.obstacle.trim() !== '')
            .map((o) => `${o.obstacle}: ${o.response}`)
            .join('\n'),
        ],
        ['Withdrawal-comfort basics', p.withdrawalComfort],
        ['A person to text', p.comfortPerson],
        ['Urgent red flags', p.redFlags],
        ['Crisis numbers', p.crisisNumbers],
      ];
    }
  }
}

export function PlanView({ plan }: { plan: RecoveryPlan }) {
  return (
    <div className="plan-view">
      <p className="muted">
        Version {plan.version}
        {plan.signedAtMs !== null &&
          `, signed ${formatDateTime(plan.signedAtMs)} by ${plan.signedByName ?? 'unknown'}`}
        . Signed versions do not change.
      </p>
      <dl className="plan-view__list">
        {rows(plan).map(([label, value]) => (
          <div key={label} className="plan-view__item">
            <dt>{label}</dt>
            <dd>{value.trim() === '' ? '—' : value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
