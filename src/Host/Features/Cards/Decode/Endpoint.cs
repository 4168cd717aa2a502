using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Cards;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Cards.Decode;

public sealed class Request
{
    /// <summary>The card number as printed (<c>R44250001</c>, <c>Y440123250001</c>).</summary>
    public string Number { get; set; } = string.Empty;
}

/// <summary>The issuer a number names: its code and, when the registry knows it, its id and name.</summary>
public sealed record IssuerDto(string Code, string? Id, TextDto? Name);

/// <summary>A number taken apart by the scheme it belongs to.</summary>
/// <param name="Number">The number (trimmed).</param>
/// <param name="Kind">external | internal.</param>
/// <param name="Scheme">Scheme id (<c>cn.external</c>, <c>gd.external</c>).</param>
/// <param name="Rule">The format rule of the scheme (<c>cn.card.external-format</c>).</param>
/// <param name="Pack">The pack providing the scheme (<c>cn</c> for the national ones).</param>
/// <param name="ClassLetter">证卡类别代码: R, H, Y or S.</param>
/// <param name="ClassName">Name of an internal class letter (表5), null for external cards.</param>
/// <param name="Issuer">证卡颁发机构: code, and id and name when the registry knows it.</param>
/// <param name="Year">Four-digit issue year.</param>
/// <param name="Serial">证卡序列码.</param>
/// <param name="AllocationKey">The serial sequence (scheme/issuer/year).</param>
/// <param name="Parts">Sub-parts a pack scheme adds (its allocation issuer, e.g. a city letter), keyed by name.</param>
/// <param name="Details">Named parts a pack scheme reads out, with what they mean (GD: <c>city</c> = <c>44.A</c>, 广州市).</param>
public sealed record Response(
    string Number, string Kind, string Scheme, string Rule, string Pack, char ClassLetter, TextDto? ClassName, IssuerDto Issuer,
    int Year, int Serial, string AllocationKey, IReadOnlyDictionary<string, string>? Parts, IReadOnlyList<CardPartDto>? Details = null);

/// <summary>A named part of a number (<c>city</c>: <c>44.A</c>, 广州市 / Guangzhou).</summary>
public sealed record CardPartDto(string Key, string Value, TextDto? Name);

public sealed class Endpoint(CardSchemes schemes, SupervisionDbContext db) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/card-numbers/{number}");
        Description(b => b.WithName("cards.decode").Produces<Response>(200).ProducesProblem(422));
        Tags("cards");
        Summary(s => { s.Summary = "Decode a card number"; s.Description = "按其所属编码规则解析证卡编号：类别、类别代码、颁发机构（代码与名称）、年份、序列码；格式错误时返回422并指出每个错误位置。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var decoded = schemes.Decode(req.Number);
        if (!decoded.Succeeded) { await Send.ResultAsync(Problems.Violations(decoded.Outcome.Violations)); return; }
        var (scheme, number, national) = decoded.Value;
        var internalCard = number.Kind == SupervisorKind.Internal;
        var code = national?.IssuerCode ?? (internalCard && number.AllocationKey.Issuer.Length > 1 ? number.AllocationKey.Issuer[1..] : number.AllocationKey.Issuer);
        var issuer = await FindIssuerAsync(internalCard, number.Value[0], code, ct)
            ?? new IssuerDto(code, null, national?.IssuerName is { } n ? TextDto.From(n) : null);
        Dictionary<string, string>? parts = national is null ? new() { ["allocationIssuer"] = number.AllocationKey.Issuer } : null;
        var details = scheme.Describe(number);
        foreach (var d in details) (parts ??= [])[d.Key] = d.Value;
        await Send.OkAsync(new Response(number.Value, CardKinds.ToText(number.Kind), number.AllocationKey.Scheme, scheme.Rule.Id, scheme.PackId,
            number.Value[0], internalCard && NationalInternalCardScheme.ClassName(number.Value[0]) is { } c ? TextDto.From(c) : null,
            issuer, number.Year, number.Serial, number.AllocationKey.ToString(), parts,
            details.Count == 0 ? null : [.. details.Select(d => new CardPartDto(d.Key, d.Value, d.Name is { } n ? TextDto.From(n) : null))]), ct);
    }

    /// <summary>
    /// The registry's issuer for a code: an authority (external cards; H internal cards of an industry department) or the
    /// one institution of the class with that internal issuer code. Null when none or several match (a province-filed
    /// code is unique only within its province).
    /// </summary>
    private async Task<IssuerDto?> FindIssuerAsync(bool internalCard, char classLetter, string code, CancellationToken ct)
    {
        var authorities = await db.Authorities.AsNoTracking()
            .Where(a => internalCard ? a.Kind == "industry-department" && a.CardIssuerCode == code
                                     : a.Kind != "industry-department" && (a.CardIssuerCode == code || a.Id == code))
            .Take(2).ToListAsync(ct);
        if (authorities.Count == 1 && (!internalCard || classLetter == 'H'))
            return new IssuerDto(code, authorities[0].Id, new TextDto(authorities[0].NameZh, authorities[0].NameEn));
        if (!internalCard) return null;
        var kind = classLetter switch { 'Y' => "employer", 'S' => "social-org", _ => "industry" };
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.InternalIssuerCode == code && i.Kind == kind).Take(2).ToListAsync(ct);
        return institutions.Count == 1 ? new IssuerDto(code, institutions[0].Id.ToString(), new TextDto(institutions[0].Name, institutions[0].Name)) : null;
    }
}
