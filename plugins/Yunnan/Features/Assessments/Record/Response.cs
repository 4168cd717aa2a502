namespace SupervisionCore.Plugins.Yunnan.Features.Assessments.Record;

/// <summary>The recorded assessment and what followed from it.</summary>
/// <param name="Id" example="0193a5c7-6d43-7e5f-b071-8c9d0e1f2a3b">Assessment id.</param>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The supervisor.</param>
/// <param name="Year" example="2025">Year assessed.</param>
/// <param name="Passed" example="true">合格.</param>
/// <param name="AssessedOn" example="2025-12-20">Day of the decision.</param>
/// <param name="Consequences">What followed (a failed assessment may revoke the qualification).</param>
public sealed record Response(Guid Id, Guid SupervisorId, int Year, bool Passed, DateOnly AssessedOn, IReadOnlyList<ConsequenceDto> Consequences);
