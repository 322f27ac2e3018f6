"use client";

import { startTransition } from "react";

// React resets a form after an action passed as <form action> completes, which puts controlled
// checkboxes and selects back to their defaults on screen while state says otherwise. Forms that
// hold their values in state submit through this instead, which runs the action without the reset.
export function submitKeepingValues(action: (formData: FormData) => void) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(formData));
  };
}
