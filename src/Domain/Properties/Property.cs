using System.Security.Cryptography;
using Kasify.Domain.Common;

namespace Kasify.Domain.Properties;

public sealed class Property : AggregateRoot
{
    private readonly List<PropertyCalendar> _calendars = [];

    private Property() { }

    public static Property Create(Guid accountId, PropertyDetails details, PropertySettings settings, DateTime now)
    {
        var property = new Property { AccountId = accountId, CreatedAt = now, ExportToken = NewExportToken() };
        property.ApplyDetails(details);
        property.ApplySettings(settings);
        property.Raise(new PropertyCreated(property.Id, accountId, details.Name));
        return property;
    }

    public Guid AccountId { get; private set; }
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string City { get; private set; } = "";
    public string ZipCode { get; private set; } = "";
    public string Country { get; private set; } = "ES";
    public string? SesEstablishmentCode { get; private set; }
    public string? SesEstablishmentType { get; private set; }
    public bool? HasInternet { get; private set; }
    public int? RoomsCount { get; private set; }
    public Guid? DefaultCleanerId { get; private set; }
    public Guid? CoverImageFileId { get; private set; }
    public string TimeZone { get; private set; } = "Europe/Madrid";
    public TimeOnly CheckinTime { get; private set; }
    public TimeOnly CheckoutTime { get; private set; }
    /// <summary>Secret that makes the public calendar export URL unguessable.</summary>
    public string ExportToken { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    /// <summary>Set when the owner deletes the property: it leaves every list, but its guest register is kept for the retention period.</summary>
    public DateTime? ArchivedAt { get; private set; }
    public bool IsArchived => ArchivedAt is not null;

    public IReadOnlyList<PropertyCalendar> Calendars => _calendars;

    public PropertyDetails Details => new(Name, Address, City, ZipCode, SesEstablishmentCode, SesEstablishmentType,
        HasInternet, RoomsCount, DefaultCleanerId);

    public void Update(PropertyDetails details, PropertySettings settings)
    {
        ApplyDetails(details);
        ApplySettings(settings);
        Raise(new PropertyUpdated(Id, Name));
    }

    /// <summary>Adds the channel's feed, or changes its URL keeping its bookings and sync state.</summary>
    public void SetCalendar(Channel channel, string url, int syncIntervalMinutes)
    {
        if (syncIntervalMinutes < PropertyCalendar.MinSyncIntervalMinutes)
            throw new DomainRuleException($"syncIntervalMinutes must be at least {PropertyCalendar.MinSyncIntervalMinutes}.", isConflict: false);

        var existing = _calendars.SingleOrDefault(c => c.Channel == channel);
        if (existing is null)
        {
            _calendars.Add(new PropertyCalendar(Id, channel, url, syncIntervalMinutes));
            Raise(new PropertyCalendarChanged(Id, channel, url));
        }
        else if (existing.Change(url, syncIntervalMinutes))
        {
            Raise(new PropertyCalendarChanged(Id, channel, url));
        }
    }

    public void RemoveCalendar(Channel channel)
    {
        var existing = _calendars.SingleOrDefault(c => c.Channel == channel);
        if (existing is null) return;
        _calendars.Remove(existing);
        Raise(new PropertyCalendarChanged(Id, channel, null));
    }

    public void SetCoverImage(Guid? fileId)
    {
        if (CoverImageFileId == fileId) return;
        Raise(new PropertyCoverImageChanged(Id, CoverImageFileId, fileId));
        CoverImageFileId = fileId;
    }

    /// <summary>The default cleaner left the crew: nobody is the default cleaner any more.</summary>
    public void ForgetDefaultCleaner(Guid userId)
    {
        if (DefaultCleanerId == userId) DefaultCleanerId = null;
    }

    public void RotateExportToken() => ExportToken = NewExportToken();

    /// <summary>
    /// A host books a stay checked against the confirmed stays read after this property (the overlap rule): the property's
    /// version is renewed, so of two such bookings made at once only the first commits and the other, checked against
    /// stale stays, fails its concurrency check (and is checked again) instead of double-booking.
    /// </summary>
    public void GuardStays() => Version = Guid.NewGuid();

    public void MarkDeleted() => Raise(new PropertyDeleted(Id, AccountId, Name));

    /// <summary>What "delete" does: hides the property, stops its calendars and drops its cover, keeping its stays and guests.</summary>
    public void Archive(DateTime now)
    {
        if (IsArchived) return;
        MarkDeleted();
        ArchivedAt = now;
        foreach (var channel in _calendars.Select(c => c.Channel).ToList()) RemoveCalendar(channel);
        SetCoverImage(null);
    }

    private void ApplyDetails(PropertyDetails d)
    {
        if (d.RoomsCount < 0) throw new DomainRuleException("rooms_count cannot be negative.", isConflict: false);
        Name = d.Name;
        Address = d.Address;
        City = d.City;
        ZipCode = d.ZipCode;
        SesEstablishmentCode = d.SesEstablishmentCode;
        SesEstablishmentType = d.SesEstablishmentType;
        HasInternet = d.HasInternet;
        RoomsCount = d.RoomsCount;
        DefaultCleanerId = d.DefaultCleanerId;
    }

    private void ApplySettings(PropertySettings s)
    {
        Country = s.Country;
        TimeZone = s.TimeZone;
        CheckinTime = s.CheckinTime;
        CheckoutTime = s.CheckoutTime;
    }

    private static string NewExportToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
