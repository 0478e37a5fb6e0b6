import QRCode from "qrcode";

/**
 * PNG of a QR code for `url`. Error correction M survives a smudged or creased print; a one-module
 * quiet zone is enough because the PDF leaves white space around the image.
 */
export async function qrPng(url: string): Promise<Uint8Array> {
  const png = await QRCode.toBuffer(url, {
    type: "png",
    errorCorrectionLevel: "M",
    margin: 1,
    // 10 px per module keeps a ~35 mm print sharp (over 200 dpi for typical URL lengths).
    scale: 10,
    color: { dark: "#000000", light: "#ffffff" },
  });
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
