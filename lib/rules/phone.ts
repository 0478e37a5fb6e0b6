import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * A mobile number as typed ("8 701 123 45 67", "+7 (701) 123-45-67", "+998 90 123 45 67") in E.164
 * ("+77011234567"), or null when it is not a valid mobile number. Without a country code a
 * Kazakhstan number is assumed. libphonenumber-js knows each country's numbering plan.
 */
export function normaliseMobile(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), "KZ");
  if (!parsed || !parsed.isValid()) return null;
  const type = parsed.getType();
  // Text messages reach mobiles; some plans do not say which numbers are mobile.
  if (type !== undefined && type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return null;
  return parsed.format("E.164");
}
