using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Activities;

/// <param name="Id" example="12">Venue id.</param>
/// <param name="Name" example="实训楼A区">Venue name.</param>
/// <param name="Address" example="广州市天河区天河路100号">Address.</param>
/// <param name="Contestants" example="60">Contestants at this venue.</param>
public sealed record VenueDto(long Id, string Name, string? Address, int Contestants);

/// <summary>An examiner: a registered supervisor, or a person known by a masked ID number.</summary>
/// <param name="SupervisorId" example="null">A registered supervisor who examines.</param>
/// <param name="IdNumber" example="440106********002X">Resident ID number, masked.</param>
/// <param name="Name" example="王建华">Name.</param>
public sealed record ExaminerDto(Guid? SupervisorId, string? IdNumber, string? Name);

/// <param name="Id" example="0193a5c4-6b10-7c8e-a3f5-1d2e3f4a5b60">Activity id.</param>
/// <param name="InstitutionId" example="0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80">The evaluation institution.</param>
/// <param name="Jurisdiction" example="44">Jurisdiction.</param>
/// <param name="Kind" example="skill-level-recognition">vocational-qualification | skill-level-recognition | special-ability | competition.</param>
/// <param name="Occupation" example="电工">Occupation (职业/工种).</param>
/// <param name="Level" example="四级/中级工">Level.</param>
/// <param name="PlanNumber" example="GD-2025-0601-01">Plan number.</param>
/// <param name="RecognitionForm" example="理论知识考试+操作技能考核">Form of evaluation.</param>
/// <param name="StartsAt" example="2025-06-01T08:30:00+08:00">Start.</param>
/// <param name="EndsAt" example="2025-06-01T17:00:00+08:00">End.</param>
/// <param name="CandidateCount" example="60">Candidates.</param>
/// <param name="Venues">Venues.</param>
/// <param name="Examiners">Examiners (recused from supervising it).</param>
/// <param name="Flags">The packs' coverage flags.</param>
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
