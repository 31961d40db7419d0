/**
 * Files no newsroom means to send, dropped in one folder with a good article: a folder
 * that links back to itself, a page nested 2,000 and 100,000 elements deep, a Word file
 * that unpacks to hundreds of megabytes. Each bad file is named with what was wrong, the
 * pages are read as plain paragraphs, and the good article lands.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { DeskService } from './service';

let dir: string;
let service: DeskService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-hostile-'));
  service = new DeskService({ defaultActor: 'tester' });
  service.open(join(dir, 'desk.claimdesk'));
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A zip of stored names and deflated contents. Its directory states each entry's true
 * size unless `declared` gives another (a zip that lies about what it unpacks to).
 */
function zip(entries: [string, Buffer][], declared: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const size = declared[name] ?? data.length;
    const n = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(n.length, 26);
    const dirEntry = Buffer.alloc(46);
    dirEntry.writeUInt32LE(0x02014b50, 0);
    dirEntry.writeUInt16LE(20, 4);
    dirEntry.writeUInt16LE(20, 6);
    dirEntry.writeUInt16LE(8, 10);
    dirEntry.writeUInt32LE(crc32(data), 16);
    dirEntry.writeUInt32LE(packed.length, 20);
    dirEntry.writeUInt32LE(size, 24);
    dirEntry.writeUInt16LE(n.length, 28);
    dirEntry.writeUInt32LE(offset, 42);
    locals.push(head, n, packed);
    central.push(dirEntry, n);
    offset += head.length + n.length + packed.length;
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

const GOOD = 'Harbour cranes back in service\n\nThe port authority said 14 cranes were repaired by Monday.\n';

describe('hostile files in one drop', () => {
  it('walks a folder that links back to itself once, importing each article once', async () => {
    const folder = join(dir, 'drop');
    mkdirSync(join(folder, 'inner'), { recursive: true });
    writeFileSync(join(folder, 'inner', 'good.txt'), GOOD);
    symlinkSync(folder, join(folder, 'inner', 'back-to-top'));
    symlinkSync(join(folder, 'inner'), join(folder, 'inner-again'));
    const report = await service.importPaths([folder]);
    expect(report.failed).toEqual([]);
    expect(report.imported.map((a) => a.source)).toEqual(['good.txt']);
    expect(report.duplicates).toEqual([]);
  }, 60_000);

  it('reads pages nested thousands of elements deep as plain paragraphs', async () => {
    const folder = join(dir, 'drop');
    mkdirSync(folder);
    for (const depth of [2_000, 100_000])
      writeFileSync(
        join(folder, `deep-${depth}.html`),
        `<html><head><title>Depth ${depth}</title></head><body>${'<div>'.repeat(depth)}` +
          `<p>Rescuers said ${depth / 1000} families were moved to the school.</p><p>More later.</p>` +
          `${'</div>'.repeat(depth)}</body></html>`,
      );
    const report = await service.importPaths([folder]);
    expect(report.failed).toEqual([]);
    const articles = await service.handlers()['articles:list']({});
    expect(articles.map((a) => a.title).sort()).toEqual(['Depth 100000', 'Depth 2000']);
    for (const a of articles) {
      const detail = await service.handlers()['articles:get']({ id: a.id });
      expect(detail.text).toMatch(/Rescuers said \d+ families were moved to the school\.\n\nMore later\./);
    }
  }, 60_000);

  it('refuses a Word file that unpacks to hundreds of megabytes, naming it, and imports the rest', async () => {
    const folder = join(dir, 'drop');
    mkdirSync(folder);
    writeFileSync(join(folder, 'good.txt'), GOOD);
    const bomb = zip([
      ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>')],
      ['word/document.xml', Buffer.alloc(300 * 1024 * 1024, 0x20)],
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    writeFileSync(join(folder, 'memo.docx'), bomb);
    const report = await service.importPaths([folder]);
    expect(report.imported.map((a) => a.source)).toEqual(['good.txt']);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.source).toBe('memo.docx');
    expect(report.failed[0]!.reason).toMatch(/memo\.docx unpacks to 300 MB, more than the 200 MB/);
  }, 60_000);

  it('refuses a Word file whose directory understates what it unpacks to, naming it, and imports the rest', async () => {
    const folder = join(dir, 'drop');
    mkdirSync(folder);
    writeFileSync(join(folder, 'good.txt'), GOOD);
    const bomb = zip(
      [
        ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>')],
        ['word/document.xml', Buffer.alloc(300 * 1024 * 1024, 0x20)],
      ],
      { 'word/document.xml': 2048 },
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    writeFileSync(join(folder, 'brief.docx'), bomb);
    const report = await service.importPaths([folder]);
    expect(report.imported.map((a) => a.source)).toEqual(['good.txt']);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.source).toBe('brief.docx');
    expect(report.failed[0]!.reason).toMatch(
      /^brief\.docx unpacks to more than 200 MB, more than the 200 MB a Word document may hold here/,
    );
  }, 60_000);
});
