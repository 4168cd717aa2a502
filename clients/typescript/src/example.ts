// One generated call: the enabled packs, with a bearer token (BASE_URL and TOKEN from the environment).
import createClient from "openapi-fetch";
import type { paths } from "./schema.js";

const client = createClient<paths>({ baseUrl: process.env.BASE_URL });
const { data, error, response } = await client.GET("/api/v1/packs", {
  headers: { Authorization: `Bearer ${process.env.TOKEN}`, "Accept-Language": "en" },
});
if (error !== undefined || data === undefined) {
  console.error(`GET /api/v1/packs failed: ${response.status}`);
  process.exit(1);
}
console.log(JSON.stringify(data));
