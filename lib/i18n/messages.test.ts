import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { NAMESPACES } from "./namespaces";
import { LOCALES } from "./routing";

type Tree = { [key: string]: string | Tree };

function load(locale: string, ns: string): Tree {
  return JSON.parse(readFileSync(`lib/i18n/messages/${locale}/${ns}.json`, "utf8")) as Tree;
}

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function argumentNames(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(e.value);
      for (const option of Object.values(e.options)) argumentNames(option.value, into);
    }
    if (e.type === TYPE.tag) argumentNames(e.children, into);
  }
  return into;
}

const messages = Object.fromEntries(LOCALES.map((l) => [l, new Map(NAMESPACES.flatMap((ns) => [...flatten(load(l, ns), ns)]))]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name.startsWith(".") ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("messages", () => {
  it.each(NAMESPACES.flatMap((ns) => LOCALES.map((l) => [ns, l] as const)))("%s: %s has exactly the keys of every other language, none empty", (ns, locale) => {
    const keys = [...flatten(load(locale, ns)).keys()].sort();
    for (const other of LOCALES) expect(keys, `${ns} ${locale} vs ${other}`).toEqual([...flatten(load(other, ns)).keys()].sort());
    for (const [key, value] of flatten(load(locale, ns))) expect(value.trim(), `${locale}/${ns}.json ${key}`).not.toBe("");
  });

  it("every message is valid ICU and uses the same placeholders in kk, ru and en", () => {
    for (const [key, en] of messages.en!) {
      const expected = [...argumentNames(parse(en))].sort();
      for (const locale of LOCALES) {
        const text = messages[locale]!.get(key)!;
        expect([...argumentNames(parse(text))].sort(), `${locale} ${key}`).toEqual(expected);
      }
    }
  });

  // Full keys are what the engine, the rules and the schemas return (in these namespaces); pages use
  // namespace-relative keys, and "auth.*" strings in lib/ are audit action names.
  const KEY_NAMESPACES = ["rules", "tr", "common", "hp", "approvals", "deadlines", "hearing"];
  it("every full message key written in lib/ exists in every language", () => {
    const pattern = new RegExp(`["'\`]((?:${KEY_NAMESPACES.join("|")})\\.[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)["'\`]`, "g");
    const missing: string[] = [];
    for (const file of sourceFiles("lib")) {
      for (const [, key] of readFileSync(file, "utf8").matchAll(pattern)) {
        for (const locale of LOCALES) {
          const map = messages[locale]!;
          if (!map.has(key!) && ![...map.keys()].some((k) => k.startsWith(`${key}.`))) missing.push(`${locale}: ${key} (${file})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
