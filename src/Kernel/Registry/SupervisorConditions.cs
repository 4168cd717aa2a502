namespace SupervisionCore.Kernel.Registry;

/// <summary>
/// 任职条件 (the five conditions of CN 第六条) as attestations recorded at registration. They are judgments of people,
/// not machine-checkable facts: the system records that each was attested and refuses appointment without all five.
/// </summary>
/// <param name="PoliticalCommitment">（一）坚持党的基本路线，热爱技能人才评价工作.</param>
/// <param name="PolicyKnowledge">（二）掌握技能人才评价有关政策、法规和规章，熟悉技能人才评价理论和技术方法.</param>
/// <param name="Integrity">（三）坚持原则、廉洁奉公、办事公道、作风正派，具有良好的职业道德和敬业精神.</param>
/// <param name="OrganisingAndExpression">（四）具有较强的组织协调能力和表达能力.</param>
/// <param name="Health">（五）身体健康，能胜任质量督导工作.</param>
public sealed record SupervisorConditions(
    bool PoliticalCommitment,
    bool PolicyKnowledge,
    bool Integrity,
    bool OrganisingAndExpression,
    bool Health)
{
    /// <summary>All five attested.</summary>
    public static readonly SupervisorConditions AllAttested = new(true, true, true, true, true);
}
