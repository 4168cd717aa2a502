using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// Marker of every extension point a policy pack can fill. The Host registers every non-abstract class of a pack
/// assembly implementing it, in one scan (Scrutor: <c>AssignableTo&lt;IPackExtension&gt;().AsSelfWithInterfaces()
/// .WithSingletonLifetime()</c>), so implementations must be stateless and thread-safe.
/// </summary>
public interface IPackExtension
{
    /// <summary>The id of the pack providing this extension (<c>cn</c> for the kernel's own).</summary>
    string PackId { get; }

    /// <summary>The jurisdiction subtree where the extension applies (<c>44</c> applies in <c>44.A</c> too).</summary>
    JurisdictionCode Scope { get; }
}

/// <summary>An extension that enforces one catalogued rule; it is in force when its rule is.</summary>
public interface IRuleExtension : IPackExtension
{
    /// <summary>The rule enforced, with its id, citation and effective period (returned in every outcome).</summary>
    RuleDescriptor Rule { get; }
}

/// <summary>Choosing the extensions that govern an act.</summary>
public static class PackExtensions
{
    /// <summary>
    /// The rule extensions that apply to an act in <paramref name="where"/> on <paramref name="on"/>: scope contains the
    /// place and the rule is in force on the day of the act. National and pack rules all apply (a pack adds, it does
    /// not silently replace).
    /// </summary>
    public static IEnumerable<T> Applicable<T>(this IEnumerable<T> extensions, JurisdictionCode where, DateOnly on)
        where T : IRuleExtension =>
        extensions.Where(e => e.Scope.Contains(where) && e.Rule.IsInForceOn(on));

    /// <summary>
    /// The extension with the most specific scope containing <paramref name="where"/> (a sub-jurisdiction beats its
    /// province, a province beats CN), for extension points where exactly one implementation governs (card number
    /// scheme, fee schedule, form catalogue). Null when none applies.
    /// </summary>
    public static T? MostSpecific<T>(this IEnumerable<T> extensions, JurisdictionCode where)
        where T : IPackExtension =>
        extensions.Where(e => e.Scope.Contains(where)).OrderByDescending(e => Depth(e.Scope)).FirstOrDefault();

    private static int Depth(JurisdictionCode code) => code.IsNational ? 0 : code.IsSubJurisdiction ? 2 : 1;
}
