/**
 * Drafts in progress, offered from the chart (issue 9 item 3): after a reload, or coming back to a chart, a note
 * that was being written is one click away — "Continue the draft of …" — rather than hidden in the Notes list.
 * Private SUD counselling notes stay on their own tab and are not offered here.
 */
import { useEffect, useState } from 'react';
import type { Note } from '../../../../shared/domain/notes';
import { call } from '../../api/client';
import { navigate } from '../../router';
import { formatDateTime } from '../../format';
import { noteDateText, noteTitle } from '../sessions/noteLabels';

export function DraftReminder({ clientId, refresh }: { clientId: string; refresh: number }) {
  const [drafts, setDrafts] = useState<Note[]>([]);

  useEffect(() => {
    let live = true;
    // Only the drafts: a long chart's thousands of signed notes are not read to find them.
    void call('notes.list', { clientId, kind: 'record', draftsOnly: true }).then((r) => {
      if (live && r.ok) setDrafts(r.value);
    });
    return () => {
      live = false;
    };
  }, [clientId, refresh]);

  if (drafts.length === 0) return null;
  return (
    <section className="draft-reminder" aria-label="Drafts in progress">
      <ul>
        {drafts.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className="link"
              onClick={() => navigate({ name: 'client-note', id: clientId, noteId: n.id })}
            >
              Continue the draft of {noteTitle(n).toLowerCase()}, {noteDateText(n.content.sessionDate)}
            </button>
            <span className="muted">
              {' '}
              · last saved {formatDateTime(n.updatedAtMs)}
              {n.authorName ? ` by ${n.authorName}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
