using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Activities;

public sealed record VenueDto(long Id, string Name, string? Address, int Contestants);

/// <summary>An examiner: a registered supervisor, or a person known by a masked ID number.</summary>
public sealed record ExaminerDto(Guid? SupervisorId, string? IdNumber, string? Name);

public sealed record ActivityDto(
    Guid Id, Guid InstitutionId, string Jurisdiction, string Kind, string Occupation, string? Level, string? PlanNumber,
    string? RecognitionForm, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int CandidateCount,
    IReadOnlyList<VenueDto> Venues, IReadOnlyList<ExaminerDto> Examiners,
    IReadOnlyList<ViolationDto> Flags)
{
    /// <summary>The activity with the packs' coverage flags (<c>gd.internal.full-coverage</c>, <c>yn.internal.full-process</c>).</summary>
    public static ActivityDto From(Activity a, IReadOnlyList<Violation> flags) => From(a) with { Flags = [.. flags.Select(ViolationDto.From)] };

    public static ActivityDto From(Activity a) => new(
        a.Id, a.InstitutionId, a.Jurisdiction, a.Kind, a.Occupation, a.Level, a.PlanNumber, a.RecognitionForm, a.StartsAt, a.EndsAt, a.CandidateCount,
        [.. a.Venues.OrderBy(v => v.Id).Select(v => new VenueDto(v.Id, v.Name, v.Address, v.Contestants))],
        [.. a.Examiners.OrderBy(x => x.Id).Select(x => new ExaminerDto(x.SupervisorId, x.IdNumberMasked, x.Name))], []);
}

/// <summary>Activity kinds (CN 第二条; GD 第二条 adds competitions).</summary>
public static class ActivityKinds
{
    public static readonly string[] All = ["vocational-qualification", "skill-level-recognition", "special-ability", "competition"];
}
