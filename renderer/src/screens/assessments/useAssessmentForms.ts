/**
 * Which assessment form a tab has open. One at a time: opening another while the open one has unsaved changes is
 * refused with a notice (and focus goes to that form), so typed answers are never silently dropped. Closing puts
 * focus back on the button that opened the form.
 */
import { useCallback, useRef, useState } from 'react';
import type { Assessment, AssessmentKind } from '../../../../shared/domain/assessments';

export interface OpenForm {
  /** A fresh key per opening, so reopening the same record starts from what is saved. */
  key: number;
  kind: AssessmentKind;
  assessment: Assessment | null;
}

export function useAssessmentForms() {
  const [open, setOpen] = useState<OpenForm | null>(null);
  const [notice, setNotice] = useState('');
  const dirty = useRef(false);
  const counter = useRef(0);
  const opener = useRef<HTMLElement | null>(null);
  const formRoot = useRef<HTMLDivElement>(null);

  const request = useCallback(
    (kind: AssessmentKind, assessment: Assessment | null) => {
      if (open && dirty.current) {
        setNotice(
          `Save or close the open ${open.kind === 'suicide-screen' ? 'screen' : 'assessment'} first.`,
        );
        formRoot.current?.querySelector<HTMLElement>('h3')?.focus();
        return;
      }
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      counter.current += 1;
      dirty.current = false;
      setNotice('');
      setOpen({ key: counter.current, kind, assessment });
    },
    [open],
  );

  const close = useCallback(() => {
    setOpen(null);
    setNotice('');
    dirty.current = false;
    const back = opener.current;
    // After the form unmounts; the opener may itself have gone (a deleted draft's row), then nothing is forced.
    requestAnimationFrame(() => {
      if (back?.isConnected) back.focus();
    });
  }, []);

  const onDirtyChange = useCallback((d: boolean) => {
    dirty.current = d;
    if (!d) setNotice('');
  }, []);

  return { open, notice, request, close, onDirtyChange, formRoot };
}
