using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Data.Registry;

/// <summary>Authority kinds as stored and sent (kebab-case).</summary>
public static class AuthorityKinds
{
    public static string ToText(AuthorityKind kind) => kind switch
    {
        AuthorityKind.Ministry => "ministry",
        AuthorityKind.ProvincialCentre => "provincial-centre",
        AuthorityKind.CityCentre => "city-centre",
        AuthorityKind.ZoneBureau => "zone-bureau",
        AuthorityKind.IndustryDepartment => "industry-department",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static AuthorityKind Parse(string text) => text switch
    {
        "ministry" => AuthorityKind.Ministry,
        "provincial-centre" => AuthorityKind.ProvincialCentre,
        "city-centre" => AuthorityKind.CityCentre,
        "zone-bureau" => AuthorityKind.ZoneBureau,
        "industry-department" => AuthorityKind.IndustryDepartment,
        _ => throw new FormatException($"'{text}' is not an authority kind"),
    };
}
