// The reading sections of the Submission Docs, in LeadConduit's order.
import { DataTable } from "@/app/_components/data-table";
import { CopyButton } from "@/app/_components/copy-button";
import { Tabs } from "@/app/_components/tabs";
import { EXAMPLE_METHODS, exampleMethods } from "@/lib/sources/example-request";
import type { SubmissionDocs } from "@/lib/sources/submission-docs";

type Props = { docs: SubmissionDocs };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      <div className="mt-2 space-y-3 text-sm leading-relaxed text-slate-800">{children}</div>
    </section>
  );
}

function Code({ children }: { children: string }) {
  return (
    // Focusable so a keyboard can scroll a long line into view.
    <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-4 text-xs leading-relaxed text-slate-100">
      <code>{children}</code>
    </pre>
  );
}

export function OverviewSection({ docs }: Props) {
  return (
    <Section id="overview" title="Overview">
      <p>
        This page tells <strong>{docs.sourceName}</strong> how to send leads to {docs.accountName}&apos;s flow <strong>{docs.flowName}</strong>: where to send them,
        which fields to include, what a lead needs to be accepted, and what the reply means. Every lead gets an outcome: <code>success</code>,{" "}
        <code>failure</code> (with a reason) or <code>error</code>.
      </p>
      <p>
        To send a file of leads instead, use <strong>Import Leads</strong> at the top of this page.
      </p>
      <p className="rounded-md border border-blue-200 bg-blue-50 p-3 text-blue-950">
        Questions about this integration? Contact {docs.contact ? <strong>{docs.contact}</strong> : <>{docs.accountName}, who shared this page with you</>}. Keep
        this link private: anyone who has it can read these instructions and import leads as {docs.sourceName}.
      </p>
    </Section>
  );
}

export function SubmissionUrlSection({ docs }: Props) {
  return (
    <Section id="submission-url" title="Submission URL">
      <p>Send each lead to this URL. This page is not the posting URL.</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="break-all rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">{docs.submitUrl}</code>
        <CopyButton text={docs.submitUrl} label="Copy the submission URL" />
      </div>
      {docs.requireApiKey ? (
        <p>
          This source must authenticate: HTTP Basic with the user name <code>API</code> and your API key as the password (with curl:{" "}
          <code>-u &apos;API:YOUR_API_KEY&apos;</code>). Without it the reply is <code>401</code>.
        </p>
      ) : (
        <p>No API key is needed. If you were given one, you may send it as HTTP Basic credentials (user <code>API</code>, password the key).</p>
      )}
    </Section>
  );
}

export function FieldsSection({ docs }: Props) {
  const { fields } = docs.meta;
  return (
    <Section id="fields" title="Fields">
      <p>Send each value under its parameter name. Required fields come from the acceptance criteria below; anything else is optional.</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <DataTable
          head="tinted"
          rows={fields}
          rowKey={(f) => f.id}
          empty="This flow lists no fields yet."
          columns={[
            { header: "Field", className: "font-medium", cell: (f) => f.label },
            { header: "Parameter", cell: (f) => <code>{f.id}</code> },
            { header: "Type", cell: (f) => f.type.replace(/_/g, " ") },
            { header: "Required", cell: (f) => (f.required ? <span className="font-semibold text-red-800">Required</span> : <span className="text-slate-600">Optional</span>) },
            {
              header: "Examples",
              className: "text-slate-700",
              cell: (f) =>
                f.examples.map((e) => (
                  <code key={e} className="mr-1 rounded bg-slate-100 px-1">
                    {e}
                  </code>
                )),
            },
          ]}
        />
      </div>
    </Section>
  );
}

