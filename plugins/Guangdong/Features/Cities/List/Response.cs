using SupervisionCore.Kernel;

namespace SupervisionCore.Plugins.Guangdong.Features.Cities.List;

/// <summary>The 21 cities of Guangdong with their card letters.</summary>
public sealed class Response
{
    /// <summary>The cities in the order of GD annex 1 table 3.</summary>
    public required IReadOnlyList<CityItem> Cities { get; init; }
}

/// <summary>One city.</summary>
public sealed class CityItem
{
    /// <summary>Card letter (position 6 of an external card).</summary>
    /// <example>A</example>
    public required string Letter { get; init; }

    /// <summary>Jurisdiction code (<c>44.A</c>).</summary>
    /// <example>44.A</example>
    public required string Jurisdiction { get; init; }

    /// <summary>Name in Chinese and English.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Shape of the city's external card numbers (<c>R44yyA</c> + 3-digit serial).</summary>
    /// <example>R44yyA</example>
    public required string CardPrefixHint { get; init; }
}
