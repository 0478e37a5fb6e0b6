import type { ReactNode } from "react";
import { TR_STEPS, type TrStep } from "@/lib/services/temporary-registration/schema";
import { formatCivilDate } from "./format";
import type { FieldText, Option, TrDraft, TrFieldName, TrWizardOptions } from "./types";

/** The answers of an application as summary lists, one per step (check-your-answers and status pages). */

export interface SummaryText {
  pages: Record<TrStep, { title: string }>;
  fields: Record<TrFieldName, FieldText>;
  yes: string;
  no: string;
  notProvided: string;
}

type Row = { field: TrFieldName; value: string };

function labelOf(options: readonly Option[], value: unknown): string {
  if (typeof value !== "string" || value === "") return "";
  return options.find((o) => o.value === value)?.label ?? value;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

function rowsOf(step: TrStep, data: TrDraft, options: TrWizardOptions, summary: SummaryText, locale: string): Row[] {
  const date = (v: unknown) => (typeof v === "string" && v ? formatCivilDate(v, locale) : "");
  switch (step) {
    case "person": {
      const p = data.person;
      return [
        { field: "person.surname", value: text(p?.surname) },
        { field: "person.givenNames", value: text(p?.givenNames) },
        { field: "person.surnameCyrillic", value: text(p?.surnameCyrillic) },
        { field: "person.givenNamesCyrillic", value: text(p?.givenNamesCyrillic) },
        { field: "person.birthDate", value: date(p?.birthDate) },
        { field: "person.sex", value: labelOf(options.sexes, p?.sex) },
        { field: "person.citizenship", value: labelOf(options.countries, p?.citizenship) },
      ];
    }
    case "passport": {
      const p = data.passport;
      return [
        { field: "passport.passportType", value: labelOf(options.passportTypes, p?.passportType) },
        { field: "passport.passportNumber", value: text(p?.passportNumber) },
        { field: "passport.passportExpiresOn", value: date(p?.passportExpiresOn) },
      ];
    }
    case "stay": {
      const s = data.stay;
      return [
        { field: "stay.entryDate", value: date(s?.entryDate) },
        { field: "stay.purpose", value: labelOf(options.purposes, s?.purpose) },
        { field: "stay.requestedEndDate", value: date(s?.requestedEndDate) },
        { field: "stay.eaeuWorker", value: s?.eaeuWorker ? summary.yes : summary.no },
        { field: "stay.visaNumber", value: text(s?.visaNumber) },
        { field: "stay.visaValidUntil", value: date(s?.visaValidUntil) },
      ];
    }
    case "address": {
      const a = data.address;
      return [
        { field: "address.region", value: labelOf(options.regions, a?.region) },
        { field: "address.city", value: text(a?.city) },
        { field: "address.street", value: text(a?.street) },
        { field: "address.building", value: text(a?.building) },
        { field: "address.flat", value: text(a?.flat) },
      ];
    }
    case "host": {
      const h = data.host;
      return [
        { field: "host.kind", value: labelOf(options.hostKinds, h?.kind) },
        { field: "host.identifier", value: text(h?.identifier) },
        { field: "host.name", value: text(h?.name) },
        { field: "host.phone", value: text(h?.phone) },
      ];
    }
  }
}

export function ApplicationSummary({
  data,
  options,
  text: summary,
  locale,
  headingLevel = 2,
  changeAction,
}: {
  data: TrDraft;
  options: TrWizardOptions;
  text: SummaryText;
  locale: string;
  headingLevel?: 2 | 3;
  /** A control that reopens the step (check-your-answers only). */
  changeAction?: (step: TrStep, title: string) => ReactNode;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      {TR_STEPS.map((step) => (
        <section key={step} aria-labelledby={`summary-${step}`}>
          <Heading id={`summary-${step}`}>{summary.pages[step].title}</Heading>
          <dl className="summary-list">
            {rowsOf(step, data, options, summary, locale).map((row) => (
              <div key={row.field} style={{ display: "contents" }}>
                <dt>{summary.fields[row.field].label}</dt>
                <dd>{row.value || <span className="muted">{summary.notProvided}</span>}</dd>
                <dd className="summary-action">{changeAction ? changeAction(step, summary.fields[row.field].label) : null}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
