using System.Diagnostics;
using System.Globalization;
using System.Net;
using Kasify.Benchmarks.Http;
using Kasify.Domain.Accounts;
using Kasify.Domain.Crew;
using Kasify.Domain.Properties;
using Kasify.Infrastructure.Persistence;
using Kasify.TestFakes.Calendars;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Benchmarks.Pool;

/// <summary>
/// Issue 14 §1: calendar sync through the real Hangfire worker pool. The API runs in its own process (Release, SQLite file,
/// <c>Jobs:RunServer=true</c>, the worker counts of appsettings.json); N Airbnb-like feeds of E events are served from this
/// process. Every property's owner asks <c>POST /properties/{id}/calendars/sync</c> at once, and the phase ends when every
/// calendar has recorded its attempt. Phases: first import, the same body under a new ETag (200), 304.
/// </summary>
internal static class PoolBench
{
    private const int AppPort = 5390, FeedPort = 5391;
    private static readonly TimeSpan PhaseLimit = TimeSpan.FromMinutes(20);

    public static async Task RunAsync(string[] args)
    {
        var calendars = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var databasePath = Path.Combine(Path.GetTempPath(), $"kasify-pool-bench-{Guid.NewGuid():N}.db");
        var settings = HttpBench.AppSettings(databasePath, AppPort);
        settings["Jobs:RunServer"] = "true";
        settings["Calendars:AllowPrivateAddresses"] = "true"; // the feeds are on 127.0.0.1

        Console.WriteLine($"calendar sync through the Hangfire worker pool: {calendars} calendars × {events} events");
        Console.WriteLine($"commit {HttpBench.Git("rev-parse --short HEAD")}, load average before: {HttpBench.LoadAverage()}");
        // One more calendar than measured: its first import warms the API up (JIT, pools) before the phases.
        await using var feeds = await FeedServer.StartAsync(FeedPort, Enumerable.Range(0, calendars + 1).Select(c => Feed(c, events)));
        const string owner = "pool-owner";
        List<Guid> properties;
        await using (var provider = await HttpBench.MigratedAsync(settings))
            properties = Seed(provider, owner, calendars + 1, feeds);
        var warmUp = properties[^1..];
        properties = properties[..^1];
        SqliteConnection.ClearAllPools();

        var webApiDll = Path.Combine(HttpBench.RepositoryRoot(), "src/WebApi/bin/Release/net10.0/Kasify.WebApi.dll");
        var results = new List<string>();
        try
        {
            using var app = await AppProcess.StartAsync(webApiDll, AppPort, settings);
            Console.WriteLine($"API ready in {app.StartupToReady.TotalSeconds:F1} s");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{AppPort}") };
            http.DefaultRequestHeaders.Authorization = new("Bearer", HttpBench.Mint(owner));

            await PhaseAsync("warm-up (not counted)", app, http, feeds, warmUp, databasePath, events);
            results.Add(await PhaseAsync("first import", app, http, feeds, properties, databasePath, events));
            feeds.NewValidator();
            results.Add(await PhaseAsync("same body (200)", app, http, feeds, properties, databasePath, events));
            results.Add(await PhaseAsync("unchanged (304)", app, http, feeds, properties, databasePath, events));
            Console.WriteLine($"API peak RSS: {app.Memory().Peak} MiB");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", ".lock" }) File.Delete(databasePath + suffix);
        }
        Console.WriteLine();
        Console.WriteLine($"| phase ({calendars} calendars × {events} events) | wall s | calendars/s | API CPU ms/calendar | API CPU ms/event | feed 200/304 | failed |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        results.ForEach(Console.WriteLine);
        Console.WriteLine($"load average after: {HttpBench.LoadAverage()}");
    }

    private static string Feed(int calendar, int events)
    {
        var feed = new AirbnbFeed();
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        for (var e = 0; e < events; e++)
            feed.WithReservation(first.AddDays(3 * e), first.AddDays(3 * e + 2), code: $"HM{calendar:D4}{e:D4}");
        return feed.Build();
    }

    /// <summary>One account; per property an Airbnb calendar on our feed server (next sync half an hour away, so the recurring
    /// dispatcher leaves it to us) and a staff cleaner, as the HTTP benchmark seeds them.</summary>
    private static List<Guid> Seed(IServiceProvider provider, string subject, int calendars, FeedServer feeds)
    {
        using var scope = provider.CreateScope();
        using var rows = new RowInserts(scope.ServiceProvider.GetRequiredService<KasifyDbContext>());
        rows.Begin();
        var now = DateTime.UtcNow;
        var ownerId = Guid.CreateVersion7();
        var account = new Account(ownerId, now);
        rows.Add(account);
        rows.Add(new User(ownerId, Seeder.Issuer, subject, $"{subject}@example.test", "Owner", subject, account.Id, now));
        var cleanerId = Guid.CreateVersion7();
        rows.Add(new User(cleanerId, Seeder.Issuer, $"{subject}-cleaner", $"{subject}-cleaner@example.test", "Cleaner", subject, account.Id, now));
        var ids = new List<Guid>();
        for (var c = 0; c < calendars; c++)
        {
            var property = Property.Create(account.Id, new PropertyDetails($"Casa {c}", $"Calle Mayor {c + 1}", "Madrid", "28013",
                null, null, null, null, null), PropertySettings.Default, now);
            property.SetCalendar(Channel.Airbnb, feeds.UrlFor(c).ToString(), PropertyCalendar.DefaultSyncIntervalMinutes);
            property.Calendars[0].ScheduleNext(now);
            property.PopDomainEvents();
            rows.Add(property);
            rows.Add(property.Calendars[0]);
            rows.Add(new PropertyMember(property.Id, cleanerId, AccessLevel.Staff, CrewService.Cleaning, now));
            ids.Add(property.Id);
        }
        rows.Commit();
        return ids;
    }

    private static async Task<string> PhaseAsync(string phase, AppProcess app, HttpClient http, FeedServer feeds, List<Guid> properties,
        string databasePath, int events)
    {
        feeds.TakeCounts();
        var start = DateTime.UtcNow;
        var cpuBefore = CpuTime(app.Id);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(properties, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
        {
            using var response = await http.PostAsync($"/properties/{id}/calendars/sync", null, ct);
            if (response.StatusCode != HttpStatusCode.Accepted)
                throw new InvalidOperationException($"sync {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        });
        var requested = clock.Elapsed;

        await using var db = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await db.OpenAsync();
        var (done, failed) = (0L, 0L);
        var lastReport = TimeSpan.Zero;
        while (done < properties.Count && clock.Elapsed < PhaseLimit)
        {
            await Task.Delay(200);
            (done, failed) = await AttemptedSinceAsync(db, start);
            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(15))
            {
                lastReport = clock.Elapsed;
                Console.WriteLine($"  {phase}: {done}/{properties.Count} after {clock.Elapsed.TotalSeconds:F0} s");
            }
        }
        var wall = clock.Elapsed;
        var cpu = CpuTime(app.Id) - cpuBefore;
        var (ok, notModified) = feeds.TakeCounts();
        var bookings = await ScalarAsync(db, "SELECT COUNT(*) FROM \"Bookings\"");
        var tasks = await ScalarAsync(db, "SELECT COUNT(*) FROM \"Tasks\"");
        var perSecond = done / wall.TotalSeconds;
        var cpuPerCalendar = cpu.TotalMilliseconds / Math.Max(1, done);
        Console.WriteLine($"{phase}: {done}/{properties.Count} calendars in {wall.TotalSeconds:F1} s (sync requests sent in {requested.TotalSeconds:F1} s) " +
                          $"= {perSecond:F1} calendars/s; API CPU {cpu.TotalSeconds:F1} s = {cpuPerCalendar:F0} ms/calendar; feeds answered {ok}×200, " +
                          $"{notModified}×304; failed {failed}; bookings {bookings}, tasks {tasks}; load average {HttpBench.LoadAverage()}");
        if (done < properties.Count) Console.WriteLine($"  {phase}: gave up after {PhaseLimit.TotalMinutes:F0} min");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {phase} | {wall.TotalSeconds:F1} | {perSecond:F1} | {cpuPerCalendar:F0} | {cpuPerCalendar / events:F2} | {ok}/{notModified} | {failed} |");
    }

    /// <summary>Calendars whose job ran (and committed) since the phase began, and how many of them recorded an error.</summary>
    private static async Task<(long Done, long Failed)> AttemptedSinceAsync(SqliteConnection db, DateTime since)
    {
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COALESCE(SUM(\"LastError\" IS NOT NULL), 0) FROM \"PropertyCalendars\" WHERE \"LastAttemptAt\" >= $since";
        command.Parameters.AddWithValue("$since", since); // the same text form EF stores (yyyy-MM-dd HH:mm:ss.FFFFFFF)
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>User + system CPU of a process so far (/proc/{pid}/stat, fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields from the third (state) on; the name may hold spaces
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static async Task<long> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
