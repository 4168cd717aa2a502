using System.Globalization;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using Bj = SupervisionCore.Plugins.BeijingEtdz.Rules;
using Gd = SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Tests;

/// <summary>The packs' form bindings (issue #16 item 3), through the kernel's choice of the governing binding.</summary>
public class FormBindingTests
{
    private static readonly IFormBinding[] All =
    [
        new Gd.RecordFormBinding(), new Gd.FeedbackFormBinding(), new Bj.RecordFormBinding(), new Bj.FeedbackFormBinding(),
    ];

    private static FormUse Use(FormPurpose purpose, string where, TaskKind kind, ActivityKind? activity, string on = "2025-06-10") =>
        new(purpose, JurisdictionCode.Parse(where), kind, activity, DateOnly.Parse(on, CultureInfo.InvariantCulture));

    public static TheoryData<string, TaskKind, ActivityKind?, string?, string?> Records => new()
    {
        // where, task kind, activity kind, the forms (comma-separated; null: national default), the rule
        { "44", TaskKind.Daily, ActivityKind.VocationalQualification, "gd.annex-3", "gd.forms.record" },
        { "44.A", TaskKind.Daily, ActivityKind.SpecialAbility, "gd.annex-3", "gd.forms.record" },
        { "44.A", TaskKind.Daily, ActivityKind.SkillLevelRecognition, "gd.annex-4", "gd.forms.record" },
        { "44", TaskKind.Special, ActivityKind.SkillLevelRecognition, "gd.annex-4", "gd.forms.record" },
        { "44", TaskKind.Daily, null, "gd.annex-3,gd.annex-4", "gd.forms.record" },
        { "44", TaskKind.Daily, ActivityKind.Competition, null, null },
        { "11.ETDZ", TaskKind.Daily, ActivityKind.SkillLevelRecognition, "bj-etdz.annex-3-onsite", "bj.forms.record" },
        { "11.ETDZ", TaskKind.Special, ActivityKind.SkillLevelRecognition, "bj-etdz.annex-3-onsite", "bj.forms.record" },
        { "11.ETDZ", TaskKind.AfterTheFact, ActivityKind.SkillLevelRecognition, "bj-etdz.annex-3-after", "bj.forms.record" },
        { "11.ETDZ", TaskKind.CompetitionInProgress, ActivityKind.Competition, "bj-etdz.annex-7-in-progress", "bj.forms.record" },
        { "11.ETDZ", TaskKind.CompetitionAfter, ActivityKind.Competition, "bj-etdz.annex-7-after", "bj.forms.record" },
        { "11", TaskKind.Daily, ActivityKind.SkillLevelRecognition, null, null },          // Beijing outside the zone: no pack
        { "53", TaskKind.Daily, ActivityKind.SkillLevelRecognition, null, null },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void A_record_form_is_chosen_by_task_and_activity_kind(string where, TaskKind kind, ActivityKind? activity, string? forms, string? rule)
    {
        var chosen = FormBindings.Resolve(All, Use(FormPurpose.Record, where, kind, activity));
        chosen.Rule?.Id.ShouldBe(rule);
        if (forms is null) chosen.ShouldBe(FormRequirement.AnyInForce);
        else chosen.FormIds.ShouldBe(forms.Split(','));
    }

    [Theory]
    [InlineData("44.B", "gd.annex-5", "gd.feedback.institution", "entry-at", "exit-at")]
    [InlineData("11.ETDZ", "bj-etdz.annex-4", "bj.feedback.institution", "entered-at", "left-at")]
    public void Feedback_goes_on_the_packs_feedback_form_with_its_attendance_items(string where, string form, string rule, string entry, string exit)
    {
        var chosen = FormBindings.Resolve(All, Use(FormPurpose.Feedback, where, TaskKind.Daily, ActivityKind.SkillLevelRecognition));
        (chosen.FormIds.ShouldHaveSingleItem(), chosen.Rule!.Id).ShouldBe((form, rule));
        All.Single(b => b.Rule.Id == rule).AttendanceItems(form).ShouldBe((entry, exit));
    }

    [Fact]
    public void The_bound_forms_exist_in_the_packs_catalogues()
    {
        var catalogued = new IFormCatalogue[] { new SupervisionCore.Plugins.Guangdong.Forms.GuangdongForms(), new SupervisionCore.Plugins.BeijingEtdz.Forms.BeijingEtdzForms() }
            .SelectMany(c => c.Forms.Select(f => f.Id)).ToHashSet(StringComparer.Ordinal);
        var uses = from purpose in new[] { FormPurpose.Record, FormPurpose.Feedback }
                   from place in new[] { "44", "11.ETDZ" }
                   from kind in Enum.GetValues<TaskKind>()
                   from activity in Enum.GetValues<ActivityKind>().Cast<ActivityKind?>().Append(null)
                   select Use(purpose, place, kind, activity);
        foreach (var use in uses)
            FormBindings.Resolve(All, use).FormIds.ShouldAllBe(id => catalogued.Contains(id), use.ToString());
    }

    [Fact]
    public void Feedback_outside_the_packs_keeps_the_national_shape() =>
        FormBindings.Resolve(All, Use(FormPurpose.Feedback, "31", TaskKind.Daily, null)).ShouldBe(FormRequirement.NationalShape);
}
