/** Small helpers the plan documents share: a text field typed one item per line prints as a list. */
import { bullets, paragraph } from './layout';

export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.replace(/^\s*[•*-]\s*/, '').trim())
    .filter((l) => l !== '');

/** One line prints as a sentence; several as a list, after a lead-in line that ends with a colon. */
export function textBlock(doc: PDFKit.PDFDocument, text: string): void {
  const items = lines(text);
  const [first, ...rest] = items;
  if (first !== undefined && first.endsWith(':') && rest.length > 0) {
    paragraph(doc, first);
    bullets(doc, rest);
  } else if (items.length > 1) bullets(doc, items);
  else paragraph(doc, first ?? '');
}
