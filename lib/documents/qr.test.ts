import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrPng } from "./qr";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Chosen so that error correction L, M and Q each need a different symbol size. */
const URL = "https://migration.example.kz/kk/verify/8qk3tT0y6Q2m0vVdQ0Zb3h5m1";

const pngWidth = (png: Uint8Array) => new DataView(png.buffer, png.byteOffset, png.byteLength).getUint32(16);

describe("qrPng", () => {
  it("returns a PNG image", async () => {
    const png = await qrPng(URL);
    expect(Array.from(png.subarray(0, 8))).toEqual(PNG_SIGNATURE);
    expect(String.fromCharCode(...png.subarray(12, 16))).toBe("IHDR");
  });

  it("is deterministic for the same input and differs for another", async () => {
    const [a, b, c] = await Promise.all([qrPng(URL), qrPng(URL), qrPng(`${URL}x`)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it("uses error correction M, a one-module margin and 10 px modules", async () => {
    const sizeM = QRCode.create(URL, { errorCorrectionLevel: "M" }).modules.size;
    const sizeL = QRCode.create(URL, { errorCorrectionLevel: "L" }).modules.size;
    const sizeQ = QRCode.create(URL, { errorCorrectionLevel: "Q" }).modules.size;
    expect(new Set([sizeL, sizeM, sizeQ]).size).toBe(3);
    expect(pngWidth(await qrPng(URL))).toBe((sizeM + 2) * 10);
  });
});
