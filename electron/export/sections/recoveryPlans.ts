/**
 * The relapse-prevention, safety and aftercare plans (CLINICAL.md §5). Every signed version is a CarePlan (the newest
 * of each kind active, each earlier one revoked and replaced by the next); the relapse-prevention plan's one
 * concrete change is its Goal, due on the review date; an aftercare plan is based on the relapse-prevention version
 * it hands on. The newest signed version of each kind goes as the PDF the client takes home; every entry of every
 * signed version is in CSV. Drafts are not part of the record.
 */
import { listRecoveryPlanRows, recoveryPlanFromRow } from '../../db/repositories/recoveryPlans';
import { renderRecoveryPlanPdf } from '../../documents/recoveryPlanPdf';
import { isCalendarDate } from '../../../shared/domain/common';
import {
  CRISIS_LINES,
  RECOVERY_PLAN_KINDS,
  RECOVERY_PLAN_TITLES,
  TRIGGER_GROUP_LABELS,
  TRIGGER_GROUPS,
  type Contact,
  type RecoveryPlan,
  type RecoveryPlanContent,
} from '../../../shared/domain/recoveryPlans';
import { fhirId, fullUrl, instant, labelled, ref } from '../fhir';
import {
  counted,
  printedDisclosure,
  type ExportContext,
  type ExportPdf,
  type ExportSection,
  type FhirResource,
} from '../types';

/** One entry of a plan: where it sits in the plan, its words, and whether it is something to do (an activity). */
interface Entry {
  section: string;
  text: string;
  action: boolean;
}

const contact = (c: Contact) => `${c.name.trim()}${c.phone.trim() ? ` — ${c.phone.trim()}` : ''}`;

/** A plan's filled-in entries, in the order the printed plan reads. */
export function planEntries(content: RecoveryPlanContent): Entry[] {
  const out: Entry[] = [];
  const add = (section: string, text: string, action = false) => {
    if (text.trim() !== '') out.push({ section, text: text.trim(), action });
  };
  switch (content.kind) {
    case 'relapse-prevention': {
      const p = content.plan;
      add('Reasons for recovery', p.reasonsForRecovery);
      for (const g of TRIGGER_GROUPS) {
        for (const t of p.triggers[g]) {
          if (t.trigger.trim() !== '') {
            add(
              `If-then plan (${TRIGGER_GROUP_LABELS[g].title.toLowerCase()})`,
              `If ${t.trigger.trim()}, then ${t.response.trim()}`,
              true,
            );
          }
        }
      }
      p.warningSigns.forEach((s) => add('Early warning sign', s));
      add('Coping strategies', p.copingStrategies, true);
      p.peopleToTell
        .filter((c) => c.name.trim() !== '')
        .forEach((c) => add('Person to tell', contact(c), true));
      add('After a lapse', p.afterLapse, true);
      add('Next appointment', p.nextAppointment, true);
      add('One concrete change', p.oneChange);
      add('Review date', p.reviewDate);
      break;
    }
    case 'safety': {
      const p = content.plan;
      add('Warning signs', p.warningSigns);
      add('Things I can do on my own', p.ownCopingSteps, true);
      add('People and places that take my mind off things', p.distractions, true);
      p.helpers
        .filter((c) => c.name.trim() !== '')
        .forEach((c) => add('Person to ask for help', contact(c), true));
      p.professionals
        .filter((c) => c.name.trim() !== '')
        .forEach((c) => add('Professional to call', contact(c), true));
      CRISIS_LINES.forEach((c) => add('Crisis line', `${c.name} — ${c.how}`, true));
      add('Making my surroundings safer', p.saferSurroundings, true);
      add('Reasons for living', p.reasonsForLiving);
      break;
    }
    case 'aftercare': {
      const p = content.plan;
      add('Status and progress at discharge', p.statusAtDischarge);
      add('Outpatient counselling', p.counselling, true);
      add(
        'Medication (MAT) continuation',
        [p.medication, p.prescriber && `prescriber: ${p.prescriber}`, p.pharmacy && `pharmacy: ${p.pharmacy}`]
          .filter(Boolean)
          .join('; '),
        true,
      );
      add('Next appointments', p.nextAppointments, true);
      add('Support groups', p.supportGroups, true);
      add('Sober living', p.soberLiving, true);
      add('Alumni programme', p.alumni, true);
      add('Weekly recovery-coaching check-ins', p.coaching, true);
      p.obstacles
        .filter((o) => o.obstacle.trim() !== '')
        .forEach((o) =>
          add('Obstacle and how to meet it', `${o.obstacle.trim()}: ${o.response.trim() || '—'}`, true),
        );
      add('Withdrawal comfort', p.withdrawalComfort, true);
      add('A person to text', p.comfortPerson);
      add('Urgent red flags', p.redFlags);
      add('Crisis numbers', p.crisisNumbers);
      break;
    }
  }
  return out;
}

