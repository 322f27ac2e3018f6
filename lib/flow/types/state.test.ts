import { describe, expect, it } from "vitest";
import { stateType } from "./state";

describe("state", () => {
  it.each([
    ["TX", "TX", "Texas"],
    ["tx", "TX", "Texas"],
    ["Texas", "TX", "Texas"],
    [" new   york ", "NY", "New York"],
    ["NORTH CAROLINA", "NC", "North Carolina"],
    ["District of Columbia", "DC", "District of Columbia"],
    ["Washington, D.C.", "DC", "District of Columbia"],
    ["Puerto Rico", "PR", "Puerto Rico"],
    ["gu", "GU", "Guam"],
    ["U.S. Virgin Islands", "VI", "U.S. Virgin Islands"],
    ["AS", "AS", "American Samoa"],
    ["Northern Mariana Islands", "MP", "Northern Mariana Islands"],
    ["N.Y.", "NY", "New York"],
    ["FM", "FM", "Federated States of Micronesia"],
    ["Micronesia", "FM", "Federated States of Micronesia"],
    ["mh", "MH", "Marshall Islands"],
    ["Palau", "PW", "Palau"],
    ["AA", "AA", "Armed Forces Americas"],
    ["ae", "AE", "Armed Forces Europe"],
    ["Armed Forces Pacific", "AP", "Armed Forces Pacific"],
  ])("reads %j as %s", (raw, normal, name) => {
    expect(stateType.parse(raw)).toEqual({ raw, normal, valid: true, name, country_code: "US" });
  });

  it.each([
    ["ON", "ON", "Ontario"],
    ["british columbia", "BC", "British Columbia"],
    ["Québec", "QC", "Quebec"],
    ["Newfoundland", "NL", "Newfoundland and Labrador"],
  ])("reads the Canadian province %j as %s", (raw, normal, name) => {
    expect(stateType.parse(raw)).toEqual({ raw, normal, valid: true, name, country_code: "CA" });
  });

  it.each(["Zz", "XX", "N/A", "Texass", "Bavaria"])("keeps the unknown %j as typed and invalid", (raw) => {
    expect(stateType.parse(` ${raw} `)).toEqual({ raw: ` ${raw} `, normal: raw, valid: false });
  });

  it("returns a blank value for whitespace", () => {
    expect(stateType.parse("  ")).toEqual({ raw: "  ", normal: null, valid: false });
  });
});
