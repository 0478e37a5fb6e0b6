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

export interface OutgoingSms {
  /** E.164, e.g. +77011234567. */
  to: string;
  text: string;
}

/** Where text messages go: an HTTP SMS gateway when one is configured, otherwise only the outbox viewer. */
export interface SmsTransport {
  readonly kind: "http" | "outbox";
  send(sms: OutgoingSms): Promise<void>;
}

/** Every channel's transport; the delivery job picks one per message. */
export interface DeliveryTransports {
  mail: MailTransport;
  sms: SmsTransport;
}

/** Without SMTP_URL the message is kept in the outbox only, where administrators can read it. */
export const OUTBOX_ONLY: MailTransport = { kind: "outbox", send: async () => {} };
/** Without SMS_URL text messages are kept in the outbox only. */
export const SMS_OUTBOX_ONLY: SmsTransport = { kind: "outbox", send: async () => {} };

export function mailTransportFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): MailTransport {
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

const SMS_TIMEOUT_MS = 10_000;

/**
 * A generic HTTP SMS gateway: one JSON POST per message to SMS_URL,
 * `{"to": "+77011234567", "text": "…", "sender": SMS_SENDER}` with `Authorization: Bearer SMS_TOKEN`.
 * Any 2xx answer is success; anything else (or no answer within 10 s) is a failed attempt that the
 * outbox retries. Gateways with another request shape sit behind a small proxy that speaks this one.
 */
export function httpSmsTransport(url: string, token?: string, sender?: string): SmsTransport {
  return {
    kind: "http",
    send: async (sms) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to: sms.to, text: sms.text, ...(sender ? { sender } : {}) }),
        signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
      });
      if (!response.ok) {
        const detail = (await response.text().catch(() => "")).slice(0, 200);
        throw new Error(`SMS gateway answered ${response.status}${detail ? `: ${detail}` : ""}`);
      }
    },
  };
}

export function smsTransportFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): SmsTransport {
  return env.SMS_URL ? httpSmsTransport(env.SMS_URL, env.SMS_TOKEN || undefined, env.SMS_SENDER || undefined) : SMS_OUTBOX_ONLY;
}

export function transportsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): DeliveryTransports {
  return { mail: mailTransportFromEnv(env), sms: smsTransportFromEnv(env) };
}
