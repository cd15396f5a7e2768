/**
 * Choosing a client inside a form (a search filter, a group's attendees): an ARIA combobox over
 * `clients.quickFind`. Arrow keys move through the matches, Enter picks, Esc closes the list.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { clientDisplayName, type ClientListRow } from '../../../../shared/domain/clients';
import { call } from '../../api/client';
import { useDebouncedValue } from '../clients/useDebouncedValue';

const LIMIT = 8;

export function ClientPicker({
  label,
  hint,
  onPick,
  exclude = [],
  error,
}: {
  label: string;
  hint?: string;
  onPick: (row: ClientListRow) => void;
  /** Clients already chosen, left out of the matches. */
  exclude?: readonly string[];
  error?: string | null;
}) {
  const ids = useId();
  const [text, setText] = useState('');
  const [rows, setRows] = useState<ClientListRow[]>([]);
  const [active, setActive] = useState(0);
  const [searched, setSearched] = useState(false);
  const query = useDebouncedValue(text, 120);

  useEffect(() => {
    if (query.trim() === '') {
      setRows([]);
      setSearched(false);
      return;
    }
    let live = true;
    void call('clients.quickFind', { search: query.slice(0, 100), limit: LIMIT }).then((r) => {
      if (!live) return;
      setRows(r.ok ? r.value : []);
      setActive(0);
      setSearched(true);
    });
    return () => {
      live = false;
    };
  }, [query]);

  const shown = rows.filter((r) => !exclude.includes(r.id));
  const open = text.trim() !== '' && shown.length > 0;
  const pick = (row: ClientListRow | undefined) => {
    if (!row) return;
    onPick(row);
    setText('');
    setRows([]);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (shown.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + shown.length) % shown.length);
    } else if (e.key === 'Enter') {
      // Enter picks a match; it never submits the surrounding form by accident.
      e.preventDefault();
      pick(shown[active] ?? shown[0]);
    } else if (e.key === 'Escape' && text !== '') {
      e.preventDefault();
      setText('');
    }
  };
  const status =
    text.trim() === ''
      ? ''
      : !searched
        ? 'Searching…'
        : shown.length === 0
          ? 'No client matches.'
          : `${shown.length} ${shown.length === 1 ? 'match' : 'matches'}: arrow keys to choose, Enter to pick.`;
  const describedBy = [hint ? `${ids}-hint` : '', `${ids}-status`, error ? `${ids}-error` : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div className={error ? 'field field--error client-picker' : 'field client-picker'}>
      <label htmlFor={`${ids}-input`}>{label}</label>
      <div className="client-picker__box">
        <input
          id={`${ids}-input`}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={open ? `${ids}-list` : undefined}
          aria-autocomplete="list"
          aria-activedescendant={open ? `${ids}-option-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder="Name or chart number"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
        />
        {open && (
          <ul
            id={`${ids}-list`}
            role="listbox"
            aria-label={`Clients matching: ${label}`}
            className="client-picker__list"
          >
            {shown.map((row, i) => (
              <li
                key={row.id}
                id={`${ids}-option-${i}`}
                role="option"
                aria-selected={i === active}
                className={
                  i === active
                    ? 'client-picker__option client-picker__option--active'
                    : 'client-picker__option'
                }
                onMouseMove={() => setActive(i)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(row)}
              >
                {clientDisplayName(row)} <span className="chart-number">{row.chartNumber}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {hint && (
        <p className="field__hint" id={`${ids}-hint`}>
          {hint}
        </p>
      )}
      <p id={`${ids}-status`} className="visually-hidden" role="status">
        {status}
      </p>
      {error && (
        <p className="field__error" id={`${ids}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
