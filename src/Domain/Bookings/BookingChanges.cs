using Kasify.Domain.Properties;

namespace Kasify.Domain.Bookings;

/// <summary>What a host's change leaves of a booking: the whole stay and guest details, and a channel or status only if they change.</summary>
public sealed record BookingChanges(StayPeriod Stay, GuestDetails Guest, string? ChannelId, Channel? Channel, BookingStatus? Status);
