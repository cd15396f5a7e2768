import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../renderer/src/components/ErrorBoundary';

let broken = true;
function Fragile() {
  if (broken) throw new Error('Unreadable row for Imogen Farrow-Oduya');
  return <p>Use log</p>;
}

describe('a screen that fails to render', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('shows a calm message instead of a blank app, without the error text, and can try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    await act(async () =>
      root.render(
        <nav aria-label="Areas">
          <ErrorBoundary>
            <Fragile />
          </ErrorBoundary>
        </nav>,
      ),
    );
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'This screen could not be shown',
    );
    expect(container.textContent).not.toContain('Imogen');
    expect(container.querySelector('nav')).not.toBeNull();

    broken = false;
    await act(async () => container.querySelector('button')!.click());
    expect(container.textContent).toBe('Use log');
    act(() => root.unmount());
  });
});
