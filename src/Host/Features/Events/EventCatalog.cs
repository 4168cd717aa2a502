using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupervisionCore.Host.Audit;

namespace SupervisionCore.Host.Features.Events;

/// <summary>An event derived from one audit entry, before it is stored.</summary>
/// <param name="Type">CloudEvents type.</param>
/// <param name="Subject">CloudEvents subject (<c>assignment/{id}</c>).</param>
/// <param name="Data">Ids, codes, dates and rule ids only.</param>
/// <param name="InvitationsOfDraw">For a draw: one <c>assignment.invited</c> per invited assignment of this draw is added
/// in SQL (the entry lists supervisor ids, the assignment ids are in the same transaction's rows).</param>
public sealed record DerivedEvent(string Type, string Subject, JsonObject Data, Guid? InvitationsOfDraw = null);

/// <summary>
/// The one table from audit actions to CloudEvents types (事件类型). Every audited act raises its event, except the few
/// internal ones listed in <see cref="Internal"/> (security and administration: access refusals, OIDC clients, demo
/// seeding). An action not in the table (a pack's <c>bj-etdz.venue.register</c>, an act added later) raises
/// <c>supervision.{action}</c>, so no act is ever silently without its event.
/// </summary>
public static partial class EventCatalog
{
    /// <summary>CloudEvents <c>source</c> of every event.</summary>
    public const string Source = "/supervisioncore";

    /// <summary>Type prefix.</summary>
    public const string Prefix = "supervision.";

    /// <summary>Audit action → event type (without the prefix).</summary>
    public static IReadOnlyDictionary<string, string> Types { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["assignment.create"] = "assignment.invited",
        ["assignment.substitute"] = "assignment.invited",
        ["assignment.substitute-none"] = "assignment.substitution-exhausted",
        ["assignment.accept"] = "assignment.accepted",
        ["assignment.refuse"] = "assignment.refused",
        ["assignment.attendance"] = "assignment.attendance-recorded",
        ["draw.announce"] = "draw.announced",
        ["draw.run"] = "draw.completed",
        ["draw.redraw"] = "draw.redrawn",
        ["draw.publish"] = "draw.published",
        ["draw.inspection"] = "inspection-draw.completed",
        ["task.create"] = "task.created",
        ["task.start"] = "task.started",
        ["task.close"] = "task.closed",
        ["task.cancel"] = "task.cancelled",
        ["task.matters"] = "task.matters-fixed",
        ["special-procedure.step"] = "task.special-procedure-step",
        ["record.file"] = "record.filed",
        ["record.due-tomorrow"] = "record.due-tomorrow",
        ["record.overdue"] = "record.overdue",
        ["feedback.submit"] = "feedback.submitted",
        ["feedback.due-tomorrow"] = "feedback.due-tomorrow",
        ["feedback.overdue"] = "feedback.overdue",
        ["institution.create"] = "institution.registered",
        ["institution.update"] = "institution.updated",
        ["institution.sanction"] = "institution.sanctioned",
        ["supervisor.register"] = "supervisor.registered",
        ["supervisor.update"] = "supervisor.updated",
        ["supervisor.sanction"] = "supervisor.sanctioned",
        ["supervisor.training.record"] = "supervisor.training-recorded",
        ["registry.bar"] = "supervisor.barred",
        ["appointment.create"] = "appointment.created",
        ["appointment.expire"] = "appointment.expired",
        ["appointment.terminate"] = "appointment.terminated",
        ["card.issue-batch"] = "card.issued",
        ["card.withdraw"] = "card.withdrawn",
        ["activity.create"] = "activity.created",
        ["calendar.year.load"] = "calendar.year-loaded",
        ["appointment.not-renewed"] = "appointment.not-renewed",
        ["complaint.receive"] = "complaint.received",
        ["complaint.triage"] = "complaint.triaged",
        ["complaint.conclude"] = "complaint.concluded",
    };

    /// <summary>Action prefixes that raise no event: security and administration records, not acts of supervision.</summary>
    public static IReadOnlyList<string> Internal { get; } = ["access.", "admin.", "demo."];

    // The fields of an entry's after-state an event may carry: ids, codes, states, dates, counts. Names, ID numbers,
    // phones, free text and attachments never match, so a new field stays out until it is added here on purpose.
    private static readonly HashSet<string> AllowedFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "status", "role", "rank", "step", "ground", "measure", "on", "decidedOn", "dueOn", "late", "count", "published",
        "termNumber", "start", "end", "state", "source", "finding", "notRenewedOn", "referredTo", "suspendedFrom", "suspendedUntil", "scope", "from", "until", "rule", "entryAt", "exitAt",
        "formId", "formVersion", "rebuttalDue", "selected", "withdrawnOn", "kind", "purpose", "year", "number",
    };

    /// <summary>The events of one audit entry (none for an internal action).</summary>
    public static IReadOnlyList<DerivedEvent> Derive(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (Internal.Any(p => e.Action.StartsWith(p, StringComparison.Ordinal))) return [];
        var type = Prefix + (Types.TryGetValue(e.Action, out var t) ? t : e.Action);
        var data = new JsonObject
        {
            ["action"] = e.Action,
            ["targetType"] = e.TargetType,
            ["targetId"] = e.TargetId,
            ["jurisdiction"] = e.Jurisdiction,
            ["rules"] = new JsonArray([.. (e.Rules ?? []).Select(r => (JsonNode)JsonValue.Create(r))]),
        };
        var after = Safe(e.After);
        foreach (var (key, value) in after) data.TryAdd(key, value?.DeepClone());
        var subject = $"{e.TargetType}/{e.TargetId}";
        var events = new List<DerivedEvent> { new(type, subject, data) };
        if (e.Action is "draw.run" or "draw.redraw" && Guid.TryParse(e.TargetId, out var draw))
            events.Add(new DerivedEvent(Prefix + "assignment.invited", string.Empty, new JsonObject(), draw));
        return events;
    }

    /// <summary>The allowed fields of a state object as camelCase JSON (nested objects are dropped, except <c>selected</c> id lists).</summary>
    public static JsonObject Safe(object? state)
    {
        var result = new JsonObject();
        if (state is null) return result;
        if (JsonSerializer.SerializeToNode(state, Web) is not JsonObject node) return result;
        foreach (var (key, value) in node)
        {
            if (value is null) continue;
            var isId = key.EndsWith("Id", StringComparison.Ordinal) || key == "id";
            if (!isId && !AllowedFields.Contains(key)) continue;
            if (value is JsonArray list)
            {
                if (list.All(v => v is JsonValue jv && jv.TryGetValue<string>(out var s) && IsSafeCode(s)))
                    result[key] = list.DeepClone();
                continue;
            }
            if (value is not JsonValue scalar) continue;
            if (scalar.TryGetValue<string>(out var text) && !IsSafeCode(text)) continue;
            result[key] = scalar.DeepClone();
        }
        return result;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // A code is short, has no spaces, and is not shaped like a resident ID number (15 or 18 characters, digits).
    private static bool IsSafeCode(string s) => s.Length <= 64 && CodePattern().IsMatch(s) && !IdNumberPattern().IsMatch(s);

    [GeneratedRegex(@"^[A-Za-z0-9._:+\-]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\d{15}|\d{17}[\dXx]")]
    private static partial Regex IdNumberPattern();
}
