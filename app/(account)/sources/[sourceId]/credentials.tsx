"use client";

import { ShownOnce } from "@/app/_components/shown-once";
// A source's two secrets: the API key (shown only when made) and the Submission Docs link (derived
// again on every visit, so it can be copied any time). Rotating either kills the old one at once.
import { useActionState, useId } from "react";
import { ConfirmSubmit } from "@/app/_components/confirm-submit";
import { CopyButton } from "@/app/_components/copy-button";
import { buttonClass, inputClass, Notice } from "@/app/_components/ui";
import { rotateApiKeyAction, rotateDocsLinkAction, type RotateKeyState, type SourceFormState } from "./actions";

export function ApiKeyPanel({ sourceId }: { sourceId: string }) {
  const [state, action, pending] = useActionState<RotateKeyState, FormData>(rotateApiKeyAction, { status: "idle" });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">The key was shown once, when it was made; only its hash is kept. Lost it? Make a new one.</p>
      <form action={action}>
        <input type="hidden" name="sourceId" value={sourceId} />
        <ConfirmSubmit warning="The current key stops working at once." confirmLabel="Yes, make a new key" pending={pending}>
          Rotate API key
        </ConfirmSubmit>
      </form>
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
      {state.status === "rotated" && (
        <Notice tone="ok">
          <ShownOnce label="New API key, shown this once:" value={state.apiKey} copyLabel="Copy API key" />
        </Notice>
      )}
    </div>
  );
}

export function DocsLinkPanel({ sourceId, docsUrl }: { sourceId: string; docsUrl: string }) {
  const [state, action, pending] = useActionState<SourceFormState, FormData>(rotateDocsLinkAction, { status: "idle" });
  const id = useId();
  return (
    <div className="space-y-3">
      <label htmlFor={id} className="block text-sm text-slate-600">
        Share this link with the source: it explains how to send leads and starts their CSV imports. No login is needed, so treat it like a password.
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input id={id} readOnly value={docsUrl} className={`${inputClass} min-w-0 flex-1 font-mono text-xs`} onFocus={(e) => e.target.select()} />
        <CopyButton text={docsUrl} label="Copy link to the Submission Docs" variant="primary">
          Copy link
        </CopyButton>
        <a href={docsUrl} target="_blank" rel="noreferrer" className={buttonClass("secondary")}>
          Open<span className="sr-only"> the Submission Docs (new tab)</span>
        </a>
      </div>
      <form action={action}>
        <input type="hidden" name="sourceId" value={sourceId} />
        <ConfirmSubmit warning="Anyone with the current link loses access at once." confirmLabel="Yes, make a new link" pending={pending}>
          Rotate link
        </ConfirmSubmit>
      </form>
      {state.status === "ok" && <Notice tone="ok">{state.message}</Notice>}
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
    </div>
  );
}
