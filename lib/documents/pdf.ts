import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { qrPng } from "./qr";

// pdf-lib cannot write tagged (structure-tree) PDFs, so screen-reader users need the same facts as
// HTML, e.g. on the public verification page.

export const PDF_PRODUCER = "Migration Services of Kazakhstan";

export interface DocumentField {
  label: string;
  /** The same label in the document's second language, printed smaller under the first. */
  secondaryLabel?: string;
  /** "\n" starts a new line; long lines wrap. */
  value: string;
}

export interface DocumentSpec {
  title: string;
  /** The title in the document's second language. */
  secondaryTitle?: string;
  subtitle?: string;
  /** Issuing authority, printed in the header where a paper form has the emblem; "\n" separates lines. */
  issuer: string;
  number: string;
  fields: DocumentField[];
  notes?: string[];
  verifyUrl: string;
  /** "\n" separates lines (e.g. the same caption in two languages). */
  qrCaption: string;
  /** Printed on every page next to the page number; "\n" separates lines. */
  footer: string;
  /** BCP 47 tag of the primary language, written to the PDF catalogue. */
  language: string;
  /** Creation date in the metadata; now when absent. */
  issuedAt?: Date;
}

// ---------------------------------------------------------------- fonts

interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

let fontCache: Promise<FontBytes> | undefined;

/** DejaVu Sans covers Kazakh Cyrillic (ә ғ қ ң ө ұ ү һ і), Russian and Latin; the standard 14 PDF fonts do not. */
function loadFonts(): Promise<FontBytes> {
  if (!fontCache) {
    const dir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
    const pending = Promise.all([
      readFile(path.join(dir, "DejaVuSans.ttf")),
      readFile(path.join(dir, "DejaVuSans-Bold.ttf")),
    ]).then(([regular, bold]) => ({ regular, bold }));
    // A failed read (e.g. a missing package) must not stay cached for the life of the process.
    pending.catch(() => {
      if (fontCache === pending) fontCache = undefined;
    });
    fontCache = pending;
  }
  return fontCache;
}

// ---------------------------------------------------------------- geometry and style

const MM = 72 / 25.4;
const PAGE_WIDTH = 595.28; // A4 portrait
const PAGE_HEIGHT = 841.89;
const MARGIN_X = 20 * MM;
const MARGIN_TOP = 16 * MM;
const MARGIN_BOTTOM = 10 * MM;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const LABEL_COLUMN = 0.4 * CONTENT_WIDTH;
const CELL_PAD = 4;
const QR_SIZE = 35 * MM;
const LINE_FACTOR = 1.3;
/** The accent bar at the top of every page and the space under it. */
const HEAD_BAR = 10;

const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.36, 0.38, 0.42);
const RULE = rgb(0.74, 0.76, 0.8);
const SHADE = rgb(0.95, 0.96, 0.97);
/** The sky blue of the state flag. */
const ACCENT = rgb(0, 0.686, 0.792);

interface TextStyle {
  font: PDFFont;
  size: number;
  color: RGB;
}

const lineHeight = (style: TextStyle) => style.size * LINE_FACTOR;

/** Draws lines downwards from `top` at `x`; returns the y below the last line. */
function drawLines(page: PDFPage, lines: string[], x: number, top: number, style: TextStyle): number {
  let y = top;
  for (const line of lines) {
    if (line) page.drawText(line, { x, y: y - style.size * 0.95, size: style.size, font: style.font, color: style.color });
    y -= lineHeight(style);
  }
  return y;
}

/** Tabs become spaces and other control characters go: fonts have no glyphs for them. */
function clean(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "");
}

