"use client";

import { useParams } from "next/navigation";
import kk from "@/lib/i18n/messages/kk/common.json";
import ru from "@/lib/i18n/messages/ru/common.json";
import en from "@/lib/i18n/messages/en/common.json";

// The layout gives client components no messages; the shared namespace is small enough to bundle.
const ERRORS = { kk: kk.errors, ru: ru.errors, en: en.errors } as const;

/**
 * An unexpected error while rendering a page. Says nothing about the cause (that goes to the server
 * log); offers a retry (which fetches the page again) and the way home.
 */
export default function LocaleError({ retry }: { error: unknown; retry: () => void }) {
  const params = useParams<{ locale?: string }>();
  const locale = params.locale === "ru" || params.locale === "en" ? params.locale : "kk";
  const t = ERRORS[locale];
  return (
    <>
      <h1>{t.genericTitle}</h1>
      <div className="button-group">
        <button type="button" className="button" onClick={() => retry()}>
          {t.tryAgain}
        </button>
        <a href={`/${locale}`}>{t.home}</a>
      </div>
    </>
  );
}
