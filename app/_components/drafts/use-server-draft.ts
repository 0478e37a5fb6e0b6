"use client";

import { useCallback, useEffect, useRef } from "react";
import type { DraftSnapshot, SaveDraftInput, SaveDraftOutcome } from "./schema";

export interface ServerDraft {
  id: string;
  /** null: not saved on the server yet. */
  version: number | null;
  save: (input: SaveDraftInput) => Promise<SaveDraftOutcome>;
}

/**
 * Saves a form's answers as the applicant's draft, one save after another so each carries the
 * version the previous one returned. A newer save from another device wins: `onConflict` gets it.
 * `saved()` resolves when every save so far has finished (submit waits for it).
 */
export function useServerDraft(
  draft: ServerDraft | undefined,
  service: string,
  handlers: { onSaved: () => void; onConflict: (latest: DraftSnapshot) => void; onFailed: () => void },
) {
  const version = useRef(draft?.version ?? null);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const latestHandlers = useRef(handlers);
  useEffect(() => {
    latestHandlers.current = handlers;
  });

  const save = useCallback(
    (step: string | null, data: Record<string, unknown>): Promise<boolean> => {
      if (!draft) return Promise.resolve(true);
      queue.current = queue.current.then(async () => {
        try {
          const result = await draft.save({ id: draft.id, service, step, data, expectedVersion: version.current });
          if (result.ok) {
            version.current = result.version;
            latestHandlers.current.onSaved();
            return true;
          }
          if (result.error === "conflict" && result.draft) {
            version.current = result.draft.version;
            latestHandlers.current.onConflict(result.draft);
            return false;
          }
        } catch {
          // Reported below; the answers stay in the page.
        }
        latestHandlers.current.onFailed();
        return false;
      });
      return queue.current;
    },
    [draft, service],
  );

  const saved = useCallback(() => queue.current, []);
  return { save, saved };
}
