using System.Globalization;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Cards.Verify;
using SupervisionCore.Host.Features.Supervisors;
using SupervisionCore.Host.Features.Supervisors.Photo;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Cards.Face;

public sealed class Request
{
    /// <summary>The supervisor.</summary>
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid Id { get; set; }
    /// <summary>The card.</summary>
    /// <example>0193a5c4-8011-7c3d-9e4f-5a6b7c8d9e0f</example>
    public Guid CardId { get; set; }
}

/// <summary>The printable card (证卡样式): front and back, 80 × 110 mm each, with the photo.</summary>
public sealed class Endpoint(SupervisionDbContext db, PersonalData personalData, IEnumerable<ICardFace> faces) : Endpoint<Request>
{
    public override void Configure()
    {
        Get("/api/v1/supervisors/{id}/cards/{cardId}/face");
        Roles(PhotoAccess.Readers);
        Description(b => b.WithName("cards.face").Produces<string>(200, "text/html").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409));
        Tags("cards");
        Summary(s =>
        {
            s.Summary = "Print a card (80 × 110 mm, front and back)";
            s.Description = "证卡打印（证卡样式制作说明：单面宽80mm、长110mm，彩色1寸照片2.5cm×3.5cm，标题16磅黑体加粗，正文12磅）：正面照片、姓名、证卡编号、有效期限、颁证机构，" +
                            "反面标题和“（颁证机构）印制”。北京经开区内督证卡按其附件2样式（有效期限如 2022.06-2025.06）。无照片时留1寸照片框。已收回的证卡不再打印（409）。" +
                            "含照片和全名：只有管理或打印证卡者和督导员本人可取。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        var card = supervisor is null ? null : await db.Cards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == req.CardId && c.SupervisorId == supervisor.Id, ct);
        if (supervisor is null || card is null) { await Send.ResultAsync(Problems.NotFound($"card {req.CardId} of supervisor {req.Id} not found")); return; }
        if (card.WithdrawnOn is not null) { await Send.ResultAsync(Problems.Conflict(new LocalizedText("证卡已收回，不再打印", "the card is withdrawn; it is not printed"))); return; }

        var facts = await CardVerification.LoadAsync(db, card.Number, ct);
        var zh = !CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);
        var issuer = facts?.InstitutionName ?? (zh ? facts?.AuthorityNameZh : facts?.AuthorityNameEn) ?? card.IssuerId;
        var photo = await db.SupervisorPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.SupervisorId == supervisor.Id, ct);
        var dataUri = photo is null ? null : $"data:{photo.MediaType};base64,{personalData.Decrypt(photo.Cipher)}";
        var where = JurisdictionCode.Parse(card.Jurisdiction);
        var layout = faces.Where(f => f.Scope.Contains(where)).OrderByDescending(f => Depth(f.Scope)).Select(f => f.For(card.Kind, card.Scheme)).FirstOrDefault(l => l is not null)
                     ?? NationalCardFaces.For(card.Kind);
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        await Send.StringAsync(CardFaceHtml.Render(layout, new CardFaceData(supervisor.Name, card.Number, card.IssuedOn, card.ValidUntil, issuer, dataUri), CultureInfo.CurrentUICulture),
            200, "text/html; charset=utf-8", ct);
    }

    private static int Depth(JurisdictionCode code) => code.IsNational ? 0 : code.IsSubJurisdiction ? 2 : 1;
}
