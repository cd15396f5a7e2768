/** A client's notes, newest session first: date, type, format, where it stands and who wrote it. */
import type { Note } from '../../../../shared/domain/notes';
import { FORMAT_LABELS, noteDateText, noteState, noteTitle } from './noteLabels';

export function NoteList({
  notes,
  emptyText,
  onOpen,
}: {
  notes: readonly Note[];
  emptyText: string;
  onOpen: (id: string) => void;
}) {
  if (notes.length === 0) return <p className="muted">{emptyText}</p>;
  const sorted = [...notes].sort(
    (a, b) =>
      b.content.sessionDate.localeCompare(a.content.sessionDate) ||
      b.content.startTime.localeCompare(a.content.startTime) ||
      b.createdAtMs - a.createdAtMs,
  );
  return (
    <table className="table note-table">
      <caption className="visually-hidden">Notes, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Session</th>
          <th scope="col">Format</th>
          <th scope="col">Status</th>
          <th scope="col">Author</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((n) => {
          const state = noteState(n);
          return (
            <tr key={n.id}>
              <td className="nowrap">{noteDateText(n.content.sessionDate)}</td>
              <td>
                <button type="button" className="link" onClick={() => onOpen(n.id)}>
                  {noteTitle(n)}
                  <span className="visually-hidden">
                    , {noteDateText(n.content.sessionDate)}, {state}
                  </span>
                </button>
              </td>
              <td>{FORMAT_LABELS[n.content.format]}</td>
              <td>
                <span className={`badge note-badge note-badge--${state.toLowerCase()}`}>{state}</span>
              </td>
              <td>{n.authorName ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
