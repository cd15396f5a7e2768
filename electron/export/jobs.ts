/**
 * Running exports, for the progress display: each is a job held in memory by main, polled by the page. Only the
 * user who started a job can read it; finished jobs are forgotten once many newer ones exist. No clinical text is
 * kept here beyond the result the page is shown.
 */
import { randomUUID } from 'node:crypto';
import type { ExportProgress, RecordExportResult } from '../../shared/domain/recordExport';
import { AppError } from '../errors';

interface Job {
  userId: string;
  progress: ExportProgress;
}

const KEEP = 20;
const jobs = new Map<string, Job>();

export function startExportJob(
  userId: string,
  total: number,
  run: (progress: (done: number, label: string) => void) => Promise<RecordExportResult>,
  onUnexpected: (err: unknown) => void,
): string {
  const jobId = randomUUID();
  const job: Job = {
    userId,
    progress: { jobId, state: 'running', done: 0, total, label: 'Starting', result: null, error: null },
  };
  jobs.set(jobId, job);
  for (const id of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEEP))) {
    if (jobs.get(id)?.progress.state !== 'running') jobs.delete(id);
  }
  void run((done, label) => {
    job.progress = { ...job.progress, done, label };
  }).then(
    (result) => {
      job.progress = { ...job.progress, state: 'done', done: total, label: 'Done', result };
    },
    (err: unknown) => {
      const known = err instanceof AppError;
      if (!known) onUnexpected(err);
      job.progress = {
        ...job.progress,
        state: 'failed',
        error: known
          ? { code: err.code, message: err.message }
          : { code: 'INTERNAL', message: 'The export failed; nothing was recorded and no file was kept.' },
      };
    },
  );
  return jobId;
}

export function exportJobProgress(userId: string, jobId: string): ExportProgress {
  const job = jobs.get(jobId);
  if (!job || job.userId !== userId) throw new AppError('NOT_FOUND', 'That export is not running here.');
  return job.progress;
}
