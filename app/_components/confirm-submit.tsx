"use client";

import { useState } from "react";
import { buttonClass } from "./ui";

// A submit button for something that cannot be undone: the first press asks, the second does it.
export function ConfirmSubmit({ children, warning, confirmLabel, pending }: { children: React.ReactNode; warning: string; confirmLabel: string; pending: boolean }) {
  const [asking, setAsking] = useState(false);
  const [wasPending, setWasPending] = useState(pending);
  // Back to the first button once the submission has finished.
  if (wasPending !== pending) {
    setWasPending(pending);
    if (!pending) setAsking(false);
  }
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} className={buttonClass("secondary")}>
        {children}
      </button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="text-sm text-amber-900">{warning}</span>
      <button type="submit" disabled={pending} className={buttonClass("danger")}>
        {pending ? "Working…" : confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)} className={buttonClass("quiet")}>
        Cancel
      </button>
    </span>
  );
}
