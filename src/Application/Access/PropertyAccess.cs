using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Kasify.Domain.Crew;
using Kasify.Domain.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Access;

/// <summary>
/// The one place that answers "what may this user do on this property" (docs/api.md §2).
/// Not visible → 404 (existence never leaks); visible but not allowed → 403.
/// </summary>
public sealed partial class PropertyAccess(IKasifyDb db)
{
    public static readonly AccessLevel[] Anyone = [AccessLevel.Owner, AccessLevel.Manager, AccessLevel.Staff, AccessLevel.Contractor];
    public static readonly AccessLevel[] OwnerOrManager = [AccessLevel.Owner, AccessLevel.Manager];
    public static readonly AccessLevel[] OwnerOnly = [AccessLevel.Owner];
    public static readonly AccessLevel[] BookingReaders = [AccessLevel.Owner, AccessLevel.Manager, AccessLevel.Staff];
    /// <summary>Who creates, revokes and sees access codes (PINs): docs/api.md §2.</summary>
    public static readonly AccessLevel[] AccessCodeManagers = OwnerOrManager;

    /// <summary>The caller's role on a live property; an archived (deleted) one is gone for everything but the guest register.</summary>
    public Task<AccessLevel?> RoleAsync(User user, Guid propertyId, CancellationToken ct) => RoleAsync(user, propertyId, includeArchived: false, ct);

    public async Task<AccessLevel?> RoleAsync(User user, Guid propertyId, bool includeArchived, CancellationToken ct)
    {
        var context = db.AsDbContext();
        var accountId = await AccountOfProperty(context, propertyId, includeArchived, ct);
        if (accountId is null) return null;
        if (accountId == user.AccountId) return AccessLevel.Owner;
        return await CrewRole(context, propertyId, user.Id, ct);
    }

    // Compiled once: one of these runs on every property-scoped request.
    private static readonly Func<DbContext, Guid, bool, CancellationToken, Task<Guid?>> AccountOfProperty =
        EF.CompileAsyncQuery((DbContext c, Guid propertyId, bool includeArchived, CancellationToken _) =>
            c.Set<Property>().Where(p => p.Id == propertyId && (includeArchived || p.ArchivedAt == null))
                .Select(p => (Guid?)p.AccountId).SingleOrDefault());

    private static readonly Func<DbContext, Guid, Guid, CancellationToken, Task<AccessLevel?>> CrewRole =
        EF.CompileAsyncQuery((DbContext c, Guid propertyId, Guid userId, CancellationToken _) =>
            c.Set<PropertyMember>().Where(m => m.PropertyId == propertyId && m.UserId == userId)
                .Select(m => (AccessLevel?)m.AccessLevel).SingleOrDefault());

    private static readonly Func<DbContext, Guid, Guid, CancellationToken, Task<bool>> OwnsAccount =
        EF.CompileAsyncQuery((DbContext c, Guid accountId, Guid userId, CancellationToken _) =>
            c.Set<Account>().Any(a => a.Id == accountId && a.OwnerUserId == userId));

    /// <summary>Returns the caller's role when it is one of <paramref name="allowed"/>.</summary>
    public Task<AccessLevel> RequireAsync(User user, Guid propertyId, AccessLevel[] allowed, CancellationToken ct) =>
        RequireAsync(user, propertyId, allowed, includeArchived: false, ct);

    public async Task<AccessLevel> RequireAsync(User user, Guid propertyId, AccessLevel[] allowed, bool includeArchived, CancellationToken ct)
    {
        var role = await RoleAsync(user, propertyId, includeArchived, ct) ?? throw new NotFoundException("Property");
        if (!allowed.Contains(role))
            throw new ForbiddenException($"Your role on this property ({role.ToString().ToLowerInvariant()}) does not allow this.");
        return role;
    }

    /// <summary>
    /// For a booking's sub-resources: callers who may not see the booking (contractors, strangers) get 404 like the
    /// booking itself; those who see it but lack one of <paramref name="allowed"/> get 403.
    /// </summary>
    public Task<AccessLevel> RequireOnBookingAsync(User user, Guid propertyId, AccessLevel[] allowed, CancellationToken ct) =>
        RequireOnBookingAsync(user, propertyId, allowed, includeArchived: false, ct);

    public async Task<AccessLevel> RequireOnBookingAsync(User user, Guid propertyId, AccessLevel[] allowed, bool includeArchived, CancellationToken ct)
    {
        var role = await RoleAsync(user, propertyId, includeArchived, ct);
        if (role is null || !BookingReaders.Contains(role.Value)) throw new NotFoundException("Booking");
        if (!allowed.Contains(role.Value))
            throw new ForbiddenException($"Your role on this property ({role.Value.ToString().ToLowerInvariant()}) does not allow this.");
        return role.Value;
    }

