"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { TextAreaField } from "@/app/_components/fields";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/forms/action-state";

export interface WithdrawFormText {
  title: string;
  lead: string;
  reasonLabel: string;
  reasonHint: string;
  start: string;
  confirmTitle: string;
  confirmBody: string;
  confirm: string;
  cancel: string;
  pending: string;
}

/** Withdrawal in two steps (ask, then confirm); the form carries the case version it was shown with. */
export function WithdrawForm({
  action,
  caseId,
  version,
  reference,
  locale,
  text,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  caseId: string;
  version: number;
  reference: string;
  locale: string;
  text: WithdrawFormText;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_ACTION_STATE);
  const [confirming, setConfirming] = useState(false);
  // Controlled, so the reason survives a refused attempt (React resets uncontrolled fields after an action).
  const [reason, setReason] = useState("");
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <section aria-labelledby="withdraw-title" className="card">
      <h3 id="withdraw-title">{text.title}</h3>
      <p>{text.lead}</p>
      {state.formError ? (
        <div className={state.conflict ? "notice notice--warning" : "notice notice--error"} role="alert" data-testid="withdraw-error">
          {state.formError}
        </div>
      ) : null}
      <form action={formAction}>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="locale" value={locale} />
        <TextAreaField
          id="withdraw-reason"
          name="reason"
          label={text.reasonLabel}
          hint={text.reasonHint}
          error={state.fieldErrors.reason}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {confirming ? (
          <div className="notice notice--warning">
            <h4 ref={confirmRef} tabIndex={-1}>
              {text.confirmTitle}
            </h4>
            <p>{text.confirmBody}</p>
            <div className="button-group">
              <button type="submit" className="button button--warning" disabled={pending} aria-disabled={pending}>
                {pending ? text.pending : text.confirm}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(false)} disabled={pending}>
                {text.cancel}
              </button>
            </div>
          </div>
        ) : (
          <button ref={startRef} type="button" className="button button--warning" onClick={() => setConfirming(true)}>
            {text.start}
          </button>
        )}
      </form>
    </section>
  );
}
