using Kasify.Application.AccessCodes;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;

namespace Kasify.Application.Bookings;

/// <summary>The <c>Booking</c> shape of docs/api.md §5, field for field.</summary>
/// <param name="AccessCodes">Owner/manager only (with their PINs); null for staff.</param>
/// <param name="Ses">Owner/manager only: the SES report's state at a glance; null for staff.</param>
/// <param name="CheckinCode">Owner/manager only; null for staff.</param>
/// <param name="SesLastError">Owner/manager only; null for staff.</param>
public sealed record BookingResponse(
    Guid Id,
    Guid PropertyId,
    DateOnly From,
    DateOnly To,
    Channel Channel,
    string? ChannelId,
    string? CheckinCode,
    BookingStatus Status,
    DateTime CreatedAt,
    string? PaymentType,
    string? Notes,
    string? GuestFirstName,
    string? GuestLastName,
    string? GuestEmail,
    string? GuestPhone,
    int AdultsCount,
    int ChildrenCount,
    int InfantsCount,
    string? SpecialRequests,
    TimeOnly? ArrivalTime,
    TimeOnly? DepartureTime,
    TimeOnly CheckinTime,
    TimeOnly CheckoutTime,
    DateTime? CheckinCompletedAt,
    DateTime? LastSyncAt,
    DateTime? SesSubmittedAt,
    string? SesBatchId,
    DateTime? SesLastAttemptAt,
    string? SesLastError,
    IReadOnlyList<AccessCodeResponse>? AccessCodes,
    Guid? CleaningTaskId,
    Kasify.Application.Ses.SesReportView? Ses = null);

public sealed record BookingsPage(IReadOnlyList<BookingResponse> Bookings, int Page, int Size, int Total);
