// A quick upper bound on the fields an XML body holds, read before the body is parsed: parsing 60,000
// elements takes about a second of CPU, counting them a few milliseconds. Every element with no child
// element (a leaf, <a/> included) becomes a field, and so does every attribute. Comments, CDATA,
// processing instructions and the declaration are skipped. It is an estimate for refusing early: it
// can run high (a repeated element becomes one list field, an "=" inside an attribute value counts)
// or low (text beside child elements), and the exact count after parsing still decides the rest.
export function countXmlFields(text: string, stopAfter: number): number {
  let fields = 0;
  let openWithoutChild = false;
  let at = text.indexOf("<");
  while (at >= 0 && fields <= stopAfter) {
    const next = text[at + 1];
    let end: number;
    if (text.startsWith("<!--", at)) end = text.indexOf("-->", at + 4) + 2;
    else if (text.startsWith("<![CDATA[", at)) end = text.indexOf("]]>", at + 9) + 2;
    else if (next === "?" || next === "!") end = text.indexOf(">", at + 2);
    else {
      end = text.indexOf(">", at + 1);
      if (end < 0) break;
      const tag = text.slice(at + 1, end);
      if (next === "/") {
        if (openWithoutChild) fields++;
        openWithoutChild = false;
      } else {
        fields += countAttributes(tag);
        if (tag.endsWith("/")) {
          fields++;
          openWithoutChild = false;
        } else openWithoutChild = true;
      }
    }
    if (end < 0) break;
    at = text.indexOf("<", end + 1);
  }
  return fields;
}

function countAttributes(tag: string): number {
  let count = 0;
  for (let i = tag.indexOf("="); i >= 0; i = tag.indexOf("=", i + 1)) count++;
  return count;
}
