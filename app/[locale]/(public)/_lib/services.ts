/** The message namespace of each service (its name, statuses and next steps live there). */
const SERVICE_NAMESPACES: Readonly<Record<string, string>> = {
  temporary_registration: "tr",
  household_permit: "hp",
  refugee_renewal: "rf",
  kandas_status: "kd",
  kandas_citizenship: "kd.citizenship",
};

export function serviceNamespace(service: string): string | null {
  return SERVICE_NAMESPACES[service] ?? null;
}
