"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { issueApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { clientIp } from "@/lib/auth/client-ip";
import { AuthzError } from "@/lib/auth/errors";
import { issueTokenSchema } from "@/lib/auth/schemas";
import { getViewer } from "@/lib/dal/viewer";
import { formList, formLocale, formText } from "@/lib/forms/form-data";
import type { IssueTokenState } from "./form-state";

// Server actions are public endpoints: the page's check does not protect them.
async function requireTokenAdmin() {
  const viewer = await getViewer();
  if (!viewer) throw new AuthzError("unauthenticated");
  if (viewer.kind !== "user" || viewer.role !== "admin") throw new AuthzError("forbidden");
  return viewer;
}

export async function issueTokenAction(_prev: IssueTokenState, formData: FormData): Promise<IssueTokenState> {
  const viewer = await requireTokenAdmin();
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale, namespace: "auth" });
  const values = {
    name: formText(formData, "name"),
    userId: formText(formData, "userId"),
    scopes: formList(formData, "scopes"),
    expiresOn: formText(formData, "expiresOn"),
  };
  const parsed = issueTokenSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (!(field in fieldErrors)) fieldErrors[field] = t(issue.message);
    }
    return { fieldErrors, formError: null, values, issued: null };
  }

  const result = await issueApiToken(await getDb(), viewer, parsed.data, { ip: clientIp(await headers()) });
  if (!result.ok) {
    if (result.error === "forbidden") throw new AuthzError("forbidden");
    return { fieldErrors: { userId: t("errors.tokenUserInvalid") }, formError: null, values, issued: null };
  }
  revalidatePath(`/${locale}/admin/tokens`);
  return { fieldErrors: {}, formError: null, values: {}, issued: { heading: t("tokens.issuedHeading", { name: parsed.data.name }), token: result.token } };
}

export async function revokeTokenAction(formData: FormData): Promise<void> {
  const viewer = await requireTokenAdmin();
  const locale = await formLocale(formData);
  const result = await revokeApiToken(await getDb(), viewer, formText(formData, "tokenId"), { ip: clientIp(await headers()) });
  if (!result.ok && result.error === "forbidden") throw new AuthzError("forbidden");
  revalidatePath(`/${locale}/admin/tokens`);
  redirect(`/${locale}/admin/tokens${result.ok ? "?revoked=1" : ""}`);
}
