"use client";

import { useEffect, useRef } from "react";
import { fieldId } from "./fields";

export interface SummaryError {
  path: string;
  message: string;
}

/** Lists every error with a link to its field, and takes focus so screen readers announce it. */
export function ErrorSummary({ title, errors, formError }: { title: string; errors: SummaryError[]; formError?: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const count = errors.length + (formError ? 1 : 0);
  // Focus moves when the errors change in content, not whenever a parent re-renders with a new array.
  const signature = JSON.stringify([errors, formError]);
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, signature]);
  if (count === 0) return null;
  return (
    <div className="error-summary" role="group" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref} data-testid="error-summary">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {formError ? <li>{formError}</li> : null}
        {errors.map((e) => (
          <li key={e.path}>
            <a href={`#${fieldId(e.path)}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
