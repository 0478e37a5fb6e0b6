/**
 * A spelling-independent key for a person's name, so that "Хасанов", "Khasanov" and "Hasanov", or
 * "Юлия", "Yuliya" and "Iuliia", compare equal (or nearly, for trigram similarity). Used by the
 * queue search and the duplicate check; both sides of a comparison must go through this function.
 */

const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i", к: "k",
  л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts",
  ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "iu", я: "ia",
  // Kazakh letters
  ә: "a", ғ: "g", қ: "k", ң: "n", ө: "o", ұ: "u", ү: "u", һ: "h", і: "i",
};

// Latin letters whose diacritic changes the sound (Kazakh and Turkic Latin alphabets).
const LATIN_DIGRAPHS: Record<string, string> = { ş: "sh", ç: "ch", ž: "zh", š: "sh", č: "ch" };

// Applied in order to a lower-case Latin word: variant spellings collapse to one.
const FOLDS: [RegExp, string][] = [
  [/x/g, "ks"],
  [/w/g, "v"],
  [/q/g, "k"],
  [/ph/g, "f"],
  [/ck/g, "k"],
  [/y/g, "i"],
  [/^ie/, "e"],
  [/dzh|dj|zh/g, "j"],
  [/kh/g, "h"],
  [/t[sz]/g, "c"],
  [/(.)\1+/g, "$1"],
];

function foldWord(word: string): string {
  let w = word;
  for (const [pattern, replacement] of FOLDS) w = w.replace(pattern, replacement);
  return w;
}

/** Lower-case Latin letters and single spaces; empty for a name with no letters. */
export function nameKey(...parts: (string | null | undefined)[]): string {
  const text = parts.filter(Boolean).join(" ").toLowerCase();
  let latin = "";
  for (const ch of text) latin += CYRILLIC[ch] ?? LATIN_DIGRAPHS[ch] ?? ch;
  return latin
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z]+/)
    .filter(Boolean)
    .map(foldWord)
    .join(" ");
}
