/** The practice setting for follow-up after discharge: whether a 90-day contact is asked for as well as 7 and 30. */
import { useEffect, useState } from 'react';
import type { User } from '../../../../shared/domain/identity';
import { call } from '../../api/client';
import { CheckField } from '../../components/controls';
import { FormMessage } from '../../components/FormError';

export function FollowUpSettings({ user }: { user: User }) {
  const [with90Days, setWith90Days] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void call('followUps.settings', {}).then((r) => r.ok && setWith90Days(r.value.with90Days));
  }, []);
  if (with90Days === null) return null;
  const change = async (next: boolean) => {
    setSaved(false);
    const r = await call('followUps.saveSettings', { with90Days: next });
    if (r.ok) {
      setWith90Days(r.value.with90Days);
      setError(null);
      setSaved(true);
    } else setError(r.error.message);
  };
  return (
    <section className="panel" aria-labelledby="follow-up-settings">
      <h2 id="follow-up-settings">Follow-up after discharge</h2>
      <p className="muted">Every discharge asks for a contact 7 and 30 days after the discharge date.</p>
      <FormMessage message={error} />
      <CheckField
        label="Also ask for a contact 90 days after discharge"
        hint={user.administrator ? undefined : 'Only a practice administrator can change this.'}
        checked={with90Days}
        onChange={(c) => void change(c)}
      />
      {saved && <span role="status">Saved.</span>}
    </section>
  );
}
