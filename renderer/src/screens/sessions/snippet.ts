/**
 * Search snippets from the server mark each matched word between \u0001 and \u0002. They are split into plain
 * and marked parts here and rendered as text and <mark> elements, so note text is never parsed as HTML.
 */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const OPEN = '\u0001';
const CLOSE = '\u0002';

/** Splits a snippet into parts; a stray close marker is dropped and an unclosed open marks to the end. */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  let text = '';
  const push = () => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
    text = '';
  };
  for (const ch of snippet) {
    if (ch === OPEN || ch === CLOSE) {
      push();
      marked = ch === OPEN;
    } else {
      text += ch;
    }
  }
  push();
  return parts;
}
