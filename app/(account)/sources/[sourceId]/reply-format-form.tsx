"use client";

// How the posting URL replies to this source (docs/api.md, "Reply formats per source"). Its own form,
// so saving it never touches the criteria, and the criteria save never undoes it.
import { useActionState, useId } from "react";
import { buttonClass, inputClass, labelClass, Notice } from "@/app/_components/ui";
import type { SourceConfig } from "@/lib/flow/model";
import { saveReplyFormatAction, type SourceFormState } from "./actions";

type SourceReplyFormat = NonNullable<SourceConfig["replyFormat"]>;

const FORMATS: ReadonlyArray<{ value: SourceReplyFormat; label: string }> = [
  { value: "standard", label: "Standard (JSON, LeadConduit's default)" },
  { value: "classic", label: "Standard Classic (XML <response>)" },
  { value: "verbose", label: "Verbose" },
];

// readOnly (a viewer): the format is shown, disabled, with no Save.
type Props = { sourceId: string; replyFormat: SourceReplyFormat; readOnly?: boolean };

export function ReplyFormatForm({ sourceId, replyFormat, readOnly = false }: Props) {
  const [state, action, pending] = useActionState<SourceFormState, FormData>(saveReplyFormatAction, { status: "idle" });
  const id = useId();
  return (
    <form action={action}>
      <fieldset disabled={readOnly} className="space-y-2">
        <input type="hidden" name="sourceId" value={sourceId} />
        <label htmlFor={id} className={labelClass}>
          Reply format
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <select id={id} name="replyFormat" defaultValue={replyFormat} aria-describedby={`${id}-hint`} className={inputClass}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
          {!readOnly && (
            <button type="submit" disabled={pending} className={buttonClass("secondary")}>
              {pending ? "Saving…" : "Save reply format"}
            </button>
          )}
        </div>
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          Pick the one the source&apos;s integration parses. Standard Classic always answers 201 with XML; Verbose is the same as Standard here, as Leadport appends no data.
        </p>
        {state.status === "ok" && <Notice tone="ok">{state.message}</Notice>}
        {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
      </fieldset>
    </form>
  );
}
