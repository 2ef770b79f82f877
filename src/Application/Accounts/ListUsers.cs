using Kasify.Application.Common;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Accounts;

public sealed record UserResponse(Guid Id, string Email, string? Name, string? LastName, Guid AccountId, DateTime CreatedAt, DateTime LastSeenAt, bool IsAdmin);

public sealed record UsersPage(IReadOnlyList<UserResponse> Users, int Page, int Size, int Total);

/// <summary>Platform administrators only: every user.</summary>
[PlatformAdminScope("Only platform administrators can list users.")]
public sealed class ListUsersHandler(IKasifyDb db, TypeAdapterConfig mapping)
{
    public async Task<UsersPage> HandleAsync(PageRequest page, CancellationToken ct)
    {
        var total = await db.Users.CountAsync(ct);
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Skip(page.Skip).Take(page.Size)
            .ProjectToType<UserResponse>(mapping)
            .ToListAsync(ct);
        return new UsersPage(users, page.Page, page.Size, total);
    }
}
