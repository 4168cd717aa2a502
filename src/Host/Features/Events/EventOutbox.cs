using NpgsqlTypes;
using Npgsql;
using SupervisionCore.Host.Audit;

namespace SupervisionCore.Host.Features.Events;

/// <summary>
/// Writes the events of an audit entry into <c>supervision.events</c> in the same round trip and transaction as the
/// entry (no event without the act, no act without its event). The commands go AFTER the audit append in the batch:
/// the transaction then holds the audit chain head while it takes event positions, so positions commit in order and
/// the pull cursor and the delivery fan-out never pass over an event that commits later.
/// </summary>
public static class EventOutbox
{
    private const string InsertSql = """
        INSERT INTO supervision.events (id, type, subject, jurisdiction, time, action, rules, data)
        VALUES (@id, @type, @subject, @jurisdiction, @time, @action, @rules, @data)
        """;

    // The draw's entry lists supervisor ids; its invited assignments are rows of the same transaction.
    private const string InvitationsSql = """
        INSERT INTO supervision.events (id, type, subject, jurisdiction, time, action, rules, data)
        SELECT gen_random_uuid(), @type, 'assignment/' || a.id, @jurisdiction, @time, @action, @rules,
               jsonb_build_object('action', @action, 'targetType', 'assignment', 'targetId', a.id::text, 'jurisdiction', @jurisdiction,
                                  'rules', to_jsonb(@rules), 'id', a.id, 'taskId', a.task_id, 'drawId', a.draw_id,
                                  'supervisorId', a.supervisor_id, 'rank', a.rank, 'role', a.role, 'status', a.status)
          FROM supervision.assignments a
         WHERE a.draw_id = @draw AND a.status = 'invited'
         ORDER BY a.rank, a.id
        """;

    /// <summary>Adds the inserts of <paramref name="e"/>'s events to <paramref name="batch"/> (after its audit append).</summary>
    public static void Add(NpgsqlBatch batch, AuditEvent e, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var command in Commands(e, at)) batch.BatchCommands.Add(command);
    }

    /// <summary>The insert commands of <paramref name="e"/>'s events (none for an internal action).</summary>
    public static IEnumerable<NpgsqlBatchCommand> Commands(AuditEvent e, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(e);
        var rules = (e.Rules ?? []).ToArray();
        foreach (var d in EventCatalog.Derive(e))
        {
            var command = new NpgsqlBatchCommand(d.InvitationsOfDraw is null ? InsertSql : InvitationsSql);
            if (d.InvitationsOfDraw is { } draw) command.Parameters.AddWithValue("draw", draw);
            else
            {
                command.Parameters.AddWithValue("id", Guid.CreateVersion7(at));
                command.Parameters.AddWithValue("subject", d.Subject);
                command.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Jsonb) { Value = d.Data.ToJsonString() });
            }
            command.Parameters.AddWithValue("type", d.Type);
            command.Parameters.AddWithValue("jurisdiction", e.Jurisdiction);
            command.Parameters.AddWithValue("time", at);
            command.Parameters.AddWithValue("action", e.Action);
            command.Parameters.Add(new NpgsqlParameter("rules", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rules });
            yield return command;
        }
    }
}
