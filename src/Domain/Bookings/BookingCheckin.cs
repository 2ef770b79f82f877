using Kasify.Domain.Checkin;
using Kasify.Domain.Common;
using RegisteredGuest = Kasify.Domain.Checkin.Guest;

namespace Kasify.Domain.Bookings;

/// <summary>
/// The booking's check-in through its public link: open until check-out, one registration per guest of the party
/// (adults + children), complete when the last one registers. <c>checkoutAt</c> is the check-out day at the check-out
/// time in the property's time zone, as UTC.
/// </summary>
public sealed partial class Booking
{
    public const string CheckinClosed = "This check-in is closed: the stay is over or was cancelled.";

    /// <summary>How long after check-out the link still shows the stay (guests checking their data, late hosts).</summary>
    public static readonly TimeSpan CheckinLinkLifetimeAfterCheckout = TimeSpan.FromHours(24);

    /// <summary>Closed after check-out or when cancelled: registrations are refused.</summary>
    public bool IsCheckinClosed(DateTime now, DateTime checkoutAt) => Status == BookingStatus.Cancelled || now >= checkoutAt;

    /// <summary>
    /// Gone for good: cancelled or blocked, or check-out was more than a day ago. The link must stop exposing the guests'
    /// personal data and stop accepting registrations that would be reported to the police.
    /// </summary>
    public bool IsCheckinLinkGone(DateTime now, DateTime checkoutAt) =>
        Status is BookingStatus.Cancelled or BookingStatus.Blocked || now > checkoutAt + CheckinLinkLifetimeAfterCheckout;

    /// <summary>
    /// Whether one more guest may register, asked before the registration itself is looked at: the check-in is open and the
    /// party is not full (<paramref name="registeredGuests"/> so far). Both refusals are conflicts.
    /// </summary>
    public void EnsureGuestCanRegister(int registeredGuests, DateTime now, DateTime checkoutAt)
    {
        if (IsCheckinClosed(now, checkoutAt)) throw new DomainRuleException(CheckinClosed, isConflict: true);
        var party = Guest.GuestsNumber;
        if (registeredGuests >= party) throw new DomainRuleException($"All {party} guests of this booking are already registered.", isConflict: true);
    }

    /// <summary>
    /// Registers one guest of the party (see <see cref="EnsureGuestCanRegister"/>); the registration that fills the party
    /// completes the check-in. The booking's version changes even when nothing else on it does, so two registrations at once
    /// cannot both take the last place: the second save fails its concurrency check.
    /// </summary>
    public RegisteredGuest RegisterGuest(int registeredGuests, GuestIdentity identity, GuestContact contact, DateTime now, DateTime checkoutAt)
    {
        EnsureGuestCanRegister(registeredGuests, now, checkoutAt);
        var guest = RegisteredGuest.Register(Id, PropertyId, identity, contact, now);
        if (registeredGuests + 1 >= Guest.GuestsNumber) CompleteCheckin(now);
        Version = Guid.NewGuid();
        return guest;
    }

    public void CompleteCheckin(DateTime now)
    {
        if (CheckinCompletedAt is not null) return;
        CheckinCompletedAt = now;
        Raise(new BookingCheckinCompleted(Id, PropertyId, now));
    }
}
