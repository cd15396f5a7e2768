/**
 * Every audit action and record kind main writes has words on the audit screen (renderer/src/auditWords.ts), found
 * by reading main's sources, so a new kind of audit row cannot reach the screen as a raw id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_WORDS, ENTITY_WORDS } from '../../../renderer/src/auditWords';

const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sources(p) : p.endsWith('.ts') ? [fs.readFileSync(p, 'utf8')] : [];
  });
}

function literals(pattern: RegExp): Set<string> {
  const found = new Set<string>();
  for (const text of sources(path.join(root, 'electron'))) {
    // Only inside audit calls: `audit({ action: 'x', entity: 'y', ... })`.
    for (const call of text.matchAll(/audit\(\{[^}]*\}/g)) {
      for (const m of call[0].matchAll(pattern)) found.add(m[1]!);
    }
  }
  return found;
}

describe('audit words', () => {
  it('has words for every action and record kind main audits', () => {
    const actions = literals(/action: (?:[^,]*\? )?'([a-z-]+)'/g);
    const entities = literals(/entity: '([a-z-]+)'/g);
    expect(actions.size).toBeGreaterThan(10);
    expect(entities.size).toBeGreaterThan(10);
    expect([...actions].filter((a) => !(a in ACTION_WORDS))).toEqual([]);
    expect([...entities].filter((e) => !(e in ENTITY_WORDS))).toEqual([]);
  });
});
