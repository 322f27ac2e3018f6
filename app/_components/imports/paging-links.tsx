import Link from "next/link";

// Keyset paging by line: back to the first page, or on to the rows after the last one shown.
export function PagingLinks({ label, first, next }: { label: string; first: string | null; next: string | null }) {
  if (!first && !next) return null;
  return (
    <nav aria-label={label} className="mt-3 flex justify-between text-sm">
      {first ? (
        <Link href={first} className="text-blue-800 underline">
          Back to the first rows
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link href={next} className="text-blue-800 underline">
          Next rows
        </Link>
      )}
    </nav>
  );
}
