import type { CorpusRow } from "./corpus-row";

export const SSN_ROWS: readonly CorpusRow[] = [
  ["123-45-6789", true, "123456789"],
  ["123456789", true, "123456789"],
  ["123 45 6789", true, "123456789"],
  ["123.45.6789", true, "123456789"],
  ["123/45/6789", true, "123456789"],
  ["SSN 123-45-6789", true, "123456789"],
  ["SSN: 123-45-6789", true, "123456789"],
  ["078-05-1120", true, "078051120"],
  ["665-12-3456", true, "665123456"],
  ["001-01-0001", true, "001010001"],
  ["899-99-9999", true, "899999999"],
  ["000-12-3456", false, "000-12-3456", "ssn-never-issued"],
  ["666-12-3456", false, "666-12-3456", "ssn-never-issued"],
  ["900-12-3456", false, "900-12-3456", "ssn-never-issued"],
  ["987-65-4321", false, "987-65-4321", "ssn-never-issued"],
  ["123-00-4567", false, "123-00-4567", "ssn-never-issued"],
  ["123-45-0000", false, "123-45-0000", "ssn-never-issued"],
  ["12345678", false, "12345678"],
  ["1234567890", false, "1234567890"],
  ["123-45-678", false, "123-45-678"],
  ["", false, null],
];

export const IP_ROWS: readonly CorpusRow[] = [
  ["198.51.90.161", true, "198.51.90.161"],
  [" 198.51.90.161 ", true, "198.51.90.161"],
  ["203. 0. 113. 9", true, "203.0.113.9"],
  ["http://198.51.90.161", true, "198.51.90.161"],
  ["https://198.51.90.161/landing?x=1", true, "198.51.90.161"],
  ["198.51.90.161/32", true, "198.51.90.161"],
  ["198.51.90.161:8080", true, "198.51.90.161"],
  ["198.51.90.161/form", true, "198.51.90.161"],
  ["10.0.0.1", true, "10.0.0.1"],
  ["192.168.1.254", true, "192.168.1.254"],
  ["255.255.255.255", true, "255.255.255.255"],
  // LeadConduit reads IPv6 as a URL host and drops the brackets: the same compressed form as RFC
  // 5952, except an IPv4-mapped address, which it writes in hex ("::ffff:c000:201").
  ["2001:db8::1", true, "2001:db8::1"],
  ["2001:DB8::1", true, "2001:db8::1"],
  ["2001:0db8:0000:0000:0000:0000:0000:0001", true, "2001:db8::1"],
  ["2001:db8:0:0:1:0:0:1", true, "2001:db8::1:0:0:1"],
  ["[2001:db8::1]", true, "2001:db8::1"],
  ["[2001:db8::1]:443", true, "2001:db8::1"],
  ["::1", true, "::1"],
  ["::ffff:192.0.2.1", true, "::ffff:192.0.2.1", "ipv6-canonical"],
  ["fe80::1", true, "fe80::1"],
  ["010.0.0.1", false, "010.0.0.1", "ip-no-leading-zeros"],
  ["192.168.001.001", false, "192.168.001.001", "ip-no-leading-zeros"],
  ["256.1.1.1", false, "256.1.1.1"],
  ["1.2.3", false, "1.2.3"],
  ["localhost", false, "localhost"],
  ["unknown", false, "unknown"],
  ["", false, null],
];

export const GENDER_ROWS: readonly CorpusRow[] = [
  ["M", true, "male"],
  ["male", true, "male"],
  ["Male", true, "male"],
  ["f", true, "female"],
  ["FEMALE", true, "female"],
  ["o", true, "other"],
  ["Other", true, "other"],
  ["x", false, "x"],
  ["unknown", false, "unknown"],
  ["", false, null],
];

export const URL_ROWS: readonly CorpusRow[] = [
  ["https://example.com/landing", true, "https://example.com/landing"],
  ["http://example.com", true, "http://example.com/"],
  ["example.com/page", true, "http://example.com/page"],
  ["www.example.com", true, "http://www.example.com/"],
  ["HTTPS://Example.COM/Path?q=1", true, "https://example.com/Path?q=1"],
  ["https://cert.trustedform.com/0123456789abcdef", true, "https://cert.trustedform.com/0123456789abcdef"],
  ["ftp://example.com", false, "ftp://example.com"],
  ["not a url", false, "not a url"],
  ["", false, null],
];

export const NAME_ROWS: readonly CorpusRow[] = [
  ["John", true, "John"],
  ["José", true, "José"],
  ["O'Brien", true, "O'Brien"],
  ["Anne-Marie", true, "Anne-Marie"],
  [" John ", true, "John", "names-trimmed"],
];
