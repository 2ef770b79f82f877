using Kasify.Application.Accounts;
using Kasify.Application.Common;
using Kasify.Application.Properties;
using Kasify.Simulation.Hosting;
using Kasify.TestFakes.Calendars;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Simulation.World;

/// <summary>
/// <c>--calendar-load N</c>: N extra calendars (N/2 properties of one more host, each with an Airbnb and a Booking.com
/// feed) that all come due at one moment, just before the largest batch of codes is due (check-in − 24 h), so the run
/// measures provisioning delay while the <c>calendars</c> queue holds N feed fetches. The first property is created
/// through the use case; the others are copies of its rows (creating thousands through the use cases would take longer
/// than the run). The calendars are parked (next sync far ahead) before and after their one burst.
/// </summary>
public sealed class CalendarLoad(int calendars, DateTime at)
{
    private const string Subject = "sim-load-host";
    private const string Parked = "2100-01-01 00:00:00";
    private const string LoadProperties = "SELECT Id FROM Properties WHERE Name LIKE 'Load %'";
    private bool _released;

    public int Calendars => calendars;
    public DateTime At { get; } = at;
    public DateTime? DrainedAt { get; private set; }

    /// <summary>The moment the most codes are due at once (a check-in − 24 h), a step before it; null without stays.</summary>
    public static DateTime? Moment(WorldPlan world, DateTime start, DateTime end, TimeSpan lead) =>
        world.Stays.Where(s => s.IsGuestStay).Select(s => s.CheckinUtc - lead).Where(t => t > start.AddHours(6) && t < end.AddHours(-6))
            .GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (DateTime?)g.Key.AddMinutes(-5)).FirstOrDefault();

    public async Task SetupAsync(SimulationHost host, FakeFeedServer feeds, CancellationToken ct)
    {
        var empty = new AirbnbFeed().Build();
        feeds.ServeOk("/load/airbnb.ics", empty);
        feeds.ServeOk("/load/booking.ics", new BookingComFeed().Build());
        await host.AsAsync(Subject, sp => sp.GetRequiredService<RegisterUserHandler>().HandleAsync(ct));
        var template = await host.AsAsync(Subject, async sp => await (await sp.AdmitToAsync<CreatePropertyHandler>(null, ct)).HandleAsync(
            new PropertyRequest("Load 0", "Calle Ancha 2", "Madrid", "28004", feeds.UrlFor("/load/airbnb.ics").ToString(), null, null, null, true, 1, "ES",
                "Europe/Madrid", "15:30", "10:00", [new CalendarRequest("booking", feeds.UrlFor("/load/booking.ics").ToString(), null)]), ct));
        await host.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(ct);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var templateId = (string)(await Scalar(connection, "SELECT Id FROM Properties WHERE Name = 'Load 0'"))!;
            var upper = templateId == templateId.ToUpperInvariant();
            string NewId() => upper ? Guid.CreateVersion7().ToString().ToUpperInvariant() : Guid.CreateVersion7().ToString();
            var propertyColumns = await ColumnsAsync(connection, "Properties");
            var calendarColumns = await ColumnsAsync(connection, "PropertyCalendars");
            await using var tx = connection.BeginTransaction();
            var copyProperty = Command(connection, tx, $"INSERT INTO Properties ({string.Join(", ", propertyColumns)}) SELECT " +
                string.Join(", ", propertyColumns.Select(c => c switch { "Id" => "$id", "Name" => "$name", "ExportToken" => "$token", _ => c })) +
                " FROM Properties WHERE Id = $template");
            var copyCalendars = Command(connection, tx, $"INSERT INTO PropertyCalendars ({string.Join(", ", calendarColumns)}) SELECT " +
                string.Join(", ", calendarColumns.Select(c => c switch { "Id" => "$cid", "PropertyId" => "$id", _ => c })) +
                " FROM PropertyCalendars WHERE PropertyId = $template AND Channel = $channel");
            var channels = new List<string>();
            await using (var read = Command(connection, tx, "SELECT Channel FROM PropertyCalendars WHERE PropertyId = $template"))
            {
                read.Parameters.AddWithValue("$template", templateId);
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) channels.Add(reader.GetString(0));
            }
            for (var i = 1; i < (calendars + channels.Count - 1) / channels.Count; i++)
            {
                var id = NewId();
                copyProperty.Parameters.Clear();
                copyProperty.Parameters.AddWithValue("$id", id);
                copyProperty.Parameters.AddWithValue("$name", $"Load {i}");
                copyProperty.Parameters.AddWithValue("$token", Guid.NewGuid().ToString("N"));
                copyProperty.Parameters.AddWithValue("$template", templateId);
                await copyProperty.ExecuteNonQueryAsync(ct);
                foreach (var channel in channels)
                {
                    copyCalendars.Parameters.Clear();
                    copyCalendars.Parameters.AddWithValue("$cid", NewId());
                    copyCalendars.Parameters.AddWithValue("$id", id);
                    copyCalendars.Parameters.AddWithValue("$template", templateId);
                    copyCalendars.Parameters.AddWithValue("$channel", channel);
                    await copyCalendars.ExecuteNonQueryAsync(ct);
                }
            }
            await using (var park = Command(connection, tx, $"UPDATE PropertyCalendars SET NextSyncAt = '{Parked}' WHERE PropertyId IN ({LoadProperties})"))
                await park.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            return template.Id;
        });
        // The template's first sync was queued when it was created: let it run (it is one of the load's calendars anyway).
    }

    /// <summary>At <see cref="At"/>: every load calendar becomes due. Afterwards: each one fetched is parked again.</summary>
    public async Task StepAsync(SimulationHost host, DateTime now, CancellationToken ct)
    {
        if (now < At || DrainedAt is not null) return;
        var sql = _released
            ? $"UPDATE PropertyCalendars SET NextSyncAt = '{Parked}' WHERE PropertyId IN ({LoadProperties}) AND LastAttemptAt IS NOT NULL AND NextSyncAt < '{Parked}'"
            : $"UPDATE PropertyCalendars SET NextSyncAt = NULL WHERE PropertyId IN ({LoadProperties})";
        await host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql, ct));
        if (!_released) { _released = true; return; }
        var since = At;
        var waiting = await host.WithDbAsync(db => db.PropertyCalendars.CountAsync(c =>
            db.Properties.Any(p => p.Id == c.PropertyId && p.Name.StartsWith("Load ")) && (c.LastAttemptAt == null || c.LastAttemptAt < since), ct));
        if (waiting == 0) DrainedAt = now;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = Command(connection, null, sql);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table)
    {
        var columns = new List<string>();
        await using var command = Command(connection, null, $"PRAGMA table_info({table})");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(1));
        return columns;
    }
}
