import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/rules.json";
import kk from "@/lib/i18n/messages/kk/rules.json";
import ru from "@/lib/i18n/messages/ru/rules.json";
import { REFERENCE_INVALID_MESSAGE } from "./case-reference";
import { IDENTIFIER_MESSAGES } from "./iin";

const used = [
  ...Object.values(IDENTIFIER_MESSAGES).flatMap((group) => Object.values(group)),
  REFERENCE_INVALID_MESSAGE,
];

describe("rules messages", () => {
  it.each([
    ["kk", kk],
    ["ru", ru],
    ["en", en],
  ] as const)("every key used by lib/rules exists in %s", (_locale, messages) => {
    for (const qualified of used) {
      const [namespace, key] = qualified.split(".") as [string, string];
      expect(namespace).toBe("rules");
      expect(messages, qualified).toHaveProperty([key]);
      expect((messages as Record<string, string>)[key]).not.toBe("");
    }
  });
});
