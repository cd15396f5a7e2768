/**
 * The record export from the chart (issue 11 item 6). Policy: the request and its consent are checked before the
 * passphrase (CLINICAL.md §7: re-authentication to export), so a wrong consent is a field error at once; the export
 * then runs as a job the page polls. It is written into the practice's exports folder (owner-only; an encrypted
 * archive is kept until the clinician moves it, a plain folder or archive is removed when the practice locks), and
 * only a path inside that folder is ever shown in the file manager.
 */
import fs from 'node:fs';
import path from 'node:path';
import { localDate } from '../../shared/domain/common';
import { AppError } from '../errors';
import { exportJobProgress, startExportJob } from '../export/jobs';
import {
  choosableSections,
  exportStepCount,
  requireExportClient,
  resolveExportDisclosure,
  runRecordExport,
  sectionsFor,
} from '../export/recordExport';
import { EXPORT_SECTIONS } from '../export/sections';
import type { Practice } from '../practice/practice';
import type { DomainHandlers } from './types';

export const exportsDirOf = (practice: Practice): string => practice.exportsDir;

export const recordExportHandlers: DomainHandlers<'recordExport'> = {
  'recordExport.start': async ({ request, passphrase }, { db, practice, user, log }) => {
    requireExportClient(db, request.clientId);
    resolveExportDisclosure(db, request, localDate(practice.clock.now()), 'request.consentId');
    const total = exportStepCount(sectionsFor(request, EXPORT_SECTIONS, 'request.include'));
    await practice.reauthenticate(passphrase, 'passphrase');
    const jobId = startExportJob(
      user.id,
      total,
      (progress) => runRecordExport({ db, practice, user }, request, exportsDirOf(practice), progress),
      () => log.error('recordExport: export failed'),
    );
    return { jobId, total };
  },
  'recordExport.parts': () => choosableSections().map((s) => ({ id: s.id, label: s.label })),
  'recordExport.progress': ({ jobId }, { user }) => exportJobProgress(user.id, jobId),
  'recordExport.show': ({ path: target }, { practice, platform }) => {
    const dir = exportsDirOf(practice);
    let real: string;
    try {
      real = fs.realpathSync(target);
    } catch {
      throw new AppError('NOT_FOUND', 'That export is no longer there.');
    }
    if (path.dirname(real) !== fs.realpathSync(dir)) {
      throw new AppError('FORBIDDEN', 'Only exports in the practice’s exports folder can be shown.');
    }
    platform.showItemInFolder(real);
    return { shown: true };
  },
};
