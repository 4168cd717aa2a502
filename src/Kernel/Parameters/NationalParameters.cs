using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Parameters;

/// <summary>
/// The kernel's parameters (pack key <c>cn</c>). None yet, by reading: CN 53号 sets no filing period (第十条 requires the
/// report without a deadline, <c>FilingDeadlines</c>), and its numbers — a 3-year term and at most three terms (第八条), a
/// special group of at least 3 (第十五条) — bind every province as the national text's own terms, which a province may not
/// revise; a revision of 53号 itself would be a new rule version. The catalogue exists so national parameters have a home
/// (<c>/api/v1/regions/cn/parameters</c>) when a revision makes one.
/// </summary>
public sealed class NationalParameters : IParameterCatalogue
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <summary>Every national parameter.</summary>
    public static IReadOnlyList<ParameterDefinition> All { get; } = [];

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> Parameters => All;
}
