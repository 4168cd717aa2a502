using SupervisionCore.Kernel.Forms;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// 表格适用 (form binding): which of a pack's forms a filing must use, by what is filed and the task and activity it is
/// filed for (GD 附件3 for 职业资格评价/专项职业能力考核 and 附件4 for 职业技能等级认定; BJ 附件3 on-site or after-the-fact,
/// 附件7 for competitions). The most specific binding whose scope contains the task's jurisdiction and whose rule is in force
/// decides (<see cref="FormBindings.Resolve"/>); where none does, the national default applies. Additive
/// (a pack without it keeps the national default).
/// </summary>
public interface IFormBinding : IRuleExtension
{
    /// <summary>
    /// The form ids allowed for <paramref name="use"/> (any version in force), or null when the pack does not bind that use
    /// (the national default applies). An empty list is not allowed: a binding always names at least one form.
    /// </summary>
    IReadOnlyList<string>? FormsFor(FormUse use);

    /// <summary>
    /// The items of <paramref name="formId"/> that record the supervisor's entry and exit (进场/离场时间), kept with the
    /// feedback as the attendance; null when the form has none.
    /// </summary>
    (string Entry, string Exit)? AttendanceItems(string formId) => null;
}
