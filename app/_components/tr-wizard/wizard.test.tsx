import { describe, expect, it, vi } from "vitest";
import { renderToString } from "react-dom/server";
import { trApplication } from "@/test/fixtures";
import type { TrStepValues, TrWizardOptions, TrWizardText } from "./types";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }));
const { TrWizard } = await import("./wizard");

const options: TrWizardOptions = {
  countries: [{ value: "UZB", label: "Uzbekistan" }],
  regions: [{ value: "KZ-ALA", label: "Almaty" }],
  purposes: [{ value: "private_visit", label: "Private visit" }],
  passportTypes: [{ value: "national", label: "Ordinary passport" }],
  sexes: [
    { value: "F", label: "Female" },
    { value: "M", label: "Male" },
  ],
  hostKinds: [{ value: "individual", label: "An individual (IIN)" }],
};

const label = (path: string) => ({ label: `L:${path}`, hint: path === "stay.entryDate" ? "within 5 calendar days (TR-02)" : undefined });
const FIELDS = {
  person: ["surname", "givenNames", "surnameCyrillic", "givenNamesCyrillic", "birthDate", "sex", "citizenship"],
  passport: ["passportType", "passportNumber", "passportExpiresOn"],
  stay: ["entryDate", "purpose", "requestedEndDate", "eaeuWorker", "visaNumber", "visaValidUntil"],
  address: ["region", "city", "street", "building", "flat"],
  host: ["kind", "identifier", "name", "phone"],
};
const text: TrWizardText = {
  serviceName: "Temporary registration",
  stepIndicator: { person: "Step 1 of 5", passport: "Step 2 of 5", stay: "Step 3 of 5", address: "Step 4 of 5", host: "Step 5 of 5" },
  pages: {
    person: { title: "About the applicant" },
    passport: { title: "Passport" },
    stay: { title: "Stay" },
    address: { title: "Address" },
    host: { title: "Host" },
    check: { title: "Check your answers" },
  },
  fields: Object.fromEntries(Object.entries(FIELDS).flatMap(([step, names]) => names.map((n) => [`${step}.${n}`, label(`${step}.${n}`)]))) as TrWizardText["fields"],
  choose: "Choose…",
  continue: "Continue",
  back: "Back",
  change: "Change",
  yes: "Yes",
  no: "No",
  notProvided: "Not provided",
  submit: "Submit the application",
  submitting: "Sending…",
  declaration: "I declare",
  keptInTab: "Kept in this tab",
  redirecting: "Opening…",
  errorSummaryTitle: "There is a problem",
  draftConflict: "Changed on another device",
  draftNotSaved: "Not saved",
  messages: {},
  genericError: "Something went wrong",
};

const render = (initialData?: TrStepValues) =>
  renderToString(
    <TrWizard locale="en" storageKey="k" channel="online" submitAction={vi.fn()} options={options} text={text} initialData={initialData} />,
  );

describe("TrWizard (server render)", () => {
  it("a draft saved on the server opens on its saved step with its answers, on any device", () => {
    const app = trApplication() as TrStepValues;
    const draft = { id: "8c1d5a3e-1f1e-4d55-9f0a-0f2b8d1e7c11", version: 3, step: "check", data: app, save: vi.fn() };
    const html = renderToString(<TrWizard locale="en" storageKey="k-draft" channel="online" submitAction={vi.fn()} options={options} text={text} draft={draft} />);
    expect(html).toContain("Check your answers");
    expect(html).toContain("KARIMOV");
    expect(draft.save).not.toHaveBeenCalled();
  });

  it("opens on the first step: step indicator, one h1, labelled fields and no Back button", () => {
    const html = render();
    expect(html).toContain("Step 1 of 5");
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('<label for="person-surname">L:person.surname</label>');
    expect(html).toContain('id="person-sex-M"');
    expect(html).toContain(">Uzbekistan</option>");
    expect(html).toMatch(/autocomplete="family-name"/i);
    expect(html).not.toContain(">Back<");
  });

  it("staff filing for someone else gets no autofill of their own name", () => {
    const html = renderToString(
      <TrWizard locale="en" storageKey="k2" channel="front_office" submitAction={vi.fn()} options={options} text={text} />,
    );
    expect(html).not.toMatch(/autocomplete="family-name"/i);
    expect(html).toMatch(/autocomplete="off"/i);
  });

  it("a case returned for correction opens on check-your-answers with every answer and a Change button per answer", () => {
    const app = trApplication({ stay: { entryDate: "2026-03-01", requestedEndDate: "2026-03-30" } }) as TrStepValues;
    const html = render(app);
    expect(html).toContain("Check your answers");
    expect(html).toContain("KARIMOV");
    expect(html).toContain("30 March 2026");
    expect(html).toContain("Private visit");
    expect(html).toContain("Almaty");
    expect(html.match(/>Change<span class="visually-hidden">/g)).toHaveLength(25);
    expect(html).toContain("Submit the application");
  });
});
