using Kasify.Domain.Common;
using Kasify.Domain.Properties;

namespace Kasify.Domain.Bookings;

/// <summary>A booking exists (manual, or imported from a channel feed when <paramref name="Imported"/>).</summary>
public sealed record BookingCreated(Guid BookingId, Guid PropertyId, DateOnly From, DateOnly To, BookingStatus Status, Channel Channel, bool Imported) : IDomainEvent;

/// <summary>The stay moved: dates and/or the scheduled check-in/check-out times.</summary>
public sealed record BookingStayChanged(Guid BookingId, Guid PropertyId, StayPeriod Old, StayPeriod New) : IDomainEvent;

public sealed record BookingCancelled(Guid BookingId, Guid PropertyId, DateOnly From, DateOnly To) : IDomainEvent;

/// <summary>A cancelled or blocked booking became a confirmed stay again.</summary>
public sealed record BookingConfirmed(Guid BookingId, Guid PropertyId, DateOnly From, DateOnly To) : IDomainEvent;

/// <summary>Guest or booking details changed (not the stay itself).</summary>
public sealed record BookingDetailsChanged(Guid BookingId, Guid PropertyId) : IDomainEvent;

public sealed record BookingCheckinCompleted(Guid BookingId, Guid PropertyId, DateTime CompletedAt) : IDomainEvent;
