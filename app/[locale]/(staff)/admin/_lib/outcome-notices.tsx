/**
 * What a button form did, read back from the address it redirected to (so it works without
 * JavaScript): a success notice, an error notice, or neither. Both are already translated.
 */
export function OutcomeNotices({ done, error }: { done?: string | null; error?: string | null }) {
  return (
    <>
      {done ? (
        <div className="notice notice--success" role="status">
          {done}
        </div>
      ) : null}
      {error ? (
        <div className="notice notice--error" role="status">
          {error}
        </div>
      ) : null}
    </>
  );
}
