"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";

export interface SessionTimeoutText {
  title: string;
  /** With {time}: minutes and seconds left, e.g. "1:45". */
  body: string;
  stay: string;
  staying: string;
  stayFailed: string;
  expiredTitle: string;
  expiredBody: string;
  signIn: string;
}

interface Props {
  /** Seconds until the session ends if nothing happens, as the server saw it while rendering. */
  secondsLeft: number;
  /** How long before the end the warning appears. */
  warnSeconds: number;
  signInHref: string;
  text: SessionTimeoutText;
  /** The site's sign-out form, offered next to "stay signed in". */
  signOut: ReactNode;
}

type Phase = "quiet" | "warning" | "expired";

/** Seconds left rather than an instant, so a wrong clock on the user's device does not matter. */
interface SessionAnswer {
  signedIn: boolean;
  secondsLeft?: number;
}

async function readSession(method: "GET" | "POST"): Promise<SessionAnswer> {
  const res = await fetch("/api/session", { method, cache: "no-store", credentials: "same-origin" });
  if (!res.ok) throw new Error(`session ${res.status}`);
  return (await res.json()) as SessionAnswer;
}

function remaining(endsAt: number, now: number): string {
  const s = Math.max(0, Math.round((endsAt - now) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * Warns before an idle session ends and lets the user stay signed in with one keyboard-reachable
 * action (WCAG 2.2.1). The end is re-read from the server after every navigation, since using the
 * site is what keeps a session alive; reading it does not.
 */
export function SessionTimeoutWarning({ secondsLeft, warnSeconds, signInHref, text, signOut }: Props) {
  const [endsAt, setEndsAt] = useState(() => Date.now() + secondsLeft * 1000);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  /** Whether the end was read from the server since this page was shown. */
  const [synced, setSynced] = useState(false);
  const pathname = usePathname();
  const stayRef = useRef<HTMLButtonElement>(null);
  const signInRef = useRef<HTMLAnchorElement>(null);

  const phase: Phase = now >= endsAt ? "expired" : now >= endsAt - warnSeconds * 1000 ? "warning" : "quiet";

  const apply = useCallback((body: SessionAnswer) => {
    const at = Date.now();
    setNow(at);
    setEndsAt(body.signedIn && body.secondsLeft !== undefined ? at + body.secondsLeft * 1000 : at);
    setSynced(true);
  }, []);

  // A page view moved the idle end on the server; learn the new one.
  useEffect(() => {
    let current = true;
    readSession("GET")
      .then((body) => current && apply(body))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [pathname, apply]);

  // One tick a second only while the warning is up; otherwise one timer for the moment it must appear.
  useEffect(() => {
    if (phase === "expired") return;
    const wait = phase === "warning" ? 1000 : Math.max(0, endsAt - warnSeconds * 1000 - Date.now());
    const timer = setTimeout(() => setNow(Date.now()), wait);
    return () => clearTimeout(timer);
  }, [phase, now, endsAt, warnSeconds]);

  useEffect(() => {
    if (phase === "warning") stayRef.current?.focus();
    if (phase === "expired") signInRef.current?.focus();
  }, [phase]);

  const stay = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const body = await readSession("POST");
      apply(body);
      if (!body.signedIn) setFailed(true);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  if (phase === "quiet") return <span hidden data-testid="session-watch" data-synced={synced ? "yes" : "no"} />;
  return (
    <div className="session-timeout" role="alertdialog" aria-modal="false" aria-labelledby="session-timeout-title" aria-describedby="session-timeout-body" data-testid="session-timeout">
      {phase === "warning" ? (
        <>
          <h2 id="session-timeout-title">{text.title}</h2>
          <p id="session-timeout-body">{text.body.replace("{time}", remaining(endsAt, now))}</p>
          {failed ? <p className="field-error" role="alert">{text.stayFailed}</p> : null}
          <div className="button-group">
            <button type="button" className="button" ref={stayRef} onClick={stay} disabled={busy}>
              {busy ? text.staying : text.stay}
            </button>
            {signOut}
          </div>
        </>
      ) : (
        <>
          <h2 id="session-timeout-title">{text.expiredTitle}</h2>
          <p id="session-timeout-body">{text.expiredBody}</p>
          <p>
            <a href={signInHref} className="button" ref={signInRef}>
              {text.signIn}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
