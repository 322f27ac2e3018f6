"use client";

// Shown for unexpected errors: never the error's details, which are logged on the server with the
// same digest (instrumentation.ts), so a reference quoted by the user finds the log line.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto mt-24 max-w-md text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">The error was logged. Try again, or come back in a minute.</p>
      {error.digest ? <p className="mt-1 text-sm text-slate-600">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="mt-4 rounded bg-blue-700 px-4 py-2 text-white">
        Try again
      </button>
    </main>
  );
}
