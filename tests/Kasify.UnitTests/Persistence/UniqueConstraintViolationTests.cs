using Kasify.Domain.Accounts;
using Kasify.Infrastructure.Persistence;
using Kasify.UnitTests.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Kasify.UnitTests.Persistence;

public sealed class UniqueConstraintViolationTests
{
    [Test]
    public async Task A_duplicate_on_a_unique_index_is_recognised_and_other_failures_are_not()
    {
        await using var host = new InfrastructureHost();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await using (var first = host.NewScope())
        {
            first.Db.Users.Add(new User(Guid.NewGuid(), "issuer", "same-subject", "a@example.test", null, null, Guid.NewGuid(), now));
            await first.Db.SaveChangesAsync();
        }

        await using var second = host.NewScope();
        second.Db.Users.Add(new User(Guid.NewGuid(), "issuer", "same-subject", "b@example.test", null, null, Guid.NewGuid(), now));
        var duplicate = await FluentActions.Awaiting(() => second.Db.SaveChangesAsync()).Should().ThrowAsync<DbUpdateException>();

        UniqueConstraintViolation.Is(duplicate.Which).Should().BeTrue();
        UniqueConstraintViolation.Is(new DbUpdateException("other", new InvalidOperationException())).Should().BeFalse();
    }

    [Test]
    public void A_PostgreSQL_unique_violation_is_recognised_and_other_PostgreSQL_errors_are_not()
    {
        static DbUpdateException Failure(string sqlState) =>
            new("save failed", new Npgsql.PostgresException("refused", "ERROR", "ERROR", sqlState));

        UniqueConstraintViolation.Is(Failure(Npgsql.PostgresErrorCodes.UniqueViolation)).Should().BeTrue();
        UniqueConstraintViolation.Is(Failure(Npgsql.PostgresErrorCodes.ForeignKeyViolation)).Should().BeFalse();
        UniqueConstraintViolation.Is(Failure(Npgsql.PostgresErrorCodes.StringDataRightTruncation)).Should().BeFalse();
    }
}
