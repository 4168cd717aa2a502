using System.Text.Json;
using Npgsql;
using OpenIddict.Validation.AspNetCore;
using SupervisionCore.Host.Auth;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Yardsticks;

/// <summary>
/// Bench-only yardsticks (bench/Suite): bare endpoints that run the same SQL as a real endpoint through Npgsql, with the
/// same authentication, and write the rows as JSON without any domain work. They exist only when <c>Bench:Yardsticks</c>
/// is true (never in production), and are excluded from the OpenAPI documents.
/// </summary>
public static class Yardsticks
{
    public const string ConfigKey = "Bench:Yardsticks";

    /// <summary>Maps the yardsticks when the bench switch is set.</summary>
    public static void MapWhenEnabled(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue<bool>(ConfigKey)) return;
        var connectionString = app.Configuration.GetConnectionString("Supervision")
            ?? throw new InvalidOperationException($"{ConfigKey} needs ConnectionStrings:Supervision");
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        app.Lifetime.ApplicationStopped.Register(dataSource.Dispose);

        // GET supervisor by id: the same statements as Features/Supervisors/Get, same bearer validation and roles.
        app.MapGet("/bench/yardsticks/supervisors/{id:guid}", (Guid id, HttpContext http) =>
                RowsAsync(dataSource, http, Supervisors.Get.SupervisorRead.Sql, id))
            .RequireAuthorization(p => p.AddAuthenticationSchemes(AuthSetup.ApiScheme).RequireRole([.. KernelRoles.All]))
            .ExcludeFromDescription();

        // Public card verification: the same statement as Features/Cards/Verify, anonymous.
        app.MapGet("/bench/yardsticks/public/cards/{number}", (string number, HttpContext http) =>
                RowsAsync(dataSource, http, Cards.Verify.CardVerification.Sql, number.Trim()))
            .AllowAnonymous()
            .ExcludeFromDescription();
        _ = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
    }

    /// <summary>Runs <paramref name="sql"/> (one round trip, parameter <c>@p</c>) and writes every result set as JSON arrays of rows.</summary>
    private static async Task RowsAsync(NpgsqlDataSource dataSource, HttpContext http, string sql, object parameter)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("p", parameter);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        http.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
        json.WriteStartArray();
        var rows = 0;
        do
        {
            json.WriteStartArray();
            while (await reader.ReadAsync(http.RequestAborted))
            {
                rows++;
                json.WriteStartObject();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    json.WritePropertyName(reader.GetName(i));
                    if (reader.IsDBNull(i)) json.WriteNullValue();
                    else JsonSerializer.Serialize(json, reader.GetValue(i));
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        } while (await reader.NextResultAsync(http.RequestAborted));
        json.WriteEndArray();
        if (rows == 0) http.Response.StatusCode = StatusCodes.Status404NotFound;
        await json.FlushAsync(http.RequestAborted);
    }
}
