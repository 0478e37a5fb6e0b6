import type { FieldIssue } from "@/lib/engine/types";
import type { RfApplicationInput } from "@/lib/services/refugee-renewal/schema";

/** The filing form's field names are dotted paths; this turns a post into the application and errors back into names. */

export const ADD_SLOTS = 2;
export const ADD_FIELDS = ["surname", "givenNames", "birthDate", "sex", "relation", "documentType", "documentNumber"] as const;

type Post = { get(name: string): FormDataEntryValue | null; getAll(name: string): FormDataEntryValue[] };

const text = (form: Post, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

type AddChange = Extract<NonNullable<RfApplicationInput["familyChanges"]>[number], { change: "add" }>;

export interface ParsedFiling {
  input: Omit<RfApplicationInput, "status">;
  /** For each entry of familyChanges, the form-name prefix its errors belong to. */
  changeFields: string[];
  /** Everything typed, to put back into the form. */
  values: Record<string, string | string[]>;
}

export function parseFiling(form: Post): ParsedFiling {
  const values: Record<string, string | string[]> = {};
  const keep = (name: string) => (values[name] = text(form, name));
  for (const n of ["identity.type", "identity.number", "identity.expiresOn", "address.region", "address.city", "address.street", "address.building", "address.flat", "address.phone", "statement", "newEvidence"]) keep(n);
  const removed = form.getAll("remove").filter((v): v is string => typeof v === "string");
  values.remove = removed;

  const familyChanges: NonNullable<RfApplicationInput["familyChanges"]> = [];
  const changeFields: string[] = [];
  for (const statusId of removed) {
    familyChanges.push({ change: "remove", statusId, reason: keep(`removeReason.${statusId}`) });
    changeFields.push(`removeReason.${statusId}`);
  }
  for (let i = 0; i < ADD_SLOTS; i++) {
    const fields = Object.fromEntries(ADD_FIELDS.map((f) => [f, keep(`add.${i}.${f}`)]));
    // An empty slot is not a change; a partly filled one is validated and shows its errors.
    if (!Object.values(fields).some((v) => v.trim())) continue;
    familyChanges.push({ change: "add", ...fields } as AddChange);
    changeFields.push(`add.${i}`);
  }

  return {
    input: {
      identity: { type: values["identity.type"] as never, number: values["identity.number"] as string, expiresOn: values["identity.expiresOn"] as string },
      address: {
        region: values["address.region"] as string,
        city: values["address.city"] as string,
        street: values["address.street"] as string,
        building: values["address.building"] as string,
        flat: values["address.flat"] as string,
        phone: values["address.phone"] as string,
      },
      familyChanges,
      statement: values.statement as string,
      newEvidence: values.newEvidence as string,
    },
    changeFields,
    values,
  };
}

/** What a filed application puts back into the form, to correct it (the inverse of parseFiling). */
export function formDefaultsOf(data: Omit<RfApplicationInput, "status">): { defaults: Record<string, string>; removed: string[] } {
  const defaults: Record<string, string> = {
    "identity.type": data.identity.type,
    "identity.number": data.identity.number,
    "identity.expiresOn": data.identity.expiresOn ?? "",
    "address.region": data.address.region,
    "address.city": data.address.city,
    "address.street": data.address.street,
    "address.building": data.address.building,
    "address.flat": data.address.flat ?? "",
    "address.phone": data.address.phone,
    statement: data.statement,
    newEvidence: data.newEvidence ?? "",
  };
  const removed: string[] = [];
  let slot = 0;
  for (const change of data.familyChanges ?? []) {
    if (change.change === "remove") {
      removed.push(change.statusId);
      defaults[`removeReason.${change.statusId}`] = change.reason;
    } else if (slot < ADD_SLOTS) {
      for (const f of ADD_FIELDS) defaults[`add.${slot}.${f}`] = String(change[f] ?? "");
      slot++;
    }
  }
  return { defaults, removed };
}

/** The form field an engine issue path points at. */
export function formFieldOf(path: readonly (string | number)[], changeFields: readonly string[]): string {
  if (path[0] === "familyChanges" && typeof path[1] === "number") {
    const prefix = changeFields[path[1]];
    if (!prefix) return "familyChanges";
    return prefix.startsWith("removeReason.") ? prefix : `${prefix}.${String(path[2] ?? "surname")}`;
  }
  if (path[0] === "status") return "status";
  return path.join(".");
}

export function issuesByField(issues: readonly FieldIssue[], changeFields: readonly string[], translate: (key: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[formFieldOf(issue.path, changeFields)] ??= translate(issue.message);
  return out;
}
