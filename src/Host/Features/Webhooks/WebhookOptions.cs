namespace SupervisionCore.Host.Features.Webhooks;

/// <summary>Settings of webhook delivery (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Allow targets on loopback, private, link-local, unique-local and CGNAT addresses (tests, closed networks). Default false (SSRF).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Run the delivery worker on this Host. Default true; every Host may run it (one delivers each event).</summary>
    public bool DeliveryEnabled { get; set; } = true;

    /// <summary>Time between delivery rounds when there was nothing to do.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>Attempts before a delivery goes to the dead-letter list.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>First retry delay; each further retry doubles it, up to <see cref="RetryMaxSeconds"/>.</summary>
    public int RetryBaseMilliseconds { get; set; } = 5000;

    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary>Time a receiver has to answer one delivery.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The delay before attempt <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan Backoff(int failedAttempts)
    {
        var ms = RetryBaseMilliseconds * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        return TimeSpan.FromMilliseconds(Math.Min(ms, RetryMaxSeconds * 1000.0));
    }
}
