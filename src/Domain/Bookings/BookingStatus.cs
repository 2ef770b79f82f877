namespace Kasify.Domain.Bookings;

public enum BookingStatus { Confirmed, Blocked, Cancelled }
