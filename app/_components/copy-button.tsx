"use client";

import { useState } from "react";
import { buttonClass } from "./ui";

// Copies a value (a link, an API key) to the clipboard and says so in a live region. The value also
// sits in a read-only field beside the button, so it can be copied by hand where the clipboard is blocked.
export function CopyButton({ text, label, children = "Copy", variant = "secondary" }: { text: string; label: string; children?: React.ReactNode; variant?: Parameters<typeof buttonClass>[0] }) {
  const [status, setStatus] = useState<"" | "Copied" | "Press Ctrl+C to copy">("");
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        aria-label={label}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setStatus("Copied");
          } catch {
            setStatus("Press Ctrl+C to copy");
          }
        }}
        className={buttonClass(variant)}
      >
        {children}
      </button>
      <span role="status" className="text-sm text-green-800">
        {status}
      </span>
    </span>
  );
}
