using System.Globalization;
using FastEndpoints;
using SupervisionCore.Host.Cards;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Cards;

namespace SupervisionCore.Host.Features.Cards.Verify;

public sealed class Request
{
    /// <summary>The card number as printed.</summary>
    public string Number { get; set; } = string.Empty;
}

/// <summary>What anyone may learn about a card: nothing that identifies the holder beyond the masked name.</summary>
/// <param name="Number">The number asked about.</param>
/// <param name="Status">valid | expired | suspended | withdrawn (today, China time).</param>
/// <param name="Issuer">The issuer's name.</param>
/// <param name="ValidFrom">Issue date.</param>
/// <param name="ValidUntil">Last day of validity; 9999-12-31 for no expiry of its own (the national reading; BJ internal cards: issue date + 3 years − 1 day).</param>
/// <param name="Holder">The holder's name with all but the first character masked (张*, 欧阳**).</param>
public sealed record Response(string Number, string Status, string Issuer, DateOnly ValidFrom, DateOnly ValidUntil, string Holder);

public sealed class Endpoint(SupervisionDbContext db, CardSchemes schemes, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/public/cards/{number}");
        AllowAnonymous();
        Options(x => x.RequireRateLimiting(RateLimits.Public));
        Description(b => b.WithName("public.cards.verify").Produces<Response>(200).ProducesProblem(404).ProducesProblem(422).ProducesProblem(429));
        Tags("public");
        Summary(s => { s.Summary = "Verify a card (anonymous)"; s.Description = "公开查验证卡：返回状态（有效、过期、暂停、收回）、颁发机构、有效期和脱敏姓名，不含任何其他个人信息；编号本身不符合任何编码规则时返回422并指出错误位置（如广东外督证卡第6位城市字母，gd.card.external-format）；按客户端IP限流。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var number = req.Number.Trim();
        var card = await CardVerification.LoadAsync(db, number, ct);
        if (card is null)
        {
            // A number no scheme can have written is a format fault of the number (which position), not an unknown card.
            var decoded = schemes.Decode(number);
            await Send.ResultAsync(decoded.Succeeded ? Problems.NotFound($"card {number} not found") : Problems.Violations(decoded.Outcome.Violations));
            return;
        }
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var status = CardValidity.StatusOn(card.ValidUntil, card.WithdrawnOn, card.Suspensions, today);
        await Send.OkAsync(new Response(number, Text(status), IssuerName(card), card.IssuedOn, card.ValidUntil, Mask(card.HolderName)), ct);
    }

    /// <summary>An institution's name, or the authority's in the request's language; the id when neither is known.</summary>
    private static string IssuerName(CardFacts card)
    {
        if (Guid.TryParse(card.IssuerId, out _)) return card.InstitutionName ?? card.IssuerId;
        var zh = !CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);
        return (zh ? card.AuthorityNameZh : card.AuthorityNameEn) ?? card.IssuerId;
    }

    private static string Text(CardStatus status) => status switch
    {
        CardStatus.Valid => "valid",
        CardStatus.Expired => "expired",
        CardStatus.Suspended => "suspended",
        _ => "withdrawn",
    };

    /// <summary>Keeps the first character (a surname's first character), masks every other one: 张三 → 张*, 欧阳修远 → 欧***.</summary>
    public static string Mask(string name)
    {
        var elements = StringInfo.GetTextElementEnumerator(name.Trim());
        var first = elements.MoveNext() ? (string)elements.Current : string.Empty;
        var rest = 0;
        while (elements.MoveNext()) rest++;
        return first + new string('*', rest);
    }
}
