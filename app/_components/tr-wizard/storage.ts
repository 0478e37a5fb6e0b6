import { useCallback, useMemo, useSyncExternalStore } from "react";

/**
 * Wizard answers in sessionStorage, so a reload or an accidental navigation loses nothing; the data
 * stays in this browser tab and is removed after a successful submission. When sessionStorage is
 * unavailable (blocked, full), the answers live in memory for the life of the page.
 */

const memory = new Map<string, string>();
const listeners = new Set<() => void>();

function read(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string | null): void {
  if (value === null) memory.delete(key);
  else memory.set(key, value);
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch {
    // Kept in memory only.
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A JSON value stored under `key`; `fallback` until something is stored (and on the server). */
export function useSessionState<T>(key: string, fallback: T, isValid: (v: unknown) => v is T): [T, (next: T) => void, () => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const value = useMemo(() => {
    if (raw === null) return fallback;
    try {
      const parsed: unknown = JSON.parse(raw);
      return isValid(parsed) ? parsed : fallback;
    } catch {
      return fallback;
    }
  }, [raw, fallback, isValid]);
  const set = useCallback((next: T) => write(key, JSON.stringify(next)), [key]);
  const clear = useCallback(() => write(key, null), [key]);
  return [value, set, clear];
}

/** A random v4 UUID; crypto.randomUUID exists only in secure contexts (https, localhost). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
