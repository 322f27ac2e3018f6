// Any unknown, rotated or disabled docs link: one plain page that names nothing.
export default function DocsLinkNotFound() {
  return (
    <main className="mx-auto mt-24 max-w-md px-4 text-center">
      <h1 className="text-2xl font-semibold">This link is no longer valid</h1>
      <p className="mt-2 text-slate-600">Ask the company that sent it to you for a new link.</p>
    </main>
  );
}
