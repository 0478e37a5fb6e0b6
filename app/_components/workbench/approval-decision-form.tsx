"use client";

import { useActionState, useEffect, useRef } from "react";
import { TextAreaField } from "@/app/_components/fields";
import { INITIAL_WORKBENCH_STATE, type WorkbenchFormState } from "./form-state";

export interface ApprovalDecisionFormProps {
  formAction: (prev: WorkbenchFormState, formData: FormData) => Promise<WorkbenchFormState>;
  approvalId: string;
  locale: string;
  /** Where to go after a decision: the inbox or the case page. */
  returnTo: "inbox" | "case";
  /** The viewer may approve or send back; otherwise it is their own proposal and they may withdraw it. */
  mayDecide: boolean;
  labels: { approve: string; reject: string; reason: string; reasonHint: string; withdraw: string; pending: string; conflictTitle: string };
}

/** Approve, send back with a reason, or (the proposer) withdraw one proposal. */
export function ApprovalDecisionForm({ formAction, approvalId, locale, returnTo, mayDecide, labels }: ApprovalDecisionFormProps) {
  const [state, dispatch, pending] = useActionState(formAction, INITIAL_WORKBENCH_STATE);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.formError) noticeRef.current?.focus();
  }, [state.formError, state.seq]);
  const id = `approval-${approvalId}-reason`;
  return (
    <form action={dispatch} key={state.seq} noValidate>
      <input type="hidden" name="approvalId" value={approvalId} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {state.formError ? (
        <div className={state.conflict ? "notice notice--warning" : "notice notice--error"} tabIndex={-1} ref={noticeRef} data-testid="approval-error">
          {state.conflict ? <h3>{labels.conflictTitle}</h3> : null}
          <p>{state.formError}</p>
        </div>
      ) : null}
      {mayDecide ? (
        <>
          <TextAreaField id={id} name="reason" label={labels.reason} hint={labels.reasonHint} error={state.fieldErrors.reason} defaultValue={state.values.reason ?? ""} maxLength={2000} rows={2} />
          <div className="button-group">
            <button type="submit" name="decision" value="approve" className="button" disabled={pending}>
              {pending ? labels.pending : labels.approve}
            </button>
            <button type="submit" name="decision" value="reject" className="button button--secondary" disabled={pending}>
              {labels.reject}
            </button>
          </div>
        </>
      ) : (
        <button type="submit" name="decision" value="withdraw" className="button button--secondary" disabled={pending}>
          {pending ? labels.pending : labels.withdraw}
        </button>
      )}
    </form>
  );
}
