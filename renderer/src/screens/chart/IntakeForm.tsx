/**
 * Intake, saved in parts and resumable (CLINICAL.md §1.1): one form per section, each saved on its own, with a
 * progress list of what is saved and when. Drafts of every section are kept while the chart is open, so moving
 * between sections or tabs loses nothing, and a refused save keeps everything that was typed.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  INTAKE_SECTION_IDS,
  INTAKE_SECTIONS,
  type Intake,
  type IntakeSectionId,
} from '../../../../shared/domain/intake';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { formatDateTime } from '../../format';
import { draftsFrom, toSave, type Drafts } from './intakeDrafts';
import { KratomSection } from './IntakeKratom';
import {
  MedicalSection,
  PregnancySection,
  PsychiatricSection,
  ReasonsSection,
  SocialSection,
  SubstancesSection,
} from './IntakeSections';
import './intake.css';

const FIELD_PREFIX = 'save.data.';

export function IntakeForm({ clientId, onSaved }: { clientId: string; onSaved: (intake: Intake) => void }) {
  const [intake, setIntake] = useState<Intake | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  const [saved, setSaved] = useState<Drafts | null>(null);
  const [current, setCurrent] = useState<IntakeSectionId>('kratom');
  const [errors, setErrors] = useState<Partial<Record<IntakeSectionId, AppErrorShape>>>({});
  const [justSaved, setJustSaved] = useState<IntakeSectionId | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    let live = true;
    void call('intake.get', { clientId }).then((r) => {
      if (!live) return;
      if (!r.ok) return setLoadError(r.error.message);
      const d = draftsFrom(r.value.sections);
      setIntake(r.value);
      setDrafts(d);
      setSaved(d);
      // Resume where the intake stopped: the first section not saved yet.
      setCurrent(INTAKE_SECTION_IDS.find((s) => r.value.sections[s] === null) ?? 'kratom');
    });
    return () => {
      live = false;
    };
  }, [clientId]);

  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = false;
  }, [current]);

  if (loadError) {
    return (
      <div className="banner banner--error" role="alert">
        {loadError}
      </div>
    );
  }
  if (!intake || !drafts || !saved) return <div aria-busy="true" />;

  const dirty = (s: IntakeSectionId) => JSON.stringify(drafts[s]) !== JSON.stringify(saved[s]);
  const savedCount = INTAKE_SECTION_IDS.filter((s) => intake.sections[s] !== null).length;
  const error = errors[current] ?? null;
  const err = (key: string) => fieldMessage(error, `${FIELD_PREFIX}${key}`);
  const next = INTAKE_SECTION_IDS.find((s) => s !== current && intake.sections[s] === null);

  function go(section: IntakeSectionId) {
    moved.current = true;
    setJustSaved(null);
    setCurrent(section);
  }

  function patch<K extends IntakeSectionId>(section: K) {
    return (p: Partial<Drafts[K]>) => {
      setJustSaved(null);
      setDrafts((d) => (d ? { ...d, [section]: { ...d[section], ...p } } : d));
    };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!drafts || busy) return;
    const section = current;
    const built = toSave(section, drafts);
    if ('errors' in built) {
      const first = built.errors[0]?.message ?? 'Some answers cannot be read.';
      setErrors((x) => ({
        ...x,
        [section]: { code: 'INVALID_INPUT', message: first, fields: built.errors, retryAfterMs: null },
      }));
      return;
    }
    setBusy(true);
    const result = await call('intake.saveSection', { clientId, save: built.save });
    setBusy(false);
    if (!result.ok) {
      setErrors((x) => ({ ...x, [section]: result.error }));
      return;
    }
    const fresh = draftsFrom(result.value.sections);
    setIntake(result.value);
    setSaved((s) => (s ? { ...s, [section]: fresh[section] } : s));
    setDrafts((d) => (d ? { ...d, [section]: fresh[section] } : d));
    setErrors((x) => ({ ...x, [section]: undefined }));
    setJustSaved(section);
    onSaved(result.value);
  }

  const savedAt = intake.savedAtMs[current];
  const bodies: Record<IntakeSectionId, () => ReactNode> = {
    kratom: () => <KratomSection value={drafts.kratom} set={patch('kratom')} err={err} />,
    substances: () => <SubstancesSection value={drafts.substances} set={patch('substances')} err={err} />,
    medical: () => <MedicalSection value={drafts.medical} set={patch('medical')} err={err} />,
    psychiatric: () => <PsychiatricSection value={drafts.psychiatric} set={patch('psychiatric')} err={err} />,
    pregnancy: () => <PregnancySection value={drafts.pregnancy} set={patch('pregnancy')} err={err} />,
    social: () => <SocialSection value={drafts.social} set={patch('social')} err={err} />,
    reasons: () => <ReasonsSection value={drafts.reasons} set={patch('reasons')} err={err} />,
  };
  const hasFieldError = error?.fields.some((f) => f.path.startsWith(FIELD_PREFIX)) ?? false;

  return (
    <div className="intake">
      <nav className="intake__progress" aria-labelledby="intake-progress-title">
        <h2 id="intake-progress-title">Intake</h2>
        <p className="muted">
          {savedCount} of {INTAKE_SECTION_IDS.length} sections saved
        </p>
        <ol>
          {INTAKE_SECTION_IDS.map((s) => {
            const at = intake.savedAtMs[s];
            const state = dirty(s)
              ? 'Unsaved changes'
              : at !== undefined
                ? `Saved ${formatDateTime(at)}`
                : 'Not started';
            return (
              <li key={s}>
                <button
                  type="button"
                  className={`progress-item${s === current ? ' progress-item--current' : ''}${at !== undefined ? ' progress-item--saved' : ''}`}
                  aria-current={s === current ? 'step' : undefined}
                  onClick={() => go(s)}
                >
                  <span className="progress-item__mark" aria-hidden="true">
                    {at !== undefined ? '✓' : '○'}
                  </span>
                  <span className="progress-item__title">{INTAKE_SECTIONS[s].title}</span>
                  <span className="progress-item__state">{state}</span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <form
        className="panel intake__form"
        onSubmit={submit}
        aria-labelledby="intake-section-title"
        noValidate
      >
        <h3 id="intake-section-title" ref={heading} tabIndex={-1}>
          {INTAKE_SECTIONS[current].title}
        </h3>
        <p className="muted intake__saved">
          {savedAt !== undefined
            ? `Last saved ${formatDateTime(savedAt)}`
            : 'Not saved yet. Unanswered questions stay unknown.'}
        </p>
        {error && !hasFieldError && (
          <div className="banner banner--error" role="alert">
            {error.message}
          </div>
        )}
        {bodies[current]()}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Save {INTAKE_SECTIONS[current].title.toLowerCase()}
          </button>
          <span role="status" className="saved-note">
            {justSaved === current ? 'Saved.' : ''}
          </span>
          {hasFieldError && (
            <span className="field__error">Not saved: see the message beside the field.</span>
          )}
          {justSaved === current && next && (
            <button type="button" onClick={() => go(next)}>
              Next: {INTAKE_SECTIONS[next].title}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
