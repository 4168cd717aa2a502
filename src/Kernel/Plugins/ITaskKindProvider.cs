using SupervisionCore.Kernel.Dispatch;
namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// 督导形式 (task kinds a pack provides): the kinds of supervision task its text adds to the national daily and special
/// ones (CN 第十三条), inside its scope, while its rule is in force — BJ 18/25 after-the-fact and competition supervision,
/// YN 10 annual inspection. A task of a kind that no pack provides where it is set is refused (<c>cn.task.kinds</c>).
/// </summary>
public interface ITaskKindProvider : IRuleExtension
{
    /// <summary>The kinds provided.</summary>
    IReadOnlyCollection<TaskKind> Kinds { get; }
}
