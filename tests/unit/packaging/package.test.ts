/**
 * The installer's contents, checked by running electron-builder with the project's own config. Electron's binary
 * cannot be downloaded here, so it packs a stand-in executable that carries Electron's fuse wire (the bytes
 * @electron/fuses rewrites), and ships node_modules' better-sqlite3 where the Electron build would go: what is
 * checked is the layout, what is left out, and the fuses, not that Electron starts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FuseV1Options } from '@electron/fuses';
import { SHIPPED_SQLITE_BINDING } from '../../../electron/platform/shippedFiles';
import { tempDir } from '../../support/fixtures';

const root = path.resolve(__dirname, '../../..');
const requireHere = createRequire(__filename);
const { stageBinding, builderArgs } = requireHere('../../../scripts/package.cjs') as {
  stageBinding(binding: string): void;
  builderArgs(o: { platformFlag: string; extraArgs: string[]; electronDist: string }): string[];
};

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_COUNT = 9;

/** An "Electron" for electron-builder to copy: a script whose bytes hold a fuse wire with every fuse on. */
function standInElectron(): string {
  const dir = tempDir('clearleaf-electron-');
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\nexit 0\n# ${FUSE_SENTINEL}`),
    Buffer.from([1, FUSE_COUNT]),
    Buffer.from('1'.repeat(FUSE_COUNT)),
    Buffer.from('\n'),
  ]);
  fs.writeFileSync(path.join(dir, 'electron'), wire, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in\n');
  fs.writeFileSync(path.join(dir, 'LICENSES.chromium.html'), 'stand-in\n');
  return dir;
}

/** Reads a fuse wire back: '0' off, '1' on, per FuseV1Options index. */
function fuses(executable: string): string {
  const bytes = fs.readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  return bytes.subarray(at + 2, at + 2 + bytes[at + 1]!).toString('latin1');
}

interface AsarEntry {
  files?: Record<string, AsarEntry>;
  size?: number;
  offset?: string;
}

/** An asar archive's file list, from its JSON header (a Chromium pickle: sizes, then the header string). */
function asarFiles(archive: string): { paths: string[]; read(p: string): Buffer } {
  const fd = fs.openSync(archive, 'r');
  const sizes = Buffer.alloc(16);
  fs.readSync(fd, sizes, 0, 16, 0);
  const headerPickleSize = sizes.readUInt32LE(4);
  const header = Buffer.alloc(sizes.readUInt32LE(12));
  fs.readSync(fd, header, 0, header.length, 16);
  const tree = JSON.parse(header.toString('utf8')) as AsarEntry;
  const dataStart = 8 + headerPickleSize;
  const paths: string[] = [];
  const entries = new Map<string, AsarEntry>();
  const walk = (entry: AsarEntry, prefix: string) => {
    for (const [name, child] of Object.entries(entry.files ?? {})) {
      const p = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, p);
      else {
        paths.push(p);
        entries.set(p, child);
      }
    }
  };
  walk(tree, '');
  return {
    paths,
    read(p) {
      const entry = entries.get(p);
      if (!entry?.offset || entry.size === undefined) throw new Error(`${p} is not packed in the archive`);
      const buf = Buffer.alloc(entry.size);
      fs.readSync(fd, buf, 0, entry.size, dataStart + Number(entry.offset));
      return buf;
    },
  };
}

describe('packaging (electron-builder.yml)', () => {
  const out = tempDir('clearleaf-dist-');
  const appDir = path.join(out, 'linux-unpacked');
  const nodeBinding = requireHere.resolve('better-sqlite3/build/Release/better_sqlite3.node');
  let archive: ReturnType<typeof asarFiles>;

  beforeAll(() => {
    expect(fs.existsSync(path.join(root, 'out/main/index.js')), 'run `npm run build` first').toBe(true);
    stageBinding(nodeBinding);
    const args = builderArgs({
      platformFlag: '--linux',
      extraArgs: ['--dir', `-c.directories.output=${out}`],
      electronDist: standInElectron(),
    });
    const r = spawnSync('npx', args, { cwd: root, encoding: 'utf8' });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    archive = asarFiles(path.join(appDir, 'resources', 'app.asar'));
  }, 180_000);

  it('packs the built app and its runtime dependencies, pointing Electron at the built main process', () => {
    for (const file of [
      'package.json',
      'out/main/index.js',
      'out/preload/index.js',
      'out/renderer/index.html',
      'node_modules/better-sqlite3/lib/index.js',
      'node_modules/pdfkit/package.json',
      'node_modules/zod/package.json',
      'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
      'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
    ]) {
      expect(archive.paths, file).toContain(file);
    }
    const manifest = JSON.parse(archive.read('package.json').toString('utf8')) as { main: string };
    expect(manifest.main).toBe('out/main/index.js');
    expect(
      archive.read('out/main/index.js').equals(fs.readFileSync(path.join(root, 'out/main/index.js'))),
    ).toBe(true);
  });

  it('leaves out sources, tests, development tools, local data and better-sqlite3’s Node build', () => {
    const topLevel = new Set(archive.paths.map((p) => p.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json']);
    const modules = new Set(
      archive.paths
        .filter((p) => p.startsWith('node_modules/'))
        .map((p) => p.split('/').slice(1, 3).join('/')),
    );
    for (const devOnly of [
      'electron',
      'vitest',
      'react',
      'playwright-core',
      'typescript',
      'electron-builder',
    ]) {
      expect(
        [...modules].some((m) => m === devOnly || m.startsWith(`${devOnly}/`)),
        devOnly,
      ).toBe(false);
    }
    const leaked = archive.paths.filter(
      (p) =>
        /^node_modules\/better-sqlite3\/(build|deps|src)\//.test(p) ||
        /\.(node|map|ts|db|sqlite|wal)$/.test(p) ||
        /(^|\/)(\.clearleaf-dev|\.electron-native|keyring)/.test(p),
    );
    expect(leaked).toEqual([]);
  });

  it('ships better-sqlite3 beside the archive, where the installed app looks for it', () => {
    const shipped = path.join(appDir, 'resources', ...SHIPPED_SQLITE_BINDING);
    expect(fs.readFileSync(shipped).equals(fs.readFileSync(nodeBinding))).toBe(true);
    expect(fs.readdirSync(path.dirname(shipped))).toEqual([SHIPPED_SQLITE_BINDING[1]]);
  });

  it('switches off running as Node, NODE_OPTIONS, the inspector and file:// privileges in the executable', () => {
    const wire = fuses(path.join(appDir, 'clearleaf'));
    expect(wire[FuseV1Options.RunAsNode]).toBe('0');
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe('0');
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe('0');
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe('0');
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe('1');
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe('1');
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe('1');
  });

  it('refuses to make another system’s installer, before building anything', () => {
    const r = spawnSync(process.execPath, ['scripts/package.cjs', '--win'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Each installer is made on its own system');
  });
});
