import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dingtalkSign, dingtalkSignedUrl, genericSignature } from "./signing.js";

// Computed outside Node, with openssl:
//   printf '1700000000000\nSEC0123456789abcdef' | openssl dgst -sha256 -hmac 'SEC0123456789abcdef' -binary | base64
const SECRET = "SEC0123456789abcdef";
const TIMESTAMP = 1_700_000_000_000;
const EXPECTED_SIGN = "TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=";

describe("dingtalkSign", () => {
  it("matches a signature computed independently", () => {
    expect(dingtalkSign(SECRET, TIMESTAMP)).toBe(EXPECTED_SIGN);
  });
});

describe("dingtalkSignedUrl", () => {
  it("appends timestamp and the URL-encoded sign after the access token", () => {
    expect(dingtalkSignedUrl("https://oapi.dingtalk.com/robot/send?access_token=abc123", SECRET, TIMESTAMP)).toBe(
      "https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1700000000000" +
        "&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D",
    );
  });

  it("starts the query when the address has none", () => {
    expect(dingtalkSignedUrl("http://127.0.0.1:8000/robot", SECRET, TIMESTAMP)).toMatch(
      /^http:\/\/127\.0\.0\.1:8000\/robot\?timestamp=1700000000000&sign=/,
    );
  });
});

describe("genericSignature", () => {
  it("is the hex HMAC-SHA256 of timestamp.body", () => {
    const body = '{"title":"保密"}';
    const expected = createHmac("sha256", "k").update(`${TIMESTAMP}.${body}`).digest("hex");
    expect(genericSignature("k", TIMESTAMP, body)).toBe(`sha256=${expected}`);
  });
});
