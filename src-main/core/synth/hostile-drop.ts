/**
 * A drop of files that no newsroom means to send, made on the spot (nothing large is kept
 * in the repository), for the fault suite and `claimdesk faults hostile`:
 *
 * - `line.txt`: 5 MB of one letter, no space, no line break;
 * - `deep.html`: a page whose one paragraph sits 2,000 elements deep;
 * - `memo.docx`: a 1 MB Word file whose document unpacks to 1 GB;
 * - a folder holding `ferry-b.txt`, a link back to the folder itself (`inner/back-to-top`)
 *   and `loop.txt`, a link to itself;
 * - `ferry-a.txt` and `ferry-b.txt`, two good articles about one story that disagree on
 *   one figure.
 *
 * `request` is the `articles:import` input of one drop: the folder by path, the rest by
 * content as the browser sends a drop. `good` lists the files that should land, for a
 * reference desk.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, createDeflateRaw } from 'node:zlib';

export interface HostileDrop {
  folder: string;
  request: {
    paths: string[];
    files: { name: string; data: string; encoding: 'utf8' | 'base64' }[];
  };
  good: string[];
}

const FERRY_A = [
  'Island ferry returns after storm repairs',
  '',
  'The island ferry resumed sailing on Monday after a storm damaged its landing ramp, the harbour company said.',
  '',
  'Repairs cost €2.4 million and took 11 weeks, according to the company.',
  '',
  'About 1,800 passengers a day used the crossing before the storm.',
  '',
].join('\n');

const FERRY_B = [
  'Ferry back on the water',
  '',
  'The ferry to the island sailed again on Monday, ending a closure caused by storm damage to its ramp.',
  '',
  'The harbour company put the cost of the repairs at €3.1 million. The work lasted 11 weeks.',
  '',
  'Roughly 1,800 passengers a day crossed before the closure.',
  '',
].join('\n');

const DEPTH = 2_000;
const DEEP_HTML =
  `<html><head><title>Families moved to the school</title></head><body>${'<div>'.repeat(DEPTH)}` +
  '<p>Rescuers said 40 families were moved to the school.</p><p>The road stays closed.</p>' +
  `${'</div>'.repeat(DEPTH)}</body></html>`;

/**
 * A Word file (a zip) whose `word/document.xml` unpacks to `unpacked` bytes of zeros, built
 * by streaming so the gigabyte is never held: about 1 MB on disk for 1 GB unpacked.
 */
export async function zipBombDocx(unpacked = 1024 * 1024 * 1024): Promise<Buffer> {
  const chunk = Buffer.alloc(16 * 1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const packedParts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => packedParts.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  for (let left = unpacked; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await ended;
  const types = Buffer.from('<?xml version="1.0"?><Types/>');
  return zip([
    { name: '[Content_Types].xml', packed: null, data: types, size: types.length, crc: crc32(types) },
    { name: 'word/document.xml', packed: Buffer.concat(packedParts), data: null, size: unpacked, crc },
  ]);
}

interface Entry {
  name: string;
  /** Deflated bytes, or null to store `data` as is. */
  packed: Buffer | null;
  data: Buffer | null;
  size: number;
  crc: number;
}

function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.packed ?? e.data!;
    const method = e.packed ? 8 : 0;
    const n = Buffer.from(e.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(method, 8);
    head.writeUInt32LE(e.crc >>> 0, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(e.size, 22);
    head.writeUInt16LE(n.length, 26);
    const dirEntry = Buffer.alloc(46);
    dirEntry.writeUInt32LE(0x02014b50, 0);
    dirEntry.writeUInt16LE(20, 4);
    dirEntry.writeUInt16LE(20, 6);
    dirEntry.writeUInt16LE(method, 10);
    dirEntry.writeUInt32LE(e.crc >>> 0, 16);
    dirEntry.writeUInt32LE(body.length, 20);
    dirEntry.writeUInt32LE(e.size, 24);
    dirEntry.writeUInt16LE(n.length, 28);
    dirEntry.writeUInt32LE(offset, 42);
    locals.push(head, n, body);
    central.push(dirEntry, n);
    offset += head.length + n.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Writes the drop's folder (and copies of the good files for a reference desk) under `root`. */
export async function hostileDrop(root: string): Promise<HostileDrop> {
  const folder = join(root, 'folder');
  mkdirSync(join(folder, 'inner'), { recursive: true });
  writeFileSync(join(folder, 'ferry-b.txt'), FERRY_B);
  symlinkSync(folder, join(folder, 'inner', 'back-to-top'));
  symlinkSync(join(folder, 'loop.txt'), join(folder, 'loop.txt'));

  const good = join(root, 'good');
  mkdirSync(good);
  for (const [name, text] of [
    ['deep.html', DEEP_HTML],
    ['ferry-a.txt', FERRY_A],
    ['ferry-b.txt', FERRY_B],
  ] as const)
    writeFileSync(join(good, name), text);

  return {
    folder,
    request: {
      paths: [folder],
      files: [
        { name: 'line.txt', data: 'a'.repeat(5 * 1024 * 1024), encoding: 'utf8' },
        { name: 'deep.html', data: DEEP_HTML, encoding: 'utf8' },
        { name: 'memo.docx', data: (await zipBombDocx()).toString('base64'), encoding: 'base64' },
        { name: 'ferry-a.txt', data: FERRY_A, encoding: 'utf8' },
      ],
    },
    good: [join(good, 'deep.html'), join(good, 'ferry-a.txt'), join(good, 'ferry-b.txt')],
  };
}
