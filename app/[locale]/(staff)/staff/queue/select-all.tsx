"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * "Select all on this page" for the bulk reassignment: ticks or clears every case checkbox of the
 * form. It needs scripts to do anything, so it appears only once they run; without them each case
 * is ticked by hand.
 */
export function SelectAllOnPage({ formId, label }: { formId: string; label: string }) {
  const scripted = useSyncExternalStore(subscribe, () => true, () => false);
  if (!scripted) return null;
  return (
    <div className="checkboxes">
      <label htmlFor={`${formId}-all`}>
        <input
          type="checkbox"
          id={`${formId}-all`}
          onChange={(event) => {
            const form = document.getElementById(formId);
            form?.querySelectorAll<HTMLInputElement>('input[name="case"]').forEach((box) => {
              box.checked = event.currentTarget.checked;
            });
          }}
        />
        {label}
      </label>
    </div>
  );
}
