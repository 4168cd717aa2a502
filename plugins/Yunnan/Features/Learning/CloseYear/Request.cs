using FastEndpoints;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning.CloseYear;

public sealed class Request
{
    /// <example>2025</example>
    public int Year { get; set; }
    /// <summary>Preview: judge and list, change nothing.</summary>
    /// <example>true</example>
    [QueryParam]
    public bool DryRun { get; set; }
}
