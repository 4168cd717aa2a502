using SupervisionCore.Host.Data.Registry;

namespace SupervisionCore.Host.Features.Institutions.Sanctions;

/// <summary>A step of the CN 第十八条 ladder taken against an institution.</summary>
public sealed record SanctionDto(
    Guid Id, Guid InstitutionId, string Step, string Ground, DateOnly On, DateOnly? CorrectionDeadline, string? SeriousJustification,
    string DecidedBy, DateTimeOffset CreatedAt)
{
    public static SanctionDto From(InstitutionSanctionRecord s) =>
        new(s.Id, s.InstitutionId, s.Step, s.Ground, s.On, s.CorrectionDeadline, s.SeriousJustification, s.DecidedBy, s.CreatedAt);
}
