// The banner over every page behind a Submission Docs link: the Leadport band, what the page is and
// for whom, and the page's own actions on the right.
export function DocsHeader({ kicker, title, subtitle, children }: { kicker: string; title: string; subtitle: React.ReactNode; children: React.ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="bg-blue-900 text-white">
        <p className="mx-auto max-w-6xl px-4 py-2 text-sm font-semibold tracking-tight">Leadport</p>
      </div>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-blue-800">{kicker}</p>
          <h1 className="text-2xl font-semibold">{title}</h1>
          <p className="text-sm text-slate-600">{subtitle}</p>
        </div>
        {children}
      </div>
    </header>
  );
}
