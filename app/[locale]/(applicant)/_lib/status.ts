/** Tag colour per case status; the status name is always written out too (never colour alone). */
const TAGS: Record<string, string> = {
  registered: "tag tag--green",
  refused: "tag tag--red",
  returned_for_correction: "tag tag--yellow",
  withdrawn: "tag tag--grey",
  expired: "tag tag--grey",
  closed: "tag tag--grey",
};

export function statusTagClass(status: string): string {
  return TAGS[status] ?? "tag";
}
