/** The chart's Notes tab: progress notes and this client's own blocks of group notes (CLINICAL.md §5). */
import { NotesWorkspace } from './NotesWorkspace';

export function NotesTab({
  clientId,
  openNoteId,
  active,
  onSigned,
}: {
  clientId: string;
  openNoteId: string | null;
  active: boolean;
  onSigned: () => void;
}) {
  return (
    <NotesWorkspace
      clientId={clientId}
      kind="record"
      heading="Notes"
      openNoteId={openNoteId}
      active={active}
      onSigned={onSigned}
    />
  );
}