const carePlanId = (p: RecoveryPlan) => fhirId('CarePlan', `recovery-plan/${p.id}`);

/** One signed version; `newer` replaced it, and it replaced `older` (versions of the same kind). */
function planResources(
  ctx: ExportContext,
  p: RecoveryPlan,
  newer: RecoveryPlan | null,
  older: RecoveryPlan | null,
): FhirResource[] {
  const title = RECOVERY_PLAN_TITLES[p.content.kind];
  const entries = planEntries(p.content);
  const goals: FhirResource[] = [];
  if (p.content.kind === 'relapse-prevention' && p.content.plan.oneChange.trim() !== '') {
    const review = p.content.plan.reviewDate;
    goals.push(
      labelled({
        resourceType: 'Goal',
        id: fhirId('Goal', `recovery-plan/${p.id}`),
        lifecycleStatus: newer ? 'cancelled' : 'active',
        description: { text: p.content.plan.oneChange.trim() },
        subject: ref(ctx.refs.patient),
        target: isCalendarDate(review) ? [{ dueDate: review }] : [],
        note: [{ text: `The one concrete change in the relapse-prevention plan, version ${p.version}` }],
      }),
    );
  }
  const rpId = p.content.kind === 'aftercare' ? p.content.plan.relapsePreventionPlanId : null;
  return [
    labelled({
      resourceType: 'CarePlan',
      id: carePlanId(p),
      status: newer ? 'revoked' : 'active',
      intent: 'plan',
      category: [{ text: title }],
      title: `${title}, version ${p.version}`,
      subject: ref(ctx.refs.patient),
      created: instant(p.createdAtMs),
      ...(p.signedByName ? { author: { display: p.signedByName } } : {}),
      ...(rpId ? { basedOn: [ref(fhirId('CarePlan', `recovery-plan/${rpId}`))] } : {}),
      ...(older ? { replaces: [ref(carePlanId(older))] } : {}),
      goal: goals.map((g) => ref(g.id)),
      activity: entries
        .filter((e) => e.action)
        .map((e) => ({
          detail: { status: newer ? 'stopped' : 'in-progress', description: `${e.section}: ${e.text}` },
        })),
      // The entries that are not things to do (reasons, signs, status) travel as the plan's own notes.
      note: [
        ...(newer ? [{ text: `Replaced by version ${newer.version}` }] : []),
        ...entries.filter((e) => !e.action).map((e) => ({ text: `${e.section}: ${e.text}` })),
      ],
    }),
    ...goals,
  ];
}

