"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { logIn } from "@/lib/auth/login";
import { clientAddress, endSession, setSessionCookie } from "@/lib/auth/session";

const loginSchema = z.object({
  email: z.email("Enter the email you signed up with"),
  password: z.string().min(1, "Enter your password"),
});

export type LoginState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: Partial<Record<"email" | "password", string>>; email: string }
  | { status: "error"; message: string; email: string };

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  const parsed = loginSchema.safeParse({ email: email.trim(), password: formData.get("password") ?? "" });
  if (!parsed.success) {
    const fieldErrors: Partial<Record<"email" | "password", string>> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as "email" | "password"] ??= issue.message;
    return { status: "invalid", fieldErrors, email };
  }
  const result = await logIn({ ...parsed.data, address: await clientAddress() });
  if (result.status !== "ok") return { status: "error", message: result.message, email };
  await setSessionCookie(result.token, result.expiresAt);
  redirect("/");
}

export async function logoutAction() {
  await endSession();
  redirect("/login");
}
