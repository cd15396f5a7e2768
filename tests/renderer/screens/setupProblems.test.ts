import { describe, expect, it } from 'vitest';
import { setupProblems } from '../../../renderer/src/screens/setupProblems';
import { UsernameSchema } from '../../../shared/domain/identity';

const good = {
  clinic: {
    name: 'Riverbend Recovery Collective',
    address: '12 Alder St, Eugene, OR',
    phone: '(541) 555-0100',
  },
  clinician: {
    displayName: 'Ana Ruiz',
    credentials: 'LPC',
    role: 'clinician',
    username: 'aruiz',
    passphrase: 'orchid ferry basalt nine',
  },
};

describe('setup problems', () => {
  it('is null for a complete form with matching passphrases', () => {
    expect(setupProblems(good, true)).toBeNull();
  });

  it('names every field that needs attention at once, the mismatch too', () => {
    const problems = setupProblems(
      {
        clinic: { name: '', address: '', phone: 'call me' },
        clinician: { ...good.clinician, displayName: '', username: 'A Ruiz', passphrase: 'short' },
      },
      false,
    );
    expect(problems?.fields.map((f) => f.path)).toEqual([
      'clinic.name',
      'clinic.address',
      'clinic.phone',
      'clinician.displayName',
      'clinician.username',
      'clinician.passphrase',
      'confirm',
    ]);
    expect(problems?.message).toBe('7 fields need attention.');
  });
});

describe('username rule', () => {
  it('refuses a username that breaks the stated rule instead of changing it', () => {
    expect(UsernameSchema.safeParse('JRivera').error?.issues[0]?.message).toMatch(/no capitals/);
    expect(UsernameSchema.safeParse('j rivera').success).toBe(false);
    expect(UsernameSchema.safeParse('josé').success).toBe(false);
    expect(UsernameSchema.parse('jrivera')).toBe('jrivera');
    expect(UsernameSchema.parse('j.rivera-2')).toBe('j.rivera-2');
  });
});
