using Kasify.Domain.Bookings;
using Kasify.Domain.Checkin;
using Kasify.Domain.Common;
using static Kasify.UnitTests.Bookings.Stays;

namespace Kasify.UnitTests.Checkin;

/// <summary>The booking's check-in rules: open until check-out, one registration per guest, complete with the last one.</summary>
public sealed class BookingCheckinTests
{
    private static readonly DateTime CheckoutAt = new(2026, 6, 14, 9, 0, 0, DateTimeKind.Utc);
    private static readonly GuestIdentity Identity = new("Ana", "García", "López", "ES", new DateOnly(1990, 5, 1), "M", "NIF", "protected", "ABC123456", null);
    private static readonly GuestContact Contact = new("Calle Mayor 1", "ES", null, null, null, "28013", "+34", "600000000", null);

    private static Booking PartyOf(int adults, int children = 0) =>
        Manual(10, 14, guest: GuestDetails.None with { AdultsCount = adults, ChildrenCount = children, InfantsCount = 1 }).Saved();

    [Test]
    public void Each_guest_registers_on_the_booking_and_the_last_of_the_party_completes_the_check_in()
    {
        var booking = PartyOf(adults: 1, children: 1);

        var first = booking.RegisterGuest(0, Identity, Contact, Now, CheckoutAt);
        booking.CheckinCompletedAt.Should().BeNull("infants are not part of the party that registers");
        booking.RegisterGuest(1, Identity, Contact, Now.AddHours(1), CheckoutAt);

        first.BookingId.Should().Be(booking.Id);
        first.PropertyId.Should().Be(PropertyId);
        booking.CheckinCompletedAt.Should().Be(Now.AddHours(1));
        booking.PopDomainEvents().Should().Equal(new BookingCheckinCompleted(booking.Id, PropertyId, Now.AddHours(1)));
    }

    [Test]
    public void A_full_party_refuses_another_guest_as_a_conflict()
    {
        var booking = PartyOf(adults: 2);

        FluentActions.Invoking(() => booking.EnsureGuestCanRegister(2, Now, CheckoutAt))
            .Should().Throw<DomainRuleException>().WithMessage("All 2 guests of this booking are already registered.").Which.IsConflict.Should().BeTrue();
        FluentActions.Invoking(() => booking.RegisterGuest(2, Identity, Contact, Now, CheckoutAt)).Should().Throw<DomainRuleException>();
    }

    [Test]
    public void Check_in_closes_at_check_out_and_when_cancelled()
    {
        var booking = PartyOf(adults: 2);

        booking.IsCheckinClosed(CheckoutAt.AddTicks(-1), CheckoutAt).Should().BeFalse();
        booking.IsCheckinClosed(CheckoutAt, CheckoutAt).Should().BeTrue();
        FluentActions.Invoking(() => booking.RegisterGuest(0, Identity, Contact, CheckoutAt, CheckoutAt))
            .Should().Throw<DomainRuleException>().WithMessage(Booking.CheckinClosed).Which.IsConflict.Should().BeTrue();

        booking.Cancel(Now);
        booking.IsCheckinClosed(Now, CheckoutAt).Should().BeTrue();
    }

    [Test]
    public void The_link_is_gone_a_day_after_check_out_or_once_the_booking_is_no_stay()
    {
        var booking = PartyOf(adults: 2);
        var blocked = Manual(10, 14, BookingStatus.Blocked);

        booking.IsCheckinLinkGone(CheckoutAt + Booking.CheckinLinkLifetimeAfterCheckout, CheckoutAt).Should().BeFalse();
        booking.IsCheckinLinkGone(CheckoutAt + Booking.CheckinLinkLifetimeAfterCheckout + TimeSpan.FromSeconds(1), CheckoutAt).Should().BeTrue();
        blocked.IsCheckinLinkGone(Now, CheckoutAt).Should().BeTrue();
    }

    [Test]
    public void Every_registration_changes_the_bookings_version_so_two_at_once_conflict()
    {
        var booking = PartyOf(adults: 3);
        var before = booking.Version;

        booking.RegisterGuest(0, Identity, Contact, Now, CheckoutAt);

        booking.Version.Should().NotBe(before);
        booking.CheckinCompletedAt.Should().BeNull();
    }
}
