using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Cards.Rules;

/// <summary>Who issues a card, by level (CN 第五条、第七条).</summary>
public enum CardIssuerKind
{
    /// <summary>人力资源社会保障部职业技能鉴定中心 (MOHRSS / OSTA).</summary>
    Ministry = 1,

    /// <summary>省级人力资源社会保障部门职业技能鉴定中心 (provincial skill appraisal centre).</summary>
    ProvincialCentre = 2,

    /// <summary>A centre or bureau below provincial level (city centre, zone bureau).</summary>
    SubProvincialCentre = 3,

    /// <summary>评价机构 (evaluation institution: employer or social training-evaluation organisation).</summary>
    EvaluationInstitution = 4,

    /// <summary>相关行业部门 (industry department).</summary>
    IndustryDepartment = 5,
}

/// <summary>
/// 发证机构层级 (issuer level): external cards are issued only by a provincial-or-higher skill appraisal centre
/// (MOHRSS or a province); internal cards only by an evaluation institution or an industry department, and the class
/// letter matches the issuer (H industry department; Y/S evaluation institution). CN 第七条 (<c>cn.card.issuer-level</c>).
/// <para>This is the national reading; a pack whose text lets lower centres issue external cards (GD 5, 7: city centres)
/// refines it in its own jurisdiction with its own rule and citation.</para>
/// </summary>
public sealed class CardIssuerLevelRule : IRuleExtension
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.CardIssuerLevel;

    /// <summary>Judges who issues a card of <paramref name="kind"/> (and, for internal cards, which class letter).</summary>
    public RuleOutcome Check(SupervisorKind kind, CardIssuerKind issuer, char? classLetter = null)
    {
        var violations = new List<Violation>();
        if (kind == SupervisorKind.External && issuer is not (CardIssuerKind.Ministry or CardIssuerKind.ProvincialCentre))
            violations.Add(Rule.Violated(new LocalizedText(
                "外督证卡只能由省级及以上人力资源社会保障部门职业技能鉴定中心颁发",
                "External cards are issued only by a provincial-or-higher skill appraisal centre (a province or MOHRSS)")));
        if (kind == SupervisorKind.Internal)
        {
            if (issuer is not (CardIssuerKind.EvaluationInstitution or CardIssuerKind.IndustryDepartment))
                violations.Add(Rule.Violated(new LocalizedText(
                    "内督证卡只能由评价机构或相关行业部门颁发",
                    "Internal cards are issued only by the evaluation institution or an industry department")));
            else if (classLetter is { } c && (c == 'H') != (issuer == CardIssuerKind.IndustryDepartment))
                violations.Add(Rule.Violated(new LocalizedText(
                    $"类别代码{c}与颁发机构不符：H由行业部门颁发，Y、S由评价机构颁发",
                    $"Class letter {c} does not match the issuer: H is issued by an industry department, Y and S by an evaluation institution")));
        }
        return new RuleOutcome(violations);
    }
}
