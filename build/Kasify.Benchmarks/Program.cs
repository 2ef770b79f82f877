// Calendar sync benchmark: N calendars × M events served by a local WireMock feed server, synced through the real
// outbox job (fetch, parse, reconcile, save) on SQLite. Three phases: first import, the same body again (200, new
// validator) and 304s. Each prints calendars/second (noisy on a shared machine) and counts that are not: SQL commands
// per event, full DetectChanges passes per calendar, allocated bytes per event. See docs/performance.md.
// Usage: dotnet run -c Release --project build/Kasify.Benchmarks [-- calendars events]
// Pool mode (issue 14, the same phases through the API's Hangfire workers): ... Kasify.Benchmarks.dll pool [calendars events]
// HTTP mode (issue 14, list endpoints against the floor): dotnet run -c Release --project build/Kasify.Benchmarks -- http [--small] [--db FILE]
using System.Diagnostics;
using Kasify.Application;
using Kasify.Application.Calendars;
using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Benchmarks;
using Kasify.Domain.Accounts;
using Kasify.Domain.Properties;
using Kasify.Infrastructure;
using Kasify.Infrastructure.Jobs;
using Kasify.Infrastructure.Persistence;
using Kasify.TestFakes.Calendars;
using Kasify.TestFakes.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

if (args is ["pool", ..])
{
    await Kasify.Benchmarks.Pool.PoolBench.RunAsync(args[1..]);
    return;
}
if (args is ["http", ..])
{
    await Kasify.Benchmarks.Http.HttpBench.RunAsync(args[1..]);
    return;
}

var calendars = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
var eventsPerFeed = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
var databasePath = Path.Combine(Path.GetTempPath(), $"kasify-bench-{Guid.NewGuid():N}.db");

using var feeds = new FakeFeedServer();
var start = new DateOnly(2026, 1, 1);
var bodies = new string[calendars];
for (var c = 0; c < calendars; c++)
{
    var feed = new AirbnbFeed();
    for (var e = 0; e < eventsPerFeed; e++)
        feed.WithReservation(start.AddDays(e * 3 + 400), start.AddDays(e * 3 + 402), code: $"HM{c:D4}{e:D4}");
    bodies[c] = feed.Build();
    feeds.ServeOk($"/feeds/{c}.ics", bodies[c]);
}
var commands = new CommandCounter();
using var detections = new ChangeDetectionCounter();

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = "Sqlite",
    ["Database:SqliteConnectionString"] = $"Data Source={databasePath}",
    ["Jobs:RunServer"] = "false",
    ["Calendars:AllowPrivateAddresses"] = "true",
}).Build();
var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton<IConfiguration>(configuration)
    .AddScoped<ICurrentUser, NobodyCalling>()
    .AddScoped<IPublicUrls, NoPublicUrls>()
    .AddSingleton<IInterceptor>(commands)
    .AddApplication()
    .AddInfrastructure(configuration);
await using var provider = services.BuildServiceProvider();
await provider.MigrateDatabaseAsync();

var propertyIds = new List<Guid>();
await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<KasifyDbContext>();
    var now = DateTime.UtcNow;
    var userId = Guid.CreateVersion7();
    var account = new Account(userId, now);
    db.Accounts.Add(account);
    db.Users.Add(new User(userId, "benchmark", "bench", "bench@example.test", "Bench", null, account.Id, now));
    for (var c = 0; c < calendars; c++)
    {
        var property = Property.Create(account.Id, new PropertyDetails($"P{c}", "Street 1", "Madrid", "28013", null, null, null, null, null),
            PropertySettings.Default, now);
        property.SetCalendar(Channel.Airbnb, feeds.UrlFor($"/feeds/{c}.ics").ToString(), 30);
        db.Properties.Add(property);
        propertyIds.Add(property.Id);
    }
    await db.SaveChangesAsync(); // one calendar.sync outbox row per calendar
}

var runner = provider.GetRequiredService<DueJobsRunner>();
await RunPhaseAsync("first import", eventsPerFeed);

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<KasifyDbContext>();
    var bookings = await db.Bookings.CountAsync();
    var tasks = await db.Tasks.CountAsync();
    var failed = await db.PropertyCalendars.CountAsync(c => c.LastError != null);
    Console.WriteLine($"  bookings: {bookings}, cleaning tasks: {tasks}, failed calendars: {failed}");
}

// Same body under a new validator: 200, the whole feed is reconciled and nothing changes.
for (var c = 0; c < calendars; c++)
    feeds.ServeOk($"/feeds/{c}.ics", bodies[c], etag: "\"v2\"", lastModified: new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
await EnqueueSyncsAsync();
await RunPhaseAsync("steady state, same body (200)", eventsPerFeed);

// The server answers 304 to the stored validator.
await EnqueueSyncsAsync();
await RunPhaseAsync("steady state, 304", eventsPerFeed);

Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB, managed heap now: {GC.GetTotalMemory(false) / 1024 / 1024} MiB");

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(databasePath + suffix);

async Task EnqueueSyncsAsync()
{
    await using var scope = provider.CreateAsyncScope();
    var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
    foreach (var propertyId in propertyIds)
    {
        var request = new CalendarSyncRequest(propertyId, Channel.Airbnb);
        await outbox.EnqueueAsync(CalendarSyncRequest.Kind, request, propertyId: propertyId, dedupKey: request.DedupKey);
    }
    await scope.ServiceProvider.GetRequiredService<KasifyDbContext>().SaveChangesAsync();
}

async Task RunPhaseAsync(string phase, int events)
{
    GC.Collect();
    commands.Reset();
    detections.Start();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var ran = await runner.RunAsync();
    clock.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    detections.Stop();
    var totalEvents = (double)calendars * events;
    Console.WriteLine($"{phase}: {calendars} calendars × {events} events, jobs run: {ran}");
    Console.WriteLine($"  elapsed: {clock.Elapsed.TotalSeconds:F1} s, {calendars / clock.Elapsed.TotalSeconds:F1} calendars/second (wall clock: noisy on a shared machine)");
    Console.WriteLine($"  SQL commands: {commands.Count / totalEvents:F2} per event, {commands.Count / (double)calendars:F1} per calendar");
    Console.WriteLine($"  full DetectChanges passes: {detections.Count / (double)calendars:F1} per calendar");
    Console.WriteLine($"  allocated: {allocated / totalEvents / 1024:F1} KiB per event");
    foreach (var (statement, count) in commands.TopStatements(12))
        Console.WriteLine($"    {count / totalEvents,6:F2}/event  {statement}");
}
