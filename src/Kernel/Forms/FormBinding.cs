using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Forms;

/// <summary>What a form is filed for.</summary>
public enum FormPurpose
{
    /// <summary>督导记录 (the supervisor's record of an assignment). CN 第十条.</summary>
    Record = 1,

    /// <summary>情况反馈 (the institution's feedback on the supervisor). GD 20 附件5, BJ 22 附件4.</summary>
    Feedback = 2,
}

/// <summary>评价活动类型 (kind of evaluation activity), as stored and sent in kebab-case.</summary>
public enum ActivityKind
{
    /// <summary>vocational-qualification: 职业资格评价.</summary>
    VocationalQualification = 1,

    /// <summary>skill-level-recognition: 职业技能等级认定.</summary>
    SkillLevelRecognition = 2,

    /// <summary>special-ability: 专项职业能力考核.</summary>
    SpecialAbility = 3,

    /// <summary>competition: 职业技能竞赛.</summary>
    Competition = 4,
}

/// <summary>The text forms of <see cref="ActivityKind"/>.</summary>
public static class ActivityKinds
{
    /// <summary>The kind of stored text, or null for null or unknown text.</summary>
    public static ActivityKind? Parse(string? text) => text switch
    {
        "vocational-qualification" => ActivityKind.VocationalQualification,
        "skill-level-recognition" => ActivityKind.SkillLevelRecognition,
        "special-ability" => ActivityKind.SpecialAbility,
        "competition" => ActivityKind.Competition,
        _ => null,
    };
}

/// <summary>One use of a form: what is filed, for which task, of which activity, where and when.</summary>
/// <param name="Purpose">Record or feedback.</param>
/// <param name="Jurisdiction">The task's jurisdiction.</param>
/// <param name="TaskKind">The task's kind.</param>
/// <param name="Activity">The kind of the activity supervised, or null when the task names no activity.</param>
/// <param name="On">The China day of the filing (decides which binding rule is in force).</param>
public sealed record FormUse(FormPurpose Purpose, JurisdictionCode Jurisdiction, TaskKind TaskKind, ActivityKind? Activity, DateOnly On);

/// <summary>The forms a use must go through.</summary>
/// <param name="FormIds">The allowed form ids (any version in force in the jurisdiction); empty when <see cref="Any"/>.</param>
/// <param name="Rule">The rule binding them, or null for the national default.</param>
/// <param name="Any">True for the national default of a record: any record form in force in the jurisdiction.</param>
public sealed record FormRequirement(IReadOnlyList<string> FormIds, RuleDescriptor? Rule, bool Any = false)
{
    /// <summary>The national default of a record: CN 第十条 prescribes no form, so any form in force where the task is.</summary>
    public static FormRequirement AnyInForce { get; } = new([], null, Any: true);

    /// <summary>The national default of feedback: no form, the national shape (entry, exit, conduct, text).</summary>
    public static FormRequirement NationalShape { get; } = new([], null);

    /// <summary>True when the use goes through a pack form (a binding named forms).</summary>
    public bool IsBound => Rule is not null;

    /// <summary>True when <paramref name="formId"/> may be used.</summary>
    public bool Allows(string formId) => Any || FormIds.Contains(formId, StringComparer.Ordinal);
}

/// <summary>Choosing the forms a filing must use: the national default refined by the packs' <see cref="IFormBinding"/>s.</summary>
public static class FormBindings
{
    /// <summary>
    /// The forms <paramref name="use"/> must go through. The most specific binding whose scope contains the jurisdiction and
    /// whose rule is in force on the day decides, if it binds the use; otherwise the national default: a record may use any
    /// form in force where the task is (<see cref="FormRequirement.AnyInForce"/>; CN 第十条 prescribes no form), feedback keeps
    /// the national shape (<see cref="FormRequirement.NationalShape"/>).
    /// </summary>
    public static FormRequirement Resolve(IEnumerable<IFormBinding> bindings, FormUse use)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(use);
        foreach (var binding in bindings.Applicable(use.Jurisdiction, use.On).OrderByDescending(b => Depth(b.Scope)).ThenBy(b => b.Rule.Id, StringComparer.Ordinal))
        {
            if (binding.FormsFor(use) is { Count: > 0 } ids) return new FormRequirement(ids, binding.Rule);
        }
        return use.Purpose == FormPurpose.Record ? FormRequirement.AnyInForce : FormRequirement.NationalShape;
    }

    private static int Depth(JurisdictionCode code) => code.IsNational ? 0 : code.IsSubJurisdiction ? 2 : 1;
}
