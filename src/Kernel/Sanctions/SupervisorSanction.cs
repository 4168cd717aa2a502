namespace SupervisionCore.Kernel.Sanctions;

/// <summary>Measures against a supervisor (质量督导员处理措施).</summary>
public enum SupervisorSanctionMeasure
{
    /// <summary>批评教育 (criticism): recorded, no effect on standing.</summary>
    Criticism = 1,

    /// <summary>暂停委派 (suspension of dispatch) for a period, both ends included.</summary>
    Suspension = 2,

    /// <summary>解聘 (dismissal): ends the appointment and withdraws the card. CN 第十七条.</summary>
    Dismissal = 3,

    /// <summary>取消资格 (revocation of the qualification): the effects of a dismissal, and the qualification is lost.</summary>
    Revocation = 4,

    /// <summary>禁入 (ban): barred from supervision from the day of the decision.</summary>
    Ban = 5,
}

/// <summary>Grounds of a supervisor sanction: the situations of CN 第十七条, and any other recorded reason.</summary>
public enum SupervisorSanctionGround
{
    /// <summary>擅自参加评价活动质量督导 (unauthorised participation).</summary>
    UnauthorisedParticipation = 1,

    /// <summary>无故拒绝参加评价活动质量督导 (refusal without reason).</summary>
    RefusalWithoutReason = 2,

    /// <summary>不履行质量督导员职责 (not performing the duties).</summary>
    NotPerformingDuties = 3,

    /// <summary>造成不良影响 (bad influence).</summary>
    BadInfluence = 4,

    /// <summary>Another reason (e.g. a failed assessment, CN 第十一条; a pack's own grounds).</summary>
    Other = 5,
}
