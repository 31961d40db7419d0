/**
 * Fixture builders for the format tests: Word and PDF copies of an article made on
 * the fly, so no third-party file sits in the repository and the copies always hold
 * exactly the text they are compared with.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

/** One Word paragraph per non-empty line of the text. */
export async function makeDocx(text: string): Promise<Uint8Array> {
  const paragraphs = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => new Paragraph({ children: [new TextRun(l)] }));
  const doc = new Document({ sections: [{ children: paragraphs }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export interface PdfLayout {
  width?: number;
  height?: number;
  size?: number;
  /** Draw each page's number at its foot, as printed articles do. */
  pageNumbers?: boolean;
}

/**
 * A PDF with a real text layer in Helvetica (WinAnsi only): each non-empty line is a
 * paragraph, wrapped at spaces to the page width, paragraphs set apart by extra space,
 * flowing over as many pages as it takes.
 */
export async function makePdf(text: string, layout: PdfLayout = {}): Promise<Uint8Array> {
  const { width = 420, height = 500, size = 10, pageNumbers = true } = layout;
  const margin = 40;
  const leading = size * 1.3;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let page = doc.addPage([width, height]);
  let y = height - margin;
  const newPage = () => {
    page = doc.addPage([width, height]);
    y = height - margin;
  };
  for (const para of text.split(/\r?\n/).filter((l) => l.trim() !== '')) {
    const words = para.trim().split(/\s+/);
    let line = '';
    const lines: string[] = [];
    for (const w of words) {
      const next = line ? `${line} ${w}` : w;
      if (font.widthOfTextAtSize(next, size) > width - 2 * margin && line) {
        lines.push(line);
        line = w;
      } else line = next;
    }
    if (line) lines.push(line);
    for (const l of lines) {
      if (y < margin + leading) newPage();
      page.drawText(l, { x: margin, y, size, font, color: rgb(0, 0, 0) });
      y -= leading;
    }
    y -= leading * 0.9;
  }
  if (pageNumbers) {
    doc.getPages().forEach((p, i) => p.drawText(String(i + 1), { x: width / 2, y: 15, size: 8, font }));
  }
  return doc.save();
}

/** A PDF whose only page holds a drawing and no text, like a scan. */
export async function makeImageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 300]);
  page.drawRectangle({ x: 20, y: 20, width: 200, height: 120, color: rgb(0.4, 0.4, 0.4) });
  return doc.save();
}
