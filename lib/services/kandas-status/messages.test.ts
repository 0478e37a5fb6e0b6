import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/kd.json";
import kk from "@/lib/i18n/messages/kk/kd.json";
import ru from "@/lib/i18n/messages/ru/kd.json";
import { kandasCitizenship } from "../kandas-citizenship/definition";
import { kandasStatus } from "./definition";

type Tree = { [key: string]: string | Tree };
const has = (tree: Tree, key: string) => key.split(".").reduce<Tree | string | undefined>((n, k) => (n && typeof n === "object" ? n[k] : undefined), tree) !== undefined;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("kandas messages", () => {
  it("every full kd.* key written in the kandas code exists in kk, ru and en", () => {
    const files = [...sourceFiles("lib/services/kandas-status"), ...sourceFiles("lib/services/kandas-citizenship"), "lib/dal/kandas.ts"];
    const missing: string[] = [];
    for (const file of files) {
      for (const [, key] of readFileSync(file, "utf8").matchAll(/["'`]kd\.([A-Za-z0-9_.]+[A-Za-z0-9_])["'`]/g)) {
        for (const [locale, tree] of Object.entries({ kk, ru, en })) if (!has(tree as Tree, key!)) missing.push(`${locale}: kd.${key} (${file})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every staff form of both services has a title, a submit label and a label per field in every language", () => {
    const missing: string[] = [];
    for (const service of [kandasStatus, kandasCitizenship]) {
      for (const [name, action] of Object.entries(service.actions)) {
        if (!action.form) continue;
        const prefix = action.form.messages.replace(/^kd\./, "");
        const keys = [`${prefix}.${name}.title`, `${prefix}.${name}.submit`, ...action.form.fields.map((f) => `${prefix}.${name}.fields.${f.name}.label`)];
        for (const f of action.form.fields) for (const o of f.options ?? []) keys.push(`${prefix}.${name}.fields.${f.name}.options.${o}`);
        for (const [locale, tree] of Object.entries({ kk, ru, en })) for (const k of keys) if (!has(tree as Tree, k)) missing.push(`${locale}: kd.${k}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every state of both services has a label", () => {
    for (const tree of [kk, ru, en] as Tree[]) {
      for (const s of kandasStatus.states) expect(has(tree, `status.${s}`), s).toBe(true);
      for (const s of kandasCitizenship.states) expect(has(tree, `citizenship.status.${s}`), s).toBe(true);
    }
  });
});