    /// <summary>The property of a change the use-case pipeline already authorised (<see cref="UseCaseCaller.RoleOn"/>).</summary>
    public Task<Property> LoadForChangeAsync(Guid propertyId, CancellationToken ct) =>
        db.Properties.Include(p => p.Calendars).SingleAsync(p => p.Id == propertyId, ct);

    /// <summary>True when the user owns their account (integrations are the owner's).</summary>
    public Task<bool> IsAccountOwnerAsync(User user, CancellationToken ct) =>
        OwnsAccount(db.AsDbContext(), user.AccountId, user.Id, ct);

    /// <summary>Ids of the properties the user owns or manages (where they see every task).</summary>
    public IQueryable<Guid> ManagedPropertyIds(User user) =>
        Owned(user).Union(Memberships(user).Where(m => m.AccessLevel == AccessLevel.Manager).Select(m => m.PropertyId));

    /// <summary>Ids of the properties where the user's role is one of <paramref name="allowed"/>.</summary>
    public IQueryable<Guid> PropertyIdsWhere(User user, AccessLevel[] allowed)
    {
        var crewLevels = allowed.Where(l => l != AccessLevel.Owner).ToList();
        var asCrew = Memberships(user).Where(m => crewLevels.Contains(m.AccessLevel)).Select(m => m.PropertyId);
        return allowed.Contains(AccessLevel.Owner) ? Owned(user).Union(asCrew) : asCrew;
    }

    /// <summary>The user's role on each visible property (owner wins over a crew row).</summary>
    public async Task<Dictionary<Guid, AccessLevel>> RolesAsync(User user, CancellationToken ct)
    {
        var context = db.AsDbContext();
        var roles = new Dictionary<Guid, AccessLevel>();
        await foreach (var m in LiveMembershipsOf(context, user.Id).WithCancellation(ct))
            roles[m.PropertyId] = m.AccessLevel;
        await foreach (var id in LivePropertiesOfAccount(context, user.AccountId).WithCancellation(ct))
            roles[id] = AccessLevel.Owner;
        return roles;
    }

    // Compiled once: the role map is read by every list across properties (bookings, calendar, timeline).
    private static readonly Func<DbContext, Guid, IAsyncEnumerable<PropertyRole>> LiveMembershipsOf =
        EF.CompileAsyncQuery((DbContext c, Guid userId) =>
            c.Set<PropertyMember>().Where(m => m.UserId == userId && c.Set<Property>().Any(p => p.Id == m.PropertyId && p.ArchivedAt == null))
                .Select(m => new PropertyRole(m.PropertyId, m.AccessLevel)));

    private static readonly Func<DbContext, Guid, IAsyncEnumerable<Guid>> LivePropertiesOfAccount =
        EF.CompileAsyncQuery((DbContext c, Guid accountId) =>
            c.Set<Property>().Where(p => p.AccountId == accountId && p.ArchivedAt == null).Select(p => p.Id));

    private sealed record PropertyRole(Guid PropertyId, AccessLevel AccessLevel);

    /// <summary>Ids of every property the user owns or is crew on.</summary>
    public IQueryable<Guid> VisiblePropertyIds(User user) => Owned(user).Union(Memberships(user).Select(m => m.PropertyId));

    /// <summary>Ids of the properties where the user's role is one of <paramref name="allowed"/>.</summary>
    public IQueryable<Guid> PropertyIdsWithRole(User user, AccessLevel[] allowed, bool includeArchived = false)
    {
        var crew = Memberships(user, includeArchived).Where(m => allowed.Contains(m.AccessLevel)).Select(m => m.PropertyId);
        return allowed.Contains(AccessLevel.Owner) ? Owned(user, includeArchived).Union(crew) : crew;
    }

    private IQueryable<Guid> Owned(User user, bool includeArchived = false) =>
        db.Properties.Where(p => p.AccountId == user.AccountId && (includeArchived || p.ArchivedAt == null)).Select(p => p.Id);

    /// <summary>The user's crew rows; those on archived properties count only where the guest register is concerned.</summary>
    private IQueryable<PropertyMember> Memberships(User user, bool includeArchived = false) =>
        db.PropertyMembers.Where(m => m.UserId == user.Id
                                      && (includeArchived || db.Properties.Any(p => p.Id == m.PropertyId && p.ArchivedAt == null)));

    /// <summary>
    /// For lists across properties: a caller who is crew somewhere but has none of the <paramref name="allowed"/> roles
    /// anywhere is refused (403); a caller with no property at all just gets an empty list.
    /// </summary>
    public async Task RequireRoleSomewhereAsync(User user, AccessLevel[] allowed, CancellationToken ct)
    {
        if (await PropertyIdsWithRole(user, allowed).AnyAsync(ct)) return;
        if (await db.PropertyMembers.AnyAsync(m => m.UserId == user.Id, ct))
            throw new ForbiddenException("Your roles on your properties do not allow this.");
    }
}
