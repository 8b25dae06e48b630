import { useSyncExternalStore } from "react";

/** The phone width, the same as the `@media (max-width: 640px)` block of app.css. */
export const PHONE_QUERY = "(max-width: 640px)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

const isPhone = () => window.matchMedia(PHONE_QUERY).matches;

/**
 * Whether the window is phone-sized, read synchronously on the first render (so the shell never draws the desktop
 * layout first and then swaps it) and followed as the window is resized or the phone rotated.
 */
export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, isPhone, () => false);
}
