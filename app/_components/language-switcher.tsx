"use client";

import { Link, usePathname } from "@/lib/i18n/navigation";
import { LOCALES } from "@/lib/i18n/routing";
import { useSearchParams } from "next/navigation";

export function LanguageSwitcher({ current, labels, label }: { current: string; labels: Record<string, string>; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const href = search ? `${pathname}?${search}` : pathname;
  return (
    <nav aria-label={label}>
      <ul className="lang-switch">
        {LOCALES.map((l) => (
          <li key={l}>
            <Link href={href} locale={l} lang={l} hrefLang={l} aria-current={l === current ? "true" : undefined}>
              {labels[l]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
