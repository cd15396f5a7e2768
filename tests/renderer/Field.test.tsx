import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { Field } from '../../renderer/src/components/Field';
import { describeAudit } from '../../renderer/src/auditWords';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(node: React.ReactNode): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => createRoot(host).render(node));
  return host;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Field', () => {
  it('labels its input and ties the error to it, announced', () => {
    const host = render(
      <Field label="Phone" hint="Digits only" error="Use digits and + ( ) - . only." value="" readOnly />,
    );
    const input = host.querySelector('input');
    const label = host.querySelector('label');
    expect(label?.htmlFor).toBe(input?.id);
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    const described = (input?.getAttribute('aria-describedby') ?? '').split(' ');
    const texts = described.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(['Digits only', 'Use digits and + ( ) - . only.']);
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('Use digits and + ( ) - . only.');
  });

  it('has no error state when there is no error', () => {
    const host = render(<Field label="Phone" value="" readOnly />);
    expect(host.querySelector('input')?.hasAttribute('aria-invalid')).toBe(false);
    expect(host.querySelector('[role="alert"]')).toBeNull();
  });
});

describe('audit log in plain words', () => {
  const entry = { id: 1, atMs: 0, userId: 'u', userName: 'A', entityId: null, clientName: null };
  it('describes known actions and keeps unknown ones readable', () => {
    expect(describeAudit({ ...entry, action: 'unlock-failed', entity: 'session' })).toBe(
      'Failed unlock attempt',
    );
    expect(describeAudit({ ...entry, action: 'create', entity: 'user' })).toBe('Created staff account');
    expect(describeAudit({ ...entry, action: 'idle-lock', entity: 'session' })).toBe(
      'Locked after idle time',
    );
    expect(describeAudit({ ...entry, action: 'archive', entity: 'widget' })).toBe('archive widget');
  });
});
