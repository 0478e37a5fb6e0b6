import type { Metadata } from "next";
import { z } from "zod";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { ErrorSummary } from "@/app/_components/error-summary";
import { RadioGroup, SelectField, TextField } from "@/app/_components/fields";
import { kandasLocale } from "@/app/_components/services/kandas/locale";
import { translateMessage } from "@/lib/forms/action-state";
import { Link } from "@/lib/i18n/navigation";
import { localName } from "@/lib/i18n/names";
import { isValidCivilDate, todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { publicEligibility } from "@/lib/services/kandas-status/rules";
import { ELIGIBILITY_BASES, FAMILY_HISTORIES } from "@/lib/services/kandas-status/schema";
import { formatDateValues } from "@/app/_components/tr-wizard/format";
import { formatCivilDate } from "@/app/_components/dates";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FIELDS = ["birthDate", "ethnicKazakh", "basis", "residenceOnCutoff", "parentEthnicKazakh", "familyHistory", "emigrationDate"] as const;
type Field = (typeof FIELDS)[number];

const required = "rules.validation.required";
const yesNo = z.enum(["yes", "no"], { error: required });
const checkInput = z
  .object({
    birthDate: z.string({ error: required }).refine(isValidCivilDate, { error: "rules.validation.date" }),
    ethnicKazakh: yesNo,
    basis: z.enum(ELIGIBILITY_BASES, { error: required }),
    residenceOnCutoff: z.string({ error: required }).regex(/^[A-Z]{3}$/, { error: required }),
    parentEthnicKazakh: yesNo.optional(),
    familyHistory: z.enum(FAMILY_HISTORIES, { error: required }),
    emigrationDate: z
      .string()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || isValidCivilDate(v), { error: "rules.validation.date" }),
  })
  .superRefine((v, ctx) => {
    if (v.familyHistory === "emigrated_from_kazakhstan" && !v.emigrationDate) ctx.addIssue({ code: "custom", path: ["emigrationDate"], message: required });
  });

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations({ locale: kandasLocale((await params).locale), namespace: "kd.public.check" });
  return { title: t("metaTitle") };
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * The public kandas eligibility check (KD-01, KD-02): a GET form that works without JavaScript,
 * answered by the same rule functions and parameters as the engine. Nothing is stored.
 */
export default async function KandasCheckPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const locale = kandasLocale((await params).locale);
  setRequestLocale(locale);
  const query = await searchParams;
  const values = Object.fromEntries(FIELDS.map((f) => [f, first(query[f])])) as Record<Field, string | undefined>;
  const submitted = FIELDS.some((f) => values[f] !== undefined);

  const db = await getDb();
  const [t, tKd, tAll, ref, parameters, format] = await Promise.all([getTranslations("kd.public.check"), getTranslations("kd"), getTranslations(), loadReferenceData(db), loadParameters(db), getFormatter()]);
  const today = todayInKazakhstan();

  const errors: Partial<Record<Field, string>> = {};
  let result: ReturnType<typeof publicEligibility> | null = null;
  if (submitted) {
    const parsed = checkInput.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[issue.path[0] as Field] ??= translateMessage(tAll, issue.message);
    } else {
      const v = parsed.data;
      result = publicEligibility(
        { ...v, ethnicKazakh: v.ethnicKazakh === "yes", parentEthnicKazakh: v.parentEthnicKazakh === "yes", emigrationDate: v.emigrationDate },
        parameters,
        today,
      );
    }
  }
  const summary = FIELDS.filter((f) => errors[f]).map((f) => ({ path: f, message: errors[f]! }));
  const countries = ref
    .countries()
    .map((c) => ({ value: c.code, label: localName(c, locale) }))
    .sort((a, b) => new Intl.Collator(locale).compare(a.label, b.label));
  const yesNoOptions = ["yes", "no"].map((v) => ({ value: v, label: tKd(`options.yesNo.${v}`) }));
  const checked = (name: Field, value: string) => ({ defaultChecked: values[name] === value });

  return (
    <>
      <ErrorSummary title={tAll("common.errors.summaryTitle")} errors={summary} />
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>

      {result ? (
        <section className={result.kind === "eligible" ? "notice notice--success" : "notice notice--warning"} aria-labelledby="kd-check-result" data-testid="eligibility-result" data-outcome={result.kind}>
          <h2 id="kd-check-result">{t(result.kind === "eligible" ? "eligibleTitle" : "ineligibleTitle")}</h2>
          <p>{result.kind === "eligible" ? t("eligibleBody") : translateMessage(tAll, result.violation.messageKey, formatDateValues(result.violation.values, locale))}</p>
          <p className="muted">{t("ruleRef", { rule: result.kind === "eligible" ? result.rule : result.violation.rule })}</p>
          {result.kind === "eligible" ? (
            <p>
              <Link href="/apply/kandas" className="button">
                {tKd("public.applyLink")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <form method="get" noValidate>
        <TextField id="birthDate" name="birthDate" type="date" label={t("fields.birthDate")} defaultValue={values.birthDate} error={errors.birthDate} />
        <RadioGroup name="ethnicKazakh" legend={t("fields.ethnicKazakh")} error={errors.ethnicKazakh} options={yesNoOptions} inputProps={(v) => checked("ethnicKazakh", v)} />
        <RadioGroup
          name="basis"
          legend={t("fields.basis")}
          error={errors.basis}
          options={ELIGIBILITY_BASES.map((b) => ({ value: b, label: tKd(`options.bases.${b}`) }))}
          inputProps={(v) => checked("basis", v)}
        />
        <SelectField id="residenceOnCutoff" name="residenceOnCutoff" label={t("fields.residenceOnCutoff", { cutoff: formatCivilDate(format, parameters.get<string>("kd_sovereignty_cutoff_date", today)) })} options={countries} placeholder={tKd("apply.select")} defaultValue={values.residenceOnCutoff ?? ""} error={errors.residenceOnCutoff} />
        <RadioGroup name="parentEthnicKazakh" legend={t("fields.parentEthnicKazakh")} error={errors.parentEthnicKazakh} options={yesNoOptions} inputProps={(v) => checked("parentEthnicKazakh", v)} />
        <RadioGroup
          name="familyHistory"
          legend={t("fields.familyHistory")}
          error={errors.familyHistory}
          options={FAMILY_HISTORIES.map((h) => ({ value: h, label: tKd(`options.familyHistories.${h}`) }))}
          inputProps={(v) => checked("familyHistory", v)}
        />
        <TextField id="emigrationDate" name="emigrationDate" type="date" label={t("fields.emigrationDate")} hint={t("fields.emigrationDateHint")} defaultValue={values.emigrationDate} error={errors.emigrationDate} />
        <div className="button-group">
          <button type="submit" className="button">
            {t("submit")}
          </button>
        </div>
      </form>
    </>
  );
}
