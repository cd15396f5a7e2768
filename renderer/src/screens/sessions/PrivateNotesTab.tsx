/**
 * SUD counselling notes (CLINICAL.md §6): the clinician's private notes, kept apart from the record. The server
 * keeps them out of the timeline, search, print and export unless a consent for SUD counselling notes is active;
 * this tab says so plainly, and shows the server's refusal when printing is not allowed.
 */
import { NotesWorkspace } from './NotesWorkspace';

export function PrivateNotesTab({ clientId, active }: { clientId: string; active: boolean }) {
  return (
    <NotesWorkspace
      clientId={clientId}
      kind="sud-counselling"
      heading="Private notes"
      openNoteId={null}
      active={active}
      onSigned={() => undefined}
      intro={
        <div className="private-banner" role="note">
          <strong>Private SUD counselling notes.</strong> Kept apart from the record; never in the timeline,
          search, print or export without a consent for SUD counselling notes.
        </div>
      }
    />
  );
}
