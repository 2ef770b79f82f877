using System.Security.Cryptography;
using Kasify.Application.Access;
using Kasify.Application.Checkin;
using Kasify.Application.Common;
using Kasify.Application.Ses;
using Kasify.Application.Security;
using Kasify.Domain.Checkin;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Guests;

/// <summary>
/// PATCH /bookings/{id}/guests/{guestId} (owner, manager; archived properties included): the named fields replace the
/// guest's, and the result is validated exactly like a registration. Sending the corrected parte is a separate,
/// explicit step (POST /bookings/{id}/ses/resend).
/// </summary>
[ResourceScope("booking")]
public sealed class UpdateGuestHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, GuestRegistrationValidator validator,
    GuestRegistrationMapper mapper, ISecretProtector secrets, SesReportLog log, TimeProvider time)
{
    public async Task<GuestResponse> HandleAsync(Guid bookingId, Guid guestId, GuestPatch patch, CancellationToken ct)
    {
        var user = caller.User;
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId, ct) ?? throw new NotFoundException("Booking");
        await access.RequireOnBookingAsync(user, booking.PropertyId, PropertyAccess.OwnerOrManager, includeArchived: true, ct);
        var guest = await db.Guests.SingleOrDefaultAsync(g => g.Id == guestId && g.BookingId == bookingId && g.PurgedAt == null, ct)
                    ?? throw new NotFoundException("Guest");
        var property = await db.Properties.AsNoTracking().SingleAsync(p => p.Id == booking.PropertyId, ct);

        var merged = patch.ApplyTo(Current(guest));
        var errors = validator.Validate(merged, CheckinState.LocalToday(property, time.GetUtcNow().UtcDateTime));
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var (identity, contact) = mapper.Map(merged);
        guest.Correct(identity, contact);
        await log.WriteAsync(booking, GuestActivities.Corrected,
            $"Guest {guest.Id.ToString()[..8]} corrected ({string.Join(", ", patch.Fields.Order())}); resend the SES report if it was already sent", ct);
        await db.SaveChangesAsync(ct);
        return GuestResponses.From(guest, Reveal);
    }

    private GuestRegistration Current(Guest g) => new()
    {
        FirstName = g.FirstName, LastName = g.LastName, SecondLastName = g.SecondLastName,
        NationalityCountryCode = g.NationalityCountryCode, DateOfBirth = g.DateOfBirth, Sex = g.Sex,
        DocumentType = g.DocumentType, DocumentNumber = Reveal(g.ProtectedDocumentNumber), DocumentSupportNumber = g.DocumentSupportNumber,
        ResidenceAddress = g.ResidenceAddress, ResidenceCountryCode = g.ResidenceCountryCode, ResidenceProvinceId = g.ResidenceProvinceId,
        ResidenceCityId = g.ResidenceCityId, ResidenceCity = g.ResidenceCity, ResidencePostalCode = g.ResidencePostalCode,
        PhonePrefix = g.PhonePrefix, Phone = g.Phone, Email = g.Email, RelationshipCode = g.RelationshipCode,
    };

    private string? Reveal(string? protectedNumber)
    {
        if (protectedNumber is null) return null;
        try { return secrets.Unprotect(protectedNumber); }
        catch (CryptographicException) { return null; } // key lost: the correction must then name the document number again
    }
}

public static class GuestActivities
{
    public const string Corrected = "guest.corrected";
}
