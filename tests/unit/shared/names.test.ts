import { describe, expect, it } from 'vitest';
import {
  foldName,
  fullName,
  listName,
  nameSearchText,
  nameSortKey,
  searchWords,
} from '../../../shared/domain/names';
import { clientDisplayName, clientFullName } from '../../../shared/domain/clients';

/** What the FTS index does with a query word: a prefix of some indexed word. */
const finds = (query: string, ...names: string[]) => {
  const indexed = nameSearchText(names).split(' ');
  return searchWords(query).every((q) => indexed.some((w) => w.startsWith(q)));
};

describe('name folding', () => {
  it.each([
    ['dang', 'Đặng'],
    ['lukasiewicz', 'Łukasiewicz'],
    ['yilmaz', 'Yılmaz'],
    ['oberg', 'Øberg'],
    ['obrien', 'O’Brien'],
    ['strasse', 'Straße'],
    ['aeroe', 'Ærøe'],
    ['oeuvray', 'Œuvray'],
    ['thorsdottir', 'Þórsdóttir'],
    ['gudmundsson', 'Guðmundsson'],
    ['nunez', 'Núñez'],
    ['nguyen thi anh', 'Nguyễn Thị Ánh'],
  ])('"%s" finds "%s", and the name typed as written finds it too', (plain, name) => {
    expect(finds(plain, name)).toBe(true);
    expect(finds(name, name)).toBe(true);
    // Both directions: the written name finds the plain spelling too (the same fold on both sides).
    expect(finds(name, plain)).toBe(true);
  });

  it('ignores apostrophes and hyphens, and still finds each part of a name', () => {
    expect(finds("o'brien", 'O’Brien')).toBe(true);
    expect(finds('brien', 'O’Brien')).toBe(true);
    expect(finds('montoyabrandt', 'Montoya-Brandt')).toBe(true);
    expect(finds('brandt', 'Montoya-Brandt')).toBe(true);
    expect(finds('montoya-brandt', 'Montoya-Brandt')).toBe(true);
    expect(finds('dangelo', 'D’Angelo')).toBe(true);
  });

  it('does not find what is not there', () => {
    expect(finds('dang', 'Đoàn')).toBe(false);
    expect(finds('lukas', 'Lucas')).toBe(false);
    expect(finds('obrien', 'Oberg')).toBe(false);
  });

  it('folds letters that do not decompose through the table', () => {
    expect(foldName('ĐẶNG Łódź Yılmaz Øberg Straße Æsa Œil Þór')).toBe(
      'dang lodz yilmaz oberg strasse aesa oeil thor',
    );
  });
});

describe('name collation key', () => {
  const names: Array<[family: string, given: string]> = [
    ['Đặng', 'Văn Minh'],
    ['Dang', 'Anh'],
    ['Łukasiewicz', 'Zofia'],
    ['Lee', 'Min'],
    ['Lopez', 'Ana'],
    ['Yılmaz', 'Emre'],
    ['Yates', 'Bo'],
    ['Øberg', 'Lars'],
    ['Oberg', 'Ann'],
    ['O’Brien', 'Siobhan'],
    ['Okafor', 'Chidi'],
    ['Nguyễn', 'Thị Ánh'],
    ['Núñez', 'José'],
    ['Nunez', 'Jose'],
    ['Zhou', 'Wei'],
    ['Straßer', 'Max'],
    ['Strasser', 'Mia'],
    ['Montoya-Brandt', 'Araceli'],
    ['Montoya', 'Luz'],
    ['Van Dyke', 'Ed'],
    ['Vance', 'Ed'],
    ['de la Cruz', 'Rosa'],
    ['Dean', 'Al'],
  ];
  const collator = new Intl.Collator('en');
  const display = ([family, given]: [string, string]) =>
    listName({ legalLastName: family, legalFirstName: given });
  const key = ([family, given]: [string, string]) =>
    nameSortKey({ legalLastName: family, legalFirstName: given });
  const byKey = (a: [string, string], b: [string, string]) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

  it('orders by byte order of the key exactly as Intl.Collator does, ascending', () => {
    const expected = [...names].sort((a, b) => collator.compare(display(a), display(b))).map(display);
    expect([...names].sort(byKey).map(display)).toEqual(expected);
  });

  it('and descending', () => {
    const expected = [...names].sort((a, b) => collator.compare(display(b), display(a))).map(display);
    expect([...names].sort((a, b) => byKey(b, a)).map(display)).toEqual(expected);
  });

  it.each([
    [
      ['Łukasiewicz', 'Zofia'],
      ['Lopez', 'Ana'],
      ['Montoya', 'Luz'],
      ['Zhou', 'Wei'],
    ],
    [
      ['O’Brien', 'Siobhan'],
      ['Nunez', 'Jose'],
      ['Oberg', 'Ann'],
      ['Okafor', 'Chidi'],
    ],
    [
      ['Đặng', 'Văn Minh'],
      ['Dang', 'Anh'],
      ['Dean', 'Al'],
      ['Lee', 'Min'],
    ],
    [
      ['Yılmaz', 'Emre'],
      ['Yates', 'Bo'],
      ['Zhou', 'Wei'],
      ['Zhou', 'Wei'],
    ],
    [
      ['Øberg', 'Lars'],
      ['Oberg', 'Ann'],
      ['Okafor', 'Chidi'],
      ['Zhou', 'Wei'],
    ],
  ] as Array<[[string, string], [string, string], [string, string], [string, string]]>)(
    '%j sorts after %j and before %j (and %j), both directions',
    (name, after, before, last) => {
      expect(key(name) >= key(after)).toBe(true);
      expect(key(name) < key(before)).toBe(true);
      expect(key(name) < key(last)).toBe(true);
      expect(key(before) > key(name)).toBe(true);
    },
  );

  it('puts Łukasiewicz among the L’s and O’Brien before Okafor', () => {
    const sorted = [...names].sort(byKey).map(([family]) => family);
    expect(sorted.indexOf('Łukasiewicz')).toBeLessThan(sorted.indexOf('Montoya'));
    expect(sorted.indexOf('Łukasiewicz')).toBeGreaterThan(sorted.indexOf('Lee'));
    expect(sorted.indexOf('O’Brien')).toBeLessThan(sorted.indexOf('Okafor'));
  });
});

describe('name order', () => {
  const anh = { legalFirstName: 'Thị Ánh', legalLastName: 'Nguyễn', preferredName: '' };
  it('writes a family-first name family first, never reversed', () => {
    expect(fullName({ ...anh, nameOrder: 'family-first' })).toBe('Nguyễn Thị Ánh');
    expect(clientFullName({ ...anh, nameOrder: 'family-first' })).toBe('Nguyễn Thị Ánh');
  });
  it('writes a given-first name given first', () => {
    expect(fullName({ legalFirstName: 'Siobhan', legalLastName: 'O’Brien', nameOrder: 'given-first' })).toBe(
      'Siobhan O’Brien',
    );
    expect(
      clientFullName({
        legalFirstName: 'Theodora',
        legalLastName: 'Quillon-Marsh',
        preferredName: 'Teddy',
        nameOrder: 'given-first',
      }),
    ).toBe('Theodora Quillon-Marsh (Teddy)');
  });
  it('lists every name "Family, Given", whatever the order', () => {
    expect(clientDisplayName(anh)).toBe('Nguyễn, Thị Ánh');
    expect(listName({ legalFirstName: 'Văn Minh', legalLastName: 'Đặng' })).toBe('Đặng, Văn Minh');
  });
});
