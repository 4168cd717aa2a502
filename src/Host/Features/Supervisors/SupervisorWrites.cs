using Microsoft.EntityFrameworkCore;
using Npgsql;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Supervisors;

/// <summary>Checks and mappings shared by the writing endpoints.</summary>
internal static class SupervisorWrites
{
    /// <summary>True for a violation of a unique index (the backstop of a duplicate check).</summary>
    public static bool IsUniqueViolation(this DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>True when the institution exists inside <paramref name="jurisdiction"/>.</summary>
    public static async Task<bool> InstitutionInsideAsync(this SupervisionDbContext db, Guid institutionId, string jurisdiction, CancellationToken ct)
    {
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == institutionId, ct);
        return institution is not null && JurisdictionCode.Parse(jurisdiction).Contains(JurisdictionCode.Parse(institution.Jurisdiction));
    }

    /// <summary>True when every conflict names an existing institution.</summary>
    public static async Task<bool> ConflictInstitutionsExistAsync(this SupervisionDbContext db, IReadOnlyCollection<ConflictDto> conflicts, CancellationToken ct)
    {
        var ids = conflicts.Select(c => c.InstitutionId).Distinct().ToList();
        return ids.Count == 0 || await db.Institutions.CountAsync(i => ids.Contains(i.Id), ct) == ids.Count;
    }

    public static void Apply(this Supervisor s, ExperienceDto? experience, ConditionsDto? conditions)
    {
        if (experience is not null)
        {
            s.YearsInEvaluation = experience.YearsInEvaluation;
            s.YearsAsExaminer = experience.YearsAsExaminer;
            s.ManagementOrTechnicalRole = experience.ManagementOrTechnicalRole;
        }
        if (conditions is not null)
        {
            s.PoliticalCommitment = conditions.PoliticalCommitment;
            s.PolicyKnowledge = conditions.PolicyKnowledge;
            s.Integrity = conditions.Integrity;
            s.OrganisingAndExpression = conditions.OrganisingAndExpression;
            s.Health = conditions.Health;
        }
    }

    public static List<SupervisorConflict> ToEntities(this IEnumerable<ConflictDto> conflicts, Guid supervisorId) =>
        [.. conflicts.Select(c => new SupervisorConflict { SupervisorId = supervisorId, InstitutionId = c.InstitutionId, Kind = c.Kind, Note = c.Note })];

    /// <summary>The state digested in the audit log: never the ID number or the phone.</summary>
    public static object AuditState(this Supervisor s) => new
    {
        s.Id, s.Name, s.Kind, s.Jurisdiction, s.InstitutionId, s.YearsInEvaluation, s.YearsAsExaminer, s.ManagementOrTechnicalRole,
        s.PoliticalCommitment, s.PolicyKnowledge, s.Integrity, s.OrganisingAndExpression, s.Health,
        Conflicts = s.Conflicts.Select(c => new { c.InstitutionId, c.Kind, c.Note }),
    };
}
