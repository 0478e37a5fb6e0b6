import type { Db } from "@/db/client";
import type { users } from "@/db/schema";
import { conversationOf } from "@/lib/engine/conversation";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import { TR_SERVICE } from "@/lib/services/ids";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { demoApplication, random } from "./demo-cases";
import { must } from "./hearing";
import { viewerOf } from "./users";

/**
 * A few cases of the demo applicant in the middle of a conversation with the office: one waiting for
 * an answer to a request for information, one in a preliminary refusal with a hearing scheduled, and
 * one preliminary refusal just issued (the applicant may respond or ask for a hearing).
 */
export async function seedDemoConversation(db: Db, accounts: Map<string, typeof users.$inferSelect>): Promise<number> {
  const applicant = viewerOf(accounts.get("applicant@demo.kz")!);
  const officer = viewerOf(accounts.get("officer.almaty@demo.kz")!);
  const today = todayInKazakhstan();
  const now = new Date();
  const rng = random(1215);
  const file = async () => {
    const filed = await createCase(db, applicant, TR_SERVICE, demoApplication(rng, today, "KZ-ALA"), { channel: "online", submit: true, now });
    if (!filed.ok) throw new Error(`Hearing demo: filing failed: ${JSON.stringify(filed)}`);
    return must(await perform(db, officer, filed.case.id, "start_review", {}, filed.case.version, { now }), "start review");
  };

  const asked = await file();
  must(await perform(db, officer, asked.id, "request_information", { items: "Please send a copy of the rental contract or the host's written consent for the address." }, asked.version, { now }), "request");

  let heard = await file();
  heard = must(await perform(db, officer, heard.id, "preliminary_refuse", { grounds: "address_not_confirmed", explanation: "The host told us by phone that you do not live at this address." }, heard.version, { now }), "preliminary");
  heard = must(await perform(db, applicant, heard.id, "request_hearing", { mode: "online", note: "I can explain; the host was confused about the flat number." }, heard.version, { now }), "hearing request");
  const hearingDay = conversationOf(heard.data).preliminary!.hearingRequest!.holdBy;
  must(await perform(db, officer, heard.id, "schedule_hearing", { date: hearingDay, time: "11:00", place: "https://meet.migration.gov.kz/hearing-12" }, heard.version, { now }), "schedule");

  const fresh = await file();
  must(await perform(db, officer, fresh.id, "preliminary_refuse", { grounds: "stay_exceeds_permitted", explanation: "The end date you asked for is later than the stay your passport allows." }, fresh.version, { now }), "preliminary");
  return 3;
}
