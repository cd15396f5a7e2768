/**
 * Quick find: Ctrl+K (Cmd+K on a Mac) anywhere in the signed-in app opens a modal search over `clients.quickFind`.
 * The dialog is a native <dialog> opened with showModal(), so the rest of the page is inert; Tab is also kept
 * inside by hand, Esc closes, and focus goes back where it was. The input is an ARIA combobox over a listbox:
 * Arrow keys move the active option, Enter opens that client's chart.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { clientDisplayName, type ClientListRow } from '../../../../shared/domain/clients';
import { call } from '../../api/client';
import { navigate } from '../../router';
import { formatDateOnly } from './clientFormat';
import { StatusBadge } from './StatusBadge';
import './clients.css';

const LIMIT = 10;

export const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.userAgent);

/** True for Ctrl+K, or Cmd+K on a Mac, with no other modifier. */
export function isQuickFindKey(
  e: Pick<globalThis.KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
) {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
}

/** The shortcut listener and, while open, the dialog. `open` is owned by the frame so a header button can open it. */
export function QuickFind({
  open,
  onOpen,
  onClose,
}: {
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
}) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isQuickFindKey(e)) return;
      e.preventDefault();
      onOpen();
    };
    // Capture phase: a field that handles its own keys cannot swallow the shortcut.
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [onOpen]);
  return open ? <QuickFindDialog onClose={onClose} /> : null;
}

function QuickFindDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const restoreFocus = useRef(true);
  const [search, setSearch] = useState('');
  // Each answer keeps the search it answers. No debounce: each key asks at once and the cleanup below drops an
  // answer overtaken by a newer one; Enter opens a chart only from the answer to what is in the box now, so a fast
  // "1042⏎" never opens the top match for "104" (another client's chart).
  const [answer, setAnswer] = useState<{ search: string; rows: ClientListRow[] } | null>(null);
  const results = answer?.rows ?? null;
  const [active, setActive] = useState(0);
  const query = search;
  const current = useRef(search);
  current.current = search;
  const enterPending = useRef(false);
  const ids = useId();
  const listId = `${ids}-list`;
  const optionId = (i: number) => `${ids}-option-${i}`;

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    input.current?.focus();
    return () => {
      if (d?.open) d.close();
      if (restoreFocus.current) previous?.focus();
    };
  }, []);

  useEffect(() => {
    if (query.trim() === '') {
      setAnswer(null);
      return;
    }
    let live = true;
    void call('clients.quickFind', { search: query.slice(0, 100), limit: LIMIT }).then((r) => {
      if (!live) return;
      const rows = r.ok ? r.value : [];
      setAnswer({ search: query, rows });
      setActive(0);
      if (enterPending.current && query === current.current) {
        enterPending.current = false;
        openClient(rows[0]);
      }
    });
    return () => {
      live = false;
    };
  }, [query]);

  const openClient = (row: ClientListRow | undefined) => {
    if (!row) return;
    // The chart takes focus from here; going back to the element under the dialog would fight it.
    restoreFocus.current = false;
    onClose();
    navigate({ name: 'client', id: row.id });
  };

  const rows = results ?? [];
  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (rows.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + rows.length) % rows.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Rows still showing the answer to an earlier search wait for the answer to this one.
      if (answer?.search === search) openClient(rows[active]);
      else enterPending.current = search.trim() !== '';
    }
  };

  // Keep Tab inside the dialog: showModal() makes the page inert, but Tab could still reach the browser's own UI.
  const onDialogKey = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return;
    const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('input, button') ?? [])];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const status =
    results === null
      ? 'Type part of a name or a chart number.'
      : rows.length === 0
        ? 'No client matches.'
        : `${rows.length === LIMIT ? `First ${LIMIT}` : rows.length} ${rows.length === 1 ? 'client' : 'clients'}: arrow keys to choose, Enter to open.`;

  return (
    <dialog
      ref={dialog}
      className="quick-find"
      aria-modal="true"
      aria-labelledby={`${ids}-title`}
      onKeyDown={onDialogKey}
      onCancel={(e) => {
        // Esc: close through React state, so the dialog and its focus return are undone in one place.
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => e.target === dialog.current && onClose()}
    >
      <div className="quick-find__head">
        <h2 id={`${ids}-title`}>Find a client</h2>
        <button type="button" className="quick-find__close" onClick={onClose}>
          Close
        </button>
      </div>
      <label htmlFor={`${ids}-input`} className="visually-hidden">
        Name or chart number
      </label>
      <input
        ref={input}
        id={`${ids}-input`}
        type="text"
        role="combobox"
        aria-expanded={rows.length > 0}
        aria-controls={rows.length > 0 ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={rows.length > 0 ? optionId(active) : undefined}
        aria-describedby={`${ids}-status`}
        placeholder="Name or chart number"
        autoComplete="off"
        spellCheck={false}
        value={search}
        onChange={(e) => {
          enterPending.current = false;
          setSearch(e.target.value);
        }}
        onKeyDown={onInputKey}
      />
      {rows.length > 0 && (
        <ul id={listId} role="listbox" aria-label="Matching clients" className="quick-find__list">
          {rows.map((row, i) => (
            <li
              key={row.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={
                i === active ? 'quick-find__option quick-find__option--active' : 'quick-find__option'
              }
              onMouseMove={() => setActive(i)}
              onClick={() => openClient(row)}
            >
              <span className="quick-find__name">{clientDisplayName(row)}</span>
              <span className="chart-number">{row.chartNumber}</span>
              <span className="quick-find__dob">Born {formatDateOnly(row.dateOfBirth)}</span>
              <StatusBadge status={row.status} />
            </li>
          ))}
        </ul>
      )}
      <p id={`${ids}-status`} className="quick-find__status muted" role="status">
        {status}
      </p>
    </dialog>
  );
}
