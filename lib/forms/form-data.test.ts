import { beforeEach, describe, expect, it, vi } from "vitest";
import { formList, formLocale, formText } from "./form-data";

const request = vi.hoisted(() => ({ locale: "ru" }));
vi.mock("next-intl/server", () => ({ getLocale: async () => request.locale }));

function form(entries: [string, string | Blob][]): FormData {
  const fd = new FormData();
  for (const [name, value] of entries) fd.append(name, value);
  return fd;
}

describe("formText", () => {
  it("returns the posted string as it is, spaces included", () => {
    expect(formText(form([["name", "  Aigerim  "]]), "name")).toBe("  Aigerim  ");
  });

  it("returns an empty string for a missing field or a file", () => {
    const fd = form([["upload", new Blob(["x"])]]);
    expect(formText(fd, "name")).toBe("");
    expect(formText(fd, "upload")).toBe("");
  });
});

describe("formList", () => {
  it("returns every posted string in order and leaves files out", () => {
    const fd = form([
      ["regions", "almaty"],
      ["regions", new Blob(["x"])],
      ["regions", "astana"],
    ]);
    expect(formList(fd, "regions")).toEqual(["almaty", "astana"]);
    expect(formList(fd, "services")).toEqual([]);
  });
});

describe("formLocale", () => {
  beforeEach(() => {
    request.locale = "ru";
  });

  it("takes the locale posted by the form", async () => {
    expect(await formLocale(form([["locale", "en"]]))).toBe("en");
  });

  it("falls back to the request's locale when none or an unknown one was posted", async () => {
    expect(await formLocale(form([]))).toBe("ru");
    expect(await formLocale(form([["locale", "de"]]))).toBe("ru");
  });

  it("falls back to Kazakh when the request's locale is not one of ours either", async () => {
    request.locale = "de";
    expect(await formLocale(form([["locale", "xx"]]))).toBe("kk");
  });
});
