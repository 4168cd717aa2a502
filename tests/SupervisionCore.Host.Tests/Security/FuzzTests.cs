using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using R = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// Schema fuzzing: for every operation of the served documents, requests generated from its schema and from a valid
/// request of the access matrix — wrong types, huge and unicode strings, missing and extra fields, boundary numbers and
/// dates, null lists and null list elements, broken JSON, oversized bodies (413) — sent as the national admin (the widest reach). Every answer is below
/// 500; every 4xx is RFC 9457 problem+json without a stack trace, SQL or the token; a batch with no 2xx leaves the
/// database exactly as it was. 100 requests per operation by default, 1,000 under SUPERVISION_LONG_TESTS=1.
/// </summary>
/// <remarks>On a world of its own: its accepted requests change objects the access matrix relies on.</remarks>
public sealed class FuzzTests(SecurityWorld world, ITestOutputHelper output) : IClassFixture<SecurityWorld>
{
    private static readonly string[] Leaks = ["   at ", "Exception", "Npgsql", "SELECT ", "INSERT INTO", "UPDATE supervision", "postgres", "StackTrace", "SqlState"];

    private static readonly string[] Strings =
    [
        "", " ", "\u0000", "null", "true", "-1", "0", "2147483648", "-9223372036854775809", "1e309", "NaN", "[]", "{}",
        "' OR 1=1 --", "\"; DROP TABLE supervision.audit_entries; --", "../../../../etc/passwd", "%00%2e%2e%2f", "<script>alert(1)</script>",
        "𠜎𠜱𠝹😀\u202E\uFEFF", "\uD800", "٣٤٥", "ＡＢＣ１２３", "0001-01-01", "9999-12-31", "2025-02-30", "2025-13-01", "24:61", "2025-06-10T25:00:00+08:00",
        "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00", "00000000-0000-0000-0000-000000000000", "not-a-guid", "44.", "CN.44", "44..A",
    ];

    private static readonly JsonNode?[] Values =
    [
        null, true, false, 0, -1, 1, int.MaxValue, int.MinValue, long.MaxValue, 1e308, -0.0, 0.5, 79228162514264337593543950335m, "", "x",
        new JsonArray(), new JsonObject(), new JsonArray(1, "a", null), new JsonObject { ["$ref"] = "#" },
    ];

