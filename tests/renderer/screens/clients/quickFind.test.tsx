/**
 * Quick find asks on every key. Enter opens a chart only from the answer to what is in the box: a fast "C-1042⏎"
 * (a typist, a barcode scanner) while the answer to "C-104" is still on screen must not open that answer's top
 * match, another client's chart. It waits for its own answer instead.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientListRow } from '../../../../shared/domain/clients';
import { QuickFind } from '../../../../renderer/src/screens/clients/QuickFind';

const row = (id: string, chartNumber: string, family: string): ClientListRow => ({
  id,
  chartNumber,
  legalFirstName: 'Ánh',
  legalLastName: family,
  nameOrder: 'given-first',
  preferredName: '',
  dateOfBirth: '1990-03-08',
  admissionDate: '2026-10-01',
  status: 'active',
  assignedClinicianName: null,
});

/** Answers held until the test releases them, by search. */
const pending = new Map<string, (rows: ClientListRow[]) => void>();
window.clearleaf = {
  invoke: (channel: string, input: unknown) =>
    channel === 'clients.quickFind'
      ? new Promise((resolve) =>
          pending.set((input as { search: string }).search, (rows) => resolve({ ok: true, value: rows })),
        )
      : Promise.resolve({ ok: true, value: null }),
} as unknown as typeof window.clearleaf;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  pending.clear();
  window.location.hash = '';
});

function open(): HTMLInputElement {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(<QuickFind open onOpen={() => {}} onClose={() => {}} />));
  const input = host.querySelector('input');
  if (!input) throw new Error('no quick find input');
  return input;
}

function type(input: HTMLInputElement, value: string) {
  act(() => {
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const enter = (input: HTMLInputElement) =>
  act(() => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });

async function answer(search: string, rows: ClientListRow[]) {
  const release = pending.get(search);
  if (!release) throw new Error(`no question for "${search}"`);
  await act(async () => release(rows));
}

describe('quick find', () => {
  it('opens nothing from an earlier search’s answer; Enter waits for the answer to what was typed', async () => {
    const input = open();
    type(input, 'C-104');
    await answer('C-104', [row('other', 'C-001040', 'Đặng'), row('mine', 'C-001042', 'Nguyễn')]);
    type(input, 'C-1042');
    enter(input);
    // The rows on screen answer "C-104": nothing opens yet.
    expect(window.location.hash).toBe('');
    await answer('C-1042', [row('mine', 'C-001042', 'Nguyễn')]);
    expect(window.location.hash).toBe('#/clients/mine');
  });

  it('opens the highlighted row at once when the rows answer what is in the box', async () => {
    const input = open();
    type(input, 'Dang');
    await answer('Dang', [row('dang', 'C-000007', 'Đặng')]);
    enter(input);
    expect(window.location.hash).toBe('#/clients/dang');
  });
});