/**
 * Greedy word wrap; a word wider than the line (a URL, a long compound name) is broken between
 * characters. "\n" forces a break. Always returns at least one line.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  for (const paragraph of clean(text).split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (width(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      if (width(word) <= maxWidth) {
        line = word;
        continue;
      }
      for (const ch of word) {
        if (line && width(line + ch) > maxWidth) {
          lines.push(line);
          line = "";
        }
        line += ch;
      }
    }
    lines.push(line);
  }
  return lines.length > 0 ? lines : [""];
}

// ---------------------------------------------------------------- layout

class Layout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  private fresh = true;

  constructor(
    private readonly doc: PDFDocument,
    /** Lowest y the body may reach; the footer lives below it. */
    private readonly bottom: number,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = PAGE_HEIGHT - MARGIN_TOP;
    this.fresh = true;
    this.page.drawRectangle({ x: MARGIN_X, y: this.y, width: CONTENT_WIDTH, height: 2.5, color: ACCENT });
    this.y -= HEAD_BAR;
  }

  get available(): number {
    return this.y - this.bottom;
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  ensure(height: number): void {
    if (height > this.available && !this.fresh) this.newPage();
  }

  gap(height: number): void {
    this.y -= height;
  }

  /** A horizontal line across the content width, at the cursor unless `y` is given. */
  rule(color: RGB, thickness: number, y = this.y): void {
    this.page.drawLine({ start: { x: MARGIN_X, y }, end: { x: MARGIN_X + CONTENT_WIDTH, y }, thickness, color });
  }

  /** A wrapped paragraph across the content width, kept together on one page when it fits. */
  paragraph(text: string, style: TextStyle, align: "left" | "center" = "left"): void {
    const lines = wrapText(text, style.font, style.size, CONTENT_WIDTH);
    this.ensure(lines.length * lineHeight(style));
    for (const line of lines) {
      this.ensure(lineHeight(style));
      const w = style.font.widthOfTextAtSize(line, style.size);
      const x = align === "center" ? MARGIN_X + (CONTENT_WIDTH - w) / 2 : MARGIN_X;
      this.text(line, x, style);
    }
  }

  /** Draws one line with its top at the cursor and moves the cursor down by the line height. */
  private text(line: string, x: number, style: TextStyle): void {
    this.y = drawLines(this.page, [line], x, this.y, style);
    this.fresh = false;
  }

  /**
   * One label/value row of the table. A row taller than what is left moves to the next page; a
   * value longer than a whole page continues on the next one.
   */
  row(field: DocumentField, labelStyle: TextStyle, secondaryStyle: TextStyle, valueStyle: TextStyle): void {
    const labelWidth = LABEL_COLUMN - 2 * CELL_PAD;
    const valueWidth = CONTENT_WIDTH - LABEL_COLUMN - 2 * CELL_PAD;
    const label = wrapText(field.label, labelStyle.font, labelStyle.size, labelWidth);
    const secondary = field.secondaryLabel
      ? wrapText(field.secondaryLabel, secondaryStyle.font, secondaryStyle.size, labelWidth)
      : [];
    const labelHeight = label.length * lineHeight(labelStyle) + secondary.length * lineHeight(secondaryStyle);
    const values = wrapText(field.value, valueStyle.font, valueStyle.size, valueWidth);
    const valueLine = lineHeight(valueStyle);
    const fullHeight = Math.max(labelHeight, values.length * valueLine) + 2 * CELL_PAD;

    this.ensure(Math.min(fullHeight, Math.max(labelHeight, valueLine) + 2 * CELL_PAD));
    if (fullHeight > this.available && !this.fresh && fullHeight <= this.bodyHeight) {
      this.newPage();
    }

    let start = 0;
    let first = true;
    while (first || start < values.length) {
      if (!first) this.newPage();
      const room = Math.floor((this.available - 2 * CELL_PAD) / valueLine);
      const take = Math.max(1, Math.min(values.length - start, room));
      const height = Math.max(first ? labelHeight : 0, take * valueLine) + 2 * CELL_PAD;
      const top = this.y;

      this.page.drawRectangle({ x: MARGIN_X, y: top - height, width: LABEL_COLUMN, height, color: SHADE });
      this.rule(RULE, 0.6, top);
      this.rule(RULE, 0.6, top - height);
      if (first) {
        this.y = top - CELL_PAD;
        for (const line of label) this.text(line, MARGIN_X + CELL_PAD, labelStyle);
        for (const line of secondary) this.text(line, MARGIN_X + CELL_PAD, secondaryStyle);
      }
      this.y = top - CELL_PAD;
      for (const line of values.slice(start, start + take)) this.text(line, MARGIN_X + LABEL_COLUMN + CELL_PAD, valueStyle);
      this.y = top - height;
      start += take;
      first = false;
    }
  }

  /** A fixed-height block drawn by `draw` with its top-left corner at the cursor. */
  block(height: number, draw: (page: PDFPage, left: number, top: number) => void): void {
    this.ensure(height);
    draw(this.page, MARGIN_X, this.y);
    this.y -= height;
    this.fresh = false;
  }

  /** Height available to the body on an empty page. */
  get bodyHeight(): number {
    return PAGE_HEIGHT - MARGIN_TOP - HEAD_BAR - this.bottom;
  }
}

// ---------------------------------------------------------------- rendering

