/**
 * The top of a draft editor (session notes and MAT notes): what is being written, whether it is saved, and — when
 * a save was refused — the held way out with its two choices, then any refusal of the signature.
 */
import type { AppErrorShape } from '../../api/client';
import { formatTime } from '../chart/dates';
import type { AutosaveStatus } from './autosave';
import type { HeldLeave } from './useDraftAutosave';

export function DraftHeader({
  label,
  status,
  held,
  savedAtMs,
  saveError,
  signError,
}: {
  /** What the draft is, e.g. "SOAP note · Draft". */
  label: string;
  status: AutosaveStatus;
  held: HeldLeave | null;
  savedAtMs: number | null;
  saveError: AppErrorShape | null;
  signError: AppErrorShape | null;
}) {
  return (
    <>
      <div className="note-editor__bar">
        <p className="eyebrow">{label}</p>
        <SaveStatus status={status} savedAtMs={savedAtMs} />
      </div>
      {held && (
        <div className="banner banner--error held-leave" role="alert">
          <p>
            You are still on this note because your latest changes could not be saved
            {saveError ? `: ${saveError.message}` : '.'} Nothing has been lost.
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void held.retry()}>
              Try saving again
            </button>
            <button type="button" className="danger" onClick={() => held.abandon()}>
              Leave without these changes
            </button>
          </div>
        </div>
      )}
      {signError && (
        <div className="banner banner--error" role="alert">
          {signError.message}
        </div>
      )}
    </>
  );
}

function SaveStatus({ status, savedAtMs }: { status: AutosaveStatus; savedAtMs: number | null }) {
  const text = (() => {
    switch (status.state) {
      case 'idle':
        return savedAtMs === null
          ? 'Not saved yet: the draft is kept from the first thing you type.'
          : `Saved ${formatTime(savedAtMs)}`;
      case 'pending':
      case 'saving':
        return 'Saving…';
      case 'saved':
        return `Saved ${formatTime(status.atMs)}`;
      case 'failed':
        return `Not saved — ${status.error.message}`;
    }
  })();
  return (
    <p role="status" className={`save-status save-status--${status.state}`} data-testid="save-status">
      {text}
    </p>
  );
}
