import Link from "next/link";
import { DocsHeader } from "./docs-header";

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
      <DocsHeader
        kicker={`Import Leads · ${accountName}`}
        title={title}
        subtitle={
          <>
            Into <span className="font-medium text-slate-800">{flowName}</span> as source <span className="font-medium text-slate-800">{sourceName}</span>
          </>
        }
      >
        <nav aria-label="Submission Docs" className="flex gap-4 text-sm">
          <Link href={`/docs/${token}/import`} className="text-blue-800 underline">
            New import and past imports
          </Link>
          <Link href={`/docs/${token}`} className="text-blue-800 underline">
            Back to the Submission Docs
          </Link>
        </nav>
      </DocsHeader>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
