using System.Security.Cryptography;
using Kasify.Domain.Common;
using Kasify.Domain.Properties;

namespace Kasify.Domain.Bookings;

/// <summary>A stay (or a blocked period) on a property, manual or imported from a channel calendar.</summary>
public sealed partial class Booking : AggregateRoot
{
    private Booking() { }

    public const string CannotBeCreatedCancelled = "A booking cannot be created cancelled.";

    /// <summary>
    /// A booking the host makes: refused (<see cref="StayOverlapException"/>) when its stay, confirmed or blocked, shares a
    /// night with another confirmed stay of the property, unless <paramref name="overlap"/> allows it.
    /// </summary>
    public static Booking Create(Guid propertyId, StayPeriod stay, Channel channel, string? channelId, BookingStatus status,
        GuestDetails guest, StayOverlap overlap, DateTime now)
    {
        var booking = Create(propertyId, stay, channel, channelId, status, guest, now);
        overlap.Check(stay, booking.Id);
        return booking;
    }

    /// <summary>A booking without the overlap rule: an imported stay (its overlaps are reported, see <see cref="StayOverlap"/>).</summary>
    public static Booking Create(Guid propertyId, StayPeriod stay, Channel channel, string? channelId, BookingStatus status,
        GuestDetails guest, DateTime now, Guid? calendarId = null, string? externalUid = null)
    {
        if (!MayBeCreatedAs(status)) throw new DomainRuleException(CannotBeCreatedCancelled, isConflict: false);
        var booking = new Booking
        {
            PropertyId = propertyId,
            Channel = channel,
            ChannelId = channelId,
            Status = status,
            CreatedAt = now,
            CalendarId = calendarId,
            ExternalUid = externalUid,
            LastSyncAt = calendarId is null ? null : now,
            CheckinCode = NewCheckinCode(),
        };
        booking.ApplyStay(stay);
        booking.ApplyGuest(guest);
        booking.Raise(new BookingCreated(booking.Id, propertyId, stay.From, stay.To, status, channel, Imported: calendarId is not null));
        return booking;
    }

