/**
 * The practice's outcomes (issue 15 items 3 and 5): the figures for a period and clinician, a printable PDF and a
 * CSV for a funder or board. The page shows the counts as they are, inside the clinic; what leaves it (PDF, CSV) is
 * aggregate only with small cells suppressed, from one table of rows (shared/domain/outcomes.ts).
 */
import { localDate } from '../../shared/domain/common';
import {
  OUTCOME_DEFINITIONS,
  outcomeCsv,
  outcomeTable,
  type OutcomeFigures,
  type OutcomeQuery,
} from '../../shared/domain/outcomes';
import { writeDocument } from '../documents/files';
import { renderOutcomesPdf } from '../documents/outcomesPdf';
import type { Db } from '../db/connection';
import { getClinic } from '../db/repositories/clinic';
import { outcomeFigures, outcomeParams } from '../db/repositories/outcomes';
import { listUsers } from '../db/repositories/users';
import { AppError } from '../errors';
import type { DomainHandlers } from './types';

export function figuresFor(db: Db, q: OutcomeQuery, nowMs: number): OutcomeFigures {
  let clinicianName: string | null = null;
  if (q.clinicianId !== null) {
    const user = listUsers(db).find((u) => u.id === q.clinicianId);
    if (!user) throw new AppError('NOT_FOUND', 'That clinician is not in this practice.');
    clinicianName = user.displayName;
  }
  return {
    ...outcomeFigures(db, outcomeParams(q, localDate(nowMs))),
    clinicianName,
  };
}

const fileStem = (q: OutcomeQuery) => `practice-outcomes-${q.from}-to-${q.to}`;

export const outcomeHandlers: DomainHandlers<'outcomes'> = {
  'outcomes.practice': ({ query }, { db, practice }) => {
    const figures = figuresFor(db, query, practice.clock.now());
    db.transaction(() => practice.audit({ action: 'view', entity: 'outcomes', entityId: null }))();
    return figures;
  },
  'outcomes.printPdf': async ({ query, paper }, ctx) => {
    const { db, practice } = ctx;
    const clinic = getClinic(db);
    if (!clinic) throw new AppError('NOT_FOUND', 'The clinic profile is missing.');
    const bytes = await renderOutcomesPdf({
      clinic,
      rows: outcomeTable(figuresFor(db, query, practice.clock.now())),
      definitions: OUTCOME_DEFINITIONS,
      paper,
      createdAt: new Date(practice.clock.now()),
    });
    const file = writeDocument(ctx, `${fileStem(query)}.pdf`, bytes);
    db.transaction(() => practice.audit({ action: 'print', entity: 'outcomes', entityId: null }))();
    return { path: file };
  },
  'outcomes.exportCsv': (input, ctx) => {
    const { db, practice } = ctx;
    const csv = outcomeCsv(outcomeTable(figuresFor(db, input.query, practice.clock.now())));
    const file = writeDocument(ctx, `${fileStem(input.query)}.csv`, Buffer.from(csv, 'utf8'));
    db.transaction(() => practice.audit({ action: 'export', entity: 'outcomes', entityId: null }))();
    return { path: file };
  },
};
