using Microsoft.AspNetCore.Hosting;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Events;

/// <summary>
/// The Host with webhook delivery tuned for tests: loopback targets allowed (the receiver runs on 127.0.0.1), a short
/// poll, back-off from 200 ms and four attempts before the dead-letter list.
/// </summary>
public sealed class EventsApp : SupervisionApp
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:PollMilliseconds"] = "50",
        ["Webhooks:RetryBaseMilliseconds"] = "200",
        ["Webhooks:MaxAttempts"] = "4",
        ["Webhooks:TimeoutSeconds"] = "5",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }
}
