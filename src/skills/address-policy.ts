// Outbound address policy for skill calls. A skill URL is operator-supplied, so without a policy a bot
// editor could make the server fetch cloud metadata endpoints. Link-local and metadata addresses are
// always refused; loopback/private ranges only when the operator allows private networks (the default
// for the embedded single-machine setup, where skills often run next to botcenter).
//
// The check runs inside the connection's DNS lookup, so the address that is checked is the address
// that is dialled (no window for DNS rebinding between check and connect).
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

const ALWAYS_BLOCKED = new BlockList();
ALWAYS_BLOCKED.addSubnet("169.254.0.0", 16, "ipv4"); // link-local, incl. 169.254.169.254 metadata
ALWAYS_BLOCKED.addAddress("100.100.100.200", "ipv4"); // Alibaba Cloud metadata
ALWAYS_BLOCKED.addAddress("168.63.129.16", "ipv4"); // Azure wire server
ALWAYS_BLOCKED.addSubnet("0.0.0.0", 8, "ipv4"); // "this network"
ALWAYS_BLOCKED.addSubnet("224.0.0.0", 4, "ipv4"); // multicast
ALWAYS_BLOCKED.addAddress("255.255.255.255", "ipv4");
ALWAYS_BLOCKED.addSubnet("fe80::", 10, "ipv6"); // link-local
ALWAYS_BLOCKED.addAddress("fd00:ec2::254", "ipv6"); // AWS metadata over IPv6
ALWAYS_BLOCKED.addSubnet("ff00::", 8, "ipv6"); // multicast

const PRIVATE = new BlockList();
PRIVATE.addSubnet("127.0.0.0", 8, "ipv4");
PRIVATE.addSubnet("10.0.0.0", 8, "ipv4");
PRIVATE.addSubnet("172.16.0.0", 12, "ipv4");
PRIVATE.addSubnet("192.168.0.0", 16, "ipv4");
PRIVATE.addSubnet("100.64.0.0", 10, "ipv4"); // carrier-grade NAT
PRIVATE.addSubnet("198.18.0.0", 15, "ipv4"); // benchmarking
PRIVATE.addAddress("::1", "ipv6");
PRIVATE.addAddress("::", "ipv6");
PRIVATE.addSubnet("fc00::", 7, "ipv6"); // unique local

export type AddressClass = "public" | "private" | "blocked";

/** Classifies an IP literal; IPv4-mapped IPv6 addresses are judged by their IPv4 part. */
export function classifyAddress(address: string): AddressClass {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped?.[1] ?? address;
  const family = isIP(ip);
  if (family === 0) return "blocked";
  const type = family === 4 ? "ipv4" : "ipv6";
  if (ALWAYS_BLOCKED.check(ip, type)) return "blocked";
  if (PRIVATE.check(ip, type)) return "private";
  return "public";
}

export function isAddressAllowed(address: string, allowPrivateNetworks: boolean): boolean {
  const cls = classifyAddress(address);
  return cls === "public" || (cls === "private" && allowPrivateNetworks);
}

export const ADDRESS_BLOCKED_CODE = "ERR_SKILL_ADDRESS_BLOCKED";

export class AddressBlockedError extends Error {
  readonly code = ADDRESS_BLOCKED_CODE;
  constructor(
    readonly host: string,
    readonly addresses: readonly string[],
  ) {
    super(`${host} resolves to a refused address (${addresses.join(", ")})`);
    this.name = "AddressBlockedError";
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

type LookupOptions = { family?: number | string; hints?: number; all?: boolean };

/**
 * A `lookup` for net.connect that drops refused addresses and fails when none is left. Node calls it
 * with `all: true` when happy-eyeballs is on, and without otherwise; both forms are answered.
 */
export function createPolicyLookup(allowPrivateNetworks: boolean) {
  return function policyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
    const family = options.family === 6 || options.family === "IPv6" ? 6 : options.family === 4 || options.family === "IPv4" ? 4 : 0;
    dnsLookup(hostname, { family, hints: options.hints ?? 0, all: true }, (err, addresses) => {
      if (err) {
        callback(err, []);
        return;
      }
      const allowed = addresses.filter((a) => isAddressAllowed(a.address, allowPrivateNetworks));
      const first = allowed[0];
      if (first === undefined) {
        callback(
          new AddressBlockedError(
            hostname,
            addresses.map((a) => a.address),
          ),
          [],
        );
        return;
      }
      if (options.all === true) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}
