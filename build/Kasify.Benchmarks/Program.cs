// Calendar sync benchmark: N calendars × M events served by a local WireMock feed server, synced through the real
// outbox job (fetch, parse, reconcile, save) on SQLite. Prints calendars/second and peak memory.
// Usage: dotnet run -c Release --project build/Kasify.Benchmarks [-- calendars events]
using System.Diagnostics;
using Kasify.Application;
using Kasify.Application.Common;
using Kasify.Benchmarks;
using Kasify.Domain.Accounts;
using Kasify.Domain.Properties;
using Kasify.Infrastructure;
using Kasify.Infrastructure.Jobs;
using Kasify.Infrastructure.Persistence;
using Kasify.TestFakes.Calendars;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var calendars = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
var eventsPerFeed = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
var databasePath = Path.Combine(Path.GetTempPath(), $"kasify-bench-{Guid.NewGuid():N}.db");

using var feeds = new FakeFeedServer();
var start = new DateOnly(2026, 1, 1);
for (var c = 0; c < calendars; c++)
{
    var feed = new AirbnbFeed();
    for (var e = 0; e < eventsPerFeed; e++)
        feed.WithReservation(start.AddDays(e * 3 + 400), start.AddDays(e * 3 + 402), code: $"HM{c:D4}{e:D4}");
    feeds.ServeOk($"/feeds/{c}.ics", feed.Build());
}

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
    .AddApplication()
    .AddInfrastructure(configuration);
await using var provider = services.BuildServiceProvider();
await provider.MigrateDatabaseAsync();

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
    }
    await db.SaveChangesAsync(); // one calendar.sync outbox row per calendar
}

GC.Collect();
var runner = provider.GetRequiredService<DueJobsRunner>();
var clock = Stopwatch.StartNew();
var ran = await runner.RunAsync();
clock.Stop();

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<KasifyDbContext>();
    var bookings = await db.Bookings.CountAsync();
    var failed = await db.PropertyCalendars.CountAsync(c => c.LastError != null);
    Console.WriteLine($"calendars: {calendars}, events per feed: {eventsPerFeed}, jobs run: {ran}, bookings: {bookings}, failed calendars: {failed}");
}
Console.WriteLine($"elapsed: {clock.Elapsed.TotalSeconds:F1} s, {calendars / clock.Elapsed.TotalSeconds:F1} calendars/second");
Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB, managed heap now: {GC.GetTotalMemory(false) / 1024 / 1024} MiB");

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(databasePath + suffix);
