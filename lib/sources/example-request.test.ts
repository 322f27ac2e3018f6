import { describe, expect, it } from "vitest";
import { curlCommand, exampleRequest, sampleValues, shellQuote } from "./example-request";

const submitUrl = "http://127.0.0.1:3000/flows/f/sources/s/submit";
const data = { first_name: "O'Brien", email: "a@example.com", phone_1: "" };

describe("example requests", () => {
  it("sends a form POST with blank values left out", () => {
    const request = exampleRequest({ submitUrl, method: "form", data });
    expect(request).toEqual({
      method: "POST",
      url: submitUrl,
      headers: [["Accept", "application/json"], ["Content-Type", "application/x-www-form-urlencoded"]],
      body: "first_name=O%27Brien&email=a%40example.com",
    });
  });

  it("puts GET values in the query string and asks XML replies for XML", () => {
    expect(exampleRequest({ submitUrl, method: "get", data }).url).toBe(`${submitUrl}?first_name=O%27Brien&email=a%40example.com`);
    const xml = exampleRequest({ submitUrl, method: "xml", data: { comments: "<b>&" } });
    expect(xml.body).toBe("<lead><comments>&lt;b&gt;&amp;</comments></lead>");
    expect(xml.headers[0]).toEqual(["Accept", "application/xml"]);
  });

  it("quotes a curl command so the shell passes every value through unchanged", () => {
    expect(shellQuote("O'Brien")).toBe(`'O'\\''Brien'`);
    const curl = curlCommand(exampleRequest({ submitUrl, method: "json", data }), { apiKey: "KEY" });
    expect(curl).toBe(
      [`curl -X POST '${submitUrl}'`, "-u 'API:KEY'", "-H 'Accept: application/json'", "-H 'Content-Type: application/json'", `--data '{"first_name":"O'\\''Brien","email":"a@example.com"}'`].join(" \\\n  "),
    );
  });

  it("samples the first example that shows a value", () => {
    expect(sampleValues([{ id: "email", examples: ["jdoe@example.com"] }, { id: "password", examples: ["(a secret)"] }])).toEqual({ email: "jdoe@example.com", password: "" });
  });
});
