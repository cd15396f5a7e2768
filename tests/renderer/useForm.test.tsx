/**
 * The form hook every new form uses: typed values bound to labelled controls, one submit at a time, the server's
 * refusal shown beside the field it names (or above the form), and nothing typed lost when a save is refused.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { Field } from '../../renderer/src/components/Field';
import { FormMessage } from '../../renderer/src/components/FormError';
import { Choice } from '../../renderer/src/components/controls';
import { useForm } from '../../renderer/src/components/useForm';
import type { Result } from '../../shared/ipc/result';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Dose {
  dose: string;
  phase: 'induction' | 'maintenance' | null;
}

const refused = (path: string | null, message: string): Result<never> => ({
  ok: false,
  error: {
    code: 'INVALID_INPUT',
    message,
    fields: path ? [{ path, message }] : [],
    retryAfterMs: null,
  },
});

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

function mount(send: (v: Dose) => Promise<Result<string>>, done: string[]) {
  function DoseForm() {
    const f = useForm<Dose, string>({
      initial: { dose: '8', phase: null },
      fieldPrefix: 'medication',
      send,
      onDone: (v) => done.push(v),
    });
    return (
      <form ref={f.form} onSubmit={f.submit} noValidate>
        <FormMessage message={f.formError} />
        <Field label="Dose" {...f.text('dose')} />
        <Choice
          legend="Phase"
          {...f.value('phase')}
          options={[
            { value: 'induction', label: 'Induction' },
            { value: 'maintenance', label: 'Maintenance' },
          ]}
        />
        <button type="submit" disabled={f.busy}>
          Save
        </button>
      </form>
    );
  }
  const host = document.createElement('div');
  document.body.append(host);
  act(() => {
    root = createRoot(host);
    root.render(<DoseForm />);
  });
  return host;
}

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(host: HTMLElement) {
  await act(async () => {
    host.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

describe('useForm', () => {
  it('sends the typed values and reports the saved result', async () => {
    const sent: Dose[] = [];
    const done: string[] = [];
    const host = mount(async (v) => {
      sent.push(v);
      return { ok: true, value: 'saved-1' };
    }, done);
    type(host.querySelector('input[type="text"], input:not([type])') as HTMLInputElement, '12');
    act(() => (host.querySelectorAll('input[type="radio"]')[1] as HTMLInputElement).click());
    await submit(host);
    expect(sent).toEqual([{ dose: '12', phase: 'maintenance' }]);
    expect(done).toEqual(['saved-1']);
  });

  it('shows a refusal beside the field it names, focuses it, and keeps what was typed', async () => {
    const host = mount(async () => refused('medication.dose', 'Enter the dose as a number.'), []);
    const input = host.querySelector('input:not([type="radio"])') as HTMLInputElement;
    type(input, '8 mg?');
    await submit(host);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Enter the dose as a number.',
    );
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('8 mg?');
    expect(host.querySelector('.banner--error')).toBeNull();
  });

  it('shows a refusal that names no field above the form', async () => {
    const host = mount(async () => refused(null, 'The practice is locked.'), []);
    await submit(host);
    expect(host.querySelector('.banner--error')?.textContent).toBe('The practice is locked.');
  });

  it('sends once while a save is under way', async () => {
    let release: (r: Result<string>) => void = () => {};
    let calls = 0;
    const host = mount(
      () =>
        new Promise<Result<string>>((resolve) => {
          calls += 1;
          release = resolve;
        }),
      [],
    );
    await submit(host);
    await submit(host);
    expect(calls).toBe(1);
    expect((host.querySelector('button') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => release({ ok: true, value: 'x' }));
    expect((host.querySelector('button') as HTMLButtonElement).disabled).toBe(false);
  });
});
