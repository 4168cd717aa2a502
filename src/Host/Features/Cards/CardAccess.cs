using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Cards;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Cards;

/// <summary>
/// Who may issue which card: national and province admins and centre operators for supervisors and issuers inside their
/// subtree (external and internal cards); institution operators only internal cards of their own institution's
/// supervisors, issued by that institution.
/// </summary>
internal static class CardAccess
{
    public static readonly string[] IssuingRoles = [Roles.NationalAdmin, Roles.ProvinceAdmin, Roles.CenterOperator, Roles.InstitutionOperator];

    private static bool IsInstitutionOperatorOnly(ClaimsPrincipal user) =>
        user.Has(Roles.InstitutionOperator) && !user.Has(Roles.NationalAdmin) && !user.Has(Roles.ProvinceAdmin) && !user.Has(Roles.CenterOperator);

    /// <summary>
    /// True when the caller sees the supervisor (else the answer is 404, not leaking existence). The supervisor's jurisdiction
    /// must be inside the caller's for every role: an institution claim alone (a grant made before it was checked, or an external
    /// IdP's) never reaches another province.
    /// </summary>
    public static bool CanSee(ClaimsPrincipal user, Supervisor s) =>
        JurisdictionCode.TryParse(s.Jurisdiction, out var j) && user.CanAccess(j)
        && (!IsInstitutionOperatorOnly(user) || (s.InstitutionId is { } i && user.FindFirstValue(SupervisionClaims.Institution) == i.ToString()));

    /// <summary>Null when the caller may issue cards of <paramref name="kind"/> by <paramref name="issuer"/>; else the 403 reason.</summary>
    public static LocalizedText? CheckIssuer(ClaimsPrincipal user, SupervisorKind kind, CardIssuerInfo issuer)
    {
        if (IsInstitutionOperatorOnly(user))
            return kind == SupervisorKind.Internal && issuer.InstitutionId is { } i && user.FindFirstValue(SupervisionClaims.Institution) == i.ToString()
                && user.CanAccess(issuer.Jurisdiction)
                ? null
                : new LocalizedText("评价机构操作员只能为本机构的内督颁发本机构的内督证卡", "An institution operator issues only its own institution's internal cards");
        return user.CanAccess(issuer.Jurisdiction)
            ? null
            : new LocalizedText($"颁发机构不在本辖区（{issuer.Jurisdiction.Value}）范围内", $"The issuer ({issuer.Jurisdiction.Value}) is outside your jurisdiction");
    }
}

/// <summary>A card as issued.</summary>
/// <param name="Id" example="0193a5c4-8011-7c3d-9e4f-5a6b7c8d9e0f">Card id.</param>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The holder.</param>
/// <param name="Number" example="R44250012">Card number (证卡编号).</param>
/// <param name="Kind" example="external">external | internal.</param>
/// <param name="Scheme" example="gd.external">Numbering scheme (kernel or pack).</param>
/// <param name="AllocationKey" example="gd.external/44/2025">Serial counter the number was drawn from.</param>
/// <param name="Serial" example="12">Serial within the allocation key.</param>
/// <param name="IssuerId" example="44">Issuing authority or institution id.</param>
/// <param name="IssuedOn" example="2025-06-01">Date of issue.</param>
/// <param name="ValidUntil" example="9999-12-31">Last valid day; 9999-12-31 when the card has no expiry of its own (nationally; a pack such as BJ gives its cards a period).</param>
public sealed record IssuedCardDto(Guid Id, Guid SupervisorId, string Number, string Kind, string Scheme, string AllocationKey, int Serial,
    string IssuerId, DateOnly IssuedOn, DateOnly ValidUntil);

/// <summary>One supervisor refused in a batch: the violated rules, and the valid card of that kind already held.</summary>
public sealed record SupervisorRefusalDto(Guid SupervisorId, IReadOnlyList<ViolationDto> Violations, string? HeldCard);

/// <summary>Problem bodies written as text (batch answers are stored for idempotent replay byte for byte).</summary>
internal static class CardProblems
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static string L(LocalizedText t) => t.Get(CultureInfo.CurrentUICulture);

    public static ViolationDto Dto(Violation v) => new(v.Rule, v.Citation, L(v.Message));

    /// <summary>422 naming every violated rule, and each refused supervisor when there are any.</summary>
    public static string Refusal(IEnumerable<Violation> violations, IReadOnlyList<CardRefusal>? supervisors = null)
    {
        var list = violations.Select(Dto).ToList();
        var refused = supervisors?.Select(s => new SupervisorRefusalDto(s.SupervisorId, [.. s.Violations.Select(Dto)], s.HeldCard)).ToList();
        if (refused is not null)
            list.AddRange(refused.SelectMany(r => r.Violations).DistinctBy(v => (v.Rule, v.Message)));
        var held = refused?.Count(r => r.HeldCard is not null) ?? 0;
        var detail = string.Join("; ", list.Select(v => $"{v.Rule}: {v.Message}"));
        if (held > 0) detail = (detail.Length > 0 ? detail + "; " : "") + L(new LocalizedText($"{held}名督导员已持有同类有效证卡", $"{held} supervisor(s) already hold a valid card of this kind"));
        return JsonSerializer.Serialize(new
        {
            type = "https://tools.ietf.org/html/rfc4918#section-11.2",
            title = L(new LocalizedText("违反业务规则", "Business rule violated")),
            status = 422,
            detail,
            violations = list,
            supervisors = refused,
        }, Json);
    }

    /// <summary>409: the supervisor already holds a valid card of the kind.</summary>
    public static ProblemHttpResult Held(string number) => Problems.Conflict(new LocalizedText(
        $"该督导员已持有同类有效证卡 {number}", $"The supervisor already holds a valid card of this kind ({number})"));

    /// <summary>409: a unique index fired (a concurrent request took the number or serial first); nothing was issued.</summary>
    public static ProblemHttpResult Unique(string constraint) => Problems.Conflict(new LocalizedText(
        $"证卡编号或序列码已被并发请求占用（{constraint}），未颁发任何证卡，请重试", $"A concurrent request took the number or serial ({constraint}); nothing was issued, retry"));
}
