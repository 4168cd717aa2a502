using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Forms;

public class FormBindingsTests
{
    private sealed class Binding(string scope, string ruleId, string from, string? to, Func<FormUse, IReadOnlyList<string>?> forms) : IFormBinding
    {
        public string PackId => "xx";
        public JurisdictionCode Scope => JurisdictionCode.Parse(scope);
        public RuleDescriptor Rule { get; } = new(ruleId, new("表格", "Forms"), new Citation("XX", "1", "第一条"), JurisdictionCode.Parse(scope), "xx", D(from), to is null ? null : D(to));
        public IReadOnlyList<string>? FormsFor(FormUse use) => forms(use);
    }

    private static readonly Binding Province = new("44", "xx.forms.record", "2021-01-01", null,
        u => u.Purpose == FormPurpose.Record ? (u.Activity == ActivityKind.SkillLevelRecognition ? ["annex-4"] : ["annex-3"]) : null);

    private static readonly Binding City = new("44.A", "xx.city.forms", "2021-01-01", "2025-06-30", u => u.Purpose == FormPurpose.Record ? ["city-form"] : null);

    private static FormUse Use(FormPurpose purpose, string where, ActivityKind? activity = ActivityKind.SkillLevelRecognition, string on = "2025-06-10") =>
        new(purpose, JurisdictionCode.Parse(where), TaskKind.Daily, activity, D(on));

    [Theory]
    [InlineData("province binds by activity", "44", ActivityKind.SkillLevelRecognition, "2025-06-10", "annex-4", "xx.forms.record")]
    [InlineData("province, other activity", "44", ActivityKind.VocationalQualification, "2025-06-10", "annex-3", "xx.forms.record")]
    [InlineData("the city's binding beats the province's", "44.A", ActivityKind.SkillLevelRecognition, "2025-06-30", "city-form", "xx.city.forms")]
    [InlineData("the day after the city's rule ends, the province's", "44.A", ActivityKind.SkillLevelRecognition, "2025-07-01", "annex-4", "xx.forms.record")]
    [InlineData("before the province's rule, the national default", "44", ActivityKind.SkillLevelRecognition, "2020-12-31", null, null)]
    [InlineData("outside the scope, the national default", "31", ActivityKind.SkillLevelRecognition, "2025-06-10", null, null)]
    public void The_most_specific_binding_in_force_decides(string name, string where, ActivityKind activity, string on, string? form, string? rule)
    {
        _ = name;
        var forms = FormBindings.Resolve([Province, City], Use(FormPurpose.Record, where, activity, on));
        forms.Rule?.Id.ShouldBe(rule);
        if (form is null) forms.ShouldBe(FormRequirement.AnyInForce);
        else forms.FormIds.ShouldBe([form]);
    }

    [Fact]
    public void A_binding_that_does_not_bind_the_use_leaves_the_national_default()
    {
        var feedback = FormBindings.Resolve([Province, City], Use(FormPurpose.Feedback, "44.A"));
        feedback.ShouldBe(FormRequirement.NationalShape);
        feedback.IsBound.ShouldBeFalse();
        feedback.Allows("anything").ShouldBeFalse();
    }

    [Fact]
    public void The_national_default_of_a_record_allows_any_form_in_force()
    {
        var record = FormBindings.Resolve([], Use(FormPurpose.Record, "31"));
        record.IsBound.ShouldBeFalse();
        record.Allows("cn.report").ShouldBeTrue();
    }

    [Theory]
    [InlineData("vocational-qualification", ActivityKind.VocationalQualification)]
    [InlineData("skill-level-recognition", ActivityKind.SkillLevelRecognition)]
    [InlineData("special-ability", ActivityKind.SpecialAbility)]
    [InlineData("competition", ActivityKind.Competition)]
    [InlineData("other", null)]
    [InlineData(null, null)]
    public void Activity_kinds_parse_from_their_stored_text(string? text, ActivityKind? kind) => ActivityKinds.Parse(text).ShouldBe(kind);
}
