using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Kasify.Domain.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Accounts;

public sealed class AccountReader(IKasifyDb db)
{
    private static readonly Func<DbContext, Guid, CancellationToken, Task<int>> LivePropertiesOf =
        EF.CompileAsyncQuery((DbContext c, Guid accountId, CancellationToken _) =>
            c.Set<Property>().Count(p => p.AccountId == accountId && p.ArchivedAt == null));

    public async Task<AccountResponse> ReadAsync(User user, CancellationToken ct)
    {
        var propertiesCount = await LivePropertiesOf(db.AsDbContext(), user.AccountId, ct);
        return new AccountResponse(user.Id, user.AccountId, user.Email, user.Name, user.LastName, user.Phone,
            user.Locale, user.TimeZone, user.CreatedAt, propertiesCount);
    }
}
