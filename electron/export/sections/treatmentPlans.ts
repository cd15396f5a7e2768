/**
 * The treatment plan: the current version as a CarePlan with one Goal per goal (objectives as targets' notes,
 * interventions as activities); every version's goals in CSV, so the history travels too.
 */
import { listPlanVersions } from '../../db/repositories/treatmentPlans';
import type { Goal } from '../../../shared/domain/treatmentPlans';
import { fhirId, instant, labelled, ref } from '../fhir';
import type { ExportContext, ExportSection, FhirResource } from '../types';

/** Goal status → FHIR Goal lifecycle and achievement. */
function goalStatus(status: Goal['status']): { lifecycleStatus: string; achievement: string | null } {
  switch (status) {
    case 'active':
      return { lifecycleStatus: 'active', achievement: 'in-progress' };
    case 'met':
      return { lifecycleStatus: 'completed', achievement: 'achieved' };
    case 'partially-met':
      return { lifecycleStatus: 'completed', achievement: 'improving' };
    case 'not-met':
      return { lifecycleStatus: 'completed', achievement: 'not-achieved' };
    case 'discontinued':
      return { lifecycleStatus: 'cancelled', achievement: null };
  }
}

function goalResource(ctx: ExportContext, problem: string, g: Goal): FhirResource {
  const s = goalStatus(g.status);
  return labelled({
    resourceType: 'Goal',
    id: fhirId('Goal', `${ctx.client.id}/${g.id}`),
    lifecycleStatus: s.lifecycleStatus,
    ...(s.achievement
      ? {
          achievementStatus: {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: s.achievement },
            ],
          },
        }
      : {}),
    description: { text: g.text },
    subject: ref(ctx.refs.patient),
    target: g.targetDate ? [{ dueDate: g.targetDate }] : [],
    note: [
      { text: `Problem: ${problem}` },
      ...g.objectives.map((o) => ({
        text: `Objective (${o.status}${o.targetDate ? `, by ${o.targetDate}` : ''}): ${o.text}${o.measure ? ` — measured by ${o.measure}` : ''}`,
      })),
    ],
  });
}

export const treatmentPlanSection: ExportSection = {
  id: 'treatment-plan',
  label: 'Treatment plan',
  collect(ctx) {
    const versions = listPlanVersions(ctx.db, ctx.client.id);
    const current = versions.reduce<(typeof versions)[number] | null>(
      (a, v) => (a === null || v.version > a.version ? v : a),
      null,
    );
    const resources: FhirResource[] = [];
    if (current) {
      const goals = current.plan.problems.flatMap((p) => p.goals.map((g) => goalResource(ctx, p.text, g)));
      resources.push(
        labelled({
          resourceType: 'CarePlan',
          id: fhirId('CarePlan', ctx.client.id),
          status: current.plan.status === 'active' ? 'active' : 'completed',
          intent: 'plan',
          title: `Treatment plan, version ${current.version}`,
          description: current.plan.problems.map((p) => p.text).join('; '),
          subject: ref(ctx.refs.patient),
          created: instant(current.createdAtMs),
          note: [
            { text: `Review date: ${current.plan.reviewDate}` },
            ...(current.plan.revisionNote
              ? [{ text: `Reason for revision: ${current.plan.revisionNote}` }]
              : []),
          ],
          goal: goals.map((g) => ref(g.id)),
          activity: current.plan.problems.flatMap((p) =>
            p.goals.flatMap((g) =>
              g.interventions.map((text) => ({
                detail: {
                  status:
                    current.plan.status === 'active' && g.status === 'active' ? 'in-progress' : 'completed',
                  description: text,
                  goal: [ref(fhirId('Goal', `${ctx.client.id}/${g.id}`))],
                },
              })),
            ),
          ),
        }),
        ...goals,
      );
    }
    const rows = versions.flatMap((v) =>
      v.plan.problems.flatMap((p) =>
        p.goals.map((g) => [
          v.version,
          instant(v.createdAtMs),
          v.createdByName,
          v.plan.status,
          v.plan.reviewDate,
          p.text,
          g.id,
          g.text,
          g.status,
          g.targetDate,
          g.objectives.map((o) => `${o.text} [${o.status}${o.measure ? `; ${o.measure}` : ''}]`).join('; '),
          g.interventions.join('; '),
        ]),
      ),
    );
    return {
      resources,
      tables: [
        {
          file: 'csv/treatment-plan-goals.csv',
          description:
            'Every version of the treatment plan: one row per goal with its problem, status, target date, objectives and interventions.',
          columns: [
            'plan_version',
            'created_at_utc',
            'created_by',
            'plan_status',
            'review_date',
            'problem',
            'goal_id',
            'goal',
            'goal_status',
            'goal_target_date',
            'objectives',
            'interventions',
          ],
          rows,
        },
      ],
      pdfs: [],
      summary: current ? `treatment plan (version ${current.version})` : 'no treatment plan',
    };
  },
};
