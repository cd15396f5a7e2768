/** The cautions from CLINICAL.md §1.6 that apply to a medication as recorded (shared/domain/medications.ts). */
import type { MedicationWarning } from '../../../../shared/domain/medications';

export function MedicationWarnings({ warnings }: { warnings: readonly MedicationWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="med-warnings" aria-label="Cautions">
      {warnings.map((w) => (
        <li key={w.id} className="med-warning">
          <strong>Caution:</strong> {w.text}
        </li>
      ))}
    </ul>
  );
}