    [Fact]
    public async Task Generated_requests_never_get_a_5xx_and_refusals_are_clean_problems_that_change_nothing()
    {
        var perOperation = LongTests.Scale(100, 1000);
        var operations = await ApiOperation.LoadAsync(world.App);
        var rows = AccessMatrix.Operations.ToDictionary(o => o.Id);
        var token = world.Tokens[R.NationalAdmin];
        using var client = world.ClientFor(R.NationalAdmin);
        var failures = new List<string>();
        int total = 0, fiveHundreds = 0, tooLarge = 0, compared = 0, accepted = 0;
        foreach (var api in operations)
        {
            // Reproducible per operation (string.GetHashCode is randomised per process).
            var random = new Random(api.Id.Aggregate(0x5EC, (h, ch) => unchecked(h * 31 + ch)) & 0x7fffffff);
            var row = rows[api.Id];
            using var baseline = row.Build(world.Realms[row.Realm].Of[Side.Own]);
            // A multipart upload is no JSON to mutate: its fuzz cases mutate an empty JSON object (the endpoint accepts JSON too).
            var baseBody = baseline.Content switch
            {
                null => null,
                { Headers.ContentType.MediaType: "application/json" } json => JsonNode.Parse(await json.ReadAsStringAsync()),
                _ => new JsonObject(),
            };
            var before = await world.DigestAsync();
            var anySuccess = false;
            for (var i = 0; i < perOperation; i++)
            {
                using var request = Generate(api, baseline.RequestUri!.ToString(), baseBody, random, i);
                var logged = world.App.Logs.Lines.Count;
                HttpResponseMessage response;
                // The in-process test client refuses to send a path with a NUL (Kestrel would answer 400): not the Host's answer.
                try { response = await client.SendAsync(request); }
                catch (InvalidOperationException ex) when (ex.Message.Contains("null characters", StringComparison.Ordinal)) { continue; }
                using var _ = response;
                var status = (int)response.StatusCode;
                total++;
                if (status == 413) tooLarge++;
                if (status < 300) { anySuccess = true; continue; }
                var body = await response.Content.ReadAsStringAsync();
                if (status >= 500)
                {
                    fiveHundreds++;
                    var cause = world.App.Logs.Lines.Skip(logged).FirstOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal)) ?? "";
                    failures.Add($"{api.Id} #{i} {request.Method} {request.RequestUri}: {status} — {Short(cause.Replace('\n', ' '))}");
                    continue;
                }
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") failures.Add($"{api.Id} #{i}: {status} not problem+json ({response.Content.Headers.ContentType})");
                foreach (var leak in Leaks.Where(l => body.Contains(l, StringComparison.OrdinalIgnoreCase))) failures.Add($"{api.Id} #{i}: {status} body shows '{leak}': {Short(body)}");
                if (body.Contains(token[^40..], StringComparison.Ordinal)) failures.Add($"{api.Id} #{i}: body echoes the token");
            }
            var after = await world.DigestAsync();
            if (anySuccess) accepted++;
            else
            {
                compared++;
                foreach (var changed in after.Where(t => !before.TryGetValue(t.Key, out var v) || v != t.Value)) failures.Add($"{api.Id}: refused requests changed {changed.Key}");
            }
        }
        Figures.Record(output, $"fuzzing: {operations.Count} operations × {perOperation} = {total} requests; 5xx {fiveHundreds}; 413 {tooLarge}; database digest compared for {compared} operations with only refusals (unchanged), {accepted} operations had some request accepted; failures {failures.Count}");
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(40)));
    }

    private static HttpRequestMessage Generate(ApiOperation api, string baseUrl, JsonNode? baseBody, Random random, int i)
    {
        var url = baseUrl;
        var method = new HttpMethod(api.Method);
        HttpContent? content = baseBody is null ? null : Json(baseBody.DeepClone());
        switch (i % 10)
        {
            case 0 or 1: // a path segment or the query replaced by a fuzz string
                url = MutatePath(api, baseUrl, random);
                break;
            case 2: // query parameters of the schema with wrong or boundary values, plus unknown ones
                url = baseUrl.Split('?')[0] + "?" + string.Join('&', api.Parameters.Where(p => (string?)p["in"] == "query").Select(p => $"{p["name"]}={Uri.EscapeDataString(Pick(Strings, random))}")
                    .Append($"pageSize={Pick(["0", "-1", "101", "100000", "2147483648", "x"], random)}").Append("page=" + Pick(["0", "-5", "1000001", "1e3"], random)));
                break;
            case 3 when baseBody is not null: // one property with a wrong type or boundary value
                content = Json(MutateProperty(baseBody.DeepClone(), api, random));
                break;
            case 4 when baseBody is not null: // every list with a null element, every list null, or one property mutated
                content = Json((i / 10 % 3) switch
                {
                    0 => Lists(baseBody.DeepClone(), list => { list.Add(null); return list; }),
                    1 => Lists(baseBody.DeepClone(), _ => null),
                    _ => MutateProperty(baseBody.DeepClone(), api, random),
                });
                break;
            case 5 when baseBody is JsonObject: // a required or any property missing; extra fields (status, jurisdiction, serial, fee, id)
                var body = (JsonObject)baseBody.DeepClone();
                if (body.Count > 0) body.Remove(body.ElementAt(random.Next(body.Count)).Key);
                body["status"] = "revoked"; body["jurisdiction"] = random.Next(2) == 0 ? "45" : "CN"; body["serial"] = -1; body["fee"] = 0; body["id"] = Guid.NewGuid().ToString(); body["version"] = "x";
                content = Json(body);
                break;
            case 6: // huge string in every string property, or a huge query value
                content = baseBody is null ? null : Json(Replace(baseBody.DeepClone(), _ => new string('字', 100_000 + random.Next(50_000))));
                if (content is null) url = baseUrl + (baseUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "q=" + new string('x', 6000);
                break;
            case 7: // not JSON, wrong content type, JSON of the wrong shape, deep nesting
                content = (i / 10 % 5) switch
                {
                    0 => new StringContent("{\"unterminated\": [1, 2", Encoding.UTF8, "application/json"),
                    1 => new StringContent("<xml/>", Encoding.UTF8, "application/xml"),
                    2 => new StringContent("[1,2,3]", Encoding.UTF8, "application/json"),
                    3 => new StringContent(new string('[', 5000) + new string(']', 5000), Encoding.UTF8, "application/json"),
                    _ => new StringContent("\"just a string\"", Encoding.UTF8, "application/json"),
                };
                break;
            case 8: // oversized body: over the 1 MiB cap
                content = new StringContent("{\"name\":\"" + new string('a', 1_100_000 + random.Next(1000)) + "\"}", Encoding.UTF8, "application/json");
                break;
            default: // unicode and control characters everywhere
                content = baseBody is null ? null : Json(Replace(baseBody.DeepClone(), _ => Pick(Strings, random)));
                url = MutatePath(api, baseUrl, random, unicodeOnly: true);
                break;
        }
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (api.Id == "cards.issue-batch" && random.Next(3) > 0) request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(2) == 0 ? Guid.NewGuid().ToString() : Pick(Strings, random).Replace("\n", "", StringComparison.Ordinal));
        return request;
    }

    private static string MutatePath(ApiOperation api, string baseUrl, Random random, bool unicodeOnly = false)
    {
        var (path, query) = baseUrl.Split('?') is var parts ? (parts[0], parts.Length > 1 ? "?" + parts[1] : "") : default;
        var template = api.Path.Split('/');
        var segments = path.Split('/');
        var variable = Enumerable.Range(0, template.Length).Where(k => template[k].StartsWith('{') && k < segments.Length).ToList();
        var value = unicodeOnly ? Pick(["𠜎😀", "\u202E45", "％２０", "é", "ＣＮ"], random) : Pick(Strings, random);
        if (variable.Count > 0) segments[variable[random.Next(variable.Count)]] = Uri.EscapeDataString(value);
        else query = (query.Length == 0 ? "?" : query + "&") + "jurisdiction=" + Uri.EscapeDataString(value);
        return string.Join('/', segments) + query;
    }

    private static JsonNode MutateProperty(JsonNode node, ApiOperation api, Random random)
    {
        if (node is JsonObject obj && obj.Count > 0)
        {
            var key = obj.ElementAt(random.Next(obj.Count)).Key;
            if (obj[key] is JsonObject or JsonArray && random.Next(2) == 0) obj[key] = MutateProperty(obj[key]!.DeepClone(), api, random);
            else obj[key] = random.Next(3) == 0 ? JsonValue.Create(Pick(Strings, random)) : Pick(Values, random)?.DeepClone();
            return obj;
        }
        if (node is JsonArray array) { array.Add(Pick(Values, random)?.DeepClone()); return array; }
        return Pick(Values, random)?.DeepClone() ?? JsonValue.Create(0)!;
    }

    // Every array of the document changed by change (found by the long run: a null element or a null list crashed validators).
    private static JsonNode? Lists(JsonNode node, Func<JsonArray, JsonNode?> change) => Rewrite(node, n => n is JsonArray a ? change(a) : n);

    // Every string value of the document replaced.
    private static JsonNode Replace(JsonNode node, Func<string, string> replace) =>
        Rewrite(node, n => n is JsonValue v && v.TryGetValue<string>(out var s) ? JsonValue.Create(replace(s)) : n)!;

    // Rewrites the document bottom-up: children first, then the node itself through rewrite.
    private static JsonNode? Rewrite(JsonNode node, Func<JsonNode, JsonNode?> rewrite)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList()) obj[key] = obj[key] is { } child ? Rewrite(child.DeepClone(), rewrite) : null;
                break;
            case JsonArray array:
                for (var k = 0; k < array.Count; k++) array[k] = array[k] is { } child ? Rewrite(child.DeepClone(), rewrite) : null;
                break;
        }
        return rewrite(node);
    }

    private static StringContent Json(JsonNode? node) => new(node?.ToJsonString() ?? "null", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static string Short(string body) => body.Length > 600 ? body[..600] : body;
}
