/**
 * Names from everywhere: folding for search, a sort key for the client list, and the one place a client's full name
 * is composed.
 *
 * Folding: canonical decomposition takes accents off letters that decompose ("Núñez" → "nunez"); letters that do not
 * decompose ("Đ", "Ł", "ı", "Ø", "ß", "Æ", "Œ", "Þ"...) go through FOLD_TABLE. The same `foldName` runs when a name is
 * indexed and when a search is typed, so both sides always agree. Apostrophes are dropped ("O’Brien" → "obrien");
 * when indexing, a name with apostrophes or hyphens is indexed whole and by its parts ("montoyabrandt", "montoya",
 * "brandt"), so "obrien", "o'brien", "brien" and "montoya" all find what a clinician expects.
 *
 * Sort key: the folded "family, given" with punctuation and spaces kept (they sort before letters and digits, as in
 * Unicode collation, so "O’Brien" comes before "Oberg" and "Okafor"), then the accented, cased name as a tie-break
 * (unaccented first, as Intl.Collator orders "Nunez" before "Núñez"). Plain byte order of the key then matches
 * `Intl.Collator('en')` for Latin-script names, so SQLite can sort and page on an ordinary index. One knowing
 * difference: "Þ" sorts as "th" (how it is transliterated), where the root collation puts it after "z".
 */

/** Letters that Unicode does not decompose into a base letter and a mark, with what they fold to (lower case). */
export const FOLD_TABLE: Readonly<Record<string, string>> = {
  đ: 'd', // Vietnamese, Croatian, Serbian Latin
  ð: 'd', // Icelandic, Faroese
  ł: 'l', // Polish
  ŀ: 'l', // Catalan middle-dot l
  ı: 'i', // Turkish, Azerbaijani dotless i
  ø: 'o', // Danish, Norwegian
  ß: 'ss', // German
  ẞ: 'ss',
  æ: 'ae', // Danish, Norwegian, Icelandic, Old English
  œ: 'oe', // French
  þ: 'th', // Icelandic
  ħ: 'h', // Maltese
  ŧ: 't', // Northern Sami
  ŋ: 'n', // Sami
  ĸ: 'k', // Greenlandic
  ƒ: 'f',
  ɨ: 'i',
  ʉ: 'u',
  ƀ: 'b',
  ɗ: 'd', // Hausa, Fula
  ɓ: 'b', // Hausa, Fula
  ƙ: 'k', // Hausa
  ƴ: 'y', // Hausa, Fula
  ĳ: 'ij', // Dutch ligature (also decomposes under NFKD; listed for clarity)
};

/** Apostrophes and their look-alikes: dropped, so "O’Brien", "O'Brien" and "OBrien" are one name to search. */
const APOSTROPHES = /['’‘ʼʻ`´]/gu;
/** Hyphens and dashes inside names. */
const HYPHENS = /[-‐‑‒–—]/gu;

const TABLE_PATTERN = new RegExp(`[${Object.keys(FOLD_TABLE).join('')}]`, 'gu');

/** Lower case, accents off, non-decomposing letters folded. Punctuation is kept (callers decide what it means). */
export function foldLetters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(TABLE_PATTERN, (ch) => FOLD_TABLE[ch] ?? ch);
}

/** Folded for search: letters folded and apostrophes dropped. Hyphens stay, to split words. */
export function foldName(text: string): string {
  return foldLetters(text).replace(APOSTROPHES, '');
}

/** Words of `text` as the search index and the query both see them. */
export function searchWords(text: string): string[] {
  return foldName(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The text indexed for one client: every name word, and each hyphenated or apostrophised name also whole, so
 * "Montoya-Brandt" is found by "montoya", "brandt" and "montoyabrandt", and "O’Brien" by "obrien" and "brien".
 */
export function nameSearchText(names: readonly string[]): string {
  const words = new Set<string>();
  for (const name of names) {
    for (const chunk of foldLetters(name).split(/\s+/u)) {
      if (!chunk) continue;
      const whole = chunk.replace(APOSTROPHES, '').replace(HYPHENS, '');
      const parts = chunk.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      for (const w of [...searchWords(whole), ...parts]) words.add(w);
    }
  }
  return [...words].join(' ');
}

/** Family name first or given name first: how the client's own name is written (CLINICAL.md §5, DESIGN.md). */
export const NAME_ORDERS = ['given-first', 'family-first'] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];
export const NAME_ORDER_LABELS: Record<NameOrder, string> = {
  'given-first': 'Given name first',
  'family-first': 'Family name first',
};

export interface PersonName {
  legalFirstName: string;
  legalLastName: string;
  nameOrder: NameOrder;
}

/**
 * The client's full name as they write it: "Ana Ruiz" given-first, "Nguyễn Thị Ánh" family-first. Every place that
 * writes a full name (chart header, consent, PDFs, timeline) uses this, never its own concatenation.
 */
export function fullName(n: PersonName): string {
  const given = n.legalFirstName.trim();
  const family = n.legalLastName.trim();
  const parts = n.nameOrder === 'family-first' ? [family, given] : [given, family];
  return parts.filter(Boolean).join(' ');
}

/** "Family, Given": how lists show a name, whatever the client's order, so lists read and sort alike. */
export function listName(n: Pick<PersonName, 'legalFirstName' | 'legalLastName'>): string {
  const given = n.legalFirstName.trim();
  const family = n.legalLastName.trim();
  return given && family ? `${family}, ${given}` : family || given;
}

/**
 * Sorts below everything else in the key: what separates the primary key from its tie-breaks. In the primary key the
 * punctuation of names is remapped to ASCII in the order the Unicode root collation gives it (space, hyphen, comma,
 * full stop, apostrophe), all below digits and letters.
 */
const KEY_TIE_BREAK = '\u0001';

/** Byte-ordered key for "Family, Given" (see the module comment). Stored beside the name, indexed, sorted on. */
export function nameSortKey(n: Pick<PersonName, 'legalFirstName' | 'legalLastName'>): string {
  const display = listName(n);
  const primary = foldLetters(display)
    .replace(/\s+/gu, ' ')
    .replace(HYPHENS, '!')
    .replace(/,/gu, '"')
    .replace(/\./gu, '#')
    .replace(APOSTROPHES, '%');
  // Tie-break: accents (unaccented first), then case (lower first), as Intl.Collator does.
  const accents = display.normalize('NFD').toLowerCase();
  const cases = [...display].map((ch) => (ch === ch.toLowerCase() ? '0' : '1')).join('');
  return `${primary}${KEY_TIE_BREAK}${accents}${KEY_TIE_BREAK}${cases}`;
}
