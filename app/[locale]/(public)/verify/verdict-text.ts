import type { PublicVerification } from "@/lib/dal/verification";
import type { Verdict, VerdictText } from "./verdict-panel";

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/** The verdict's words in the page's language; `t` is the root translator. */
export function verdictText(t: Translate, result: PublicVerification | null): { verdict: Verdict; text: VerdictText } {
  const verdict: Verdict = result?.status ?? "not_found";
  // "replaced" is this feature's own verdict; the others were there before it.
  const base = verdict === "replaced" ? "portal.verify.verdict.replaced" : `public.verify.verdict.${verdict}`;
  const typeKey = result ? `public.verify.types.${result.type}` : "";
  return {
    verdict,
    text: {
      title: t(`${base}.title`),
      body: t(`${base}.body`),
      typeLabel: result ? t("public.verify.fields.type") : undefined,
      type: result ? (t.has(typeKey) ? t(typeKey) : t("portal.verify.unknownType")) : undefined,
    },
  };
}
