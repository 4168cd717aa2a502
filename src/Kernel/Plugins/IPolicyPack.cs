using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// The entry point of a policy pack: exactly one public, parameterless class per pack assembly implements it.
/// The Host finds it after reading the manifest, checks that its id matches, adds its rules to the catalogue,
/// hands its assembly to FastEndpoints (endpoints and validators) and Scrutor (extension points:
/// every non-abstract class implementing a kernel extension-point interface is registered as a singleton), and calls
/// <see cref="ConfigureServices"/> so the pack registers its own services.
/// </summary>
public interface IPolicyPack
{
    /// <summary>The pack id; equals the manifest's id.</summary>
    string Id { get; }

    /// <summary>
    /// The prefix of the pack's rule ids (<c>gd</c>; <c>bj</c> for pack <c>bj-etdz</c>, as RULES.md names them).
    /// Every rule id of the pack starts with this prefix and a dot.
    /// </summary>
    string RulePrefix { get; }

    /// <summary>Every rule of the pack's source documents, with ids prefixed <c>{RulePrefix}.</c>.</summary>
    IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>Sub-jurisdictions the pack adds below its province (cities, zones).</summary>
    IReadOnlyList<JurisdictionDefinition> Jurisdictions { get; }

    /// <summary>
    /// Registers the pack's own services (its deciders' helpers, stores, jobs) in the Host's container, once, when the
    /// Host loads the pack and before the container is built: <c>services.AddScoped&lt;LearningYearCloser&gt;()</c>,
    /// <c>services.AddHostedService&lt;MyJob&gt;()</c>. <paramref name="configuration"/> is the Host's (read the pack's
    /// own section, e.g. <c>configuration.GetSection("Packs:yn")</c>). Nothing by default. Extension points, endpoints,
    /// validators, DbContexts and hosted services are found by the Host's scans and need no registration here.
    /// (Contract 2.0.)
    /// </summary>
    /// <param name="services">The Host's service collection.</param>
    /// <param name="configuration">The Host's configuration.</param>
    void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}

/// <summary>A node the kernel or a pack adds to the jurisdiction tree.</summary>
/// <param name="Code">The code (<c>44.A</c>).</param>
/// <param name="Name">Name in Chinese and English.</param>
/// <param name="Note">Remark (e.g. why a code is kept though not in GB/T 2260), or null.</param>
public sealed record JurisdictionDefinition(string Code, LocalizedText Name, string? Note = null);
