/**
 * A printed PDF checked with tools nobody on the project wrote: qpdf (structure), pdffonts (every font embedded)
 * and pdftotext (what a reader sees). With CLEARLEAF_KEEP_PDFS set, a copy goes to test-results/pdfs/ to be
 * rendered with pdftoppm and looked at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function checkPdf(file: string, keepAs?: string): { text: string; pages: number } {
  const qpdf = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
  if (!qpdf.includes('No syntax or stream encoding errors found')) throw new Error(`qpdf: ${qpdf}`);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  if (fonts.length === 0) throw new Error('pdffonts lists no fonts');
  for (const f of fonts) {
    const emb = /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(f)?.[1];
    if (emb !== 'yes') throw new Error(`font not embedded: ${f}`);
  }
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  if (keepAs && process.env.CLEARLEAF_KEEP_PDFS) {
    const dir = path.resolve('test-results', 'pdfs');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(file, path.join(dir, keepAs));
  }
  return { text, pages };
}

/** The text with line breaks as spaces, so a sentence wrapped over lines reads whole. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The document catalog's /Lang and /ViewerPreferences, read by qpdf (the trailer names the catalog), and the title
 * pdfinfo reads from the info dictionary.
 */
export function pdfLanguageAndTitle(file: string): {
  lang: string | null;
  displayTitle: boolean;
  title: string;
} {
  const trailer = execFileSync('qpdf', ['--show-object=trailer', file], { encoding: 'utf8' });
  const root = /\/Root (\d+) 0 R/.exec(trailer)?.[1];
  if (!root) throw new Error(`no /Root in the trailer: ${trailer}`);
  const catalog = execFileSync('qpdf', [`--show-object=${root}`, file], { encoding: 'utf8' });
  const prefs = /\/ViewerPreferences (\d+) 0 R/.exec(catalog)?.[1];
  const viewer = prefs
    ? execFileSync('qpdf', [`--show-object=${prefs}`, file], { encoding: 'utf8' })
    : catalog;
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    lang: /\/Lang \(([^)]*)\)/.exec(catalog)?.[1] ?? null,
    displayTitle: /\/DisplayDocTitle true/.test(viewer),
    title: /^Title:\s+(.*)$/m.exec(info)?.[1]?.trim() ?? '',
  };
}
