namespace SupervisionCore.Kernel.Dispatch;

/// <summary>日常/专项/事后/竞赛/年检 (task kind): what a supervision task is.</summary>
public enum TaskKind
{
    /// <summary>日常督导 (daily, on-site). CN 13.</summary>
    Daily = 1,

    /// <summary>专项督导 (special). CN 13.</summary>
    Special = 2,

    /// <summary>事后认定资料督导 (after-the-fact review of records). BJ 18.</summary>
    AfterTheFact = 3,

    /// <summary>竞赛事中监督检查 (competition, in progress). BJ 25.</summary>
    CompetitionInProgress = 4,

    /// <summary>竞赛事后监督检查 (competition, after). BJ 25.</summary>
    CompetitionAfter = 5,

    /// <summary>年检评估 (annual inspection evaluation). YN 10.</summary>
    AnnualInspection = 6,
}

/// <summary>How a dispatched supervisor answered an invitation.</summary>
public enum DispatchResponse
{
    /// <summary>Not answered yet.</summary>
    Invited = 1,

    /// <summary>Accepted: the supervisor was dispatched.</summary>
    Accepted = 2,

    /// <summary>Refused (不接受指派).</summary>
    Refused = 3,
}
