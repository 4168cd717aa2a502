namespace SupervisionCore.Kernel.Access;

/// <summary>
/// The roles of the access model. A token carries one or more of them (claim <c>role</c>) and a
/// <c>jurisdiction</c> claim; institution operators also carry <c>institution</c>, supervisors <c>supervisor</c>.
/// </summary>
public static class Roles
{
    /// <summary>MOHRSS / OSTA administrator: the whole country.</summary>
    public const string NationalAdmin = "national-admin";

    /// <summary>Provincial administrator: one province and its sub-jurisdictions.</summary>
    public const string ProvinceAdmin = "province-admin";

    /// <summary>Operator of an appraisal centre or zone bureau (委派机构): dispatch, cards, appointments.</summary>
    public const string CenterOperator = "center-operator";

    /// <summary>Operator of an evaluation institution (评价机构): its own internal supervisors and activities.</summary>
    public const string InstitutionOperator = "institution-operator";

    /// <summary>A supervisor (质量督导员): reads and files their own assignments.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Read-only auditor of a jurisdiction.</summary>
    public const string Auditor = "auditor";

    /// <summary>Every role, in order of reach.</summary>
    public static IReadOnlyList<string> All { get; } =
        [NationalAdmin, ProvinceAdmin, CenterOperator, InstitutionOperator, Supervisor, Auditor];
}

/// <summary>Claim types of SupervisionCore tokens beyond the OIDC standard ones.</summary>
public static class SupervisionClaims
{
    /// <summary>The principal's jurisdiction code (<c>CN</c>, <c>44</c>, <c>44.A</c>).</summary>
    public const string Jurisdiction = "jurisdiction";

    /// <summary>Role claim type (matches OpenIddict and FastEndpoints' default).</summary>
    public const string Role = "role";

    /// <summary>Institution id of an institution operator.</summary>
    public const string Institution = "institution";

    /// <summary>Supervisor id of a supervisor principal.</summary>
    public const string Supervisor = "supervisor";
}
