using System.Globalization;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Sanctions;

namespace SupervisionCore.Host.Features.Institutions;

/// <summary>
/// The kebab-case texts of institution kinds, filing levels, statuses and the CN 第十八条 steps and grounds, as stored
/// and sent, with their kernel counterparts.
/// </summary>
public static class InstitutionCodes
{
    /// <summary>Institution kinds and their internal-card class letter (CN annex 二 表5).</summary>
    public static IReadOnlyDictionary<string, char> Kinds { get; } = new Dictionary<string, char>(StringComparer.Ordinal)
    {
        ["employer"] = 'Y', ["social-org"] = 'S', ["industry"] = 'H',
    };

    /// <summary>Filing levels (备案层级) and the kernel's filing.</summary>
    public static IReadOnlyDictionary<string, IssuerFiling> FilingLevels { get; } = new Dictionary<string, IssuerFiling>(StringComparer.Ordinal)
    {
        ["mohrss"] = IssuerFiling.Ministry, ["province"] = IssuerFiling.Province,
    };

    public const string Active = "active";
    public const string Notified = "notified";
    public const string Disqualified = "disqualified";

    /// <summary>Statuses, in order of severity.</summary>
    public static IReadOnlyList<string> Statuses { get; } = [Active, Notified, Disqualified];

    /// <summary>The ladder steps of CN 第十八条.</summary>
    public static IReadOnlyDictionary<string, InstitutionSanctionStep> Steps { get; } = new Dictionary<string, InstitutionSanctionStep>(StringComparer.Ordinal)
    {
        ["notice-and-correction"] = InstitutionSanctionStep.NoticeAndCorrection,
        ["disciplinary-recommendation"] = InstitutionSanctionStep.DisciplinaryRecommendation,
        ["disqualification"] = InstitutionSanctionStep.Disqualification,
    };

    /// <summary>The six grounds of CN 第十八条, items (一)–(六).</summary>
    public static IReadOnlyDictionary<string, InstitutionSanctionGround> Grounds { get; } = new Dictionary<string, InstitutionSanctionGround>(StringComparer.Ordinal)
    {
        ["refuse-materials"] = InstitutionSanctionGround.RefusedInformation,
        ["obstruct-reporting"] = InstitutionSanctionGround.ObstructedReporting,
        ["refuse-correction"] = InstitutionSanctionGround.IgnoredOpinion,
        ["fraud"] = InstitutionSanctionGround.Deception,
        ["retaliation"] = InstitutionSanctionGround.Retaliation,
        ["other"] = InstitutionSanctionGround.Other,
    };

    /// <summary>
    /// The kernel's ground for a stored ground key: a CN 第十八条 key as itself; a pack's institution ground (GD 22's
    /// <c>gd.institution.…</c>, kept as its key in the record) as <see cref="InstitutionSanctionGround.Other"/> — the ladder
    /// judges steps, not grounds, so the kernel only needs a defined one.
    /// </summary>
    public static InstitutionSanctionGround KernelGround(string ground) => Grounds.GetValueOrDefault(ground, InstitutionSanctionGround.Other);

    private static readonly NationalInternalCardScheme InternalCards = new();

    /// <summary>
    /// The institution's 6-digit internal-card issuer code (CN annex 二（二）2, <c>cn.card.internal-format</c>), or the
    /// violations: MOHRSS-filed employer/social organisation → <c>00</c> + 4-digit code, province-filed → the 6-digit
    /// provincial serial, industry department → the 6-digit code MOHRSS assigned.
    /// </summary>
    public static RuleResult<string> IssuerCode(string kind, string filingLevel, string? filingNumber) =>
        InternalCards.IssuerCode(Kinds[kind], FilingLevels[filingLevel], filingNumber);

    /// <summary>The status that follows from the step in force: none → active, notice or recommendation → notified, disqualification → disqualified.</summary>
    public static string StatusOf(InstitutionSanctionStep step) => step switch
    {
        InstitutionSanctionStep.None => Active,
        InstitutionSanctionStep.Disqualification => Disqualified,
        _ => Notified,
    };

    public static string Text(InstitutionSanctionStep step) =>
        step == InstitutionSanctionStep.None ? "none" : Steps.Single(s => s.Value == step).Key;

    public static string Text(InstitutionSanctionGround ground) => Grounds.Single(g => g.Value == ground).Key;

    /// <summary>The messages of an outcome in the request's language.</summary>
    public static string Describe(RuleOutcome outcome) =>
        string.Join("; ", outcome.Violations.Select(v => $"{v.Rule}: {Localized(v.Message)}"));

    private static string Localized(LocalizedText text) => text.Get(CultureInfo.CurrentUICulture);
}
