import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentHolder } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

// Sign-in for account holders; sources and buyers use their shared links instead.
export default async function LoginPage() {
  if (await getCurrentHolder()) redirect("/");
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="mb-1 text-2xl font-semibold">Sign in to Leadport</h1>
      <p className="mb-6 text-sm text-slate-600">
        On a new install, the demo login is printed in the terminal where the app started.
      </p>
      <LoginForm />
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="text-blue-800 hover:underline">
          Forgot password?
        </Link>
      </p>
    </main>
  );
}
