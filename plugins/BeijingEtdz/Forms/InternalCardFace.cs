using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Forms;

/// <summary>
/// BJ 附件2 技能人才评价质量督导员证卡样式（内督员）: front "技能人才评价 / 质量督导员（内督员）", 姓名, 证卡编号, 有效期限 as
/// <c>2022.06-2025.06</c>, 颁证机构, （机构公章）; back "技能人才评价 / 质量督导员证卡", "×××（颁证机构名称）印制"; the 制作说明 of
/// the national annex (80 × 110 mm, 1寸 photo). The zone's internal cards print this face; external cards keep the national one.
/// </summary>
public sealed class InternalCardFace : ICardFace
{
    private static readonly CardFaceLayout Face = new(
        "bj.card-face.internal", new Citation("BJ", "annex 2", "附件2"),
        [new("技能人才评价", "Skills-talent evaluation"), new("质量督导员（内督员）", "Quality supervisor (internal)")],
        [
            ("name", new LocalizedText("姓　　名", "Name")),
            ("number", new LocalizedText("证卡编号", "Card number")),
            ("validity", new LocalizedText("有效期限", "Valid")),
            ("issuer", new LocalizedText("颁证机构", "Issued by")),
        ],
        "yyyy.MM-yyyy.MM", new("（机构公章）", "(institution's seal)"),
        [new("技能人才评价", "Skills-talent evaluation"), new("质量督导员证卡", "Quality supervisor card")],
        new("{issuer}印制", "Printed by {issuer}"));

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public CardFaceLayout? For(string kind, string scheme) => kind == "internal" ? Face : null;
}
