/**
 * Search across every client's notes (progress, group and MAT coordination notes, and their addenda; never private SUD counselling
 * notes, which the server leaves out). Words, "exact phrases" and prefix* as the server's full-text index reads
 * them; filters by client, dates and note type. Matches are highlighted with <mark>, built from the snippet's
 * markers as text, never as HTML.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { clientDisplayName, type ClientListRow } from '../../../../shared/domain/clients';
import type { NoteSearchResult } from '../../../../shared/ipc/channels/sessions';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
import { navigate } from '../../router';
import { CheckField } from '../../components/controls';
import { formatDate } from '../chart/dates';
import { ClientPicker } from './ClientPicker';
import { splitSnippet } from './snippet';

const LIMIT = 100;
type Kind = NoteSearchResult['kind'];
const KIND_LABELS: Record<Kind, string> = {
  progress: 'Progress note',
  'group-member': 'Group note',
  'sud-counselling': 'Private note',
  mat: 'MAT coordination note',
};

export function NoteSearch() {
  const [query, setQuery] = useState('');
  const [client, setClient] = useState<ClientListRow | null>(null);
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [progress, setProgress] = useState(true);
  const [group, setGroup] = useState(true);
  const [mat, setMat] = useState(true);
  const [results, setResults] = useState<NoteSearchResult[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const filters = useRef<HTMLDivElement>(null);
  const clientChanged = useRef(false);

  // The picker and the chosen client replace each other: keep the keyboard on whichever is shown now.
  useEffect(() => {
    if (!clientChanged.current) return;
    clientChanged.current = false;
    filters.current?.querySelector<HTMLElement>('.chosen-client button, .client-picker input')?.focus();
  }, [client]);
  const chooseClient = (row: ClientListRow | null) => {
    clientChanged.current = true;
    setClient(row);
  };

  async function search(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    // Old matches go at once, so nothing on screen answers a question that was not asked.
    setResults(null);
    const kinds = [
      ...(progress ? (['progress'] as const) : []),
      ...(group ? (['group-member'] as const) : []),
      ...(mat ? (['mat'] as const) : []),
    ];
    const result = await call('notes.search', {
      query,
      clientId: client?.id ?? null,
      fromDate: fromDate || null,
      toDate: toDate || null,
      // No box ticked reads as "no filter", the same as all.
      kinds,
      limit: LIMIT,
    });
    setBusy(false);
    if (result.ok) {
      setResults(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }

  const fieldPaths = ['query', 'fromDate', 'toDate', 'clientId'];
  const onAField = error?.fields.some((f) => fieldPaths.includes(f.path)) ?? false;
  const count = busy
    ? 'Searching…'
    : results === null
      ? ''
      : results.length === 0
        ? query.trim() === ''
          ? 'Type a word to search for.'
          : 'No notes match.'
        : `${results.length === LIMIT ? `First ${LIMIT}` : results.length} ${results.length === 1 ? 'match' : 'matches'}, newest first.`;

  return (
    <div className="note-search">
      <h1>Search notes</h1>
      <form
        className="panel search-form"
        role="search"
        aria-label="Search notes"
        onSubmit={search}
        noValidate
      >
        {error && !onAField && (
          <div className="banner banner--error" role="alert">
            {error.message}
          </div>
        )}
        <div className="search-form__query">
          <Field
            label="Search for"
            type="search"
            hint={'Words, "exact phrases" in quotes, or the start of a word with * (withdraw*).'}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            error={fieldMessage(error, 'query')}
          />
          <button type="submit" className="primary" disabled={busy}>
            Search
          </button>
        </div>
        <div className="search-form__filters" ref={filters}>
          {client ? (
            <div className="field chosen-client">
              <span className="chosen-client__label">Client</span>
              <span>
                {clientDisplayName(client)} <span className="chart-number">{client.chartNumber}</span>
              </span>
              <button type="button" className="link" onClick={() => chooseClient(null)}>
                Any client<span className="visually-hidden"> (clear the client filter)</span>
              </button>
            </div>
          ) : (
            <ClientPicker label="Client" hint="Leave empty for every client." onPick={chooseClient} />
          )}
          <Field
            label="From date"
            type="date"
            value={fromDate}
            onChange={(e) => setFromDate(e.target.value)}
            error={fieldMessage(error, 'fromDate')}
          />
          <Field
            label="To date"
            type="date"
            value={toDate}
            onChange={(e) => setToDate(e.target.value)}
            error={fieldMessage(error, 'toDate')}
          />
          <fieldset className="search-kinds">
            <legend>Note types</legend>
            <CheckField label="Progress notes" checked={progress} onChange={setProgress} />
            <CheckField label="Group notes" checked={group} onChange={setGroup} />
            <CheckField label="MAT coordination notes" checked={mat} onChange={setMat} />
          </fieldset>
        </div>
      </form>
      <p role="status" className="muted search-count">
        {count}
      </p>
      {results && results.length > 0 && (
        <ol className="search-results" aria-label="Matching notes">
          {results.map((r, i) => (
            <li key={`${r.noteId}-${r.source}-${i}`} className="search-result">
              <div className="search-result__head">
                <button
                  type="button"
                  className="link search-result__client"
                  onClick={() =>
                    navigate({
                      name: r.kind === 'mat' ? 'client-mat' : 'client-note',
                      id: r.clientId,
                      noteId: r.noteId,
                    })
                  }
                >
                  {r.clientName}
                  <span className="visually-hidden">, open this note in the chart</span>
                </button>
                <span className="chart-number">{r.chartNumber}</span>
                <span>{formatDate(r.sessionDate)}</span>
                <span className="muted">
                  {KIND_LABELS[r.kind]}
                  {r.source === 'addendum' ? ', addendum' : ''}
                </span>
              </div>
              <p className="snippet">
                {splitSnippet(r.snippet).map((part, j) =>
                  part.marked ? <mark key={j}>{part.text}</mark> : <span key={j}>{part.text}</span>,
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
