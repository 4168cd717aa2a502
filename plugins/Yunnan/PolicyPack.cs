using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Yunnan.Features.Learning;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Yunnan;

/// <summary>The Yunnan policy pack (<c>yn</c>, jurisdiction 53; adds no sub-jurisdictions).</summary>
public sealed class PolicyPack : IPolicyPack
{
    /// <inheritdoc />
    public string Id => YunnanRules.PackId;

    /// <inheritdoc />
    public string RulePrefix => "yn";

    /// <inheritdoc />
    public IReadOnlyList<RuleDescriptor> Rules => YunnanRules.All;

    /// <inheritdoc />
    public IReadOnlyList<JurisdictionDefinition> Jurisdictions => [];

    /// <summary>
    /// The pack's own services: the learning-year closer (used by the close endpoint and the scheduled job, scoped like the
    /// pack's DbContext) and the job itself (<c>Packs:yn:LearningYearClose</c>).
    /// </summary>
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<LearningYearCloser>();
        services.AddHostedService<LearningYearCloseJob>();
    }
}
