/** The conversation steps an applicant takes on their status page, in the order the page offers them. */
export const APPLICANT_CONVERSATION_ACTIONS = ["answer_information", "respond_to_preliminary_refusal", "request_hearing", "reschedule_hearing", "waive_hearing"] as const;
export type ApplicantConversationAction = (typeof APPLICANT_CONVERSATION_ACTIONS)[number];
