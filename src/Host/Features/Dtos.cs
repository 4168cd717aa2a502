using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features;

/// <summary>A text in both languages.</summary>
public sealed record TextDto(string Zh, string En)
{
    public static TextDto From(LocalizedText t) => new(t.Zh, t.En);
}

/// <summary>A rule of the catalogue as clients see it.</summary>
public sealed record RuleDto(
    string Id, TextDto Title, string Citation, string ArticleZh, string SourceDocument, string Jurisdiction, string Pack,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo)
{
    public static RuleDto From(RuleDescriptor r) => new(
        r.Id, TextDto.From(r.Title), r.Citation.ToString(), r.Citation.ArticleZh, r.Citation.Document,
        r.Jurisdiction.Value, r.Pack, r.EffectiveFrom, r.EffectiveTo);

    /// <summary>The policy parameters the rule's decisions read, each with its history (absent when it reads none; docs/parameters.md).</summary>
    public IReadOnlyList<Parameters.RuleParameterDto>? Parameters { get; init; }
}

/// <summary>A source regulation.</summary>
public sealed record SourceDocumentDto(string Code, TextDto Title, string Reference, DateOnly? IssuedOn)
{
    public static SourceDocumentDto From(SourceDocument d) => new(d.Code, TextDto.From(d.Title), d.Reference, d.IssuedOn);
}

/// <summary>A list of items (the catalogue endpoints return everything; registry lists page).</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, int Count);
