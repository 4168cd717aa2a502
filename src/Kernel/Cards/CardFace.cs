using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Cards;

/// <summary>
/// 证卡样式 (card face) as data: the two sides of a card, 80 × 110 mm (CN card annex 制作说明: "单面尺寸为：宽80mm，长110mm"),
/// a 1寸 colour photo 25 × 35 mm, titles 16 pt bold, text 12 pt. The Host prints it; a pack replaces it where its text prints
/// its own sample (BJ 附件2 for the zone's internal card).
/// </summary>
/// <param name="Id">Stable id (<c>cn.card-face.external</c>, <c>bj.card-face.internal</c>).</param>
/// <param name="Citation">The annex it reproduces.</param>
/// <param name="FrontTitle">Front title lines (技能人才评价 / 质量督导员（内督员）).</param>
/// <param name="Labels">Field labels in printed order: keys <c>name</c>, <c>number</c>, <c>validity</c>, <c>issuer</c>.</param>
/// <param name="ValidityFormat">How the validity prints: <c>yyyy.MM-yyyy.MM</c> (BJ's sample) or <c>yyyy-MM-dd</c>.</param>
/// <param name="Seal">The seal line under the fields (（机构公章）), or null.</param>
/// <param name="BackTitle">Back title lines.</param>
/// <param name="PrintedBy">The back's printer line, <c>{issuer}</c> replaced by the issuer's name (×××（颁证机构名称）印制).</param>
public sealed record CardFaceLayout(
    string Id, Citation Citation, IReadOnlyList<LocalizedText> FrontTitle, IReadOnlyList<(string Key, LocalizedText Label)> Labels,
    string ValidityFormat, LocalizedText? Seal, IReadOnlyList<LocalizedText> BackTitle, LocalizedText PrintedBy);

/// <summary>The national faces (CN card annex 证卡样式): one per kind, 外督 and 内督.</summary>
public static class NationalCardFaces
{
    private static readonly Citation Annex = new("CN", "annex", "附件 证卡样式");

    private static readonly IReadOnlyList<(string, LocalizedText)> Fields =
    [
        ("name", new("姓　　名", "Name")),
        ("number", new("证卡编号", "Card number")),
        ("validity", new("有效期限", "Valid")),
        ("issuer", new("颁证机构", "Issued by")),
    ];

    /// <summary>The face of a card of <paramref name="kind"/> (<c>external</c> or <c>internal</c>).</summary>
    public static CardFaceLayout For(string kind) => new(
        kind == "internal" ? "cn.card-face.internal" : "cn.card-face.external", Annex,
        [new("技能人才评价", "Skills-talent evaluation"), kind == "internal" ? new("质量督导员（内督）", "Quality supervisor (internal)") : new("质量督导员（外督）", "Quality supervisor (external)")],
        Fields, "yyyy-MM-dd", new("（颁证机构印章）", "(issuer's seal)"),
        [new("技能人才评价", "Skills-talent evaluation"), new("质量督导员证卡", "Quality supervisor card")],
        new("{issuer}印制", "Printed by {issuer}"));
}
