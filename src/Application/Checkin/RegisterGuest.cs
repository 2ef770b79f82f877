using Kasify.Application.Common;
using Kasify.Domain.Checkin;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Checkin;

/// <summary>
/// Public: registers one guest on a booking. Gone (see <see cref="CheckinState.IsGone"/>) → 410; closed (after check-out)
/// or full → 409; invalid → 400 field by field.
/// The registration that reaches adults + children completes the check-in.
/// </summary>
public sealed class RegisterGuestHandler(IKasifyDb db, CheckinReader reader, GuestRegistrationValidator validator,
    GuestRegistrationMapper mapper, TimeProvider time)
{
    public async Task<CheckinSnapshot> HandleAsync(string code, GuestRegistration registration, CancellationToken ct)
    {
        var (booking, property) = await reader.FindAsync(code, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (CheckinState.IsClosed(booking, property, now))
            throw new ConflictException("This check-in is closed: the stay is over or was cancelled.");

        var guestsNumber = booking.Guest.GuestsNumber;
        var registered = await db.Guests.CountAsync(g => g.BookingId == booking.Id, ct);
        if (registered >= guestsNumber)
            throw new ConflictException($"All {guestsNumber} guests of this booking are already registered.");

        var errors = validator.Validate(registration, CheckinState.LocalToday(property, now));
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var (identity, contact) = mapper.Map(registration);
        db.Guests.Add(Guest.Register(booking.Id, property.Id, identity, contact, now));
        if (registered + 1 >= guestsNumber) booking.CompleteCheckin(now);
        booking.Version = Guid.NewGuid(); // two registrations at once: the second save fails its concurrency check → 409
        await db.SaveChangesAsync(ct);
        return await reader.SnapshotAsync(booking, property, ct);
    }
}
