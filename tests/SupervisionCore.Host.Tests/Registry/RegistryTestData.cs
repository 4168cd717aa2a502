using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Registry;

/// <summary>Helpers shared by the institution and sanction tests.</summary>
internal static class RegistryTestData
{
    private static int _filing = Random.Shared.Next(0, 50_000);

    /// <summary>A province-filed 6-digit number no other test of this run uses.</summary>
    public static string ProvinceFilingNumber() => $"9{Interlocked.Increment(ref _filing) % 100_000:00000}";

    /// <summary>A MOHRSS-filed 4-digit number; unique within one fixture's tests of this run (9000 numbers).</summary>
    public static string MinistryFilingNumber() => $"{1000 + Interlocked.Increment(ref _filing) % 9000}";

    public static object NewInstitution(string jurisdiction = "44", string? name = null, string kind = "employer", string level = "province", string? number = null) => new
    {
        name = name ?? "评价机构 " + Guid.NewGuid().ToString("N")[..8],
        kind,
        filingNumber = number ?? (level == "province" ? ProvinceFilingNumber() : MinistryFilingNumber()),
        filingLevel = level,
        jurisdiction,
    };

    public static Task<HttpResponseMessage> PatchJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PatchAsync(url, JsonContent.Create(body));

    /// <summary>Audit actions recorded for a target, in order (read as the national admin).</summary>
    public static async Task<List<JsonElement>> AuditOfAsync(SupervisionApp app, string targetId)
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var page = await (await admin.GetAsync($"/api/v1/audit?targetId={targetId}&limit=200")).ReadJsonAsync();
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>Rows in the audit log (to show a rejected request appended nothing).</summary>
    public static async Task<int> AuditCountAsync(SupervisionApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        // Refused requests leave an access.denied entry (issue #10); a rejected request changes nothing else.
        return await scope.ServiceProvider.GetRequiredService<SupervisionDbContext>().AuditEntries.CountAsync(e => e.Action != SupervisionCore.Host.Access.AccessAudit.Action);
    }

    /// <summary>True when a 400 problem names <paramref name="field"/> in its <c>errors</c> (FastEndpoints: <c>[{name, reason}]</c>).</summary>
    public static bool NamesField(this JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.EnumerateArray().Any(e => e.GetProperty("name").GetString() == field);

    /// <summary>The reason given for a field.</summary>
    public static string ReasonFor(this JsonElement problem, string field) =>
        string.Join("; ", problem.GetProperty("errors").EnumerateArray().Where(e => e.GetProperty("name").GetString() == field).Select(e => e.GetProperty("reason").GetString()));
}