/** Lays out an issued document on A4 pages and returns the PDF bytes. */
export async function renderDocument(spec: DocumentSpec): Promise<Uint8Array> {
  const [fontBytes, qr] = await Promise.all([loadFonts(), qrPng(spec.verifyUrl)]);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // Subsetting keeps a one-page slip at tens of kilobytes instead of carrying two whole fonts.
  const regular = await doc.embedFont(fontBytes.regular, { subset: true });
  const bold = await doc.embedFont(fontBytes.bold, { subset: true });
  const qrImage = await doc.embedPng(qr);

  const style = (font: PDFFont, size: number, color: RGB = INK): TextStyle => ({ font, size, color });
  const issuerStyle = style(bold, 9);
  const titleStyle = style(bold, 16);
  const secondaryTitleStyle = style(regular, 11.5, MUTED);
  const subtitleStyle = style(regular, 9.5, MUTED);
  const numberStyle = style(bold, 11.5);
  const labelStyle = style(regular, 8.5, INK);
  const secondaryLabelStyle = style(regular, 7.5, MUTED);
  const valueStyle = style(bold, 10);
  const noteStyle = style(regular, 8.5, MUTED);
  const captionStyle = style(bold, 9);
  const urlStyle = style(regular, 8, MUTED);
  const footerStyle = style(regular, 7, MUTED);
  const pageNumberStyle = style(regular, 8, MUTED);

  const pageNumberWidth = 40;
  const footerLines = wrapText(spec.footer, footerStyle.font, footerStyle.size, CONTENT_WIDTH - pageNumberWidth - 10);
  const footerTop = MARGIN_BOTTOM + footerLines.length * lineHeight(footerStyle) + 4;
  const layout = new Layout(doc, footerTop + 6 * MM);

  // Header: the issuing authority where a paper form carries the emblem.
  for (const line of clean(spec.issuer).split("\n")) layout.paragraph(line.toUpperCase(), issuerStyle, "center");
  layout.gap(4);
  layout.rule(ACCENT, 0.8);
  layout.gap(5 * MM);

  layout.paragraph(spec.title, titleStyle, "center");
  if (spec.secondaryTitle) layout.paragraph(spec.secondaryTitle, secondaryTitleStyle, "center");
  if (spec.subtitle) {
    layout.gap(2);
    layout.paragraph(spec.subtitle, subtitleStyle, "center");
  }
  layout.gap(3 * MM);
  layout.paragraph(`№ ${spec.number}`, numberStyle, "center");
  layout.gap(5 * MM);

  for (const field of spec.fields) layout.row(field, labelStyle, secondaryLabelStyle, valueStyle);

  // Closing block: the QR code with the notes beside it, then its caption and the address under
  // it, kept together on one page. Notes too long to stand beside the code flow above it instead.
  const notes = spec.notes ?? [];
  const sideX = QR_SIZE + 6 * MM;
  const noteWidth = CONTENT_WIDTH - sideX;
  const noteLines = notes.map((note) => wrapText(note, noteStyle.font, noteStyle.size, noteWidth));
  const noteGap = 3;
  const notesHeight = noteLines.reduce((sum, lines) => sum + lines.length * lineHeight(noteStyle) + noteGap, 0);
  const captionLines = wrapText(spec.qrCaption, captionStyle.font, captionStyle.size, CONTENT_WIDTH);
  const urlLines = wrapText(spec.verifyUrl, urlStyle.font, urlStyle.size, CONTENT_WIDTH);
  const qrUnder = 4 + captionLines.length * lineHeight(captionStyle) + urlLines.length * lineHeight(urlStyle);
  const notesBeside = QR_SIZE + notesHeight < layout.bodyHeight - qrUnder;

  layout.gap(5 * MM);
  if (!notesBeside) {
    for (const note of notes) {
      layout.paragraph(note, noteStyle);
      layout.gap(noteGap);
    }
    layout.gap(3 * MM);
  }
  const upper = Math.max(QR_SIZE, notesBeside ? notesHeight : 0);
  layout.block(upper + qrUnder, (page, left, top) => {
    page.drawImage(qrImage, { x: left, y: top - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
    if (notesBeside) {
      let y = top;
      for (const lines of noteLines) y = drawLines(page, lines, left + sideX, y, noteStyle) - noteGap;
    }
    const y = drawLines(page, captionLines, left, top - upper - 4, captionStyle);
    drawLines(page, urlLines, left, y, urlStyle);
  });

  // Footer with page numbers, once the page count is known.
  const total = layout.pages.length;
  layout.pages.forEach((page, index) => {
    page.drawLine({
      start: { x: MARGIN_X, y: footerTop },
      end: { x: MARGIN_X + CONTENT_WIDTH, y: footerTop },
      thickness: 0.5,
      color: RULE,
    });
    drawLines(page, footerLines, MARGIN_X, footerTop - 4, footerStyle);
    const pageNumber = `${index + 1} / ${total}`;
    const w = pageNumberStyle.font.widthOfTextAtSize(pageNumber, pageNumberStyle.size);
    drawLines(page, [pageNumber], MARGIN_X + CONTENT_WIDTH - w, footerTop - 4, pageNumberStyle);
  });

  const issuedAt = spec.issuedAt ?? new Date();
  doc.setTitle(spec.title, { showInWindowTitleBar: true });
  if (spec.subtitle) doc.setSubject(spec.subtitle);
  doc.setAuthor(clean(spec.issuer).split("\n")[0] ?? PDF_PRODUCER);
  doc.setLanguage(spec.language);
  doc.setProducer(PDF_PRODUCER);
  doc.setCreator(PDF_PRODUCER);
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);

  // Plain (uncompressed) object dictionaries cost little here and keep the file readable by older
  // viewers and archive checkers.
  return doc.save({ useObjectStreams: false });
}
