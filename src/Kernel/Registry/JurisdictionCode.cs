using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SupervisionCore.Kernel.Registry;

/// <summary>
/// A node of the jurisdiction tree: <c>CN</c> (national) → a province by its GB/T 2260 two-digit code
/// (<c>44</c>) → a sub-jurisdiction (city or zone) written <c>province.suffix</c> (<c>44.A</c>, <c>11.ETDZ</c>).
/// A principal sees and changes only its own subtree.
/// </summary>
public readonly partial record struct JurisdictionCode
{
    /// <summary>The national root.</summary>
    public static readonly JurisdictionCode National = new("CN");

    private JurisdictionCode(string value) => Value = value;

    /// <summary>The canonical text (<c>CN</c>, <c>44</c>, <c>44.A</c>).</summary>
    public string Value { get; }

    /// <summary>True for the national root.</summary>
    public bool IsNational => Value == "CN";

    /// <summary>True for a sub-jurisdiction below a province.</summary>
    public bool IsSubJurisdiction => Value.Length > 2 && Value[2] == '.';

    /// <summary>The two-digit province code, or null for the national root.</summary>
    public string? Province => IsNational ? null : Value[..2];

    /// <summary>The parent node (<c>44.A</c> → <c>44</c> → <c>CN</c>); the root is its own parent.</summary>
    public JurisdictionCode Parent => IsSubJurisdiction ? new(Value[..2]) : National;

    /// <summary>Parses a code, accepting lower case (<c>cn</c>, <c>44.a</c>).</summary>
    public static JurisdictionCode Parse(string value) =>
        TryParse(value, out var code) ? code : throw new FormatException($"'{value}' is not a jurisdiction code (CN, 44, 44.A).");

    /// <summary>Tries to parse a code.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out JurisdictionCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 24) return false;
        var upper = value.Trim().ToUpperInvariant();
        if (!Shape().IsMatch(upper)) return false;
        code = new JurisdictionCode(upper);
        return true;
    }

    /// <summary>True when <paramref name="other"/> is this node or below it.</summary>
    public bool Contains(JurisdictionCode other)
    {
        if (Value is null || other.Value is null) return false;
        if (IsNational || Value == other.Value) return true;
        return !IsSubJurisdiction && other.IsSubJurisdiction && other.Value.StartsWith(Value + ".", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    [GeneratedRegex(@"^(CN|\d{2}|\d{2}\.[A-Z0-9][A-Z0-9-]{0,15})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
