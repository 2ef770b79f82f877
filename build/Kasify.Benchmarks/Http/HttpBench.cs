using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Kasify.Application;
using Kasify.Application.Common;
using Kasify.Infrastructure;
using Kasify.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kasify.Benchmarks.Http;

/// <summary>
/// Issue 14's HTTP benchmark: the real API (separate process, Release, Kestrel, SQLite file) against the floor (the same
/// response bytes from memory), both driven by wrk with the same connections in the same run. See docs/performance.md.
/// </summary>
internal static class HttpBench
{
    private const string Audience = "kasify-api";
    private static readonly string SigningKey = Convert.ToBase64String("kasify-benchmark-signing-key-0123456789-abcdef"u8.ToArray());
    private const int AppPort = 5380, FloorPort = 5381;

    private static readonly string[] TypicalPaths =
    [
        "/properties?size=100", "/bookings?size=100", "/properties/{id}/bookings?size=100", "/calendar/upcoming",
        "/timeline/upcoming", "/geo/cities?q=mad", "/tasks?size=100", "/timeline/activity?size=100", "/account",
    ];

    private static readonly string[] LargePaths =
    [
        "/properties?size=100", "/bookings?size=100", "/calendar/upcoming", "/timeline/upcoming", "/tasks?size=100",
        "/timeline/activity?size=100",
    ];

    public static async Task RunAsync(string[] args)
    {
        var size = BenchSize.Parse(args);
        var keep = size.DatabasePath is not null;
        var databasePath = size.DatabasePath ?? Path.Combine(Path.GetTempPath(), $"kasify-http-bench-{Guid.NewGuid():N}.db");
        var settings = AppSettings(databasePath, AppPort);
        settings["Jobs:RunServer"] = "false"; // the seeded calendars point at airbnb.com; no feed is fetched during the benchmark

        Console.WriteLine($"HTTP benchmark: {size.Accounts} accounts × {size.PropertiesPerAccount} properties × {size.BookingsPerProperty} bookings " +
                          $"+ one account of {size.LargeProperties} properties = {size.Bookings:N0} bookings; wrk, {size.Connections} connections, {size.Seconds} s each");
        Console.WriteLine($"commit {Git("rev-parse --short HEAD")}, load average before: {LoadAverage()}");
        var (typical, large) = await PrepareDatabaseAsync(databasePath, size, settings);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var tokens = new Dictionary<string, string> { ["typical"] = Mint(typical.Subject), ["large"] = Mint(large.Subject) };
        var targets = TypicalPaths.Select(p => (Caller: "typical", Path: p.Replace("{id}", typical.FirstPropertyId.ToString(), StringComparison.Ordinal)))
            .Concat(LargePaths.Select(p => (Caller: "large", Path: p)))
            .Append((Caller: "anonymous", Path: "/health/live"))
            .Where(t => size.Only is null || t.Path.Contains(size.Only, StringComparison.Ordinal))
            .ToList();

        if (size.CountsOnly)
        {
            await PrintCostsAsync(targets, tokens, settings, Path.Combine(RepositoryRoot(), "src/WebApi/bin/Release/net10.0"));
            return;
        }

        var rows = new List<Row>();
        var webApiDll = Path.Combine(RepositoryRoot(), "src/WebApi/bin/Release/net10.0/Kasify.WebApi.dll");
        long idleRss, peakRss;
        TimeSpan startup;
        double postsPerSecond;
        using (var app = await AppProcess.StartAsync(webApiDll, AppPort, settings))
        {
            startup = app.StartupToReady;
            await Task.Delay(TimeSpan.FromSeconds(3));
            idleRss = app.Memory().Rss;
            Console.WriteLine($"start-up to ready: {startup.TotalSeconds:F2} s, idle RSS: {idleRss} MiB");

            var captured = await CaptureAsync(targets, tokens);
            if (size.DumpTo is not null)
            {
                Dump(captured, size.DumpTo);
                return;
            }
            await using var floor = await FloorApp.StartAsync(FloorPort, captured.ToDictionary(c => FloorKey(c.Key.Caller, c.Key.Path), c => c.Value));
            foreach (var (caller, path) in targets)
            {
                var bearer = tokens.GetValueOrDefault(caller);
                await Load.RunAsync($"http://127.0.0.1:{AppPort}{path}", bearer, size.Connections, 1); // warm-up
                var seconds = await RunLengthAsync(path, bearer, size);
                var real = await Load.RunAsync($"http://127.0.0.1:{AppPort}{path}", bearer, size.Connections, seconds);
                var bottom = await Load.RunAsync($"http://127.0.0.1:{FloorPort}{FloorKey(caller, path)}", bearer, size.Connections, seconds);
                var row = new Row(caller, path, captured[(caller, path)].Body.Length, real, bottom);
                rows.Add(row);
                Console.WriteLine($"  {row.Format()}");
            }
            postsPerSecond = await PostBookingsAsync(tokens["typical"], size, databasePath);
            peakRss = app.Memory().Peak;
        }

        var costs = await PrintCostsAsync(targets, tokens, settings, Path.GetDirectoryName(webApiDll)!);

        Console.WriteLine();
        Console.WriteLine($"| caller | endpoint | bytes | Kasify req/s | floor req/s | ratio | p50 ms (floor) | p99 ms (floor) | p99 ratio | SQL/request |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
            Console.WriteLine(row.Markdown(costs.TryGetValue((row.Caller, row.Path), out var n) ? n.SqlCommands.ToString("F1", CultureInfo.InvariantCulture) : "–"));
        Console.WriteLine();
        Console.WriteLine($"start-up to ready: {startup.TotalSeconds:F2} s; idle RSS: {idleRss} MiB; peak RSS: {peakRss} MiB; " +
                          $"POST /properties/{{id}}/bookings: {postsPerSecond:F0}/s");
        Console.WriteLine($"load average after: {LoadAverage()}");

        if (!keep)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(databasePath + suffix);
        }
    }

