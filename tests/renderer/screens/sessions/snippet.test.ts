import { describe, expect, it } from 'vitest';
import { splitSnippet } from '../../../../renderer/src/screens/sessions/snippet';

describe('search snippets', () => {
  it('splits marked words from plain text', () => {
    expect(splitSnippet('…reports \u0001cravings\u0002 at work…')).toEqual([
      { text: '…reports ', marked: false },
      { text: 'cravings', marked: true },
      { text: ' at work…', marked: false },
    ]);
  });

  it('keeps a phrase marked word by word, with the space between them plain', () => {
    expect(splitSnippet('\u0001Urge\u0002 \u0001surfing\u0002 helped')).toEqual([
      { text: 'Urge', marked: true },
      { text: ' ', marked: false },
      { text: 'surfing', marked: true },
      { text: ' helped', marked: false },
    ]);
  });

  it('treats markup in a note as text, never as HTML', () => {
    const parts = splitSnippet('<img src=x onerror=alert(1)> \u0001b\u0002');
    expect(parts[0]).toEqual({ text: '<img src=x onerror=alert(1)> ', marked: false });
  });

  it('drops a stray close marker and marks an unclosed open to the end; empty parts are left out', () => {
    expect(splitSnippet('a\u0002b')).toEqual([{ text: 'ab', marked: false }]);
    expect(splitSnippet('a \u0001bc')).toEqual([
      { text: 'a ', marked: false },
      { text: 'bc', marked: true },
    ]);
    expect(splitSnippet('\u0001\u0002')).toEqual([]);
    expect(splitSnippet('')).toEqual([]);
  });

  it('keeps characters outside the BMP whole', () => {
    expect(splitSnippet('\u0001𝒳\u0002')).toEqual([{ text: '𝒳', marked: true }]);
  });
});
