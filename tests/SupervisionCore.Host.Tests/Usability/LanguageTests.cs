using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Usability;

/// <summary>Every form of every enabled pack (and the national one) has English for every title, item, option and signature.</summary>
public sealed partial class LanguageTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Fact]
    public async Task Every_form_text_has_an_english_version_without_chinese_characters()
    {
        using var client = app.CreateClient(await app.AdminTokenAsync());
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var list = await (await client.GetAsync("/api/v1/forms")).ReadJsonAsync();
        var ids = (list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items")).EnumerateArray()
            .Select(f => f.TryGetProperty("id", out var id) ? id.GetString() : f.GetProperty("form").GetProperty("id").GetString()).Distinct().ToList();
        ids.Count.ShouldBeGreaterThanOrEqualTo(4);
        ids.ShouldContain(i => i!.StartsWith("gd.", StringComparison.Ordinal));
        ids.ShouldContain(i => i!.StartsWith("bj-etdz.", StringComparison.Ordinal));

        var missing = new List<string>();
        var texts = 0;
        foreach (var id in ids)
        {
            var form = await (await client.GetAsync($"/api/v1/forms/{id}")).ReadJsonAsync();
            Walk(form, id!, missing, ref texts);
        }
        texts.ShouldBeGreaterThan(50);
        missing.ShouldBeEmpty();
    }

    /// <summary>Every {zh, en} pair below <paramref name="node"/> (citations excepted: they name Chinese documents) has English text without Chinese characters.</summary>
    private static void Walk(JsonElement node, string path, List<string> missing, ref int texts)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object when node.TryGetProperty("zh", out var zh) && zh.ValueKind == JsonValueKind.String:
                texts++;
                var en = node.TryGetProperty("en", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                if (string.IsNullOrWhiteSpace(en) || Han().IsMatch(en)) missing.Add($"{path}: '{zh.GetString()}' → '{en}'");
                break;
            case JsonValueKind.Object:
                foreach (var p in node.EnumerateObject())
                    if (p.Name != "citation") Walk(p.Value, $"{path}.{p.Name}", missing, ref texts);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in node.EnumerateArray()) Walk(item, $"{path}[{i++}]", missing, ref texts);
                break;
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