    public Guid PropertyId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public TimeOnly CheckinTime { get; private set; }
    public TimeOnly CheckoutTime { get; private set; }
    public Channel Channel { get; private set; }
    public string? ChannelId { get; private set; }
    /// <summary>High-entropy public code of the guest's check-in link (≥ 128 bits, URL-safe).</summary>
    public string CheckinCode { get; private set; } = "";
    public BookingStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }

    public string? PaymentType { get; private set; }
    public string? Notes { get; private set; }
    public string? GuestFirstName { get; private set; }
    public string? GuestLastName { get; private set; }
    public string? GuestEmail { get; private set; }
    public string? GuestPhone { get; private set; }
    public int AdultsCount { get; private set; }
    public int ChildrenCount { get; private set; }
    public int InfantsCount { get; private set; }
    public string? SpecialRequests { get; private set; }
    public TimeOnly? ArrivalTime { get; private set; }
    public TimeOnly? DepartureTime { get; private set; }

    public DateTime? CheckinCompletedAt { get; private set; }

    /// <summary>Feed this booking came from, and its UID there (reconciliation key).</summary>
    public Guid? CalendarId { get; private set; }
    public string? ExternalUid { get; private set; }
    public DateTime? LastSyncAt { get; private set; }
    /// <summary>Counted misses: full fetches, at least one sync interval apart, that did not contain the UID; two cancel a future stay.</summary>
    public int MissingFromFeedCount { get; private set; }
    /// <summary>When the last counted miss was.</summary>
    public DateTime? MissingFromFeedAt { get; private set; }

    /// <summary>The parte de viajeros sent to SES.HOSPEDAJES for this stay.</summary>
    public SesReport Ses { get; private set; } = SesReport.None;

    public StayPeriod Stay => new(From, To, CheckinTime, CheckoutTime);

    public GuestDetails Guest => new(GuestFirstName, GuestLastName, GuestEmail, GuestPhone, AdultsCount, ChildrenCount, InfantsCount,
        Notes, SpecialRequests, ArrivalTime, DepartureTime, PaymentType);

    public bool IsConfirmed => Status == BookingStatus.Confirmed;

    /// <summary>A booking starts confirmed or blocked, never cancelled.</summary>
    public static bool MayBeCreatedAs(BookingStatus status) => status != BookingStatus.Cancelled;

    /// <summary>
    /// The host's change of a booking (a PATCH): stay, details and channel, then the status, each raising its own event.
    /// The overlap rule is the one <see cref="Create(Guid, StayPeriod, Channel, string?, BookingStatus, GuestDetails, StayOverlap, DateTime)"/>
    /// applies: a stay or a block that takes nights it did not hold (its dates move, it comes back from cancelled, or a block
    /// becomes a stay) must not share one with another confirmed stay unless <paramref name="overlap"/> allows it; that is
    /// checked before anything changes.
    /// </summary>
    public void Change(BookingChanges changes, StayOverlap overlap, DateTime now)
    {
        if (TakesNewNights(changes)) overlap.Check(changes.Stay, Id);

        ChangeStay(changes.Stay);
        ChangeDetails(changes.Guest, changes.ChannelId);
        if (changes.Channel is { } channel) ChangeChannel(channel);
        switch (changes.Status)
        {
            case BookingStatus.Cancelled: Cancel(now); break;
            case BookingStatus.Confirmed: Confirm(); break;
            case BookingStatus.Blocked: Block(); break;
        }
    }

    private bool TakesNewNights(BookingChanges changes)
    {
        var endStatus = changes.Status ?? Status;
        if (endStatus == BookingStatus.Cancelled) return false;
        var datesMove = changes.Stay.From != From || changes.Stay.To != To;
        var becomesConfirmed = endStatus == BookingStatus.Confirmed && !IsConfirmed;
        return datesMove || Status == BookingStatus.Cancelled || becomesConfirmed;
    }

    public void ChangeStay(StayPeriod stay)
    {
        var old = Stay;
        if (old == stay) return;
        ApplyStay(stay);
        Raise(new BookingStayChanged(Id, PropertyId, old, stay));
    }

    public void ChangeDetails(GuestDetails guest, string? channelId)
    {
        if (Guest == guest && ChannelId == channelId) return;
        ApplyGuest(guest);
        ChannelId = channelId;
        Raise(new BookingDetailsChanged(Id, PropertyId));
    }

    public void ChangeChannel(Channel channel)
    {
        if (Channel == channel) return;
        Channel = channel;
        Raise(new BookingDetailsChanged(Id, PropertyId));
    }

    public void Cancel(DateTime now)
    {
        if (Status == BookingStatus.Cancelled) return;
        Status = BookingStatus.Cancelled;
        CancelledAt = now;
        Raise(new BookingCancelled(Id, PropertyId, From, To));
    }

    /// <summary>Confirms a blocked or cancelled booking (e.g. it came back in the feed, or the host re-opened it).</summary>
    public void Confirm()
    {
        if (Status == BookingStatus.Confirmed) return;
        Status = BookingStatus.Confirmed;
        CancelledAt = null;
        Raise(new BookingConfirmed(Id, PropertyId, From, To));
    }

    /// <summary>Turns the booking into a blocked period; a confirmed stay that becomes a block raises <see cref="BookingCancelled"/>.</summary>
    public void Block()
    {
        if (Status == BookingStatus.Blocked) return;
        var wasConfirmed = IsConfirmed;
        Status = BookingStatus.Blocked;
        CancelledAt = null;
        if (wasConfirmed) Raise(new BookingCancelled(Id, PropertyId, From, To));
    }

    /// <summary>Queues the report (first time, after a rejection, or a confirmed resend). An in-flight or accepted one stays as it is.</summary>
    public bool QueueSesReport()
    {
        if (Ses.State is SesReportState.Sending or SesReportState.Submitted or SesReportState.Pending) return false;
        Ses = Ses.Queued();
        return true;
    }

    /// <summary>Takes the pending report for one send; saved before calling SES so no other worker sends it too.</summary>
    public bool ClaimSesReport(DateTime now)
    {
        if (Ses.State != SesReportState.Pending) return false;
        Ses = Ses.Claimed(now);
        return true;
    }

    public void SesReportSent(string batchId, DateTime now) => Ses = Ses.Sent(batchId, now);

    /// <summary>SES surely did not take it (refused connection, HTTP 5xx, 10999): safe to send again later.</summary>
    public void SesReportNotSent(string error) => Ses = Ses.NotSent(error);

    /// <summary>SES may have taken it (timeout, lost answer, crash mid-call): resend only when it is known to be safe.</summary>
    public void SesReportUncertain(string error) => Ses = Ses.Unknown(error);

    public void SesReportRejected(string error) => Ses = Ses.Refused(error);

    public void SesReportAccepted(string? communicationCode, DateTime now) => Ses = Ses.Settled(communicationCode, now);

    /// <summary>Keeps a problem on the report without changing its state (e.g. polling failed for now).</summary>
    public void NoteSesProblem(string? error) => Ses = Ses.Noted(error);

    public void SesReportOverdue(DateTime now) => Ses = Ses.Overdue(now);

    private void ApplyStay(StayPeriod stay)
    {
        stay.EnsureEndsAfterStart();
        From = stay.From;
        To = stay.To;
        CheckinTime = stay.CheckinTime;
        CheckoutTime = stay.CheckoutTime;
    }

    private void ApplyGuest(GuestDetails g)
    {
        if (g.AdultsCount < 0 || g.ChildrenCount < 0 || g.InfantsCount < 0)
            throw new DomainRuleException("Guest counts cannot be negative.", isConflict: false);
        GuestFirstName = g.FirstName;
        GuestLastName = g.LastName;
        GuestEmail = g.Email;
        GuestPhone = g.Phone;
        AdultsCount = g.AdultsCount;
        ChildrenCount = g.ChildrenCount;
        InfantsCount = g.InfantsCount;
        Notes = g.Notes;
        SpecialRequests = g.SpecialRequests;
        ArrivalTime = g.ArrivalTime;
        DepartureTime = g.DepartureTime;
        PaymentType = g.PaymentType;
    }

    private static string NewCheckinCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_'); // 144 bits, 24 chars
}
