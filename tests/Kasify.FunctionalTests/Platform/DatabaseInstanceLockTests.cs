using System.Diagnostics;
using System.Text.Json;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.Infrastructure.Persistence;

namespace Kasify.FunctionalTests.Platform;

/// <summary>
/// A SQLite file serves one instance: a second one, started as a real process, logs one critical line and exits with
/// code 1 (no crash, no stack trace), and the file is free again after the first stops.
/// </summary>
[Category(TestDatabase.SqliteOnly)]
public sealed class DatabaseInstanceLockTests
{
    private const string Refusal = "Another Kasify instance is already running on the SQLite database";
    private static readonly Dictionary<string, string?> SingleInstance = new() { ["Database:SqliteSingleInstance"] = "true" };

    [Test]
    public async Task A_second_instance_on_the_same_SQLite_file_exits_with_one_critical_line_until_the_first_stops()
    {
        if (TestDatabase.IsPostgres) Assert.Ignore("A SQLite file only; build/test.sh leaves this category out of the PostgreSQL pass.");
        var database = KasifyApiFactory.NewDatabasePath();
        try
        {
            await using (var first = new KasifyApiFactory(database, settings: SingleInstance))
            {
                _ = first.Server;

                var (exitCode, stdout, stderr) = await StartSecondProcessAsync(database);

                exitCode.Should().Be(1, "a refused start is a plain failure, not an abort (134)");
                stderr.Should().NotContain("Unhandled exception");
                (stdout + stderr).Should().NotContain("   at ", "no stack trace is dumped");
                var critical = JsonLines(stdout).Where(l => l.GetProperty("LogLevel").GetString() == "Critical").ToList();
                var line = critical.Should().ContainSingle("JSON console logs (Logging:Console:FormatterName=json) carry the one critical line")
                    .Subject.GetProperty("Message").GetString();
                line.Should().Contain(Refusal).And.Contain(database).And.Contain(database + ".lock")
                    .And.Contain("Database:SqliteSingleInstance").And.Contain("PostgreSQL");
                (await first.CreateClient().GetAsync("/health/ready")).IsSuccessStatusCode.Should().BeTrue("the first instance keeps running");
            }

            await using var afterwards = new KasifyApiFactory(database, settings: SingleInstance);
            (await afterwards.CreateClient().GetAsync("/health/ready")).IsSuccessStatusCode.Should().BeTrue("the lock is released on exit");
        }
        finally
        {
            TestDatabase.Delete(database);
            File.Delete(database + ".lock");
        }
    }

    [Test]
    public void The_lock_refuses_a_second_holder_with_a_message_naming_the_file_and_the_way_out()
    {
        var database = KasifyApiFactory.NewDatabasePath();
        try
        {
            using var first = new SqliteInstanceLock();
            first.Acquire($"Data Source={database}");
            using var second = new SqliteInstanceLock();

            var refused = ((Action)(() => second.Acquire($"Data Source={database}"))).Should().Throw<SqliteInstanceLockedException>().Which;

            refused.Message.Should().StartWith(Refusal).And.Contain(database + ".lock").And.Contain("Database:SqliteSingleInstance");
            first.Dispose();
            second.Acquire($"Data Source={database}"); // free again once the first lets go
        }
        finally
        {
            File.Delete(database + ".lock");
        }
    }

    /// <summary>The built API (the same build as this test) started as its own process on <paramref name="database"/>.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> StartSecondProcessAsync(string database)
    {
        var start = new ProcessStartInfo("dotnet", [ApiAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (key, value) in TestTokens.Settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["PublicBaseUrl"] = "https://kasify.example.test";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__SqliteConnectionString"] = $"Data Source={database}";
        start.Environment["Database__SqliteSingleInstance"] = "true";
        start.Environment["Jobs__RunServer"] = "false";
        start.Environment["Logging__Console__FormatterName"] = "json";
        foreach (var otel in start.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(otel);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The second instance did not stop within 2 minutes: it should have refused to start.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string ApiAssembly()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Kasify.WebApi.dll");
        File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")).Should().BeTrue("the API is built next to the tests");
        return path;
    }

    private static IEnumerable<JsonElement> JsonLines(string output)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            line.Should().StartWith("{", "every console line is a JSON object: {0}", line);
            yield return JsonDocument.Parse(line).RootElement.Clone();
        }
    }
}
