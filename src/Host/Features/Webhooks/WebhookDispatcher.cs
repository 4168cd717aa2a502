using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Events;

namespace SupervisionCore.Host.Features.Webhooks;

/// <summary>
/// Delivers events to webhooks from every Host at once, each delivery by exactly one of them at a time:
/// <list type="number">
/// <item>Queue: each subscription's new events (after its <c>queued_through</c>, in its jurisdiction and types) become
/// pending deliveries; subscriptions are taken <c>FOR UPDATE SKIP LOCKED</c>, so two Hosts never queue the same one.</item>
/// <item>Deliver: a due pending delivery whose subject has no earlier pending delivery for the same subscription is
/// locked (<c>FOR UPDATE SKIP LOCKED</c>) for the HTTP call and marked delivered, retried with back-off, or dead in the
/// same transaction. A Host killed mid-call releases the lock with its connection; another Host delivers again with the
/// same <c>webhook-id</c> (at least once).</item>
/// </list>
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private const string ClaimSubscriptionsSql = """
        SELECT id, jurisdiction, types, queued_through FROM supervision.webhook_subscriptions
         WHERE deleted_at IS NULL AND queued_through < @newest
         ORDER BY id LIMIT 100
         FOR UPDATE SKIP LOCKED
        """;

    // Jurisdiction as in JurisdictionScope: CN sees all, a province its sub-jurisdictions, a sub-jurisdiction itself.
    private const string QueueSql = """
        INSERT INTO supervision.webhook_deliveries (subscription_id, event_position, subject, status, attempts, next_attempt_at, created_at)
        SELECT @subscription, e.position, e.subject, 'pending', 0, @now, @now
          FROM supervision.events e
         WHERE e.position > @from AND e.position <= @through
           AND (@jurisdiction = 'CN' OR e.jurisdiction = @jurisdiction OR (strpos(@jurisdiction, '.') = 0 AND e.jurisdiction LIKE @jurisdiction || '.%'))
           AND (cardinality(@types) = 0 OR e.type = ANY(@types)
                OR EXISTS (SELECT 1 FROM unnest(@types) t WHERE right(t, 2) = '.*' AND left(e.type, length(t) - 1) = left(t, -1)))
         ORDER BY e.position
        ON CONFLICT (subscription_id, event_position) DO NOTHING;
        """;

    private const string ClaimDeliverySql = """
        SELECT d.id, d.attempts, s.url, s.secret, e.id, e.type, e.subject, e.jurisdiction, e.time, e.position, e.data::text
          FROM supervision.webhook_deliveries d
          JOIN supervision.webhook_subscriptions s ON s.id = d.subscription_id
          JOIN supervision.events e ON e.position = d.event_position
         WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND s.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM supervision.webhook_deliveries p
                            WHERE p.subscription_id = d.subscription_id AND p.subject = d.subject
                              AND p.event_position < d.event_position AND p.status = 'pending')
         ORDER BY d.next_attempt_at, d.event_position
         LIMIT 1
         FOR UPDATE OF d SKIP LOCKED
        """;

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false, // a redirect could point anywhere, also inside the network
        UseProxy = false,          // the address check is on the connection: through a proxy it would check the proxy, not the target
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, ct) => WebhookTargets.ConnectAsync(context.DnsEndPoint, options.Value.AllowPrivateTargets, ct),
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DeliveryEnabled) return;
        var idle = TimeSpan.FromMilliseconds(Math.Max(10, options.Value.PollMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                await QueueAsync(stoppingToken);
                busy = await DeliverBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or DbUpdateException or TimeoutException)
            {
                // The database may be down for a while; the next round tries again.
                logger.LogWarning(ex, "webhook round failed");
            }
            if (!busy)
            {
                try { await Task.Delay(idle, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Queues new events of every subscription this Host could lock; returns the number of deliveries queued.</summary>
    public async Task<int> QueueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var newest = await db.Set<OutboxEvent>().MaxAsync(e => (long?)e.Position, ct) ?? 0;
        if (newest == 0) return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTx = (NpgsqlTransaction)tx.GetDbTransaction();
        var subscriptions = new List<(Guid Id, string Jurisdiction, string[] Types, long From)>();
        await using (var claim = new NpgsqlCommand(ClaimSubscriptionsSql, connection, npgsqlTx))
        {
            claim.Parameters.AddWithValue("newest", newest);
            await using var reader = await claim.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) subscriptions.Add((reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetInt64(3)));
        }
        var queued = 0;
        var now = clock.GetUtcNow();
        foreach (var s in subscriptions)
        {
            await using var batch = new NpgsqlBatch(connection, npgsqlTx);
            var insert = new NpgsqlBatchCommand(QueueSql);
            insert.Parameters.AddWithValue("subscription", s.Id);
            insert.Parameters.AddWithValue("from", s.From);
            insert.Parameters.AddWithValue("through", newest);
            insert.Parameters.AddWithValue("jurisdiction", s.Jurisdiction);
            insert.Parameters.AddWithValue("types", s.Types);
            insert.Parameters.AddWithValue("now", now);
            batch.BatchCommands.Add(insert);
            var advance = new NpgsqlBatchCommand("UPDATE supervision.webhook_subscriptions SET queued_through = @through WHERE id = @subscription");
            advance.Parameters.AddWithValue("through", newest);
            advance.Parameters.AddWithValue("subscription", s.Id);
            batch.BatchCommands.Add(advance);
            await batch.ExecuteNonQueryAsync(ct);
            queued += insert.RecordsAffected;
        }
        await tx.CommitAsync(ct);
        return queued;
    }

    /// <summary>Delivers due deliveries one by one (at most 100); returns true when there may be more.</summary>
    public async Task<bool> DeliverBatchAsync(CancellationToken ct)
    {
        for (var i = 0; i < 100; i++)
            if (!await DeliverOneAsync(ct)) return false;
        return true;
    }

    /// <summary>Claims and attempts one due delivery; false when there was none.</summary>
    public async Task<bool> DeliverOneAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTx = (NpgsqlTransaction)tx.GetDbTransaction();
        long deliveryId;
        int attempts;
        string url, secret, body;
        string eventId;
        await using (var claim = new NpgsqlCommand(ClaimDeliverySql, connection, npgsqlTx))
        {
            claim.Parameters.AddWithValue("now", clock.GetUtcNow());
            await using var reader = await claim.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return false;
            deliveryId = reader.GetInt64(0);
            attempts = reader.GetInt32(1);
            url = reader.GetString(2);
            secret = WebhookSignature.Unseal(scope.ServiceProvider.GetRequiredService<Infrastructure.PersonalData>(), reader.GetString(3));
            var e = new OutboxEvent
            {
                Id = reader.GetGuid(4), Type = reader.GetString(5), Subject = reader.GetString(6), Jurisdiction = reader.GetString(7),
                Time = reader.GetFieldValue<DateTimeOffset>(8), Position = reader.GetInt64(9), Data = reader.GetString(10), Action = string.Empty,
            };
            eventId = e.Id.ToString();
            body = CloudEventDto.From(e).ToJson();
        }

        var (status, error) = await SendAsync(url, secret, eventId, body, ct);
        var now = clock.GetUtcNow();
        attempts++;
        string state;
        DateTimeOffset next = now;
        if (status is >= 200 and < 300) state = "delivered";
        else if (attempts >= options.Value.MaxAttempts) state = "dead";
        else { state = "pending"; next = now + options.Value.Backoff(attempts); }
        await using (var update = new NpgsqlCommand("""
            UPDATE supervision.webhook_deliveries
               SET status = @status, attempts = @attempts, next_attempt_at = @next, last_status_code = @code, last_error = @error,
                   delivered_at = CASE WHEN @status = 'delivered' THEN @now ELSE delivered_at END
             WHERE id = @id
            """, connection, npgsqlTx))
        {
            update.Parameters.AddWithValue("status", state);
            update.Parameters.AddWithValue("attempts", attempts);
            update.Parameters.AddWithValue("next", next);
            update.Parameters.Add(new NpgsqlParameter("code", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)status ?? DBNull.Value });
            update.Parameters.Add(new NpgsqlParameter("error", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)error ?? DBNull.Value });
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("id", deliveryId);
            await update.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        if (state != "delivered")
            logger.LogInformation("webhook delivery {Delivery} of event {Event}: {Error}; {State} after {Attempts} attempt(s)", deliveryId, eventId, error, state, attempts);
        return true;
    }

    private async Task<(int? Status, string? Error)> SendAsync(string url, string secret, string id, string body, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/cloudevents+json") { CharSet = "utf-8" }),
        };
        request.Headers.TryAddWithoutValidation("webhook-id", id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Sign(secret, id, timestamp, body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("SupervisionCore-Webhooks", "1.0"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return (code, code is >= 200 and < 300 ? null : $"HTTP {code}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"no answer within {options.Value.TimeoutSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            return (null, Truncate(ex.Message));
        }
        finally
        {
            logger.LogDebug("webhook {Id} took {Ms} ms", id, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static string Truncate(string s) => s.Length <= 500 ? s : s[..500];

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}

/// <summary>Registration of webhook delivery.</summary>
public static class WebhookServices
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddHostedService<Events.DeadlineReminderJob>();
        return services.AddHostedService<WebhookDispatcher>();
    }
}
