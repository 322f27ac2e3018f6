import { LinkGone } from "@/app/_components/account-card";

// Used, revoked, expired or unknown reset links: a 404 that names nothing.
export default function ResetLinkNotFound() {
  return <LinkGone askWhom="Reset links work once, for 24 hours. Use “Forgot password?” on the sign-in page, or ask an owner or admin of your account for a new one." />;
}
