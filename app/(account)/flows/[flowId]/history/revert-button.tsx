"use client";

import { useActionState } from "react";
import { ConfirmSubmit } from "@/app/_components/confirm-submit";
import { Notice } from "@/app/_components/ui";
import { revertFlowAction, type SaveFlowState } from "../actions";

// Restoring saves the old version's config as a new version; nothing in the history is lost.
export function RevertButton({ flowId, version, currentVersion }: { flowId: string; version: number; currentVersion: number }) {
  const [state, action, pending] = useActionState<SaveFlowState, FormData>(revertFlowAction, { status: "idle" });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="flowId" value={flowId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="expectedVersion" value={currentVersion} />
      <ConfirmSubmit warning={`Save version ${version} again as the newest version?`} confirmLabel={`Yes, restore version ${version}`} pending={pending}>
        Restore version {version}
      </ConfirmSubmit>
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
    </form>
  );
}
