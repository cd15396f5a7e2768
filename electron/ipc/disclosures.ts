/**
 * The accounting of disclosures (CLINICAL.md §6). Policy: it covers the past 3 years, newest first; viewing it and
 * printing it are audited; printing it is for the record or the client, so it is not itself a disclosure. Rows are
 * written only by the print that discloses (electron/ipc/notes.ts), never here.
 */
import { accountingSinceMs } from '../../shared/domain/disclosures';
import { AppError } from '../errors';
import { getClinic } from '../db/repositories/clinic';
import { listDisclosures } from '../db/repositories/disclosures';
import { renderDisclosuresPdf } from '../pdf/disclosuresPdf';
import { requireClient } from './clients';
import { writeDocument } from '../documents/files';
import type { DomainHandlers } from './types';

export const disclosureHandlers: DomainHandlers<'disclosures'> = {
  'disclosures.list': ({ clientId }, { db, practice }) => {
    requireClient(db, clientId);
    const list = listDisclosures(db, clientId, accountingSinceMs(practice.clock.now()));
    db.transaction(() => practice.audit({ action: 'view', entity: 'disclosure-list', entityId: clientId }))();
    return list;
  },
  'disclosures.printPdf': async ({ clientId, paper }, ctx) => {
    const { db, practice } = ctx;
    const client = requireClient(db, clientId);
    const clinic = getClinic(db);
    if (!clinic) throw new AppError('NOT_FOUND', 'The clinic profile is missing.');
    const now = practice.clock.now();
    const bytes = await renderDisclosuresPdf({
      clinic,
      client,
      disclosures: listDisclosures(db, clientId, accountingSinceMs(now)),
      paper,
      createdAt: new Date(now),
    });
    const file = writeDocument(ctx, `disclosures-${client.chartNumber}-${now}.pdf`, bytes);
    db.transaction(() =>
      practice.audit({ action: 'print', entity: 'disclosure-list', entityId: clientId }),
    )();
    return { path: file };
  },
};
