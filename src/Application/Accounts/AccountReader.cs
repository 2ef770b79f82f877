using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Accounts;

public sealed class AccountReader(IKasifyDb db)
{
    public async Task<AccountResponse> ReadAsync(User user, CancellationToken ct)
    {
        var propertiesCount = await db.Properties.CountAsync(p => p.AccountId == user.AccountId && p.ArchivedAt == null, ct);
        return new AccountResponse(user.Id, user.AccountId, user.Email, user.Name, user.LastName, user.Phone,
            user.Locale, user.TimeZone, user.CreatedAt, propertiesCount);
    }
}