    /// <summary>How the benchmarks run the API: Production, the SQLite file, our own JWT issuer (see <see cref="Mint"/>).</summary>
    internal static Dictionary<string, string> AppSettings(string databasePath, int port) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:SqliteConnectionString"] = $"Data Source={databasePath}",
        ["PublicBaseUrl"] = $"http://127.0.0.1:{port}",
        ["RateLimits:Geo"] = "100000000", // the limiter still runs; it just never rejects the load generator
        ["Logging:LogLevel:Default"] = "Warning",
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Seeder.Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Seeder.Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = SigningKey,
    };

    /// <summary>The load-independent figures: SQL commands and allocations per request, measured in-process.</summary>
    private static async Task<Dictionary<(string, string), RequestCost>> PrintCostsAsync(List<(string Caller, string Path)> targets,
        Dictionary<string, string> tokens, Dictionary<string, string> settings, string contentRoot)
    {
        var costs = new Dictionary<(string, string), RequestCost>();
        await using var counts = SqlCounts.For(settings, contentRoot);
        Console.WriteLine("in-process, one request at a time:");
        foreach (var (caller, path) in targets.Where(t => t.Caller != "anonymous"))
        {
            costs[(caller, path)] = await counts.PerRequestAsync(path, tokens[caller]);
            Console.WriteLine($"  {caller,-9} {path,-60} {costs[(caller, path)]}");
        }
        return costs;
    }

    /// <summary>
    /// wrk counts only the requests that complete within the run: when <c>connections</c> queued requests take longer than
    /// <c>--seconds</c> (the large account's heavy pages on a loaded machine), a fixed run reports 0 req/s. The run is
    /// stretched to three times the expected queue latency (connections × one request alone ÷ cores), at most 60 s.
    /// </summary>
    private static async Task<int> RunLengthAsync(string path, string? bearer, BenchSize size)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{AppPort}"), Timeout = TimeSpan.FromSeconds(60) };
        var alone = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            alone.Add(clock.Elapsed.TotalSeconds);
        }
        var queueLatency = size.Connections * alone.Order().ElementAt(1) / Environment.ProcessorCount;
        var seconds = (int)Math.Min(60, Math.Max(size.Seconds, Math.Ceiling(3 * queueLatency)));
        if (seconds > size.Seconds)
            Console.WriteLine($"  {path}: {alone.Order().ElementAt(1) * 1000:F0} ms alone, so {seconds} s runs instead of {size.Seconds} s");
        return seconds;
    }

    /// <summary>Writes each captured body to a file (caller_path.json): two databases' answers can then be compared.</summary>
    private static void Dump(Dictionary<(string Caller, string Path), CapturedResponse> captured, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var ((caller, path), response) in captured)
        {
            var withoutIds = System.Text.RegularExpressions.Regex.Replace(path, "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "id");
            var name = $"{caller}{System.Text.RegularExpressions.Regex.Replace(withoutIds, "[^A-Za-z0-9]+", "_")}.json";
            File.WriteAllBytes(Path.Combine(directory, name), response.Body);
        }
        Console.WriteLine($"{captured.Count} responses written to {directory}");
    }

    private static string FloorKey(string caller, string path) => $"/{caller}{path}";

    private static async Task<(SeededAccount Typical, SeededAccount Large)> PrepareDatabaseAsync(string path, BenchSize size,
        Dictionary<string, string> settings)
    {
        var exists = File.Exists(path);
        await using var provider = await MigratedAsync(settings);
        if (exists)
        {
            Console.WriteLine($"reusing {path}");
            return await Seeder.FindAsync(provider, size);
        }
        Console.WriteLine($"seeding {path}");
        return await Seeder.SeedAsync(provider, size);
    }

    /// <summary>The app's services in this process, on a database brought up to date by the app's own migrations.</summary>
    internal static async Task<ServiceProvider> MigratedAsync(Dictionary<string, string> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddScoped<ICurrentUser, NobodyCalling>()
            .AddScoped<IPublicUrls, NoPublicUrls>()
            .AddApplication()
            .AddInfrastructure(configuration);
        var provider = services.BuildServiceProvider();
        await provider.MigrateDatabaseAsync();
        return provider;
    }

    private static async Task<Dictionary<(string Caller, string Path), CapturedResponse>> CaptureAsync(
        IEnumerable<(string Caller, string Path)> targets, Dictionary<string, string> tokens)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{AppPort}") };
        var captured = new Dictionary<(string, string), CapturedResponse>();
        foreach (var (caller, path) in targets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (tokens.TryGetValue(caller, out var bearer)) request.Headers.Authorization = new("Bearer", bearer);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{caller} {path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
            captured[(caller, path)] = new CapturedResponse(body, response.Content.Headers.ContentType?.ToString() ?? "application/json");
        }
        return captured;
    }

    /// <summary>Creates bookings through the API for a few seconds, 32 at a time, on free dates of the caller's properties.</summary>
    private static async Task<double> PostBookingsAsync(string bearer, BenchSize size, string databasePath)
    {
        List<Guid> properties;
        using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{AppPort}") })
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
            var page = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/properties?size=100");
            properties = page.GetProperty("properties").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        }
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = size.Connections })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{AppPort}"),
        };
        client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        var firstDay = await DayAfterLastStayAsync(databasePath); // a reused database already holds the last run's bookings
        var next = -1;
        var created = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(size.Seconds);
        await Task.WhenAll(Enumerable.Range(0, size.Connections).Select(async _ =>
        {
            while (clock.Elapsed < until)
            {
                var n = Interlocked.Increment(ref next);
                var from = firstDay.AddDays(3 * (n / properties.Count));
                using var response = await client.PostAsJsonAsync($"/properties/{properties[n % properties.Count]}/bookings",
                    new { from = from.ToString("O"), to = from.AddDays(2).ToString("O"), guest_first_name = "Bench", adults_count = 2 });
                if (response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref created);
                else if (Interlocked.Increment(ref failed) == 1)
                    Console.WriteLine($"  POST booking: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }));
        var rate = created / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  POST /properties/{{id}}/bookings: {created} created, {failed} failed, {rate:F0}/s");
        return rate;
    }

    private static async Task<DateOnly> DayAfterLastStayAsync(string databasePath)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(\"To\") FROM \"Bookings\"";
        var last = await command.ExecuteScalarAsync() as string;
        return last is null ? DateOnly.FromDateTime(DateTime.UtcNow) : DateOnly.Parse(last, CultureInfo.InvariantCulture).AddDays(1);
    }

    internal static string Mint(string subject)
    {
        var key = new SymmetricSecurityKey(Convert.FromBase64String(SigningKey));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Seeder.Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("email", $"{subject}@example.test")]),
            Expires = DateTime.UtcNow.AddHours(6),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kasify.sln"))) return dir.FullName;
        throw new InvalidOperationException("Kasify.sln not found above the benchmark.");
    }

    internal static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    internal static string Git(string arguments)
    {
        try
        {
            var info = new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, WorkingDirectory = RepositoryRoot() };
            using var git = Process.Start(info)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception) { return "?"; }
    }

    private sealed record Row(string Caller, string Path, int Bytes, LoadResult Real, LoadResult Floor)
    {
        private double Ratio => Real.RequestsPerSecond / Floor.RequestsPerSecond;

        public string Format() =>
            $"{Caller,-9} {Path,-60} {Real.RequestsPerSecond,8:F0} req/s vs floor {Floor.RequestsPerSecond,8:F0} = {Ratio:F3}; " +
            $"p99 {Real.P99Ms:F1} ms vs {Floor.P99Ms:F1} ms{(Real.Errors + Floor.Errors > 0 ? $"; errors {Real.Errors}/{Floor.Errors}" : "")}";

        public string Markdown(string sql) => string.Create(CultureInfo.InvariantCulture,
            $"| {Caller} | `{Path}` | {Bytes:N0} | {Real.RequestsPerSecond:F0} | {Floor.RequestsPerSecond:F0} | {Ratio:F3} | " +
            $"{Real.P50Ms:F1} ({Floor.P50Ms:F1}) | {Real.P99Ms:F1} ({Floor.P99Ms:F1}) | {Real.P99Ms / Floor.P99Ms:F1} | {sql} |");
    }
}
