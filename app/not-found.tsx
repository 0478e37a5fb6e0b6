import "./globals.css";
import kk from "@/lib/i18n/messages/kk/common.json";
import ru from "@/lib/i18n/messages/ru/common.json";
import en from "@/lib/i18n/messages/en/common.json";

const LANGUAGES = [
  ["kk", kk.errors],
  ["ru", ru.errors],
  ["en", en.errors],
] as const;

/**
 * The last-resort 404 for addresses no route matches. There is no app/layout.tsx (the root layout
 * is under [locale]), so Next.js wraps this page in its built-in <html><body>; rendering our own
 * here would nest a second document inside the body. Without a locale there is no language to
 * choose, so it says the same in all three, each block marked with its language.
 */
export default function GlobalNotFound() {
  return (
    <main id="main" className="container">
      {LANGUAGES.map(([lang, t], i) => {
        const Heading = i === 0 ? "h1" : "h2";
        return (
          <div lang={lang} key={lang}>
            <Heading>{t.notFoundTitle}</Heading>
            <p>{t.notFoundBody}</p>
            <p>
              <a href={`/${lang}`}>{t.home}</a>
            </p>
          </div>
        );
      })}
    </main>
  );
}
