/**
 * The score as the answers stand, recomputed on every answer by the shared engine: the total and its band, or how
 * many items are still unanswered (a total exists only when every counted item is answered), and the flags. A
 * safety flag is shown in red at once, whatever the total.
 */
import {
  AUDITC_THRESHOLD,
  getInstrument,
  sudDiagnosis,
  type InstrumentScore,
  type SudDetails,
  type ScoredInstrumentId,
  type Sex,
} from '../../../../shared/instruments';
import { FLAG_TEXT, URGENT_FLAGS, bandLabel, bandTone, incompleteText } from './instrumentText';

export function LiveScore({
  instrumentId,
  score,
  unanswered,
  sex,
  sud = null,
}: {
  instrumentId: ScoredInstrumentId;
  score: InstrumentScore | null;
  unanswered: number;
  sex: Sex | null;
  /** SUD checklist: the substance and remission specifier, null until a substance is chosen. */
  sud?: SudDetails | null;
}) {
  const definition = getInstrument(instrumentId);
  const complete = score?.status === 'complete' && score.total !== null;
  const urgent = score?.flags.filter((f) => URGENT_FLAGS.has(f)) ?? [];
  const notes = score?.flags.filter((f) => !URGENT_FLAGS.has(f)) ?? [];
  const icd = instrumentId === 'sud' && complete && sud ? sudDiagnosis(score.band, sud) : null;
  return (
    <div className="live-score">
      <h4 className="live-score__title">Score</h4>
      <div role="status" className="live-score__status" data-testid="live-score">
        {complete ? (
          <>
            <span className="live-score__total">
              {score.total}
              <span className="live-score__max"> of {definition.range.max}</span>
            </span>
            {score.band === null ? (
              <span className="live-score__band live-score__band--none">Total only: no published bands</span>
            ) : (
              <span className={`live-score__band band-chip band-chip--${bandTone(score.band)}`}>
                {bandLabel(instrumentId, score.band)}
              </span>
            )}
          </>
        ) : (
          <span className="live-score__incomplete">{incompleteText(unanswered)}</span>
        )}
      </div>
      {instrumentId === 'auditc' && (
        <p className="live-score__context">
          {sex === null
            ? `Sex not recorded on the client record: positive at ${AUDITC_THRESHOLD.notRecorded} or more.`
            : `Client record: ${sex}. Positive at ${AUDITC_THRESHOLD[sex]} or more.`}
        </p>
      )}
      {icd && (
        <p className="live-score__context" data-testid="icd-code">
          ICD-10-CM {icd.code} — {icd.text}
        </p>
      )}
      {instrumentId === 'sud' && complete && !sud && (
        <p className="live-score__context">Choose the substance checked to see its ICD-10-CM code.</p>
      )}
      {urgent.map((f) => (
        <p key={f} className="live-score__flag live-score__flag--urgent" role="alert">
          {FLAG_TEXT[f]}
        </p>
      ))}
      {notes
        .filter((f) => !(instrumentId === 'auditc' && f === 'sex-not-recorded'))
        .map((f) => (
          <p key={f} className="live-score__flag">
            {FLAG_TEXT[f]}
          </p>
        ))}
    </div>
  );
}
