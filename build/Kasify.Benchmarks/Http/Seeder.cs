using System.Diagnostics;
using Kasify.Domain.Accounts;
using Kasify.Domain.Bookings;
using Kasify.Domain.Crew;
using Kasify.Domain.Properties;
using Kasify.Domain.Tasks;
using Kasify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Benchmarks.Http;

/// <summary>The seeded callers: owners found by their JWT subject.</summary>
internal sealed record SeededAccount(string Subject, Guid FirstPropertyId, int Properties);

/// <summary>
/// Fills the database straight through the context's SQLite connection (<see cref="RowInserts"/>: prepared INSERTs built
/// from EF's model, no change tracker, domain events dropped so no consumers and no outbox rows): accounts of <c>properties</c> properties × <c>bookings</c> bookings, each
/// property with an Airbnb calendar and a cleaner, each booking with its cleaning task and a <c>booking.created</c>
/// activity; plus one large account.
/// </summary>
internal static class Seeder
{
    public const string Issuer = "kasify-bench";

    /// <summary>Bookings per transaction: large enough that commits cost nothing, small enough to keep the journal short.</summary>
    private const int BookingsPerTransaction = 50_000;

    public static async Task<(SeededAccount Typical, SeededAccount Large)> SeedAsync(IServiceProvider provider, BenchSize size)
    {
        var clock = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var scope = provider.CreateAsyncScope();
        using var rows = new RowInserts(scope.ServiceProvider.GetRequiredService<KasifyDbContext>());
        rows.Begin();
        var pending = 0;
        void CommitNowAndThen(int bookings)
        {
            pending += bookings;
            if (pending < BookingsPerTransaction) return;
            rows.Commit();
            rows.Begin();
            pending = 0;
        }

        SeededAccount? typical = null;
        for (var a = 0; a < size.Accounts; a++)
        {
            var seeded = SeedAccount(rows, $"owner-{a}", size.PropertiesPerAccount, size.BookingsPerProperty, today, CommitNowAndThen);
            if (a == size.Accounts / 2) typical = seeded;
            if (a % 100 == 99)
                Console.WriteLine($"  seeded {a + 1}/{size.Accounts} accounts ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        var large = SeedAccount(rows, "owner-large", size.LargeProperties, size.BookingsPerProperty, today, CommitNowAndThen);
        rows.Commit();
        Console.WriteLine($"  seeded {size.Bookings:N0} bookings in {clock.Elapsed.TotalSeconds:F0} s");
        return (typical!, large);
    }

    /// <summary>The callers of a database seeded before, found again by their subject.</summary>
    public static async Task<(SeededAccount Typical, SeededAccount Large)> FindAsync(IServiceProvider provider, BenchSize size)
        => (await FindAsync(provider, $"owner-{size.Accounts / 2}"), await FindAsync(provider, "owner-large"));

    private static async Task<SeededAccount> FindAsync(IServiceProvider provider, string subject)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasifyDbContext>();
        var user = await db.Users.SingleAsync(u => u.Subject == subject);
        var properties = await db.Properties.Where(p => p.AccountId == user.AccountId).Select(p => p.Id).OrderBy(id => id).ToListAsync();
        return new SeededAccount(subject, properties[0], properties.Count);
    }

    private static SeededAccount SeedAccount(RowInserts rows, string subject, int properties, int bookings, DateOnly today,
        Action<int> committed)
    {
        var now = DateTime.UtcNow;
        var ownerId = Guid.CreateVersion7();
        var account = new Account(ownerId, now);
        rows.Add(account);
        rows.Add(new User(ownerId, Issuer, subject, $"{subject}@example.test", "Owner", subject, account.Id, now));
        var cleanerId = Guid.CreateVersion7();
        rows.Add(new User(cleanerId, Issuer, $"{subject}-cleaner", $"{subject}-cleaner@example.test", "Cleaner", subject, account.Id, now));

        Guid? first = null;
        for (var p = 0; p < properties; p++)
        {
            var property = Property.Create(account.Id, new PropertyDetails($"Casa {p} de {subject}", $"Calle Mayor {p + 1}", "Madrid",
                "28013", null, null, null, null, null), PropertySettings.Default, now);
            property.SetCalendar(Channel.Airbnb, $"https://www.airbnb.com/calendar/ical/{property.Id:N}.ics", 30);
            property.PopDomainEvents();
            rows.Add(property);
            foreach (var calendar in property.Calendars) rows.Add(calendar);
            first ??= property.Id;
            rows.Add(new PropertyMember(property.Id, cleanerId, AccessLevel.Staff, CrewService.Cleaning, now));
            var calendarId = property.Calendars[0].Id;

            // One stay a week, half in the past and half ahead.
            var start = today.AddDays(-7 * (bookings / 2));
            for (var b = 0; b < bookings; b++)
            {
                var from = start.AddDays(7 * b + p % 3);
                var stay = StayPeriod.Create(from, from.AddDays(3), new TimeOnly(15, 0), new TimeOnly(11, 0));
                var guest = new GuestDetails($"Guest{b}", $"Family{p}", $"guest{b}.{p}@example.test", "+34600000000", 2, 1, 0,
                    null, null, null, null, null);
                var booking = Booking.Create(property.Id, stay, Channel.Airbnb, $"HM{p:D4}{b:D4}", BookingStatus.Confirmed, guest, now,
                    calendarId, $"{property.Id:N}-{b}@airbnb.com");
                booking.PopDomainEvents();
                rows.Add(booking);
                var checkout = from.AddDays(3).ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc);
                var task = PropertyTask.Create(property.Id, TaskType.Cleaning, checkout, checkout.AddHours(4), booking.Id, cleanerId, null, now);
                task.PopDomainEvents();
                rows.Add(task);
                var createdAt = now.AddMinutes(p * bookings + b - properties * bookings); // one minute apart: a realistic, untied timeline
                rows.Add(new Kasify.Domain.Timeline.Activity(createdAt, "booking.created", $"Booking {from:yyyy-MM-dd} → {from.AddDays(3):yyyy-MM-dd} created",
                    "booking", booking.Id, property.Id, property.Name, null, null));
            }
            committed(bookings);
        }
        return new SeededAccount(subject, first!.Value, properties);
    }
}
