using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Registry;

/// <summary>Helpers of the card tests: issuing through the API, and real tokens for people (institution operators).</summary>
internal static class CardTestSupport
{
    public static Task<HttpResponseMessage> IssueAsync(this HttpClient client, Guid supervisorId, string issuedOn, string? authorityId = null) =>
        client.PostJsonAsync($"/api/v1/supervisors/{supervisorId}/cards", new { issuedOn, authorityId });

    public static async Task<string> IssuedNumberAsync(this HttpClient client, Guid supervisorId, string issuedOn, string? authorityId = null)
    {
        var response = await client.IssueAsync(supervisorId, issuedOn, authorityId);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("number").GetString()!;
    }

    public static IEnumerable<string> Rules(this JsonElement problem) =>
        problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()!);

    public static async Task<T> DbAsync<T>(this SupervisionApp app, Func<SupervisionDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SupervisionDbContext>());
    }
}
