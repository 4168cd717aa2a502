using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SupervisionCore.Host.Access;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Features.Supervisors.Photo;

/// <summary>
/// Who sees a card photo (personal data): those who manage or print the supervisor's card — administrators and centre
/// operators in reach, the institution operator of an internal supervisor — and the supervisor. Auditors see the registry,
/// not faces; nothing public carries the photo.
/// </summary>
public static class PhotoAccess
{
    /// <summary>Roles admitted at all (object-level reach is then <see cref="SupervisorAccess.CanRead"/>).</summary>
    public static readonly string[] Readers = [Roles.NationalAdmin, Roles.ProvinceAdmin, Roles.CenterOperator, Roles.InstitutionOperator, Roles.Supervisor];

    /// <summary>Roles that upload (then <see cref="SupervisorAccess.CannotManage"/>).</summary>
    public static readonly string[] Writers = [Roles.NationalAdmin, Roles.ProvinceAdmin, Roles.CenterOperator, Roles.InstitutionOperator];

    /// <summary>True when the caller's roles let it see faces (an auditor who also holds another role still passes by that role).</summary>
    public static bool MaySeeFaces(this ClaimsPrincipal user) => Readers.Any(user.Has);

    /// <summary>A refused upload as problem+json naming the field <c>photo</c> (400, 413 or 415).</summary>
    public static ProblemHttpResult Refused(int status, LocalizedText message)
    {
        var text = message.Get(CultureInfo.CurrentUICulture);
        var zh = !CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);
        return TypedResults.Problem(detail: text, statusCode: status, title: zh ? "照片不符合要求" : "Unsuitable photo",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["photo"] = [text] } });
    }
}
