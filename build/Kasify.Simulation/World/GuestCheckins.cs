using Kasify.Application.Checkin;
using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Simulation.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Simulation.World;

/// <summary>
/// SES in the world: which properties have an establishment code (80 %), and guests registering for check-in through
/// <see cref="RegisterGuestHandler"/> (the public check-in link) at a random time in the 5 days before arrival; 15 %
/// of the stays never do. Drawn from its own random stream so the rest of a seed's world is unchanged.
/// </summary>
public static class GuestCheckins
{
    private static readonly Guid MadridProvinceId = Guid.Parse("b613c014-0386-5633-b32f-09066c676b48");
    private static readonly Guid MadridCityId = Guid.Parse("4e0392db-1733-5ece-b759-a7692362c383");

    public static void Plan(WorldPlan world, Random random)
    {
        foreach (var property in world.Properties)
        {
            if (random.NextDouble() < 0.8) property.SesEstablishmentCode = $"00000{10_000 + property.Index:D5}";
            foreach (var stay in property.Stays.Where(s => s.IsGuestStay))
                stay.RegistersBeforeArrival = random.NextDouble() < 0.15 ? null : TimeSpan.FromMinutes(random.Next(10, 5 * 24 * 60));
        }
    }

    /// <summary>Registers the guests of every stay whose moment came (before arrival, while the stay is confirmed).</summary>
    public static async Task RunAsync(SimulationHost host, WorldPlan world, DateTime now, List<string> errors, CancellationToken ct)
    {
        foreach (var stay in world.Stays)
        {
            if (stay.RegistrationTried || stay.RegistersBeforeArrival is not { } before || !stay.Live || stay.BookingId is not { } id) continue;
            if (now >= stay.CheckinUtc) { stay.RegistrationTried = true; continue; } // known too late: the guests never register
            if (now < stay.CheckinUtc - before) continue;
            stay.RegistrationTried = true;
            var code = await host.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.Id == id && b.Status == BookingStatus.Confirmed)
                .Select(b => b.CheckinCode).SingleOrDefaultAsync(ct));
            if (code is null) continue;
            try
            {
                for (var guest = 0; guest < 10; guest++)
                {
                    var body = guest % 2 == 0 ? SpanishAdult(stay.Key) : FrenchAdult(stay.Key);
                    var snapshot = await host.AsAsync(null, sp => sp.GetRequiredService<RegisterGuestHandler>().HandleAsync(code, body, ct));
                    if (!snapshot.CheckinCompleted) continue;
                    stay.CheckinCompletedAt = now;
                    break;
                }
            }
            catch (ValidationFailedException e)
            {
                errors.Add($"check-in {stay.Key}: refused {string.Join("; ", e.Errors.Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}"))}");
            }
            catch (ConflictException e)
            {
                errors.Add($"check-in {stay.Key}: {e.Message}");
            }
        }
    }

    private static GuestRegistration SpanishAdult(string key) => new()
    {
        FirstName = "Lucía", LastName = "Martín", SecondLastName = "Ruiz", NationalityCountryCode = "ES", DateOfBirth = new DateOnly(1985, 4, 12),
        Sex = "M", DocumentType = "NIF", DocumentNumber = "12345678Z", DocumentSupportNumber = "BAA000589", ResidenceAddress = "Calle de Alcalá 20",
        ResidenceCountryCode = "ES", ResidenceProvinceId = MadridProvinceId, ResidenceCityId = MadridCityId, ResidencePostalCode = "28014",
        PhonePrefix = "+34", Phone = "600111222", Email = "lucia@example.test",
    };

    private static GuestRegistration FrenchAdult(string key) => new()
    {
        FirstName = "Pierre", LastName = "Dubois", NationalityCountryCode = "FRA", DateOfBirth = new DateOnly(1983, 9, 30), Sex = "H",
        DocumentType = "PAS", DocumentNumber = "19AB12345", ResidenceAddress = "12 rue de Rivoli", ResidenceCountryCode = "FR",
        ResidenceCity = "Paris", ResidencePostalCode = "75004", Email = "pierre@example.test",
    };
}
