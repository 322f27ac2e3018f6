// Contact details as a shared report shows them by default: enough to recognise a lead you already
// know, not enough to contact a stranger if the link leaks.
export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const tld = dot > 0 ? domain.slice(dot) : "";
  return `${email[0]}•••@${domain[0] ?? ""}•••${tld}`;
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, "");
  return digits.length >= 4 ? `•••-•••-${digits.slice(-2).padStart(4, "•")}` : "•••";
}

export function maskName(name: string | null): string | null {
  if (!name) return name;
  return name
    .split(" ")
    .filter(Boolean)
    .map((part) => `${part[0]!.toUpperCase()}.`)
    .join(" ");
}
