import assert from "node:assert/strict";
import { test } from "node:test";
import { classifyAddress, isAddressAllowed } from "./address-policy.js";

test("metadata and link-local addresses are always refused", () => {
  for (const ip of ["169.254.169.254", "100.100.100.200", "fd00:ec2::254", "fe80::1", "::ffff:169.254.169.254", "0.0.0.0"]) {
    assert.equal(classifyAddress(ip), "blocked", ip);
    assert.equal(isAddressAllowed(ip, true), false, ip);
  }
});

test("loopback and private ranges only when private networks are allowed", () => {
  for (const ip of ["127.0.0.1", "10.1.2.3", "172.16.0.5", "192.168.1.10", "100.64.0.1", "::1", "fd12:3456::1", "::ffff:127.0.0.1"]) {
    assert.equal(classifyAddress(ip), "private", ip);
    assert.equal(isAddressAllowed(ip, true), true, ip);
    assert.equal(isAddressAllowed(ip, false), false, ip);
  }
});

test("public addresses are allowed; non-addresses are refused", () => {
  for (const ip of ["8.8.8.8", "172.32.0.1", "2606:4700::1111", "100.128.0.1"]) {
    assert.equal(classifyAddress(ip), "public", ip);
    assert.equal(isAddressAllowed(ip, false), true, ip);
  }
  assert.equal(classifyAddress("example.com"), "blocked");
});
