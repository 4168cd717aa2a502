using System.Globalization;
using System.Text.Json;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Features.Events;

/// <summary>A CloudEvents 1.0 event (JSON format), as pulled and as POSTed to webhooks.</summary>
/// <param name="Specversion" example="1.0">CloudEvents version.</param>
/// <param name="Id" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c20">Event id; also <c>webhook-id</c>, the idempotency id of every delivery.</param>
/// <param name="Source" example="/supervisioncore">Producer.</param>
/// <param name="Type" example="supervision.assignment.invited">Event type (<c>supervision.</c> + object + what happened).</param>
/// <param name="Subject" example="assignment/0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c12">The object; events of one subject are delivered in order.</param>
/// <param name="Time" example="2025-06-01T02:00:00Z">When the act was committed.</param>
/// <param name="Datacontenttype" example="application/json">Media type of data.</param>
/// <param name="Jurisdiction" example="44">Jurisdiction of the object (extension attribute).</param>
/// <param name="Position" example="42">Position in the event log, the cursor of <c>GET /api/v1/events?after=</c> (extension attribute).</param>
/// <param name="Data">The act: <c>action</c>, <c>targetType</c>, <c>targetId</c>, <c>jurisdiction</c>, <c>rules</c> (rule ids), and ids, states and dates of the object; never names, ID numbers or phones.</param>
public sealed record CloudEventDto(
    string Specversion, Guid Id, string Source, string Type, string Subject, DateTimeOffset Time, string Datacontenttype,
    string Jurisdiction, long Position, JsonElement Data)
{
    public static CloudEventDto From(OutboxEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var data = JsonDocument.Parse(e.Data);
        return new("1.0", e.Id, EventCatalog.Source, e.Type, e.Subject, e.Time, "application/json", e.Jurisdiction, e.Position, data.RootElement.Clone());
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The exact body POSTed to a webhook.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Web);
}

/// <summary>Who may read events and manage webhooks: the jurisdiction-wide roles (an institution's or a supervisor's own system is served by its authority's subscription).</summary>
public static class EventAccess
{
    public static readonly string[] Readers = [Roles.NationalAdmin, Roles.ProvinceAdmin, Roles.CenterOperator, Roles.Auditor];
    public static readonly string[] Managers = [Roles.NationalAdmin, Roles.ProvinceAdmin, Roles.CenterOperator];
    public static readonly string[] Replayers = [Roles.NationalAdmin, Roles.ProvinceAdmin];

    internal static string Format(long position) => position.ToString(CultureInfo.InvariantCulture);
}
