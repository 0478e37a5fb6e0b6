import type { Db } from "@/db/client";
import { users, type Role } from "@/db/schema";
import type { Viewer } from "@/lib/engine/types";
import type { TrApplicationInput } from "@/lib/services/temporary-registration/schema";

let counter = 0;

/** A user row and the Viewer the DAL would load for it. */
export async function makeUser(db: Db, role: Role, opts: { regions?: string[]; services?: string[] } = {}): Promise<Viewer> {
  counter += 1;
  const [u] = await db
    .insert(users)
    .values({
      email: `${role}${counter}-${Date.now()}@test.kz`,
      passwordHash: "not-a-real-hash",
      displayName: `${role} ${counter}`,
      role,
      regions: opts.regions ?? [],
      services: opts.services ?? [],
    })
    .returning();
  return { kind: "user", userId: u!.id, role, regions: u!.regions, services: u!.services, displayName: u!.displayName, locale: "en" };
}

/** A valid IIN (birth 1985-04-12, male, 20th century) and BIN used across tests. */
export const VALID_IIN = "850412300016";
export const VALID_BIN = "990340000014";

/** An application that passes every rule when filed on 2026-03-03 (Uzbek citizen, entry 2026-03-01). */
export function trApplication(overrides: { person?: Partial<TrApplicationInput["person"]>; passport?: Partial<TrApplicationInput["passport"]>; stay?: Partial<TrApplicationInput["stay"]>; address?: Partial<TrApplicationInput["address"]>; host?: Partial<TrApplicationInput["host"]> } = {}): TrApplicationInput {
  return {
    person: { surname: "KARIMOV", givenNames: "AZIZ", birthDate: "1990-05-14", sex: "M", citizenship: "UZB", ...overrides.person },
    passport: { passportType: "national", passportNumber: "FA1234567", passportExpiresOn: "2030-01-01", ...overrides.passport },
    stay: { entryDate: "2026-03-01", purpose: "private_visit", requestedEndDate: "2026-04-15", eaeuWorker: false, ...overrides.stay },
    address: { region: "KZ-ALA", city: "Almaty", street: "Abay avenue", building: "10", flat: "5", ...overrides.address },
    host: { kind: "individual", identifier: VALID_IIN, name: "Serik Akhmetov", phone: "+7 701 123 45 67", ...overrides.host },
  };
}

export const at = (isoDate: string, time = "10:00:00") => new Date(`${isoDate}T${time}+05:00`);
