using System.Net;
using System.Text.Json;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Supervision;

/// <summary>A draw's response is compact; its pool, exclusions and whole ranking are at the transcript link it carries.</summary>
internal static class DrawTranscripts
{
    public static async Task<JsonElement> TranscriptAsync(this HttpClient client, JsonElement draw)
    {
        var link = draw.GetProperty("transcript").GetString()!;
        link.ShouldBe($"/api/v1/draws/{draw.GetProperty("id").GetGuid()}/transcript");
        using var response = await client.GetAsync(link);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}
