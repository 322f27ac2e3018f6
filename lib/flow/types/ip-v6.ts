// RFC 5952 text for an IPv6 address that node:net's isIP has already accepted, so one address
// has one value for equality and dedupe: lowercase, no leading zeros, the longest run (first on a
// tie) of two or more zero groups as "::", and an IPv4-mapped address in mixed notation.
// node:net has no canonicalizer (SocketAddress and BlockList keep the text as given).

const HEX = 16;

// The eight 16-bit groups; an embedded dotted quad ("::ffff:192.0.2.1") becomes two groups.
function groupsOf(address: string): number[] {
  const [head, tail] = address.includes("::") ? address.split("::") : [address, undefined];
  const parse = (part: string | undefined): number[] => {
    if (!part) return [];
    const out: number[] = [];
    for (const piece of part.split(":")) {
      if (piece.includes(".")) {
        const [a, b, c, d] = piece.split(".").map(Number) as [number, number, number, number];
        out.push((a << 8) | b, (c << 8) | d);
      } else out.push(parseInt(piece, HEX));
    }
    return out;
  };
  const front = parse(head);
  if (tail === undefined) return front;
  const back = parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function longestZeroRun(groups: readonly number[]): { start: number; length: number } {
  let best = { start: -1, length: 0 };
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  return best.length >= 2 ? best : { start: -1, length: 0 };
}

function isIpv4Mapped(groups: readonly number[]): boolean {
  return groups[5] === 0xffff && groups.slice(0, 5).every((g) => g === 0);
}

export function canonicalIpv6(address: string): string {
  const zoneAt = address.indexOf("%");
  const zone = zoneAt >= 0 ? address.slice(zoneAt) : "";
  const groups = groupsOf(zoneAt >= 0 ? address.slice(0, zoneAt) : address);
  if (isIpv4Mapped(groups)) {
    const [hi, lo] = [groups[6]!, groups[7]!];
    return `::ffff:${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}${zone}`;
  }
  const run = longestZeroRun(groups);
  const hex = groups.map((g) => g.toString(HEX));
  if (run.start < 0) return hex.join(":") + zone;
  const before = hex.slice(0, run.start).join(":");
  const after = hex.slice(run.start + run.length).join(":");
  return `${before}::${after}${zone}`;
}
