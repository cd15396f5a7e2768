import { useState } from 'react';

/** The recovery key, shown once: print it or write it down; it is the only way in if every passphrase is lost. */
export function RecoveryKeyPanel({
  recoveryKey,
  clinicName,
  onContinue,
}: {
  recoveryKey: string;
  clinicName: string;
  onContinue: () => void;
}) {
  const [stored, setStored] = useState(false);
  return (
    <section className="card recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">Your recovery key</h1>
      <p>
        If every passphrase for <strong>{clinicName || 'this practice'}</strong> is forgotten, this key is the
        only way to open the records. Clearleaf cannot show it again and nobody else can recover it for you.
      </p>
      <p className="recovery__key" data-testid="recovery-key">
        {/* Each group stays whole on one line; a line may break only after a dash, between groups. */}
        {recoveryKey.split('-').map((group, i, all) => (
          <span key={i} className="recovery__group">
            {group}
            {i < all.length - 1 && (
              <>
                -<wbr />
              </>
            )}
          </span>
        ))}
      </p>
      <p className="muted">
        Print this page or write the key down, and keep it in a locked place away from this computer.
      </p>
      <div className="actions">
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <label className="check">
        <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />I have printed
        or written down the recovery key and stored it safely
      </label>
      <button type="button" className="primary" disabled={!stored} onClick={onContinue}>
        Continue
      </button>
    </section>
  );
}
