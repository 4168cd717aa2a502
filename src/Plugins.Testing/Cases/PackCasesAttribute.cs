using System.Reflection;
using Xunit.Sdk;

namespace SupervisionCore.Plugins.Testing.Cases;

/// <summary>Where a conformance class keeps its case tables (implemented by <see cref="PackConformance{TPack}"/>).</summary>
internal interface ICaseSource
{
    string CasesFolder { get; }
}

/// <summary>
/// Theory data: one row (file, case name) per case of the test class's case tables, so each case shows as its own test.
/// A table that cannot be read gives one row that fails with the reason; no table at all gives one row that fails too.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PackCasesAttribute : DataAttribute
{
    /// <summary>Name used for the row when a folder has no case table.</summary>
    public const string NoTables = "(no case tables)";

    /// <summary>Name used for the row of a table that cannot be read.</summary>
    public const string Unreadable = "(unreadable)";

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var type = testMethod.ReflectedType ?? throw new InvalidOperationException("test method without a class");
        var source = (ICaseSource)Activator.CreateInstance(type)!;
        var folder = source.CasesFolder;
        var files = CaseFile.Find(folder);
        if (files.Count == 0)
        {
            yield return [folder, NoTables];
            yield break;
        }
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(folder, file);
            IReadOnlyList<Case> cases;
            try { cases = CaseFile.Read(file); }
            catch (InvalidDataException) { cases = []; }
            if (cases.Count == 0) yield return [relative, Unreadable];
            foreach (var c in cases) yield return [relative, c.Name];
        }
    }
}
