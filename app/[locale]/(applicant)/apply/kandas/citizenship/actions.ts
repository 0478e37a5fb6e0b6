"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/_components/form-state";
import { getDb } from "@/db";
import { listMyCases } from "@/lib/dal/cases";
import { getViewer } from "@/lib/dal/viewer";
import { createCase } from "@/lib/engine/create";
import { toActionState } from "@/lib/forms/action-state";
import { formLocale, formText } from "@/lib/forms/form-data";
import { KC_SERVICE, KD_SERVICE } from "@/lib/services/ids";

/** KD-14: files the simplified citizenship application of a kandas holder; the engine checks the status. */
export async function applyForCitizenship(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const values = {
    kandasCaseId: formText(formData, "kandasCaseId"),
    region: formText(formData, "region"),
    address: formText(formData, "address"),
    permanentResidence: formText(formData, "permanentResidence"),
    renouncesOtherCitizenship: formText(formData, "renouncesOtherCitizenship"),
  };
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return { fieldErrors: {}, formError: t("kd.apply.signedOut"), values };
  const db = await getDb();
  // The reference is taken from the applicant's own case, never from the form.
  const kandas = (await listMyCases(db, viewer)).find((c) => c.link === "filed_by_me" && c.id === values.kandasCaseId && c.service === KD_SERVICE);
  if (!kandas) {
    return { fieldErrors: { kandasCaseId: values.kandasCaseId ? `${t("kd.rules.kd14NotAHolder")} (KD-14)` : t("rules.validation.required") }, formError: null, values };
  }
  const result = await createCase(
    db,
    viewer,
    KC_SERVICE,
    {
      kandasCaseId: values.kandasCaseId,
      kandasReference: kandas.reference,
      region: values.region,
      address: values.address,
      permanentResidence: values.permanentResidence === "yes",
      renouncesOtherCitizenship: values.renouncesOtherCitizenship === "yes",
    },
    { channel: "online", submit: true },
  );
  if (result.ok) redirect(`/${locale}/applications/${result.case.reference}?done=filed`);
  const state = toActionState(t, result);
  return { fieldErrors: state.fieldErrors, formError: state.formError, values };
}
