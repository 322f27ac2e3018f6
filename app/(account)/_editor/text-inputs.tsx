"use client";

// Inputs whose typed text is not the stored value: a number (blank is "not a number", which the server
// reports), and a list typed as "TX, CA". Each keeps the text being typed and follows the stored value
// when it changes from outside (a row above removed, a revert).
import { useState } from "react";
import { inputClass } from "@/app/_components/ui";
import { splitList } from "@/lib/flows/rule-inputs";
import type { ErrorProps } from "./editor-context";

type Common = { label: string; className?: string; id?: string; invalid?: ErrorProps };

export function NumberInput({ value, onChange, label, className = "w-28", id, invalid, min, step }: Common & { value: number; onChange: (n: number) => void; min?: number; step?: string }) {
  const [text, setText] = useState(Number.isNaN(value) ? "" : String(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (!Object.is(toNumber(text), value)) setText(Number.isNaN(value) ? "" : String(value));
  }
  return (
    <input
      id={id}
      type="number"
      inputMode="decimal"
      aria-label={id ? undefined : label}
      min={min}
      step={step}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(toNumber(e.target.value));
      }}
      className={`${inputClass} ${className}`}
      {...invalid}
    />
  );
}

const toNumber = (text: string) => (text.trim() === "" ? NaN : Number(text));

export function ListInput({ value, onChange, label, className = "w-56", invalid }: Common & { value: string[]; onChange: (items: string[]) => void }) {
  const [text, setText] = useState(value.join(", "));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (splitList(text).join("\u0000") !== value.join("\u0000")) setText(value.join(", "));
  }
  return (
    <input
      type="text"
      aria-label={label}
      placeholder="TX, CA, FL"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(splitList(e.target.value));
      }}
      className={`${inputClass} ${className}`}
      {...invalid}
    />
  );
}
