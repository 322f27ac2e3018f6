"use client";

// What every part of the flow and source editors needs: the fields rules can name, the operators each
// field type offers, and the server's errors keyed by config path ("steps.1.url").
import { createContext, useContext } from "react";
import type { FieldDef, Operator, TypeName } from "@/lib/flow/model";

export type EditorEnv = {
  // The flow's fields (dedupe, mappings), and what rules may name besides them (is_test).
  fields: readonly FieldDef[];
  ruleFields: readonly FieldDef[];
  operatorsByType: Record<TypeName, readonly Operator[]>;
  errors: Record<string, string>;
};

export const EditorContext = createContext<EditorEnv | null>(null);

export function useEditor(): EditorEnv {
  const env = useContext(EditorContext);
  if (!env) throw new Error("Editor parts must sit inside an EditorContext");
  return env;
}

export const errorId = (path: string) => `problem-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;

export type ErrorProps = { "aria-invalid"?: true; "aria-describedby"?: string };

// aria props that tie a control to its error message, when it has one.
export function errorProps(errors: Record<string, string>, path: string): ErrorProps {
  return errors[path] ? { "aria-invalid": true, "aria-describedby": errorId(path) } : {};
}

export function useErrorProps(path: string): ErrorProps {
  return errorProps(useEditor().errors, path);
}

export function FieldError({ path }: { path: string }) {
  const message = useEditor().errors[path];
  if (!message) return null;
  return (
    <p id={errorId(path)} className="mt-1 text-xs font-medium text-red-700">
      {message}
    </p>
  );
}