export function AcceptanceSection({ docs }: Props) {
  const criteria = docs.meta.acceptance_criteria;
  return (
    <Section id="acceptance-criteria" title="Acceptance criteria">
      {criteria.length === 0 ? (
        <p>None: every lead is accepted and goes on through the flow.</p>
      ) : (
        <>
          <p>A lead must meet every one of these. The first one it misses gives the reply&apos;s outcome <code>failure</code> and its reason.</p>
          <ol className="space-y-2">
            {criteria.map((c, i) => (
              <li key={`${c.applies_to}-${c.id}`} className="rounded-md border border-slate-200 bg-white p-3">
                <p className="font-medium">
                  {i + 1}. {c.description}
                </p>
                <p className="mt-1 text-slate-600">
                  Otherwise: <code>failure</code>, reason “{c.reason}”{c.applies_to === "source" ? " (applies to your leads only)" : ""}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}

export function MethodsSection({ docs }: Props) {
  const classic = docs.replyFormat === "classic";
  const tabs = exampleMethods.map((m) => ({ id: m, label: EXAMPLE_METHODS[m], content: <Code>{docs.requests[m]}</Code> }));
  return (
    <Section id="http-methods" title="HTTP methods">
      <p>
        Send a form POST (recommended), JSON, XML, or a GET with the fields in the query string.{" "}
        {classic ? (
          <>
            Replies to this source are LeadConduit Classic&apos;s XML <code>&lt;response&gt;</code> (<code>result</code>, <code>reason</code>,{" "}
            <code>leadId</code>, <code>url</code>, <code>price</code>), whatever the <code>Accept</code> header asks for, and never redirect.
          </>
        ) : (
          <>
            Replies are JSON, or XML when the <code>Accept</code> header asks for <code>application/xml</code>.
          </>
        )}{" "}
        Every lead that was handled gets HTTP <code>201</code>, whatever its outcome: read the outcome in the body.
      </p>
      <Tabs tabs={tabs} label="Example requests" />
      <h3 className="pt-2 font-semibold">Replies</h3>
      <div className="grid gap-3 md:grid-cols-2">
        <Reply title="Success" body={docs.replies.success} />
        <Reply title="Failure" body={docs.replies.failure} />
        <Reply title="Error" body={docs.replies.error} />
        {classic ? null : <Reply title="Success as XML" body={docs.replies.xml} />}
      </div>
      <p>
        Store the {classic ? <code>leadId</code> : <code>lead.id</code>} of every reply: it is what to quote when asking about a lead. Other statuses: <code>400</code> unreadable body,{" "}
        <code>401</code> missing API key, <code>403</code> source disabled, <code>404</code> wrong URL, <code>406</code> unsupported <code>Accept</code>,{" "}
        <code>415</code> body without <code>Content-Type</code>; these replies are plain text saying why. Retry <code>502</code>, <code>503</code> and{" "}
        <code>504</code> after a few seconds.
      </p>
    </Section>
  );
}

// JSON replies are sent on one line; here they are spread out to be read (XML replies already are).
function Reply({ title, body }: { title: string; body: string }) {
  return (
    <div>
      <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{title}</h4>
      <Code>{body.startsWith("{") ? JSON.stringify(JSON.parse(body), null, 2) : indentXml(body)}</Code>
    </div>
  );
}

// One element per line, nested ones indented: enough for the API's small, attribute-free replies.
function indentXml(xml: string): string {
  let depth = 0;
  return xml
    .trim()
    .replace(/>\s*</g, ">\n<")
    .split("\n")
    .map((line) => {
      if (line.startsWith("</")) depth -= 1;
      const indented = `${"  ".repeat(Math.max(depth, 0))}${line}`;
      if (/^<[^/?!][^>]*>$/.test(line)) depth += 1;
      return indented;
    })
    .join("\n");
}

export function RedirectSection({ docs }: Props) {
  const form = `<form method="POST" action="${docs.submitUrl}?redir_url=${encodeURIComponent("https://your-site.example/thank-you")}">
  <input name="first_name">
  <input name="email">
  <button>Send</button>
</form>`;
  return (
    <Section id="redirect" title="Redirect">
      <p>
        For a web form that posts straight to the submission URL, add a <code>redir_url</code> parameter (an <code>http</code> or <code>https</code> URL) to the
        URL&apos;s query string. The lead is processed as usual and the browser is sent on with <code>303 See Other</code> to that URL. An invalid{" "}
        <code>redir_url</code> gets <code>400</code>. A <code>redir_url</code> field in the body is an ordinary field, as on LeadConduit: stored, not followed.
        {docs.replyFormat === "classic" ? " This source gets LeadConduit Classic replies, which never redirect: it gets 201 and its <response> instead." : null}
      </p>
      <Code>{form}</Code>
    </Section>
  );
}

// LeadConduit's ping: the same URL ending in /ping, the same fields, a price and no lead.
export function PingSection({ docs }: Props) {
  return (
    <Section id="ping" title="Ping (ask for a price first)">
      <p>
        To learn what a lead would be worth before sending it, post the same fields to the ping URL. The lead is checked as a submission would be (acceptance
        criteria, pricing, volume caps, duplicates) but nothing is kept: no lead is stored, no duplicate check or cap is used up, and the reply has no{" "}
        <code>lead.id</code>. A ping answers <code>200</code>; a price of 0 is a <code>failure</code> with reason <code>no bid</code>. Send the lead itself to
        the submission URL afterwards. A source that needs its API key sends it with pings too.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="break-all rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">{docs.ping.url}</code>
        <CopyButton text={docs.ping.url} label="Copy the ping URL" />
      </div>
      <Code>{docs.ping.request}</Code>
      <div className="grid gap-3 md:grid-cols-2">
        <Reply title="A bid" body={docs.ping.replies.bid} />
        <Reply title="No bid" body={docs.ping.replies.noBid} />
      </div>
    </Section>
  );
}
