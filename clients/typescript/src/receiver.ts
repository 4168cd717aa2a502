// A webhook receiver in a few lines (README "Events and webhooks"): PORT and WEBHOOK_SECRET from the environment.
import { createServer } from "node:http";
import { verifyWebhook, WebhookVerificationError } from "./webhooks.js";

const seen = new Set<string>(); // at-least-once delivery: drop repeats by event id (keep this in your database)

createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8").on("data", (chunk) => (body += chunk)).on("end", () => {
    try {
      const event = verifyWebhook(process.env.WEBHOOK_SECRET!, req.headers, body);
      if (!seen.has(event.id)) {
        seen.add(event.id);
        console.log(event.type, event.subject, JSON.stringify(event.data));
      }
      res.writeHead(204).end();
    } catch (e) {
      res.writeHead(e instanceof WebhookVerificationError ? 401 : 400).end();
    }
  });
}).listen(Number(process.env.PORT ?? 8080), "127.0.0.1");
