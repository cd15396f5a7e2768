import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import type { Client } from '../../../../shared/domain/clients';
import { emptyNoteContent } from '../../../../shared/domain/notes';
import type { AssessmentWorklist, PlanWorklist } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { aClient } from '../../../support/clients';
import { FakeClock, setUpPractice } from '../../../support/fixtures';

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const plan = (reviewDate: string) => ({
  problems: [
    {
      id: 'p1',
      text: 'Daily kratom use with withdrawal on waking',
      goals: [
        {
          id: 'g1',
          text: 'Taper to zero',
          objectives: [],
          interventions: ['CBT'],
          targetDate: null,
          status: 'active' as const,
        },
      ],
    },
  ],
  reviewDate,
  status: 'active' as const,
  revisionNote: '',
});

describe('worklists', () => {
  it('lists open alerts, unsigned assessments, plans due for review, clients without a plan and my drafts', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 18, 0));
    const { practice } = await setUpPractice({ clock });
    const dispatch = createDispatcher(createHandlers(), {
      practice,
      platform: createNodePlatform(),
      log: silentLogger,
    });
    const a = value<Client>(
      await dispatch('clients.create', { client: aClient({ legalLastName: 'Alvarsdóttir' }) }),
    );
    const b = value<Client>(
      await dispatch('clients.create', { client: aClient({ legalLastName: 'Brightwater' }) }),
    );
    value(
      await dispatch('assessments.save', {
        clientId: a.id,
        id: null,
        assessment: {
          instrumentId: 'phq9',
          answers: [1, 1, 1, 1, 1, 1, 1, 1, 1],
          context: { sex: null, underMedicalSupervision: null },
          lastDoseAtMs: null,
          timePoint: null,
          administeredAtMs: clock.now() - 1000,
          notes: '',
        },
      }),
    );
    value(await dispatch('plans.save', { clientId: a.id, baseVersion: 0, plan: plan('2026-11-20') }));
    value(
      await dispatch('notes.create', {
        clientId: b.id,
        kind: 'progress',
        content: emptyNoteContent('dap', '2026-11-23'),
      }),
    );

    const assessments = value<AssessmentWorklist>(await dispatch('worklists.assessments', {}));
    expect(assessments.openAlerts.map((x) => [x.clientName, x.kind])).toEqual([
      [`Alvarsdóttir, Araceli`, 'phq9-item9'],
    ]);
    expect(assessments.unsignedAssessments.map((x) => [x.instrumentId, x.total, x.band])).toEqual([
      ['phq9', 9, 'mild'],
    ]);

    const plans = value<PlanWorklist>(await dispatch('worklists.plans', {}));
    expect(plans.dueForReview.map((x) => [x.chartNumber, x.reviewDate])).toEqual([
      [a.chartNumber, '2026-11-20'],
    ]);
    expect(plans.withoutPlan.map((x) => x.clientId)).toEqual([b.id]);
    expect(plans.myDraftNotes.map((x) => x.clientId)).toEqual([b.id]);
  });
});
