import Link from "next/link";

// The frame of a source's import pages under its Submission Docs link: who the imports go to, and
// the way back to the docs. No login; the token in the URL is the credential.
export function ImportShell({ token, flowName, sourceName, accountName, title, children }: {
  token: string;
  flowName: string;
  sourceName: string;
  accountName: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="bg-blue-900 text-white">
          <p className="mx-auto max-w-6xl px-4 py-2 text-sm font-semibold tracking-tight">Leadport</p>
        </div>
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-blue-800">Import Leads · {accountName}</p>
            <h1 className="text-2xl font-semibold">{title}</h1>
            <p className="text-sm text-slate-600">
              Into <span className="font-medium text-slate-800">{flowName}</span> as source <span className="font-medium text-slate-800">{sourceName}</span>
            </p>
          </div>
          <nav aria-label="Submission Docs" className="flex gap-4 text-sm">
            <Link href={`/docs/${token}/import`} className="text-blue-800 underline">
              New import and past imports
            </Link>
            <Link href={`/docs/${token}`} className="text-blue-800 underline">
              Back to the Submission Docs
            </Link>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
