import { describe, expect, it } from "vitest";
import { homePathFor, safeCallbackPath } from "./redirects";

describe("callbackUrl", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/kk/staff")).toBe("/kk/staff");
    expect(safeCallbackPath("/ru/applications/123?tab=docs#top")).toBe("/ru/applications/123?tab=docs#top");
  });

  it.each([
    "https://evil.example/kk",
    "//evil.example/kk",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/kk/\nstaff",
    "kk/staff",
    "",
    "/api/auth/signout",
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw)).toBeNull();
  });

  it("refuses non-strings (repeated query parameters arrive as arrays)", () => {
    expect(safeCallbackPath(["/kk/staff", "/kk"])).toBeNull();
    expect(safeCallbackPath(undefined)).toBeNull();
  });
});

describe("home after sign-in", () => {
  it("sends staff to the staff area and applicants to their applications", () => {
    expect(homePathFor("officer", "ru")).toBe("/ru/staff");
    expect(homePathFor("admin", "kk")).toBe("/kk/staff");
    expect(homePathFor("quota_planner", "kk")).toBe("/kk/quotas");
    expect(homePathFor("applicant", "en")).toBe("/en/applications");
  });
});
