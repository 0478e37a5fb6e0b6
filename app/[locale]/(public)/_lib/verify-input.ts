import { isWellFormedToken } from "@/lib/documents/tokens";

/**
 * The verification token in what a person pasted: the token itself, or the whole address a QR
 * scanner shows (…/verify/<token>, with or without a locale, query or fragment). Null when there is
 * no well-formed token in it.
 */
export function tokenFromInput(input: string): string | null {
  const text = input.trim();
  const fromPath = /\/verify\/([^/?#\s]+)/.exec(text)?.[1];
  const candidate = fromPath ?? text.replace(/\s+/g, "");
  return isWellFormedToken(candidate) ? candidate : null;
}
