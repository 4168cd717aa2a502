using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>One operation of a served OpenAPI document.</summary>
public sealed record ApiOperation(string Document, string Method, string Path, string Id, JsonObject Operation, JsonObject Root)
{
    public bool Secured => Operation["security"] is JsonArray { Count: > 0 };

    /// <summary>The request body schema (resolved), or null.</summary>
    public JsonObject? BodySchema => Operation["requestBody"]?["content"]?["application/json"]?["schema"] is JsonObject s ? Resolve(s) : null;

    public IEnumerable<JsonObject> Parameters => Operation["parameters"]?.AsArray().OfType<JsonObject>() ?? [];

    /// <summary>The schema of the response with the status, or null.</summary>
    public JsonObject? ResponseSchema(int status) =>
        Operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"]?["schema"] is JsonObject s ? Resolve(s) : null;

    /// <summary>Follows <c>$ref</c> (and a single-entry <c>allOf</c>) to the schema itself.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        for (var i = 0; i < 10; i++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
                schema = (JsonObject)Root["components"]!["schemas"]![reference.Split('/')[^1]]!;
            else if (schema["allOf"] is JsonArray { Count: 1 } all)
                schema = (JsonObject)all[0]!;
            else break;
        }
        return schema;
    }

    /// <summary>JSON paths of properties in <paramref name="value"/> that the schema does not document (OWASP API3).</summary>
    public IEnumerable<string> Undocumented(JsonElement value, JsonObject schema, string path = "$")
    {
        schema = Resolve(schema);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when schema["properties"] is JsonObject properties:
                foreach (var property in value.EnumerateObject())
                {
                    if (properties[property.Name] is JsonObject inner)
                        foreach (var p in Undocumented(property.Value, inner, $"{path}.{property.Name}")) yield return p;
                    else if (schema["additionalProperties"] is not JsonObject) yield return $"{path}.{property.Name}";
                }
                break;
            case JsonValueKind.Object when schema["additionalProperties"] is JsonObject additional:
                foreach (var property in value.EnumerateObject())
                    foreach (var p in Undocumented(property.Value, additional, $"{path}.{property.Name}")) yield return p;
                break;
            case JsonValueKind.Array when schema["items"] is JsonObject items:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                    foreach (var p in Undocumented(item, items, $"{path}[{i++}]")) yield return p;
                break;
        }
    }

    /// <summary>Every operation of every document the Host serves (the kernel's and one per enabled pack).</summary>
    public static async Task<List<ApiOperation>> LoadAsync(SupervisionApp app)
    {
        var documents = new List<string> { "kernel" };
        documents.AddRange(app.Services.GetRequiredService<PackCatalog>().Packs.Select(p => p.Manifest.Id));
        using var client = app.CreateClient();
        var result = new List<ApiOperation>();
        foreach (var document in documents)
        {
            var root = (JsonObject)JsonNode.Parse(await client.GetStringAsync($"/swagger/{document}/swagger.json"))!;
            foreach (var (path, item) in root["paths"]!.AsObject())
                foreach (var (method, operation) in item!.AsObject())
                    if (operation is JsonObject op && op["operationId"] is { } id)
                        result.Add(new ApiOperation(document, method.ToUpperInvariant(), path, id.GetValue<string>(), op, root));
        }
        return result;
    }
}

/// <summary>Figures of the reliability suites, printed to the test output and appended to <c>reliability-figures.txt</c> beside the test assembly.</summary>
public static class Figures
{
    private static readonly Lock Gate = new();

    public static void Record(ITestOutputHelper output, string line)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = $"{DateTime.UtcNow:O} {(LongTests.Enabled ? "long" : "default")} {line}";
        output.WriteLine(text);
        lock (Gate) File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "reliability-figures.txt"), text + Environment.NewLine);
    }
}
