import type { CSSProperties } from "react";

export type Verdict = "valid" | "expired" | "revoked" | "replaced" | "not_yet_valid" | "not_found";

// Colour is never the only signal: the verdict is a word, and the border style differs too.
const VERDICT_STYLE: Record<Verdict, CSSProperties> = {
  valid: { border: "6px solid #005a30", color: "#005a30" },
  expired: { border: "6px dashed #942514", color: "#942514" },
  revoked: { border: "6px dashed #942514", color: "#942514" },
  replaced: { border: "6px dashed #594d00", color: "#594d00" },
  not_yet_valid: { border: "6px dashed #594d00", color: "#594d00" },
  not_found: { border: "6px dashed #383f43", color: "#383f43" },
};

export interface VerdictText {
  title: string;
  body: string;
  /** "Document type" and the translated type, when a document was found. */
  typeLabel?: string;
  type?: string;
}

/**
 * The whole answer of a public verification: the verdict and the document type. Deliberately
 * nothing else (no number, name, dates or case details), so the page cannot leak personal data.
 * Plain markup, usable from server and client components alike.
 */
export function VerdictPanel({ verdict, text, headingRef }: { verdict: Verdict; text: VerdictText; headingRef?: React.Ref<HTMLHeadingElement> }) {
  return (
    <section aria-labelledby="verdict" data-testid="verdict" data-verdict={verdict} style={{ ...VERDICT_STYLE[verdict], padding: "1rem 1.25rem", margin: "0 0 1.5rem" }}>
      <h2 id="verdict" tabIndex={-1} ref={headingRef} style={{ fontSize: "2.25rem", margin: "0 0 0.5rem" }}>
        {text.title}
      </h2>
      <p style={{ margin: 0, color: "var(--text)" }}>{text.body}</p>
      {text.type ? (
        <p style={{ margin: "0.5rem 0 0", color: "var(--text)" }}>
          {text.typeLabel}: <strong data-testid="verdict-type">{text.type}</strong>
        </p>
      ) : null}
    </section>
  );
}
