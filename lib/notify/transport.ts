import nodemailer from "nodemailer";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Where emails go: an SMTP server when one is configured, otherwise nowhere but the outbox viewer. */
export interface MailTransport {
  readonly kind: "smtp" | "outbox";
  send(mail: OutgoingMail): Promise<void>;
}

/** Without SMTP_URL the message is kept in the outbox only, where administrators can read it. */
export const OUTBOX_ONLY: MailTransport = { kind: "outbox", send: async () => {} };

export function mailTransportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport {
  const url = env.SMTP_URL;
  if (!url) return OUTBOX_ONLY;
  const from = env.MAIL_FROM ?? "no-reply@migration.gov.kz";
  const transporter = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    send: async (mail) => {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
