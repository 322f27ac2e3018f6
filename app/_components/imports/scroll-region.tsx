// A table wider than the page scrolls sideways; the region takes focus so keyboard users can scroll it too.
export function ScrollRegion({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto focus:outline-2 focus:outline-blue-600 ${className}`}>
      {children}
    </div>
  );
}
