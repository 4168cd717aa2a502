namespace SupervisionCore.Kernel.Sanctions;

/// <summary>The steps of the institution sanction ladder of CN 第十八条, in order.</summary>
public enum InstitutionSanctionStep
{
    /// <summary>No sanction.</summary>
    None = 0,

    /// <summary>通报批评并责令改正 (public criticism and order to correct, with a deadline).</summary>
    NoticeAndCorrection = 1,

    /// <summary>向主管部门提出给予处分的建议 (disciplinary recommendation for the responsible persons).</summary>
    DisciplinaryRecommendation = 2,

    /// <summary>取消技能人才评价工作资格 (disqualification from evaluation work).</summary>
    Disqualification = 3,
}

/// <summary>The six grounds of CN 第十八条.</summary>
public enum InstitutionSanctionGround
{
    /// <summary>（一）拒绝向质量督导员提供与其督导内容相关情况和文件资料.</summary>
    RefusedInformation = 1,

    /// <summary>（二）阻挠有关人员向质量督导员反映情况.</summary>
    ObstructedReporting = 2,

    /// <summary>（三）对督导意见拒不采取改进措施.</summary>
    IgnoredOpinion = 3,

    /// <summary>（四）弄虚作假、采取欺骗手段干扰质量督导工作.</summary>
    Deception = 4,

    /// <summary>（五）打击、报复质量督导员.</summary>
    Retaliation = 5,

    /// <summary>（六）其他影响质量督导工作的行为.</summary>
    Other = 6,
}

/// <summary>One sanction taken (or proposed) against an evaluation institution.</summary>
/// <param name="Step">The step.</param>
/// <param name="On">China calendar day of the decision: the date of the act.</param>
/// <param name="Ground">The ground of CN 第十八条.</param>
/// <param name="CorrectionDeadline">For <see cref="InstitutionSanctionStep.NoticeAndCorrection"/>: the last day to correct.</param>
/// <param name="SeriousJustification">The recorded reason the case is serious (情节严重), needed to skip a step.</param>
public sealed record InstitutionSanction(
    InstitutionSanctionStep Step,
    DateOnly On,
    InstitutionSanctionGround Ground,
    DateOnly? CorrectionDeadline = null,
    string? SeriousJustification = null)
{
    /// <summary>True when a non-blank serious justification is recorded.</summary>
    public bool IsJustifiedAsSerious => !string.IsNullOrWhiteSpace(SeriousJustification);
}
