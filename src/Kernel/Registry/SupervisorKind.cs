namespace SupervisionCore.Kernel.Registry;

/// <summary>外督/内督 (supervisor kind). CN 第四条.</summary>
public enum SupervisorKind
{
    /// <summary>外部质量督导员: appointed by an HRSS authority.</summary>
    External = 1,

    /// <summary>内部质量督导员: appointed by an evaluation institution or an industry department.</summary>
    Internal = 2,
}

/// <summary>Sex, as derived from the resident ID number (17th digit: odd male, even female).</summary>
public enum Sex
{
    /// <summary>男.</summary>
    Male = 1,

    /// <summary>女.</summary>
    Female = 2,
}
