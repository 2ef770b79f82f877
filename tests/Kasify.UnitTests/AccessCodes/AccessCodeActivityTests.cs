using Kasify.Domain.AccessCodes;
using Kasify.Domain.Accounts;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;
using Kasify.Infrastructure.Persistence;
using Kasify.UnitTests.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.UnitTests.AccessCodes;

/// <summary>The access code events become timeline rows in the same save (kinds and wording of docs/api.md §7, never the PIN).</summary>
public sealed class AccessCodeActivityTests
{
    private const string Pin = "739154";

    private static async Task<(Property Property, Booking Booking)> SeedAsync(InfrastructureHost host)
    {
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var property = Property.Create(Guid.NewGuid(), new PropertyDetails("Casa Azul", "Calle 1", "Madrid", "28001", null, null, null, null, null),
            PropertySettings.Default, now);
        var account = new Account(Guid.NewGuid(), now);
        typeof(Account).GetProperty("Id")!.SetValue(account, property.AccountId);
        var stay = StayPeriod.Create(new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 14), new TimeOnly(16, 0), new TimeOnly(11, 0));
        var booking = Booking.Create(property.Id, stay, Channel.Direct, null, BookingStatus.Confirmed, GuestDetails.None, now);
        await host.WithDbAsync(db =>
        {
            db.Accounts.Add(account);
            db.Properties.Add(property);
            return db.SaveChangesAsync();
        });
        await host.WithDbAsync(db =>
        {
            db.Bookings.Add(booking);
            return db.SaveChangesAsync();
        });
        return (property, booking);
    }

    private static async Task<Guid> AddCodeAsync(InfrastructureHost host, Booking booking, string lockName)
    {
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var code = AccessCode.Create(booking.Id, booking.PropertyId, Guid.NewGuid(), lockName, Guid.NewGuid(), "nuki", "17",
            "KSY-" + Guid.NewGuid().ToString("N")[..12], Pin, now.AddDays(9), now.AddDays(13), now);
        await host.WithDbAsync(db =>
        {
            db.AccessCodes.Add(code);
            return db.SaveChangesAsync();
        });
        return code.Id;
    }

    private static Task ChangeAsync(InfrastructureHost host, Guid codeId, Action<AccessCode> change) =>
        host.WithDbAsync(async db =>
        {
            change(await db.AccessCodes.SingleAsync(c => c.Id == codeId));
            return await db.SaveChangesAsync();
        });

    private static Task<List<Kasify.Domain.Timeline.Activity>> CodeActivitiesAsync(InfrastructureHost host) =>
        host.WithDbAsync(db => db.Activities.Where(a => a.SubjectType == "access_code").ToListAsync());

    [Test]
    public async Task Activated_failed_and_revoked_codes_are_written_to_the_timeline_with_their_lock_and_property()
    {
        await using var host = new InfrastructureHost();
        var (property, booking) = await SeedAsync(host);
        var codeId = await AddCodeAsync(host, booking, "Front door");
        var now = host.Clock.GetUtcNow().UtcDateTime;

        await ChangeAsync(host, codeId, c => { c.MarkSubmitted(now); c.Activate("auth-1"); });
        await ChangeAsync(host, codeId, c => c.Fail("Could not move the code's validity on the lock: refused"));
        await ChangeAsync(host, codeId, c => c.MarkRevoked(now));

        var rows = await CodeActivitiesAsync(host);
        rows.Select(a => (a.Kind, a.Summary)).Should().BeEquivalentTo(new[]
        {
            ("access_code.created", "Access code created on Front door"),
            ("access_code.failed", "Access code failed on Front door: Could not move the code's validity on the lock: refused"),
            ("access_code.revoked", "Access code revoked on Front door"),
        });
        rows.Should().OnlyContain(a => a.SubjectId == codeId && a.PropertyId == property.Id && a.PropertyName == "Casa Azul" && a.ActorId == null);
        rows.Should().NotContain(a => a.Summary.Contains(Pin));
    }

    [Test]
    public async Task Codes_revoked_with_their_property_or_closed_without_reaching_the_lock_are_not_announced()
    {
        await using var host = new InfrastructureHost();
        var (_, booking) = await SeedAsync(host);
        var withProperty = await AddCodeAsync(host, booking, "Front door");
        var neverSubmitted = await AddCodeAsync(host, booking, "Garage");
        var now = host.Clock.GetUtcNow().UtcDateTime;

        await ChangeAsync(host, withProperty, c => c.RevokeWithProperty(now, "The lock could not be reached; its removal is retried: down"));
        await ChangeAsync(host, neverSubmitted, c => c.Fail("The lock's integration was removed."));
        await ChangeAsync(host, neverSubmitted, c => c.CloseUnsubmitted(now));

        (await CodeActivitiesAsync(host)).Select(a => a.Kind).Should().Equal("access_code.failed");
        (await host.WithDbAsync(db => db.AccessCodes.CountAsync(c => c.Status == AccessCodeStatus.Revoked))).Should().Be(2);
    }
}
