namespace SupervisionCore.Kernel.Sanctions;

/// <summary>Whom a sanction ground concerns.</summary>
public enum SanctionTarget
{
    /// <summary>A supervisor (质量督导员).</summary>
    Supervisor = 1,

    /// <summary>An evaluation institution (评价机构).</summary>
    Institution = 2,
}
