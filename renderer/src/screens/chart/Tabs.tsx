/**
 * An ARIA tab list (WAI-ARIA Authoring Practices "tabs with automatic activation"): one tab stop, arrow keys move
 * and select, Home and End jump. The panels are rendered by the owner with `tabPanelProps`.
 */
import { useRef, type KeyboardEvent } from 'react';

export interface TabSpec<T extends string> {
  id: T;
  label: string;
  /** A short count or state shown after the label ("3"), read as part of the tab's name. */
  badge?: string;
  /** Words that say what the badge counts, for screen readers ("sections saved"). */
  badgeHint?: string;
}

const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

export function Tabs<T extends string>({
  tabs,
  selected,
  onSelect,
  idPrefix,
  label,
}: {
  tabs: readonly TabSpec<T>[];
  selected: T;
  onSelect: (id: T) => void;
  idPrefix: string;
  label: string;
}) {
  const refs = useRef(new Map<T, HTMLButtonElement>());

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.id === selected);
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const to = moves[e.key];
    const next = to === undefined ? undefined : tabs[to];
    if (!next) return;
    e.preventDefault();
    onSelect(next.id);
    refs.current.get(next.id)?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          type="button"
          role="tab"
          id={tabId(idPrefix, t.id)}
          aria-selected={t.id === selected}
          aria-controls={panelId(idPrefix, t.id)}
          tabIndex={t.id === selected ? 0 : -1}
          className="tabs__tab"
          onClick={() => onSelect(t.id)}
        >
          {t.label}
          {t.badge !== undefined && (
            <span className="tabs__badge">
              {' '}
              {t.badge}
              {t.badgeHint && <span className="visually-hidden"> {t.badgeHint}</span>}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

/** Props for the panel of tab `id`; hidden panels stay mounted so drafts in them survive a change of tab. */
export function tabPanelProps(idPrefix: string, id: string, selected: boolean) {
  return {
    role: 'tabpanel' as const,
    id: panelId(idPrefix, id),
    'aria-labelledby': tabId(idPrefix, id),
    hidden: !selected,
    tabIndex: 0,
    className: 'tabs__panel',
  };
}
