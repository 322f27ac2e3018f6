import { LinkGone } from "@/app/_components/account-card";

// Used, expired or unknown setup links: a 404 that names nothing.
export default function SetupLinkNotFound() {
  return <LinkGone askWhom="Ask whoever installed Leadport for a new setup link, or use “Forgot password?” on the sign-in page if this Leadport sends email." />;
}
