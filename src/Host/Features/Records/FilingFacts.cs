using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Assignments;
using SupervisionCore.Host.Features.Calendar;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Records;

namespace SupervisionCore.Host.Features.Records;

/// <summary>
/// Loads the facts of a record filing or of the institution's feedback in one place (docs/adr/0006): the assignment's
/// state, the forms the use must go through (<see cref="FormBindings.Resolve"/> over the packs' <see cref="IFormBinding"/>s,
/// by the task's kind and its activity's kind), the filing period and the China day of filing.
/// </summary>
public sealed class FilingFacts(SupervisionDbContext db, DeadlinePolicies deadlines, IEnumerable<IFormBinding> bindings) : IScopedService
{
    private readonly IReadOnlyList<IFormBinding> _bindings = [.. bindings];

    /// <summary>The facts of filing a record on <paramref name="form"/> at <paramref name="now"/>.</summary>
    public async Task<RecordFilingFacts> RecordAsync(AssignmentScene scene, FormDefinition form, DateTimeOffset now, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(now);
        var kind = TaskKinds.Parse(scene.Task.Kind);
        var forms = FormBindings.Resolve(_bindings, await UseAsync(scene, FormPurpose.Record, today, ct));
        var deadline = await deadlines.ForAsync(DeadlineSubject.SupervisionRecord, scene.Jurisdiction, scene.SupervisionEnd, kind, ct);
        return new RecordFilingFacts(States.ParseAssignment(scene.Assignment.Status), form.Id, form.Version, forms, deadline, today);
    }

    /// <summary>The facts of the institution's feedback on <paramref name="form"/> (null: the national shape) at <paramref name="now"/>.</summary>
    public async Task<FeedbackFacts> FeedbackAsync(AssignmentScene scene, FormDefinition? form, DateTimeOffset now, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(now);
        var kind = TaskKinds.Parse(scene.Task.Kind);
        var forms = FormBindings.Resolve(_bindings, await UseAsync(scene, FormPurpose.Feedback, today, ct));
        var deadline = await deadlines.ForAsync(DeadlineSubject.InstitutionFeedback, scene.Jurisdiction, scene.SupervisionEnd, kind, ct);
        var given = await db.SupervisorFeedback.AnyAsync(f => f.AssignmentId == scene.Assignment.Id, ct);
        return new FeedbackFacts(States.ParseAssignment(scene.Assignment.Status), given, form?.Id, form?.Version, forms, deadline, today);
    }

    /// <summary>The items of a bound feedback form that record entry and exit, as the binding names them.</summary>
    public (string Entry, string Exit)? AttendanceItems(FormRequirement forms, string formId) =>
        forms.Rule is { } rule ? _bindings.FirstOrDefault(b => b.Rule.Id == rule.Id)?.AttendanceItems(formId) : null;

    private async Task<FormUse> UseAsync(AssignmentScene scene, FormPurpose purpose, DateOnly today, CancellationToken ct)
    {
        var activityKind = scene.Task.ActivityId is { } activityId
            ? await db.Activities.AsNoTracking().Where(a => a.Id == activityId).Select(a => a.Kind).SingleOrDefaultAsync(ct)
            : null;
        return new FormUse(purpose, scene.Jurisdiction, TaskKinds.Parse(scene.Task.Kind), ActivityKinds.Parse(activityKind), today);
    }
}
