using System.Globalization;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
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
/// <param name="ValidUntil">Last day of validity (issue date + 3 years − 1 day).</param>
/// <param name="Holder">The holder's name with all but the first character masked (张*, 欧阳**).</param>
public sealed record Response(string Number, string Status, string Issuer, DateOnly ValidFrom, DateOnly ValidUntil, string Holder);

public sealed class Endpoint(SupervisionDbContext db, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/public/cards/{number}");
        AllowAnonymous();
        Options(x => x.RequireRateLimiting(RateLimits.Public));
        Description(b => b.WithName("public.cards.verify").Produces<Response>(200).ProducesProblem(404).ProducesProblem(429));
        Tags("public");
        Summary(s => { s.Summary = "Verify a card (anonymous)"; s.Description = "公开查验证卡：返回状态（有效、过期、暂停、收回）、颁发机构、有效期和脱敏姓名，不含任何其他个人信息；按客户端IP限流。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var number = req.Number.Trim();
        var card = await db.Cards.AsNoTracking().Where(c => c.Number == number)
            .Join(db.Supervisors, c => c.SupervisorId, s => s.Id, (c, s) => new { c.SupervisorId, c.IssuerId, c.IssuedOn, c.ValidUntil, c.WithdrawnOn, s.Name })
            .SingleOrDefaultAsync(ct);
        if (card is null) { await Send.ResultAsync(Problems.NotFound($"card {number} not found")); return; }
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var suspensions = await db.SupervisorSanctions.AsNoTracking()
            .Where(s => s.SupervisorId == card.SupervisorId && s.Measure == "suspension" && s.SuspendedFrom != null)
            .Select(s => new { From = s.SuspendedFrom!.Value, Until = s.SuspendedUntil ?? DateOnly.MaxValue }).ToListAsync(ct);
        var status = CardValidity.StatusOn(card.ValidUntil, card.WithdrawnOn, suspensions.Select(s => (s.From, s.Until)), today);
        await Send.OkAsync(new Response(number, Text(status), await IssuerNameAsync(card.IssuerId, ct), card.IssuedOn, card.ValidUntil, Mask(card.Name)), ct);
    }

    private async Task<string> IssuerNameAsync(string issuerId, CancellationToken ct)
    {
        var zh = !CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);
        if (Guid.TryParse(issuerId, out var institutionId))
            return await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.Name).SingleOrDefaultAsync(ct) ?? issuerId;
        var a = await db.Authorities.AsNoTracking().SingleOrDefaultAsync(x => x.Id == issuerId, ct);
        return a is null ? issuerId : zh ? a.NameZh : a.NameEn;
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
