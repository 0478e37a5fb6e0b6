import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, kandasNationalQuotas, kandasQuotas } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import { SYSTEM_VIEWER, type CaseSnapshot, type PerformResult, type Viewer } from "@/lib/engine/types";
import { toCsv } from "@/lib/reports/csv";
import type { ReportFilter } from "@/lib/reports/filter";
import { displayRows, type Labeler } from "@/lib/reports/table";
import { toXlsx } from "@/lib/reports/xlsx";
import { confirmPermitPayment } from "@/lib/services/household-permit/payment";
import { HP_SERVICE, KD_SERVICE, TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";
import { hpApplication } from "@/test/household-permit";
import { REPORT_IDS, exportReport, reportsFor, runReport, type ReportResult } from "./reports";

function must(r: PerformResult, what: string): CaseSnapshot {
  if (!r.ok) throw new Error(`${what} failed: ${JSON.stringify(r)}`);
  return r.case;
}

const LABELS: Labeler = { region: (c) => `region ${c}`, country: (c) => `country ${c}`, code: (p, c) => `${p}.${c}` };
const HEADERS = (r: ReportResult) => r.definition.columns.map((c) => c.key);
const MARCH: ReportFilter = { from: "2026-03", to: "2026-03" };
const SPRING: ReportFilter = { from: "2026-03", to: "2026-04" };

/** Parses the CSV toCsv writes (quoted fields, CRLF), enough to read a download back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    }
    else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else cell += ch;
  }
  return rows;
}

describe.each(TEST_ENGINES)("reports on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let officer: Viewer;
  let officerAstana: Viewer;
  let supervisor: Viewer;
  let supervisorAstana: Viewer;
  let auditor: Viewer;

  async function registration(region: string, entryDate: string, filed: string, by: Viewer): Promise<CaseSnapshot> {
    const r = await createCase(t.db, applicant, TR_SERVICE, trApplication({ address: { region }, stay: { entryDate } }), { channel: "online", submit: true, now: at(filed) });
    if (!r.ok) throw new Error(`filing failed: ${JSON.stringify(r)}`);
    const s = must(await perform(t.db, by, r.case.id, "start_review", {}, r.case.version, { now: at("2026-03-04", "09:00:00") }), "start_review");
    return must(await perform(t.db, by, s.id, "register", {}, s.version, { now: at("2026-03-04", "11:00:00") }), "register");
  }

  async function permit(app: ReturnType<typeof hpApplication>, reference: string): Promise<CaseSnapshot> {
    const c = await createCase(t.db, applicant, HP_SERVICE, app, { channel: "online", submit: true, now: at("2026-03-03") });
    if (!c.ok) throw new Error(`filing failed: ${JSON.stringify(c)}`);
    const r = must(await perform(t.db, officer, c.case.id, "start_review", {}, c.case.version, { now: at("2026-03-04") }), "start_review");
    const a = must(await perform(t.db, officer, c.case.id, "approve", {}, r.version, { now: at("2026-03-05") }), "approve");
    return must(await confirmPermitPayment(t.db, applicant, a.id, reference, { now: at("2026-03-06") }), "payment");
  }

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE, HP_SERVICE] });
    officerAstana = await makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [TR_SERVICE] });
    supervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA"], services: [TR_SERVICE, HP_SERVICE, KD_SERVICE] });
    supervisorAstana = await makeUser(t.db, "supervisor", { regions: ["KZ-AST"], services: [TR_SERVICE] });
    auditor = await makeUser(t.db, "auditor");

    const onTime = await registration("KZ-ALA", "2026-03-01", "2026-03-03", officer);
    const late = await registration("KZ-ALA", "2026-02-20", "2026-03-03", officer);
    expect(late.flags).toEqual(expect.arrayContaining(["late_filing", "late_tier_b"]));
    expect(onTime.flags).toEqual([]);
    await registration("KZ-AST", "2026-03-01", "2026-03-03", officerAstana);
    // TR-08: the stay ended on 15 April; no exit by 18 April makes an overstay on 19 April.
    const expired = must(await perform(t.db, SYSTEM_VIEWER, onTime.id, "expire", {}, onTime.version, { now: at("2026-04-16") }), "expire");
    must(await perform(t.db, SYSTEM_VIEWER, expired.id, "flag_overstay", {}, expired.version, { now: at("2026-04-19") }), "flag_overstay");

    const p1 = await permit(hpApplication({ withoutEmployer: true }), "RCPT-0001");
    await permit(
      hpApplication({ withoutEmployer: true, person: { citizenship: "TJK", sex: "F", surname: "RAHIMOVA", givenNames: "ZARINA" }, passport: { passportNumber: "TJ1234567" }, work: { category: "nurse_nanny" }, certificates: { medicalCategory: "nurse_nanny" } }),
      "RCPT-0002",
    );
    must(await perform(t.db, officer, p1.id, "record_offence", { subject: "worker", code: "work_outside_region", occurredOn: "2026-03-20", reason: "Worked in another region." }, p1.version, { now: at("2026-03-21") }), "offence");

    await t.db.insert(kandasNationalQuotas).values({ year: 2026, families: 100 });
    await t.db.insert(kandasQuotas).values([
      { year: 2026, region: "KZ-ALA", familiesAllocated: 40, familiesUsed: 10 },
      { year: 2026, region: "KZ-AST", familiesAllocated: 60, familiesUsed: 0 },
    ]);
  }, 120_000);
  afterAll(async () => t?.close());

  it("permits issued: per month by work category, citizenship and sex", async () => {
    const r = await runReport(t.db, supervisor, "permits-issued", MARCH);
    expect(r!.rows).toEqual([
      { month: "2026-03", category: "construction_repair", citizenship: "UZB", sex: "M", issued: 1, extended: 0 },
      { month: "2026-03", category: "nurse_nanny", citizenship: "TJK", sex: "F", issued: 1, extended: 0 },
    ]);
    expect((await runReport(t.db, supervisor, "permits-issued", { from: "2026-04", to: "2026-04" }))!.rows).toEqual([]);
  });

  it("registrations: per month and region, with the late ones and their share", async () => {
    const r = await runReport(t.db, supervisor, "registrations", MARCH);
    expect(r!.rows).toEqual([{ month: "2026-03", region: "KZ-ALA", registrations: 2, late: 1, lateTierA: 0, lateTierB: 1, lateShare: 50 }]);
    const all = await runReport(t.db, auditor, "registrations", MARCH);
    expect(all!.rows.map((row) => [row.region, row.registrations])).toEqual([["KZ-ALA", 2], ["KZ-AST", 1]]);
  });

  it("offences: those recorded on permits and the overstays flagged on registrations", async () => {
    const r = await runReport(t.db, supervisor, "offences", SPRING);
    expect(r!.rows).toEqual([
      { month: "2026-03", region: "KZ-ALA", offence: "work_outside_region", count: 1 },
      { month: "2026-04", region: "KZ-ALA", offence: "tr_overstay", count: 1 },
    ]);
  });

  it("kandas quota: the supervisor's regions only, with the share used", async () => {
    const r = await runReport(t.db, supervisor, "kandas-quota", MARCH);
    expect(r!.rows).toEqual([{ year: "2026", region: "KZ-ALA", allocated: 40, used: 10, free: 30, usedShare: 25 }]);
  });

  it("the CSV download holds the same rows as the screen and is audited", async () => {
    const screen = await runReport(t.db, supervisor, "registrations", MARCH);
    const shown = displayRows(screen!.definition.columns, screen!.rows, LABELS);
    const out = await exportReport(t.db, supervisor, "registrations", MARCH, {
      format: "csv",
      ip: "10.0.0.7",
      render: (res) => toCsv(HEADERS(res), displayRows(res.definition.columns, res.rows, LABELS)),
    });
    expect(out!.file.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(out!.file.slice(1));
    expect(header).toEqual(HEADERS(screen!));
    expect(rows).toEqual(shown.map((row) => row.map((v) => (v === null ? "" : String(v)))));
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "report.download"), eq(auditLog.actorId, supervisor.userId!)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ target: "registrations", channel: "page", ip: "10.0.0.7", details: { format: "csv", rows: 1, filter: { from: "2026-03", to: "2026-03" } } });
  });

  it("the XLSX download opens and has the screen's rows, numbers as numbers", async () => {
    const screen = await runReport(t.db, supervisor, "permits-issued", MARCH);
    const out = await exportReport(t.db, supervisor, "permits-issued", MARCH, {
      format: "xlsx",
      ip: null,
      render: (res) => toXlsx(res.definition.id, HEADERS(res), displayRows(res.definition.columns, res.rows, LABELS)),
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(out!.file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(values).toEqual([HEADERS(screen!), ...displayRows(screen!.definition.columns, screen!.rows, LABELS)]);
    expect(typeof values[1]![4]).toBe("number");
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "report.download"), eq(auditLog.target, "permits-issued")));
    expect(audits.map((a) => (a.details as { format: string }).format)).toEqual(["xlsx"]);
  });

  it("another region sees none of it; officers get no reports and leave no download behind", async () => {
    const astana = await runReport(t.db, supervisorAstana, "registrations", MARCH);
    expect(astana!.rows.map((r) => r.region)).toEqual(["KZ-AST"]);
    expect((await runReport(t.db, supervisorAstana, "registrations", { ...MARCH, region: "KZ-ALA" }))!.rows).toEqual([]);
    expect((await runReport(t.db, supervisorAstana, "offences", SPRING))!.rows).toEqual([]);
    // Astana's supervisor has no household-permit or refugee service: those reports are not theirs.
    expect(await runReport(t.db, supervisorAstana, "permits-issued", MARCH)).toBeNull();
    expect(await runReport(t.db, supervisor, "refugee-renewals", MARCH)).toBeNull();
    expect(reportsFor(supervisorAstana).map((r) => r.id)).toEqual(["registrations", "offences"]);
    expect(reportsFor(officer)).toEqual([]);
    expect(await runReport(t.db, officer, "registrations", MARCH)).toBeNull();
    const denied = await exportReport(t.db, officerAstana, "registrations", MARCH, { format: "csv", ip: null, render: () => "" });
    expect(denied).toBeNull();
    expect(await t.db.select().from(auditLog).where(eq(auditLog.actorId, officerAstana.userId!))).toEqual([]);
    expect(await runReport(t.db, auditor, "no-such-report", MARCH)).toBeNull();
    expect(reportsFor(auditor).map((r) => r.id)).toEqual([...REPORT_IDS]);
  });
});
