using Kasify.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Application.Checkin;

/// <summary>
/// Public: registers one guest on a booking. Gone (see <see cref="CheckinState.IsGone"/>) → 410; closed (after check-out)
/// or full → 409, before the registration is looked at; invalid → 400 field by field. The booking decides
/// (<see cref="Domain.Bookings.Booking.RegisterGuest"/>): the registration that reaches adults + children completes the check-in.
/// Guests of one stay registering at the same moment bump the booking's version together; the loser is registered again
/// in a fresh unit of work, where it counts the winner (and may find the party full).
/// </summary>
public sealed class RegisterGuestHandler(IServiceProvider services, IServiceScopeFactory scopes, GuestRegistrationValidator validator,
    GuestRegistrationMapper mapper, TimeProvider time)
{
    public Task<CheckinSnapshot> HandleAsync(string code, GuestRegistration registration, CancellationToken ct) =>
        ConcurrencyRetry.RunAsync(services, scopes, unit =>
            RegisterAsync(unit.GetRequiredService<IKasifyDb>(), unit.GetRequiredService<CheckinReader>(), code, registration, ct));

    private async Task<CheckinSnapshot> RegisterAsync(IKasifyDb db, CheckinReader reader, string code, GuestRegistration registration,
        CancellationToken ct)
    {
        var (booking, property) = await reader.FindAsync(code, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var checkoutAt = CheckinState.CheckoutUtc(booking, property);
        var registered = await db.Guests.CountAsync(g => g.BookingId == booking.Id, ct);
        booking.EnsureGuestCanRegister(registered, now, checkoutAt);

        var errors = validator.Validate(registration, CheckinState.LocalToday(property, now));
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var (identity, contact) = mapper.Map(registration);
        db.Guests.Add(booking.RegisterGuest(registered, identity, contact, now, checkoutAt));
        await db.SaveChangesAsync(ct);
        return await reader.SnapshotAsync(booking, property, ct);
    }
}
