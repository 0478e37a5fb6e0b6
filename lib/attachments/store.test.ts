import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { createCase } from "@/lib/engine/create";
import { TR_SERVICE } from "@/lib/services";
import { seededParams as params } from "@/test/reference";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";
import { checkAttachment, listAttachments, readAttachment, safeFileName, storeAttachment } from "./store";

const PNG_1PX = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"));

describe("attachment checks by content", () => {
  it("accepts a real PDF and PNG whatever their names say", async () => {
    const pdf = await (await PDFDocument.create()).save();
    expect(await checkAttachment(pdf, params, "2026-03-03")).toMatchObject({ ok: true, mimeType: "application/pdf", extension: "pdf" });
    expect(await checkAttachment(PNG_1PX, params, "2026-03-03")).toMatchObject({ ok: true, mimeType: "image/png" });
  });

  it("refuses a script renamed to .pdf, an empty file and a file over the size parameter", async () => {
    const script = new TextEncoder().encode("#!/bin/sh\nrm -rf /\n");
    expect(await checkAttachment(script, params, "2026-03-03")).toEqual({ ok: false, messageKey: "rules.attachmentType" });
    expect(await checkAttachment(new Uint8Array(), params, "2026-03-03")).toEqual({ ok: false, messageKey: "rules.attachmentEmpty" });
    const huge = new Uint8Array(params.number("attachment_max_bytes", "2026-03-03") + 1);
    huge.set(PNG_1PX);
    expect(await checkAttachment(huge, params, "2026-03-03")).toMatchObject({ ok: false, messageKey: "rules.attachmentTooLarge" });
  });

  it("names the stored file after its content type", () => {
    expect(safeFileName("passport scan.exe", "pdf")).toBe("passport scan.pdf");
    expect(safeFileName("../../etc/passwd", "png")).toBe("passwd.png");
    expect(safeFileName(".hidden", "pdf")).toBe("_hidden.pdf");
  });
});

describe.each(TEST_ENGINES)("attachment storage on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => t?.close());

  it("stores the bytes with their hash and reads them back only through the case", async () => {
    const applicant = await makeUser(t.db, "applicant");
    const r = await createCase(t.db, applicant, TR_SERVICE, trApplication(), { channel: "online", submit: true, now: at("2026-03-03") });
    if (!r.ok) throw new Error("filing failed");
    const checked = await checkAttachment(PNG_1PX, params, "2026-03-03");
    if (!checked.ok) throw new Error("check failed");
    const stored = await storeAttachment(t.db, { caseId: r.case.id, kind: "passport_scan", fileName: "scan.jpg", bytes: PNG_1PX, uploadedBy: applicant.userId }, checked);
    expect(stored.fileName).toBe("scan.png");
    expect(await listAttachments(t.db, r.case.id)).toHaveLength(1);
    const back = await readAttachment(t.db, r.case.id, stored.id);
    expect(Buffer.from(back!.content).equals(Buffer.from(PNG_1PX))).toBe(true);
    expect(back!.sha256).toHaveLength(64);
    expect(await readAttachment(t.db, "00000000-0000-0000-0000-000000000000", stored.id)).toBeNull();
  });
});
