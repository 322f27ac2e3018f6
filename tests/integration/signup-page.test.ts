// /signup as the app serves it (issue #11): with SIGNUP closed (the default) the page is a 404 and
// its Server Action, called without the page, creates nothing; with SIGNUP=open the page is there for
// someone signed out, and the action makes the account and signs its owner in on the home page.
import { actAs, nextNavigation } from "../helpers/as-person";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { signUpAction } from "@/app/signup/actions";
import SignUpPage from "@/app/signup/page";
import { getDb } from "@/db";
import { accountHolders } from "@/db/schema";
import { env } from "@/lib/env";
import { PASSWORD } from "../helpers/people";

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    const navigation = nextNavigation(error);
    if (navigation) return navigation;
    throw error;
  }
}

const form = (email: string) => {
  const data = new FormData();
  for (const [key, value] of Object.entries({ name: "Sam Seller", email, accountName: "Sam's Leads", password: PASSWORD, confirmPassword: PASSWORD })) data.append(key, value);
  return data;
};
const holdersWith = (email: string) => getDb().select().from(accountHolders).where(eq(accountHolders.email, email));

afterEach(() => {
  env.SIGNUP = "closed";
  actAs(null);
});

describe("/signup", () => {
  it("is a 404 while SIGNUP is closed, the default, and its action creates nothing", async () => {
    actAs(null);
    expect(env.SIGNUP).toBe("closed");
    expect(await outcome(() => SignUpPage())).toBe("not-found");
    expect(await signUpAction({ status: "idle" }, form("closed@example.com"))).toMatchObject({ status: "error", message: "Sign-up is closed on this Leadport." });
    expect(await holdersWith("closed@example.com")).toEqual([]);
  });

  it("with SIGNUP=open, shows the form and signs the new owner in on the home page", async () => {
    actAs(null);
    env.SIGNUP = "open";
    const page = await outcome(() => SignUpPage());
    expect(page).not.toBe("not-found");
    expect(page).toBeTruthy();
    expect(await outcome(() => signUpAction({ status: "idle" }, form("open@example.com")))).toBe("redirect:/");
    expect((await holdersWith("open@example.com")).map((h) => h.role)).toEqual(["owner"]);
  });
});
