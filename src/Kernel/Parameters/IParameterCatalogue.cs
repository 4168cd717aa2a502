using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Kernel.Parameters;

/// <summary>
/// 参数目录 (parameter catalogue): the parameters a pack (or the kernel) declares, with the defaults it ships. An extension
/// point like the others (<see cref="IPackExtension"/>: the Host registers every implementation of a pack assembly); the
/// Host lists them under <c>/api/v1/regions/{pack}/parameters</c>, overlays the values administrators added and hands the
/// resulting <see cref="ParameterSet"/> to the decisions (<see cref="IParameterised{T}"/>, <see cref="IParameterSource"/>).
/// Every id starts with the pack's rule prefix; every rule id named is one of the pack's (or the kernel's) rules.
/// </summary>
public interface IParameterCatalogue : IPackExtension
{
    /// <summary>The parameters, each with at least one default value.</summary>
    IReadOnlyList<ParameterDefinition> Parameters { get; }
}

/// <summary>
/// An extension whose numbers are parameters. The Host binds each one to the parameter set of the request before it
/// judges (<see cref="With"/> returns an instance reading the dated values; the instance the Host registered reads the
/// shipped defaults), so a value added through the API applies from its date with no restart, and the rule stays pure:
/// it looks a value up by the date of the act.
/// </summary>
/// <typeparam name="T">The extension point (<c>IEligibilityRule</c>, <c>IStaffingRule</c>, …).</typeparam>
public interface IParameterised<out T>
{
    /// <summary>This extension reading <paramref name="parameters"/> (timelines of every parameter; the rule picks its own by id).</summary>
    T With(ParameterSet parameters);
}

/// <summary>
/// Where a pack's endpoint gets the parameters in force (kernel contract, implemented by the Host): the defaults of every
/// catalogue overlaid with the values added through the API, read fresh for the request (a value added on one Host applies
/// on every other one at once; values are dated, so nothing stale can apply a wrong value after its date).
/// </summary>
public interface IParameterSource
{
    /// <summary>Every parameter's timeline as stored now.</summary>
    Task<ParameterSet> CurrentAsync(CancellationToken ct);
}

/// <summary>Binding extensions to a parameter set.</summary>
public static class ParameterBinding
{
    /// <summary>Each extension bound to <paramref name="parameters"/> where it reads parameters, as it is otherwise.</summary>
    public static IReadOnlyList<T> BindTo<T>(this IEnumerable<T> extensions, ParameterSet parameters)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(extensions);
        ArgumentNullException.ThrowIfNull(parameters);
        return [.. extensions.Select(e => e is IParameterised<T> p ? p.With(parameters) : e)];
    }

    /// <summary>One extension bound to <paramref name="parameters"/> where it reads parameters.</summary>
    public static T Bind<T>(this T extension, ParameterSet parameters)
        where T : class =>
        extension is IParameterised<T> p ? p.With(parameters) : extension;
}
