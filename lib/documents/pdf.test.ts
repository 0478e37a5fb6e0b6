import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, PDFHexString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { PDF_PRODUCER, renderDocument, wrapText, type DocumentSpec } from "./pdf";

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

const baseSpec: DocumentSpec = {
  title: "Уақытша тіркеу туралы талон",
  secondaryTitle: "Талон о временной регистрации",
  subtitle: "Шетелдік немесе азаматтығы жоқ адам",
  issuer: "Көші-қон қызметі\nМиграционная служба",
  number: "TRS-2026-000001",
  fields: [
    { label: "Тегі, аты", secondaryLabel: "Фамилия, имя", value: "ÖZTÜRK AYŞE" },
    { label: "Мекенжайы", value: "Алматы, Әл-Фараби даңғылы, 77/8" },
  ],
  notes: ["Ескерту: ә ғ қ ң ө ұ ү һ і"],
  verifyUrl: "https://migration.example.kz/kk/verify/abc",
  qrCaption: "Құжатты тексеру үшін сканерлеңіз",
  footer: "Құжат электрондық түрде берілген.",
  language: "kk",
  issuedAt: new Date("2026-03-05T09:00:00Z"),
};

/** Fonts as the PDF declares them: base name and the size of the embedded font program. */
function embeddedFonts(doc: PDFDocument): { baseFont: string; programBytes: number }[] {
  const fonts: { baseFont: string; programBytes: number }[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of("Type")) !== PDFName.of("FontDescriptor")) continue;
    const program = obj.lookup(PDFName.of("FontFile2"));
    fonts.push({
      baseFont: String(obj.get(PDFName.of("FontName"))),
      programBytes: program instanceof PDFRawStream ? program.contents.length : -1,
    });
  }
  return fonts;
}

/** Without `updateMetadata: false` pdf-lib overwrites the producer while loading. */
const load = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false });

function catalogLanguage(doc: PDFDocument): string | undefined {
  const lang = doc.catalog.lookup(PDFName.of("Lang"));
  return lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined;
}

describe("renderDocument", () => {
  it("writes the metadata", async () => {
    const doc = await load(await renderDocument(baseSpec));
    expect(doc.getTitle()).toBe(baseSpec.title);
    expect(doc.getSubject()).toBe(baseSpec.subtitle);
    expect(doc.getAuthor()).toBe("Көші-қон қызметі");
    expect(doc.getProducer()).toBe(PDF_PRODUCER);
    expect(doc.getCreator()).toBe(PDF_PRODUCER);
    expect(doc.getCreationDate()?.toISOString()).toBe("2026-03-05T09:00:00.000Z");
    expect(catalogLanguage(doc)).toBe("kk");
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it("embeds subsets of DejaVu Sans regular and bold", async () => {
    const bytes = await renderDocument(baseSpec);
    expect(Buffer.from(bytes).toString("latin1")).toContain("DejaVuSans");
    const fonts = embeddedFonts(await load(bytes));
    expect(fonts.map((f) => f.baseFont.replace(/-\d+$/, "")).sort()).toEqual(["/DejaVuSans", "/DejaVuSans-Bold"]);
    const fullSize = statSync(path.join(FONT_DIR, "DejaVuSans.ttf")).size;
    for (const font of fonts) {
      expect(font.programBytes).toBeGreaterThan(0);
      expect(font.programBytes).toBeLessThan(fullSize / 10);
    }
  });

  it("carries the QR code as the only image", async () => {
    const bytes = Buffer.from(await renderDocument(baseSpec)).toString("latin1");
    expect(bytes.match(/\/Subtype \/Image/g)).toHaveLength(1);
  });

  it("continues a value longer than a page onto the following pages", async () => {
    const huge = Array.from({ length: 400 }, (_, i) => `Жол ${i}: ұзын мәтін`).join("\n");
    const doc = await load(await renderDocument({ ...baseSpec, fields: [...baseSpec.fields, { label: "Мәтін", value: huge }] }));
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(5);
  });

  it("flows notes too long to stand beside the QR code above it", async () => {
    const note = "Ұзын ескерту мәтіні. ".repeat(400);
    const doc = await load(await renderDocument({ ...baseSpec, notes: [note] }));
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
  });

  it("renders a document without notes or a subtitle", async () => {
    const { notes: _notes, subtitle: _subtitle, ...rest } = baseSpec;
    const doc = await load(await renderDocument(rest));
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getSubject()).toBeUndefined();
  });
});

describe("wrapText", async () => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(path.join(FONT_DIR, "DejaVuSans.ttf")));
  const width = (s: string) => font.widthOfTextAtSize(s, 10);

  it("breaks between words and keeps every line within the width", () => {
    const text = "Қазақстан Республикасы Ішкі істер министрлігінің Көші-қон қызметі";
    const lines = wrapText(text, font, 10, 120);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(120);
    expect(lines.join(" ")).toBe(text);
  });

  it("breaks a word wider than the line between characters", () => {
    const url = "https://migration.example.kz/kk/verify/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_ABCD";
    const lines = wrapText(url, font, 10, 100);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(100);
    expect(lines.join("")).toBe(url);
  });

  it("honours explicit line breaks and strips control characters", () => {
    expect(wrapText("бір\nекі\r\nүш\tтөрт\u0007", font, 10, 500)).toEqual(["бір", "екі", "үш төрт"]);
    expect(wrapText("", font, 10, 500)).toEqual([""]);
  });
});
