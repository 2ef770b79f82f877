using System.Security.Cryptography;
using Kasify.Application.Checkin;
using Kasify.Application.Common;
using Kasify.Application.Geo;
using Kasify.Application.Security;
using Kasify.Application.Ses;
using Kasify.Domain.Checkin;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Guests;

/// <summary>
/// GET /properties/{id}/guest-register (owner, manager; an archived property too): the register an inspector asks for,
/// one row per traveller of the stays overlapping [from, to] (default: a year back and a year ahead). The only place document
/// numbers are shown in full.
/// </summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager, IncludeArchived = true)]
public sealed class GetGuestRegisterHandler(IKasifyDb db, IGeoCatalog geo,
    ISecretProtector secrets, TimeProvider time)
{
    public const int MaxDays = 4 * 366;

    public async Task<GuestRegister> HandleAsync(Guid propertyId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var property = await db.Properties.AsNoTracking().SingleAsync(p => p.Id == propertyId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = CheckinState.LocalToday(property, now);
        var validation = new Validation();
        SaneDates.Check(validation, "from", from);
        SaneDates.Check(validation, "to", to);
        validation.ThrowIfInvalid(); // before the default window's date arithmetic, which overflows near year 9999
        var since = from ?? (to ?? today).AddDays(-365);
        var until = to ?? (from ?? today).AddDays(365);
        if (since > until) validation.Add("from", "from must not be after to.");
        if (until.DayNumber - since.DayNumber > MaxDays) validation.Add("to", $"The register covers at most {MaxDays} days per request.");
        validation.ThrowIfInvalid();

        var rows = await (from g in db.Guests.AsNoTracking()
                          join b in db.Bookings.AsNoTracking() on g.BookingId equals b.Id
                          where b.PropertyId == propertyId && g.PurgedAt == null && b.From <= until && b.To >= since
                          orderby b.From, b.Id, g.RegisteredAt, g.Id
                          select new { Guest = g, Booking = b }).ToListAsync(ct);
        var travellers = rows.Select(r =>
        {
            var (g, b) = (r.Guest, r.Booking);
            var ses = SesReportView.Of(b, property, now);
            var city = g.ResidenceCityId is { } cityId ? geo.FindCity(cityId) : null;
            return new GuestRegisterRow(b.Id, CheckinState.BookingCode(b), b.From.ToDateTime(b.CheckinTime), b.To.ToDateTime(b.CheckoutTime),
                b.Guest.GuestsNumber, g.Id, g.RegisteredAt, g.FirstName, g.LastName, g.SecondLastName, g.DocumentType,
                Reveal(g.ProtectedDocumentNumber), g.DocumentSupportNumber, g.DateOfBirth, Alpha3(g.NationalityCountryCode), g.Sex,
                g.RelationshipCode, g.ResidenceAddress, city?.Code, city?.Name ?? g.ResidenceCity, g.ResidencePostalCode,
                g.ResidenceCountryCode is { } country ? Alpha3(country) : null, Phone(g), g.Email,
                ses.Status, ses.BatchId, ses.SubmittedAt);
        }).ToList();
        return new GuestRegister(property.Id, property.Name, property.SesEstablishmentCode, since, until, travellers);
    }

    private string? Alpha3(string alpha2) => geo.FindCountry(alpha2)?.Code3 ?? alpha2;

    private static string? Phone(Guest g) => g.Phone is null ? null : (g.PhonePrefix ?? "") + g.Phone;

    private string? Reveal(string? protectedNumber)
    {
        if (protectedNumber is null) return null;
        try { return secrets.Unprotect(protectedNumber); }
        catch (CryptographicException) { return null; }
    }
}
