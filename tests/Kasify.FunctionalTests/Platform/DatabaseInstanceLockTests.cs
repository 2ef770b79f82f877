using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Platform;

/// <summary>A SQLite file serves one instance: a second one refuses to start, and the file is free again after the first stops.</summary>
[Category(TestDatabase.SqliteOnly)]
public sealed class DatabaseInstanceLockTests
{
    private static readonly Dictionary<string, string?> SingleInstance = new() { ["Database:SqliteSingleInstance"] = "true" };

    [Test]
    public async Task A_second_instance_on_the_same_SQLite_file_refuses_to_start_until_the_first_stops()
    {
        if (TestDatabase.IsPostgres) Assert.Ignore("A SQLite file only; build/test.sh leaves this category out of the PostgreSQL pass.");
        var database = KasifyApiFactory.NewDatabasePath();
        try
        {
            await using (var first = new KasifyApiFactory(database, settings: SingleInstance))
            {
                _ = first.Server;

                await using var second = new KasifyApiFactory(database, settings: SingleInstance);
                var start = () => second.Server;

                var failure = start.Should().Throw<Exception>().Which;
                Messages(failure).Should().Contain(m => m.StartsWith("Another Kasify instance is already running on the SQLite database", StringComparison.Ordinal));
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

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e.Message;
    }
}
