import type { InputHTMLAttributes, ReactNode, Ref } from "react";

/** A group of checkboxes in a fieldset, with hint and error linked like the other fields. */
export function CheckboxGroup({
  name,
  legend,
  hint,
  error,
  options,
  inputProps,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string }[];
  inputProps?: (value: string) => InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
}) {
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset id={name} aria-describedby={described}>
        <legend>{legend}</legend>
        {hint ? (
          <span className="hint" id={`${name}-hint`}>
            {hint}
          </span>
        ) : null}
        {error ? (
          <span className="field-error" id={`${name}-error`}>
            {error}
          </span>
        ) : null}
        <div className="checkboxes">
          {options.map((o) => (
            <label key={o.value} htmlFor={`${name}-${o.value}`}>
              <input type="checkbox" id={`${name}-${o.value}`} name={name} value={o.value} {...inputProps?.(o.value)} />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
