import { act, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftBase, PersistResult } from '../../../../renderer/src/screens/sessions/autosave';
import {
  useDraftAutosave,
  type DraftAutosaveHandle,
} from '../../../../renderer/src/screens/sessions/useDraftAutosave';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Call {
  value: string;
  urgent: boolean;
  resolve: (r: PersistResult) => void;
}

/** Mounts the hook over a persist that answers only when the test says so. */
function mount(active = true) {
  const calls: Call[] = [];
  let handle: DraftAutosaveHandle<string> | null = null;
  const base: DraftBase = { id: 'note-1', updatedAtMs: 1 };
  function Probe({ on }: { on: boolean }) {
    const h = useDraftAutosave<string>({
      base,
      active: on,
      persist: (value, _b, { urgent }) =>
        new Promise<PersistResult>((resolve) => calls.push({ value, urgent, resolve })),
    });
    useEffect(() => {
      handle = h;
    });
    return <p>{h.status.state}</p>;
  }
  const host = document.createElement('div');
  document.body.append(host);
  let root: Root | null = null;
  act(() => {
    root = createRoot(host);
    root.render(<Probe on={active} />);
  });
  return {
    calls,
    host,
    edit: (v: string) => act(() => handle?.edit(v)),
    rerender: (on: boolean) => act(() => root?.render(<Probe on={on} />)),
    unmount: () => act(() => root?.unmount()),
  };
}

const beforeUnload = () => {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('useDraftAutosave', () => {
  it('sends the pending text at beforeunload, urgent, without asking to stay', () => {
    const t = mount();
    t.edit('typed and reloaded at once');
    expect(t.host.textContent).toBe('pending');
    expect(beforeUnload()).toBe(false);
    expect(t.calls).toEqual([expect.objectContaining({ value: 'typed and reloaded at once', urgent: true })]);
    t.unmount();
  });

  it('asks to stay when newer text waits behind a save in flight', () => {
    const t = mount();
    t.edit('first');
    beforeUnload();
    t.edit('first and more');
    expect(beforeUnload()).toBe(true);
    expect(t.calls).toHaveLength(1);
    t.unmount();
  });

  it('does not ask when everything is saved', () => {
    const t = mount();
    expect(beforeUnload()).toBe(false);
    expect(t.calls).toHaveLength(0);
    t.unmount();
  });

  it('flushes when the route changes, when its tab is hidden, and when it unmounts', async () => {
    const t = mount();
    t.edit('a');
    act(() => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(t.calls.map((c) => c.value)).toEqual(['a']);
    await act(async () => t.calls[0]?.resolve({ ok: true, base: { id: 'note-1', updatedAtMs: 2 } }));

    t.edit('ab');
    t.rerender(false);
    expect(t.calls.map((c) => c.value)).toEqual(['a', 'ab']);
    await act(async () => t.calls[1]?.resolve({ ok: true, base: { id: 'note-1', updatedAtMs: 3 } }));

    t.edit('abc');
    t.unmount();
    expect(t.calls.map((c) => c.value)).toEqual(['a', 'ab', 'abc']);
  });
});
