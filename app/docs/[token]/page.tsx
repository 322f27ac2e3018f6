import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CopyButton } from "@/app/_components/copy-button";
import { buttonClass } from "@/app/_components/ui";
import { getSubmissionDocs } from "@/lib/sources/submission-docs";
import { DocsHeader } from "./docs-header";
import { AcceptanceSection, FieldsSection, MethodsSection, OverviewSection, PingSection, RedirectSection, SubmissionUrlSection } from "./docs-sections";
import { ExampleForm } from "./example-form";

// The token is in the URL: keep it out of search engines and out of Referer headers to other sites.
export const metadata: Metadata = { title: "Submission Docs", robots: { index: false, follow: false }, referrer: "no-referrer" };

const SECTIONS = [
  ["overview", "Overview"],
  ["submission-url", "Submission URL"],
  ["fields", "Fields"],
  ["acceptance-criteria", "Acceptance criteria"],
  ["http-methods", "HTTP methods"],
  ["ping", "Ping"],
  ["redirect", "Redirect"],
  ["interactive-example", "Interactive example"],
] as const;

// A source's Submission Docs: no login; the unguessable token is the credential. Any bad, rotated or
// disabled link is the same 404 page, which names no flow.
export default async function SubmissionDocsPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const docs = await getSubmissionDocs(token);
  if (!docs) notFound();
  return (
    <>
      <DocsHeader
        kicker={`Submission Docs · ${docs.accountName}`}
        title={docs.flowName}
        subtitle={
          <>
            For source <span className="font-medium text-slate-800">{docs.sourceName}</span>
          </>
        }
      >
        <div className="flex flex-wrap items-center gap-2">
          <CopyButton text={docs.docsUrl} label="Share: copy the link to this page">
            Share
          </CopyButton>
          <Link href={`/docs/${token}/import`} className={buttonClass("primary")}>
            Import Leads
          </Link>
        </div>
      </DocsHeader>
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 lg:grid-cols-[13rem_1fr]">
        <nav aria-label="On this page" className="hidden self-start lg:sticky lg:top-6 lg:block">
          <ol className="space-y-1 border-l border-slate-200 text-sm">
            {SECTIONS.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`} className="-ml-px block border-l-2 border-transparent py-1 pl-3 text-slate-700 hover:border-blue-700 hover:text-blue-800">
                  {title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <main id="main" className="min-w-0 space-y-10">
          <OverviewSection docs={docs} />
          <SubmissionUrlSection docs={docs} />
          <FieldsSection docs={docs} />
          <AcceptanceSection docs={docs} />
          <MethodsSection docs={docs} />
          <PingSection docs={docs} />
          <RedirectSection docs={docs} />
          <section id="interactive-example" aria-labelledby="interactive-example-title" className="scroll-mt-6">
            <h2 id="interactive-example-title" className="text-xl font-semibold">
              Interactive example
            </h2>
            <p className="mb-4 mt-1 text-sm text-slate-600">
              Fill in sample values and send them as a test lead (<code>is_test=true</code>): the reply below is the real one. Sending the same values twice shows
              how duplicates are answered.
            </p>
            <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <ExampleForm token={token} submitUrl={docs.submitUrl} fields={docs.meta.fields} requireApiKey={docs.requireApiKey} />
            </div>
          </section>
        </main>
      </div>
    </>
  );
}
