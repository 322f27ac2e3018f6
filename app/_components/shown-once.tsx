"use client";

import { useId } from "react";
import { CopyButton } from "./copy-button";
import { inputClass } from "./ui";

type Props = { label: React.ReactNode; value: string; copyLabel: string; wide?: boolean; labelClassName?: string };

// A secret or one-time link the server keeps only as a hash: shown this once, selected on focus, with
// a copy button. API keys, invitation and reset links, webhook signing secrets.
export function ShownOnce({ label, value, copyLabel, wide = false, labelClassName = "block" }: Props) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input id={id} readOnly value={value} className={`${inputClass} ${wide ? "w-[32rem]" : "w-96"} max-w-full font-mono`} onFocus={(e) => e.target.select()} />
        <CopyButton text={value} label={copyLabel} />
      </div>
    </>
  );
}
