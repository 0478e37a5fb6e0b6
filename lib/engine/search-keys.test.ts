import { describe, expect, it } from "vitest";
import { HP_SERVICE, RF_SERVICE } from "@/lib/services";
import { searchColumns } from "./search-keys";

describe("search columns of a case", () => {
  it("a refugee renewal is found by the status holder, the family members added and their documents", () => {
    const columns = searchColumns(RF_SERVICE, {
      status: { id: "00000000-0000-4000-8000-000000000001", certificateNumber: "rs 0012345", endsOn: "2026-12-01", holderName: "Ахмад Рахими", countryOfOrigin: "AFG" },
      identity: { type: "refugee_certificate", number: "RS0012345" },
      familyChanges: [
        { change: "add", surname: "RAHIMI", givenNames: "ZAHRA", birthDate: "2025-01-01", sex: "F", relation: "child", documentType: "birth_certificate", documentNumber: "BC778899" },
        { change: "remove", statusId: "00000000-0000-4000-8000-000000000002", reason: "Left the country" },
      ],
    });
    expect(columns.searchNames).toBe("ahmad rahimi rahimi zahra");
    expect(columns.searchNumbers).toEqual(["RS0012345", "BC778899"]);
  });

  it("a household permit is found by the worker, their passport and the employer's IIN", () => {
    const columns = searchColumns(HP_SERVICE, {
      person: { surname: "TOSHMATOV", givenNames: "BEKZOD", surnameCyrillic: "Тошматов", givenNamesCyrillic: "Бекзод", birthDate: "1990-01-01", sex: "M", citizenship: "UZB" },
      passport: { passportType: "national", passportNumber: "fa 7654321", passportExpiresOn: "2030-01-01" },
      employer: { iin: "750314300121", name: "Болат Тулегенов", phone: "+77010000000", region: "KZ-ALA" },
    });
    expect(columns.searchNames).toBe("toshmatov bekzod bolat tulegenov");
    expect(columns.searchNumbers).toEqual(["FA7654321", "750314300121"]);
  });

  it("an unknown service has nothing to search by", () => {
    expect(searchColumns("no_such_service", { any: "thing" })).toEqual({ searchNames: "", searchNumbers: [] });
  });
});
