using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Kasify.Domain.Crew;
using Kasify.Domain.Properties;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Properties;

/// <summary>
/// Builds <see cref="PropertyResponse"/>s for a page of properties with a fixed number of queries
/// (calendars, crew, locks, default cleaners), whatever the page size, and redacts per the caller's role.
/// </summary>
public sealed class PropertyReader(IKasifyDb db, IPublicUrls urls, TypeAdapterConfig mapping)
{
    public async Task<IReadOnlyList<PropertyResponse>> ReadAsync(User caller, IReadOnlyList<Property> properties, CancellationToken ct)
    {
        if (properties.Count == 0) return [];
        var ids = properties.Select(p => p.Id).ToList();

        var calendars = (await db.PropertyCalendars.AsNoTracking().Where(c => ids.Contains(c.PropertyId)).ToListAsync(ct))
            .ToLookup(c => c.PropertyId);
        var crew = (await (from m in db.PropertyMembers.AsNoTracking()
                           join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                           where ids.Contains(m.PropertyId)
                           orderby m.JoinedAt
                           select new { m.PropertyId, Member = new PropertyMemberResponse(u.Id, u.Name, u.LastName, u.Email, m.AccessLevel, m.Service) })
                .ToListAsync(ct))
            .ToLookup(x => x.PropertyId, x => x.Member);
        var locks = (await db.SmartLocks.AsNoTracking().Where(l => ids.Contains(l.PropertyId)).OrderBy(l => l.Name).ToListAsync(ct))
            .ToLookup(l => l.PropertyId);
        var owners = await LoadOwnerCleanersAsync(properties, crew, ct);

        return properties.Select(p =>
        {
            var team = crew[p.Id].ToList();
            var role = p.AccountId == caller.AccountId
                ? AccessLevel.Owner
                : team.SingleOrDefault(m => m.Id == caller.Id)?.AccessLevel ?? throw new InvalidOperationException("Caller cannot see this property.");
            var isOwner = role == AccessLevel.Owner;
            var defaultCleaner = p.DefaultCleanerId is { } cleanerId
                ? team.SingleOrDefault(m => m.Id == cleanerId) ?? owners.GetValueOrDefault(cleanerId)
                : null;

            return new PropertyResponse(p.Id, p.AccountId, p.Name, p.Address, p.City, p.ZipCode, p.Country,
                isOwner ? p.SesEstablishmentCode : null,
                isOwner ? p.SesEstablishmentType : null,
                p.HasInternet, p.RoomsCount, defaultCleaner,
                p.CoverImageFileId is { } fileId ? urls.File(fileId) : null,
                role,
                calendars[p.Id].OrderBy(c => c.Channel)
                    .Select(c => new CalendarResponse(c.Channel, isOwner ? c.Url : null, c.SyncIntervalMinutes, c.LastSyncAt, c.LastError)).ToList(),
                locks[p.Id].Select(l => l.Adapt<SmartLockSummary>(mapping)).ToList(),
                team, p.TimeZone, p.CheckinTime, p.CheckoutTime,
                isOwner ? urls.CalendarExport(p.Id, p.ExportToken) : null);
        }).ToList();
    }

    public async Task<PropertyResponse> ReadOneAsync(User caller, Guid propertyId, CancellationToken ct)
    {
        var property = await db.Properties.AsNoTracking().SingleAsync(p => p.Id == propertyId, ct);
        return (await ReadAsync(caller, [property], ct)).Single();
    }

    /// <summary>A default cleaner that is no crew member is the owner, shown with access level owner.</summary>
    private async Task<Dictionary<Guid, PropertyMemberResponse>> LoadOwnerCleanersAsync(
        IReadOnlyList<Property> properties, ILookup<Guid, PropertyMemberResponse> crew, CancellationToken ct)
    {
        var cleanerIds = properties
            .Where(p => p.DefaultCleanerId is { } id && crew[p.Id].All(m => m.Id != id))
            .Select(p => p.DefaultCleanerId!.Value).Distinct().ToList();
        if (cleanerIds.Count == 0) return [];
        return await db.Users.AsNoTracking().Where(u => cleanerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new PropertyMemberResponse(u.Id, u.Name, u.LastName, u.Email, AccessLevel.Owner, null), ct);
    }
}
