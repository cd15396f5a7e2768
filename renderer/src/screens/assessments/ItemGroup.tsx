/**
 * One instrument item as a native radio group: Tab reaches the group, arrow keys move and choose within it (the
 * browser's own radio behaviour). Shortcuts for paper-to-screen entry: a number key picks the option with that
 * value and moves to the next item (so a COWS is typed as eleven digits), Y/N for yes-no items, Backspace or
 * Delete clears the answer. Only the item's allowed values are offered: COWS values are not contiguous.
 */
import { useId, type KeyboardEvent } from 'react';
import type { Answer, InstrumentItem } from '../../../../shared/instruments';

interface ShownOption {
  value: number | boolean;
  /** The key that picks it. */
  key: string;
  /** What the option shows before its label: the points it scores. */
  points: string;
  label: string;
}

function optionsOf(item: InstrumentItem): ShownOption[] {
  if (item.kind === 'yes-no') {
    return [
      { value: true, key: 'y', points: '', label: 'Yes' },
      { value: false, key: 'n', points: '', label: 'No' },
    ];
  }
  return item.options.map((o) => ({
    value: o.value,
    key: String(o.value),
    points: String(o.value),
    label: o.label,
  }));
}

/** Moves focus to the next item's chosen (or first) radio, or to what follows the items. */
export function focusNextItem(from: HTMLElement): void {
  const form = from.closest('form');
  if (!form) return;
  const groups = [...form.querySelectorAll<HTMLElement>('[data-item-group]')];
  const next = groups[groups.indexOf(from) + 1];
  const target = next
    ? (next.querySelector<HTMLInputElement>('input:checked') ?? next.querySelector<HTMLInputElement>('input'))
    : form.querySelector<HTMLElement>(
        '[data-after-items] textarea, [data-after-items] input, [data-after-items] button',
      );
  target?.focus();
}

export function ItemGroup({
  item,
  number,
  value,
  onChange,
  note,
}: {
  item: InstrumentItem;
  number: number;
  value: Answer;
  onChange: (value: Answer) => void;
  /** A short remark after the legend (e.g. "not counted under medical supervision"). */
  note?: string | null;
}) {
  const name = useId();
  const options = optionsOf(item);

  function onKeyDown(e: KeyboardEvent<HTMLFieldSetElement>) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      onChange(null);
      return;
    }
    const key = e.key.toLowerCase();
    const picked = options.find(
      (o) => o.key === key || (item.kind === 'yes-no' && key === (o.value ? '1' : '0')),
    );
    if (!picked) return;
    e.preventDefault();
    onChange(picked.value);
    focusNextItem(e.currentTarget);
  }

  return (
    <fieldset
      className={value === null ? 'item item--unanswered' : 'item'}
      data-item-group=""
      onKeyDown={onKeyDown}
      aria-describedby={item.instruction ? `${name}-instruction` : undefined}
    >
      <legend>
        <span className="item__number" aria-hidden="true">
          {number}.
        </span>{' '}
        {item.label}
        {!item.scored && <span className="item__note"> (not scored)</span>}
        {note && <span className="item__note"> ({note})</span>}
      </legend>
      {item.instruction && (
        <p className="item__instruction" id={`${name}-instruction`}>
          {item.instruction}
        </p>
      )}
      <div className="item__options">
        {options.map((o) => (
          <label key={String(o.value)} className="opt">
            {/* Said as "2: Visible beads": the score, then what it means. */}
            <input
              type="radio"
              name={name}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-label={o.points ? `${o.points}: ${o.label}` : undefined}
            />
            {o.points && <span className="opt__points">{o.points}</span>}
            <span className="opt__label">{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
