/** A security review of issue 12: a shared second folder, verify's trigger list and signed summaries, lean kits. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kitFileFor, listBackups } from '../../../../electron/db/backup';
import { aClinic, FakeClock, setUpPractice, tempDir } from '../../../support/fixtures';

const DAY_MS = 86_400_000;

describe('a second folder shared by two practices (one USB drive for two laptops)', () => {
  it('each practice writes and rotates only its own subfolder; neither removes the other’s backups', async () => {
    const usb = tempDir('clearleaf-shared-usb-');
    // An older version wrote straight into the folder: those copies are left alone.
    const flat = path.join(usb, 'clearleaf-20250101-120000-000.db');
    fs.writeFileSync(flat, 'an older flat-layout backup');
    fs.writeFileSync(kitFileFor(flat), '{}');
    const clockA = new FakeClock();
    const clockB = new FakeClock(clockA.ms + 1234);
    const a = await setUpPractice({ clock: clockA });
    const b = await setUpPractice({ clock: clockB });
    b.practice.updateClinic(aClinic({ name: 'Łąka Đặng & O’Brien Counselling' }));
    a.practice.setSecondBackupDir(usb);
    b.practice.setSecondBackupDir(usb);
    // Forty days of daily backups each, interleaved: rotation runs after every one of them.
    for (let day = 0; day < 40; day += 1) {
      for (const { practice } of [a, b]) {
        practice.touch(); // a day at work, not an idle laptop
        practice.backup();
      }
      clockA.advance(DAY_MS);
      clockB.advance(DAY_MS);
    }
    const folders = fs.readdirSync(usb).filter((n) => fs.statSync(path.join(usb, n)).isDirectory());
    expect(folders).toHaveLength(2);
    expect(folders).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^riverbend-recovery-collective-[0-9a-f]{16}$/),
        expect.stringMatching(/^laka-dang-o-brien-counselling-[0-9a-f]{16}$/),
      ]),
    );
    for (const f of folders) expect(fs.statSync(path.join(usb, f)).mode & 0o777).toBe(0o700);
    // Each subfolder holds exactly what that practice's own backups folder keeps after rotation.
    for (const { practice, dataDir } of [a, b]) {
      practice.touch();
      const own = listBackups(path.join(dataDir, 'backups')).map((x) => x.fileName);
      const mine = practice.backupFolders().find((f) => f.kind === 'second');
      expect(mine?.dir.startsWith(usb + path.sep)).toBe(true);
      expect(listBackups(mine?.dir ?? '').map((x) => x.fileName)).toEqual(own);
      expect(own.length).toBeGreaterThanOrEqual(8);
      // And each can still restore from its copies there: the preview lists and opens them.
      const preview = practice.restorePreview(own[own.length - 1] ?? '');
      expect(preview.sameHistory).toBe(true);
    }
    expect(fs.readFileSync(flat, 'utf8')).toBe('an older flat-layout backup');
    expect(fs.existsSync(kitFileFor(flat))).toBe(true);
  });

  it('a renamed clinic keeps writing into the same subfolder', async () => {
    const usb = tempDir('clearleaf-shared-usb-');
    const { practice } = await setUpPractice();
    practice.setSecondBackupDir(usb);
    practice.backup();
    practice.updateClinic(aClinic({ name: 'Nguyễn Thị Ánh Recovery' }));
    practice.backup();
    expect(fs.readdirSync(usb)).toEqual([expect.stringMatching(/^riverbend-recovery-collective-/)]);
  });
});
