/** A fixed text as an administrator reads it: placeholders as chips in words, a plural or select as its cases. */
import type { MessageId } from '../../../../shared/i18n/catalogue';
import { segments } from '../../../../shared/i18n/labels';
import type { ScreenText } from '../../i18n/useScreenText';
import { caseText, describePlaceholder } from './wordingLabels';

export function ReadableText({ s, id, text }: { s: ScreenText; id: MessageId; text: string }) {
  return (
    <p className="wording__text">
      {segments(text).map((seg, i) => {
        if (seg.kind === 'text') return <span key={i}>{seg.text}</span>;
        const what = describePlaceholder(s, id, seg.name);
        if (!seg.cases)
          return (
            <span key={i} className="wording__chip" title={seg.source}>
              {what}
            </span>
          );
        return (
          <span key={i} className="wording__chip wording__chip--cases" title={seg.source}>
            <span className="wording__chip-what">{s('screen.wording.varies', { what })}:</span>{' '}
            {seg.cases.map((c) => caseText(s, id, c)).join(' · ')}
          </span>
        );
      })}
    </p>
  );
}
