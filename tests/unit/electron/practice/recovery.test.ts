/**
 * The recovery kit is a way out when keyring.json is lost or damaged, never a way to roll a sound keyring back: an
 * older recovery key that a kit still opens, or a kit the user chooses, is refused while the live keyring is sound,
 * and recovery then changes only the recovering account's own wrap.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kitFileFor } from '../../../../electron/db/backup';
import { AppError } from '../../../../electron/errors';
import { readKeyring } from '../../../../electron/security/keyring';
import { aClinician, FakeClock, setUpPractice, tempDir } from '../../../support/fixtures';

const PASS = aClinician().passphrase;
const OTHER = aClinician({
  displayName: 'Nguyễn Thị Ánh',
  username: 'anguyen',
  passphrase: 'slate heron walnut six',
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** A practice whose recovery key was replaced after its first backup: the old key still opens that backup's kit. */
async function practiceWithReplacedKey() {
  const clock = new FakeClock();
  const set = await setUpPractice({ clock });
  await set.practice.addUser(OTHER, PASS);
  const backup = set.practice.backup();
  clock.advance(60_000);
  const newKey = await set.practice.regenerateRecoveryKey(PASS);
  set.practice.lock('manual');
  return { ...set, oldKey: set.recoveryKey, newKey, kit: kitFileFor(backup.path) };
}

describe('recovery kits while the live keyring is sound', () => {
  it('an old recovery key that only a backup’s kit opens is refused, and the keyring is left as it was', async () => {
    const { practice, oldKey, newKey, clock } = await practiceWithReplacedKey();
    const before = fs.readFileSync(practice.keyringFile, 'utf8');
    const err = await refusal(practice.recover(oldKey, 'mquintero', 'fresh larch passphrase'));
    expect(err.code).toBe('WRONG_PASSPHRASE');
    expect(err.fields[0]?.path).toBe('recoveryKey');
    expect(fs.readFileSync(practice.keyringFile, 'utf8')).toBe(before);
    clock.advance(60_000); // past the wrong-key delay
    // The current key still works, and the old one still does not.
    await practice.recover(newKey, 'mquintero', 'fresh larch passphrase');
    practice.lock('manual');
    expect((await refusal(practice.recover(oldKey, 'mquintero', 'another larch passphrase'))).code).toBe(
      'WRONG_PASSPHRASE',
    );
  });

  it('a chosen kit is not taken over a sound keyring', async () => {
    const { practice, oldKey, kit } = await practiceWithReplacedKey();
    const drive = tempDir('clearleaf-drive-');
    const chosen = path.join(drive, 'old.kit.json');
    fs.copyFileSync(kit, chosen);
    const before = fs.readFileSync(practice.keyringFile, 'utf8');
    const err = await refusal(practice.recover(oldKey, 'mquintero', 'fresh larch passphrase', chosen));
    expect(err.code).toBe('WRONG_PASSPHRASE');
    expect(fs.readFileSync(practice.keyringFile, 'utf8')).toBe(before);
  });

  it('recovery with the current key replaces only the recovering account’s wrap', async () => {
    const { practice, newKey } = await practiceWithReplacedKey();
    const before = readKeyring(practice.keyringFile);
    await practice.recover(newKey, 'mquintero', 'fresh larch passphrase');
    const after = readKeyring(practice.keyringFile);
    expect(after?.recovery).toEqual(before?.recovery);
    const wrapOf = (r: typeof after, name: string) => r?.users.find((u) => u.username === name)?.wrap;
    expect(wrapOf(after, 'anguyen')).toEqual(wrapOf(before, 'anguyen'));
    expect(wrapOf(after, 'mquintero')).not.toEqual(wrapOf(before, 'mquintero'));
    practice.lock('manual');
    expect((await practice.unlock('anguyen', OTHER.passphrase)).username).toBe('anguyen');
  });

  it('a kit is still taken when the keyring is missing', async () => {
    const { practice, oldKey, dataDir } = await practiceWithReplacedKey();
    fs.rmSync(path.join(dataDir, 'keyring.json'));
    // The only kit on disk was written before the key was replaced: it opens with the key it carries.
    expect((await practice.recover(oldKey, 'mquintero', 'fresh larch passphrase')).username).toBe(
      'mquintero',
    );
  });

  it('a chosen kit that cannot be read is an error beside the kit field, and costs no wrong-key delay', async () => {
    const { practice, oldKey, dataDir } = await practiceWithReplacedKey();
    fs.rmSync(path.join(dataDir, 'keyring.json'));
    const err = await refusal(
      practice.recover(oldKey, 'mquintero', 'fresh larch passphrase', path.join(dataDir, 'nothing.kit.json')),
    );
    expect(err.code).toBe('KIT_UNREADABLE');
    expect(err.fields.map((f) => f.path)).toEqual(['kitFile']);
    expect((await practice.recover(oldKey, 'mquintero', 'fresh larch passphrase')).username).toBe(
      'mquintero',
    );
  });
});
