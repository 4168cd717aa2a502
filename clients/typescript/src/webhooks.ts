// Verifying SupervisionCore webhook deliveries (Standard Webhooks signatures), with Node's crypto only.
//
//   webhook-id:        the event id (also the idempotency key: the same event is always sent with the same id)
//   webhook-timestamp: Unix seconds of the attempt
//   webhook-signature: "v1,<base64 HMAC-SHA256(key, `${id}.${timestamp}.${body}`)>" (space-separated when several)
//
// The key is the base64 part of the subscription's secret ("whsec_…", shown once when the webhook was created).
import { createHmac, timingSafeEqual } from "node:crypto";

/** A CloudEvents 1.0 event as SupervisionCore sends it. */
export interface SupervisionEvent {
  specversion: "1.0";
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: string;
  jurisdiction: string;
  position: number;
  data: {
    action: string;
    targetType: string;
    targetId: string;
    jurisdiction: string;
    rules: string[];
    [field: string]: unknown;
  };
}

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

type Headers = Record<string, string | string[] | undefined> | { get(name: string): string | null };

function header(headers: Headers, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name] ?? (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The webhook-signature value for a body: "v1,<base64>". */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
  return "v1," + createHmac("sha256", key).update(`${id}.${timestamp}.${body}`, "utf8").digest("base64");
}

/**
 * Verifies a delivery and returns its event. Pass the raw body exactly as received (not re-serialised JSON).
 * Throws WebhookVerificationError when a header is missing, the timestamp is outside the tolerance (replays), or no
 * signature matches.
 */
export function verifyWebhook(
  secret: string,
  headers: Headers,
  body: string,
  options: { toleranceSeconds?: number; now?: Date } = {},
): SupervisionEvent {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature");
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds)) throw new WebhookVerificationError("webhook-timestamp is not Unix seconds");
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (Math.abs(now - seconds) > tolerance) throw new WebhookVerificationError("webhook-timestamp outside the tolerance");
  const expected = Buffer.from(sign(secret, id, seconds, body).slice(3), "base64");
  const matches = signatures.split(" ").some((candidate) => {
    const [version, value] = candidate.split(",", 2);
    if (version !== "v1" || value === undefined) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationError("no matching signature");
  const event = JSON.parse(body) as SupervisionEvent;
  if (event.id !== id) throw new WebhookVerificationError("webhook-id does not match the event id");
  return event;
}
