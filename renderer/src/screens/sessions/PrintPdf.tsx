/**
 * Print to PDF: a paper size and a button; the written file's path is shown with "Open PDF", which opens it in the
 * computer's PDF viewer to print (the app is offline; the file goes to the practice's documents folder and is
 * removed when the practice locks). A refusal (e.g. no consent for SUD counselling notes) is shown in words.
 */
import { useId, useState } from 'react';
import { call, type AppErrorShape } from '../../api/client';
import { SelectField, type Option } from '../../components/controls';

export type Paper = 'letter' | 'a4';
const PAPERS: readonly Option<Paper>[] = [
  { value: 'letter', label: 'Letter' },
  { value: 'a4', label: 'A4' },
];

export function PrintPdf({
  label,
  print,
}: {
  /** The button's words: "Print PDF", "Print attendance sheet". */
  label: string;
  print: (paper: Paper) => Promise<{ ok: true; path: string } | { ok: false; error: AppErrorShape }>;
}) {
  const [paper, setPaper] = useState<Paper>('letter');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ path: string } | { error: string } | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const statusId = useId();

  async function run() {
    setBusy(true);
    setOutcome(null);
    setOpenError(null);
    const result = await print(paper);
    setBusy(false);
    setOutcome(result.ok ? { path: result.path } : { error: result.error.message });
  }

  async function open(path: string) {
    setOpenError(null);
    const result = await call('documents.open', { path });
    if (!result.ok) setOpenError(result.error.message);
  }

  return (
    <div className="print-pdf">
      <SelectField
        label="Paper"
        value={paper}
        options={PAPERS}
        onChange={setPaper}
        className="print-pdf__paper"
      />
      <button type="button" onClick={() => void run()} disabled={busy} aria-describedby={statusId}>
        {label}
      </button>
      <p id={statusId} role="status" className="print-pdf__status">
        {outcome && 'path' in outcome && (
          <>
            PDF written to <code className="path">{outcome.path}</code>
          </>
        )}
      </p>
      {outcome && 'path' in outcome && (
        <button type="button" onClick={() => void open(outcome.path)}>
          Open PDF
        </button>
      )}
      {openError && (
        <p className="field__error print-pdf__error" role="alert">
          {openError}
        </p>
      )}
      {outcome && 'error' in outcome && (
        <p className="field__error print-pdf__error" role="alert">
          {outcome.error}
        </p>
      )}
    </div>
  );
}
