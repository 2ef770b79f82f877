using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Accounts;

public sealed record RegisterUserResult(AccountResponse Account, bool Created);

/// <summary>First call creates the user and their own account from the token's claims; later calls return it.</summary>
[AnyTokenScope]
public sealed class RegisterUserHandler(IKasifyDb db, ICurrentUser current, AccountReader reader, TimeProvider time)
{
    public async Task<RegisterUserResult> HandleAsync(CancellationToken ct)
    {
        if (await current.FindAsync(ct) is { } existing)
            return new RegisterUserResult(await reader.ReadAsync(existing, ct), Created: false);

        var subject = current.Subject ?? throw new ValidationFailedException("sub", "The token has no 'sub' claim.");
        var issuer = current.Issuer ?? "";
        var now = time.GetUtcNow().UtcDateTime;
        var profile = current.Profile;
        var userId = Guid.CreateVersion7();
        var account = new Account(userId, now);
        var user = new User(userId, issuer, subject, profile.Email ?? "", profile.Name, profile.LastName, account.Id, now);
        user.Seen(now, current.IsPlatformAdmin, profile.Email);
        db.Accounts.Add(account);
        db.Users.Add(user);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent first call won the unique index on (Issuer, Subject): answer like a repeat call.
            var winner = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Issuer == issuer && u.Subject == subject, ct);
            if (winner is null) throw;
            return new RegisterUserResult(await reader.ReadAsync(winner, ct), Created: false);
        }

        return new RegisterUserResult(await reader.ReadAsync(user, ct), Created: true);
    }
}
