using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SupervisionCore.Host.Infrastructure;

/// <summary>
/// The phases of one slow operation (a draw), timed back to back: each <see cref="Mark"/> closes the phase that ran since
/// the previous mark. Rendered for a log line or as an HTTP <c>Server-Timing</c> header.
/// </summary>
public sealed class PhaseTimings
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Name, double Ms)> _phases = [];
    private double _last;

    /// <summary>Ends the phase <paramref name="name"/> now.</summary>
    public void Mark(string name)
    {
        var now = _watch.Elapsed.TotalMilliseconds;
        _phases.Add((name, now - _last));
        _last = now;
    }

    /// <summary>The phases so far as <c>name;dur=ms</c> entries (RFC-less but de facto: W3C Server Timing).</summary>
    public string ServerTiming() =>
        string.Join(", ", _phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name};dur={p.Ms:F1}")));

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var (name, ms) in _phases) sb.Append(CultureInfo.InvariantCulture, $"{name} {ms:F0} ms, ");
        return sb.Append(CultureInfo.InvariantCulture, $"total {_last:F0} ms").ToString();
    }
}
