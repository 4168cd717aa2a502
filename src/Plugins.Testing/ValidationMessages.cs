using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Kernel;

namespace SupervisionCore.Plugins.Testing;

/// <summary>
/// Reads every message of a pack's validators in English and in Chinese: a message of the pack's own must be given in
/// both (<c>WithMessage(zh, en)</c> of SupervisionCore.Plugins.AspNetCore's <c>PackValidation</c>, which keeps the pair
/// as the rule's custom state); FluentValidation's own messages are in both already. The conformance kit runs it on a
/// pack's validators it can construct; a test with the pack's services at hand (a Host test) calls
/// <see cref="Inspect(string, IValidator, ICollection{string})"/> on the others.
/// </summary>
public static class ValidationMessages
{
    /// <summary>The problems found in every validator of <paramref name="assembly"/> that can be made without the Host's services, how many messages were given as a pair, and the validators skipped.</summary>
    public static (List<string> Problems, int Pairs, List<string> Skipped) Inspect(Assembly assembly, IReadOnlyDictionary<string, string?> configuration)
    {
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build())
            .BuildServiceProvider();
        var problems = new List<string>();
        var skipped = new List<string>();
        var pairs = 0;
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var type in Types(assembly).Where(t => t is { IsAbstract: false, ContainsGenericParameters: false } && typeof(IValidator).IsAssignableFrom(t)))
            {
                IValidator validator;
                try { validator = (IValidator)ActivatorUtilities.CreateInstance(services, type); }
                catch (InvalidOperationException) { skipped.Add(type.FullName!); continue; } // needs a service of the Host: checked by the Host's own tests
                pairs += Inspect(type.FullName!, validator, problems);
            }
        }
        finally { CultureInfo.CurrentUICulture = previous; }
        return (problems, pairs, skipped);
    }

    /// <summary>
    /// Checks every message of <paramref name="target"/> (and of its child validators): each of the pack's own messages is
    /// a Chinese/English pair sent as given, Chinese first; FluentValidation's own messages have their Chinese text.
    /// Adds what is wrong to <paramref name="problems"/>, each prefixed with <paramref name="where"/>; returns how many
    /// pairs were found.
    /// </summary>
    public static int Inspect(string where, IValidator target, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(problems);
        var pairs = 0;
        foreach (var member in target.CreateDescriptor().GetMembersWithValidators())
            foreach (var (validator, component) in member)
            {
                var at = $"{where}.{member.Key}";
                if (validator is IChildValidatorAdaptor)
                {
                    if (ChildOf(validator) is { } child) pairs += Inspect(at, child, problems);
                    continue;
                }
                string en, zh, standard;
                try
                {
                    CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
                    en = component.GetUnformattedErrorMessage();
                    standard = validator.GetDefaultMessageTemplate(component.ErrorCode);
                    CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
                    zh = component.GetUnformattedErrorMessage();
                }
                catch (Exception ex) when (ex is NullReferenceException or InvalidCastException)
                {
                    problems.Add($"{at}: a message built from the request cannot be checked; give it in both languages with WithMessage(zh, en)");
                    continue;
                }
                if (StateOf(component) is { } pair)
                {
                    pairs++;
                    if (en != pair.En || zh != pair.Zh) problems.Add($"{at}: the message sent is not the pair's ({en} / {zh})");
                    if (Chinese(pair.En) >= Chinese(pair.Zh)) problems.Add($"{at}: Chinese first, then English: (\"{pair.Zh}\", \"{pair.En}\")");
                }
                else if (en != standard) problems.Add($"{at}: \"{en}\" has no Chinese text: give both, WithMessage(zh, en)");
                else if (en == zh || Chinese(zh) == 0) problems.Add($"{at}: FluentValidation's message \"{en}\" has no Chinese text: give one, WithMessage(zh, en)");
            }
        return pairs;
    }

    /// <summary>The component's custom state when it is a message pair (PackValidation's provider ignores the instance).</summary>
    private static LocalizedText? StateOf(IRuleComponent component)
    {
        if (component.GetType().GetProperty("CustomStateProvider")?.GetValue(component) is not Delegate provider) return null;
        var args = component.GetType().GetGenericArguments(); // RuleComponent<T, TProperty>
        if (args.Length != 2) return null;
        var context = Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(args[0]), RuntimeHelpers.GetUninitializedObject(args[0]));
        try { return provider.DynamicInvoke(context, args[1].IsValueType ? Activator.CreateInstance(args[1]) : null) as LocalizedText; }
        catch (TargetInvocationException) { return null; } // a state built from the request: not a message pair
    }

    /// <summary>The fixed validator of a ChildRules/SetValidator adaptor (a private field: FluentValidation gives it only per value).</summary>
    private static IValidator? ChildOf(IPropertyValidator adaptor) =>
        adaptor.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic).Select(f => f.GetValue(adaptor)).OfType<IValidator>().FirstOrDefault();

    private static int Chinese(string text) => text.Count(c => c is >= '\u4e00' and <= '\u9fff');

    private static Type[] Types(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException ex) { return [.. ex.Types.Where(t => t is not null)!]; }
    }
}
