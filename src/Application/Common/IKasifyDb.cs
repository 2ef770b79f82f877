using Kasify.Application.Jobs;
using Kasify.Domain.AccessCodes;
using Kasify.Domain.Accounts;
using Kasify.Domain.Bookings;
using Kasify.Domain.Checkin;
using Kasify.Domain.Integrations;
using Kasify.Domain.Crew;
using Kasify.Domain.Files;
using Kasify.Domain.Properties;
using Kasify.Domain.SmartLocks;
using Kasify.Domain.Tasks;
using Kasify.Domain.Timeline;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Common;

/// <summary>The unit of work the use cases see; implemented by the EF <c>KasifyDbContext</c>.</summary>
public interface IKasifyDb
{
    DbSet<User> Users { get; }
    DbSet<Account> Accounts { get; }
    DbSet<PersonalAccessToken> PersonalAccessTokens { get; }
    DbSet<Property> Properties { get; }
    DbSet<Booking> Bookings { get; }
    DbSet<Guest> Guests { get; }
    DbSet<Integration> Integrations { get; }
    DbSet<PropertyCalendar> PropertyCalendars { get; }
    DbSet<PropertyMember> PropertyMembers { get; }
    DbSet<PropertyInvitation> PropertyInvitations { get; }
    DbSet<PropertyTask> Tasks { get; }
    DbSet<SmartLock> SmartLocks { get; }
    DbSet<AccessCode> AccessCodes { get; }
    DbSet<StoredFile> StoredFiles { get; }
    DbSet<Activity> Activities { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
