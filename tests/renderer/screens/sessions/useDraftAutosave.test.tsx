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
    return <p>{h.held ? 'held' : h.status.state}</p>;
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
    handle: () => handle,
  };
}

/** Chromium's Navigation API, which happy-dom lacks: the hook listens to it for route changes. */
const navigation = new EventTarget();
Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });

/** A route change as Chromium announces it, before the address moves. Returns whether it went ahead. */
function routeTo(hash: string) {
  const event = Object.assign(new Event('navigate', { cancelable: true }), {
    destination: { url: new URL(hash, window.location.href).href },
  });
  act(() => {
    navigation.dispatchEvent(event);
  });
  // The router's own listener then sees a hashchange only when the navigation went ahead.
  if (!event.defaultPrevented) {
    act(() => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
  }
  return { wentAhead: !event.defaultPrevented };
}

const beforeUnload = () => {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
};

afterEach(async () => {
  document.body.innerHTML = '';
  window.location.hash = '#/clients/c1/notes/n1';
  // Let happy-dom's own hashchange events for that go by before the next test mounts a hook.
  await new Promise((resolve) => setTimeout(resolve, 5));
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
    routeTo('#/clients');
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

  it('holds a route change until the text is saved, then goes on', async () => {
    const t = mount();
    t.edit('typed');
    // The navigation waits: the address is still the editor's while the save runs.
    expect(routeTo('#/sessions').wentAhead).toBe(false);
    expect(window.location.hash).toBe('#/clients/c1/notes/n1');
    expect(t.calls.map((c) => c.value)).toEqual(['typed']);
    await act(async () => t.calls[0]?.resolve({ ok: true, base: { id: 'note-1', updatedAtMs: 2 } }));
    expect(window.location.hash).toBe('#/sessions');
    t.unmount();
  });

  it('lets a route change through at once when everything is saved', () => {
    const t = mount();
    expect(routeTo('#/sessions').wentAhead).toBe(true);
    t.unmount();
  });

  it('keeps the editor open with the text when the save is refused, until saved or left on purpose', async () => {
    const t = mount();
    t.edit('words that must not be lost');
    expect(routeTo('#/sessions').wentAhead).toBe(false);
    const refusal = {
      ok: false as const,
      error: { code: 'CONFLICT' as const, message: 'Changed elsewhere.', fields: [], retryAfterMs: null },
    };
    await act(async () => t.calls[0]?.resolve(refusal));
    expect(window.location.hash).toBe('#/clients/c1/notes/n1');
    expect(t.host.textContent).toBe('held');

    // Leaving by the app's own buttons is held the same way.
    let left = 0;
    const leaving = t.handle()?.leave(() => (left += 1));
    await act(async () => t.calls[1]?.resolve(refusal));
    expect(await leaving).toBe(false);
    expect(left).toBe(0);

    // Trying again and succeeding goes on; so does choosing to leave without the changes.
    const retry = t.handle()?.held?.retry();
    await act(async () => t.calls[2]?.resolve(refusal));
    await act(async () => retry);
    expect(t.host.textContent).toBe('held');
    act(() => t.handle()?.held?.abandon());
    expect(left).toBe(1);
    expect(t.calls.map((c) => c.value)).toEqual(Array(3).fill('words that must not be lost'));
    t.unmount();
  });
});
