/**
 * A POSIX ustar archive of the export's files, in memory: the container only, no compression and no cryptography
 * (encryption is the age library's). Read by any tar (`tar -xf`); checked with GNU tar in tests.
 */
const BLOCK = 512;

function field(buf: Buffer, offset: number, length: number, value: string): void {
  buf.write(value, offset, Math.min(length, Buffer.byteLength(value)), 'utf8');
}

const octal = (n: number, width: number): string => `${n.toString(8).padStart(width - 1, '0')}\0`;

function header(name: string, size: number, mtimeSec: number, dir: boolean): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`archive path too long: ${name}`);
  const h = Buffer.alloc(BLOCK);
  field(h, 0, 100, name);
  field(h, 100, 8, octal(dir ? 0o700 : 0o600, 8));
  field(h, 108, 8, octal(0, 8));
  field(h, 116, 8, octal(0, 8));
  field(h, 124, 12, octal(size, 12));
  field(h, 136, 12, octal(mtimeSec, 12));
  field(h, 148, 8, '        ');
  field(h, 156, 1, dir ? '5' : '0');
  field(h, 257, 6, 'ustar\0');
  field(h, 263, 2, '00');
  let sum = 0;
  for (const b of h) sum += b;
  field(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

/** `files` maps paths ('csv/a.csv') to contents; every path is put under `root/`. */
export function tarArchive(root: string, files: ReadonlyMap<string, Buffer>, mtimeMs: number): Buffer {
  const mtime = Math.floor(mtimeMs / 1000);
  const parts: Buffer[] = [];
  const dirs = new Set<string>([`${root}/`]);
  for (const name of files.keys()) {
    const segments = name.split('/').slice(0, -1);
    segments.forEach((_, i) => dirs.add(`${root}/${segments.slice(0, i + 1).join('/')}/`));
  }
  for (const d of [...dirs].sort()) parts.push(header(d, 0, mtime, true));
  for (const [name, bytes] of files) {
    parts.push(header(`${root}/${name}`, bytes.length, mtime, false), bytes);
    const pad = (BLOCK - (bytes.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}
