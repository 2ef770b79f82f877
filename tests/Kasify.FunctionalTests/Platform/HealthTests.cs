using System.Net;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Platform;

public sealed class HealthTests : ApiFixture
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_endpoints_answer_without_a_token(string path)
    {
        var response = await Anonymous().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Test]
    public async Task Ready_fails_when_the_database_is_not_migrated()
    {
        await Api.WithDbAsync(async db =>
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database,
                "DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = (SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\")");
        });

        var response = await Anonymous().GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await Anonymous().GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