export const recoveryPlansSection: ExportSection = {
  id: 'recovery-plans',
  label: 'Relapse-prevention, safety and aftercare plans',
  async collect(ctx) {
    const resources: FhirResource[] = [];
    const pdfs: ExportPdf[] = [];
    const signed: RecoveryPlan[] = [];
    const files = new Map<string, string>();
    const all = new Map<string, RecoveryPlan>();
    for (const kind of RECOVERY_PLAN_KINDS) {
      // Newest first; each earlier version was replaced by the one after it.
      const versions = listRecoveryPlanRows(ctx.db, ctx.client.id, kind)
        .map(recoveryPlanFromRow)
        .filter((p) => p.signedAtMs !== null);
      versions.forEach((p, i) => {
        all.set(p.id, p);
        resources.push(...planResources(ctx, p, versions[i - 1] ?? null, versions[i + 1] ?? null));
      });
      signed.push(...versions);
    }
    // An aftercare plan can hand on only a signed relapse-prevention version (recoveryPlans.ts); should one be
    // missing, the link is dropped rather than left pointing outside the Bundle.
    for (const r of resources) {
      const based = (r.basedOn as Array<{ reference: string }> | undefined)?.[0]?.reference;
      if (based && !resources.some((x) => fullUrl(x.id) === based)) delete r.basedOn;
    }
    for (const kind of RECOVERY_PLAN_KINDS) {
      const latest = signed.find((p) => p.content.kind === kind);
      if (!latest) continue;
      const rpId = latest.content.kind === 'aftercare' ? latest.content.plan.relapsePreventionPlanId : null;
      const file = `pdf/${kind}-plan-v${latest.version}.pdf`;
      files.set(latest.id, file);
      pdfs.push({
        file,
        title: `${RECOVERY_PLAN_TITLES[kind]}, version ${latest.version}`,
        description: `The ${RECOVERY_PLAN_TITLES[kind].toLowerCase()} as the client takes it home (version ${latest.version}, signed), with signature lines.`,
        encounterIds: [],
        date: instant(latest.signedAtMs!).slice(0, 10),
        bytes: await renderRecoveryPlanPdf({
          clinic: ctx.clinic,
          client: ctx.client,
          plan: latest,
          relapsePlan: rpId ? (all.get(rpId) ?? null) : null,
          paper: ctx.paper,
          createdAt: new Date(ctx.nowMs),
          disclosure: printedDisclosure(ctx),
          // The export is read by the receiving clinic: in English, as the rest of the record.
          language: 'en',
        }),
      });
    }
    const latestIds = new Set(
      RECOVERY_PLAN_KINDS.flatMap((k) => signed.find((p) => p.content.kind === k)?.id ?? []),
    );
    return {
      resources,
      pdfs,
      tables: [
        {
          file: 'csv/recovery-plans.csv',
          description:
            'Signed relapse-prevention, safety and aftercare plan versions: one row each with who signed and when, the SHA-256 of the signed content, whether it is the newest, and its PDF.',
          columns: [
            'plan_id',
            'kind',
            'version',
            'is_newest',
            'written_at_utc',
            'signed_by',
            'signed_at_utc',
            'content_sha256',
            'pdf_file',
          ],
          rows: signed.map((p) => [
            p.id,
            p.content.kind,
            p.version,
            latestIds.has(p.id),
            instant(p.createdAtMs),
            [p.signedByName, p.signedByCredentials].filter(Boolean).join(', '),
            instant(p.signedAtMs!),
            p.contentHash,
            files.get(p.id) ?? null,
          ]),
        },
        {
          file: 'csv/recovery-plan-entries.csv',
          description:
            'Every filled-in entry of every signed plan version above, in the order the plan reads: one row per entry with the part of the plan it belongs to.',
          columns: ['plan_id', 'kind', 'version', 'part', 'entry'],
          rows: signed.flatMap((p) =>
            planEntries(p.content).map((e) => [p.id, p.content.kind, p.version, e.section, e.text]),
          ),
        },
      ],
      summary:
        signed.length === 0
          ? 'no signed relapse-prevention, safety or aftercare plan'
          : RECOVERY_PLAN_KINDS.flatMap((k) => {
              const n = signed.filter((p) => p.content.kind === k).length;
              return n ? [`${RECOVERY_PLAN_TITLES[k].toLowerCase()} (${counted(n, 'signed version')})`] : [];
            }).join(', '),
    };
  },
};
