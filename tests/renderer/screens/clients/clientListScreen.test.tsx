/**
 * The client list asks on every key, from the key's own render: one `clients.list` per change of the search, the
 * newest answer wins, and once a page has listed anyone an empty result is "No clients match" at once (no second
 * question whether the practice has clients). A row whose client did not change keeps its DOM between answers.
 */
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientListPage, ClientListQuery, ClientListRow } from '../../../../shared/domain/clients';
import { ClientListScreen } from '../../../../renderer/src/screens/clients/ClientListScreen';
import { initialClientListState } from '../../../../renderer/src/screens/clients/listState';

const row = (id: string, family: string): ClientListRow => ({
  id,
  chartNumber: `C-${id.padStart(6, '0')}`,
  legalFirstName: 'Ánh',
  legalLastName: family,
  nameOrder: 'given-first',
  preferredName: '',
  dateOfBirth: '1990-03-08',
  admissionDate: '2026-10-01',
  status: 'active',
  assignedClinicianName: null,
});

/** `clients.list` questions in the order asked, each answered when the test says. */
const asked: Array<{ query: ClientListQuery; answer: (page: ClientListPage) => void }> = [];
window.clearleaf = {
  invoke: (channel: string, input: unknown) =>
    channel === 'clients.list'
      ? new Promise((resolve) =>
          asked.push({
            query: input as ClientListQuery,
            answer: (page) => resolve({ ok: true, value: page }),
          }),
        )
      : Promise.resolve({ ok: true, value: [] }),
} as unknown as typeof window.clearleaf;

let root: Root | null = null;
let host: HTMLDivElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  asked.length = 0;
});

function Harness() {
  const [state, setState] = useState(initialClientListState);
  return <ClientListScreen state={state} onStateChange={setState} />;
}

function show(): HTMLDivElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(<Harness />));
  return host;
}

function type(into: HTMLDivElement, value: string) {
  const input = into.querySelector<HTMLInputElement>('input[type="search"]');
  if (!input) throw new Error('no search box');
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function answer(index: number, rows: ClientListRow[], total = rows.length) {
  const question = asked[index];
  if (!question) throw new Error(`no question #${index}`);
  await act(async () => question.answer({ rows, total }));
}

const names = (of: HTMLDivElement) =>
  [...of.querySelectorAll('tbody .client-link')].map((a) => a.textContent);

describe('client list', () => {
  it('asks once per key, at once, and shows only the answer to the newest search', async () => {
    const list = show();
    expect(asked.map((q) => q.query.search)).toEqual(['']);
    await answer(0, [row('1', 'Đặng'), row('2', 'Łukasiewicz'), row('3', 'O’Brien')]);

    type(list, 'd');
    type(list, 'da');
    expect(asked.map((q) => q.query.search)).toEqual(['', 'd', 'da']);
    await answer(2, [row('1', 'Đặng')]);
    await answer(1, [row('1', 'Đặng'), row('3', 'O’Brien')]);
    expect(names(list)).toEqual(['Đặng, Ánh']);
  });

  it('says no client matches without asking again whether the practice has clients', async () => {
    const list = show();
    await answer(0, [row('1', 'Đặng')]);
    type(list, 'zz');
    await answer(1, [], 0);
    expect(list.textContent).toContain('No clients match');
    expect(asked).toHaveLength(2);
  });

  it('asks whether the practice has clients when nothing has been listed yet', async () => {
    const list = show();
    await answer(0, [], 0);
    expect(asked[1]?.query).toMatchObject({ search: '', statuses: [], pageSize: 1 });
    await answer(1, [], 0);
    expect(list.textContent).toContain('No clients yet');
  });

  it('keeps the row of a client still listed when a new answer comes', async () => {
    const list = show();
    await answer(0, [row('1', 'Đặng'), row('2', 'Łukasiewicz')]);
    const kept = list.querySelector('tr[data-row-id="1"]');
    type(list, 'dang');
    await answer(1, [row('1', 'Đặng')]);
    expect(list.querySelector('tr[data-row-id="1"]')).toBe(kept);
    expect(names(list)).toEqual(['Đặng, Ánh']);
  });
});
