using Kasify.Domain.Common;

namespace Kasify.Domain.Checkin;

/// <summary>A traveller registered through a booking's public check-in link (personal data: owners and managers only).</summary>
public sealed class Guest : AggregateRoot
{
    private Guest() { }

    public static Guest Register(Guid bookingId, Guid propertyId, GuestIdentity identity, GuestContact contact, DateTime now)
    {
        var guest = new Guest { BookingId = bookingId, PropertyId = propertyId, RegisteredAt = now };
        guest.Apply(identity, contact);
        guest.Raise(new GuestRegistered(guest.Id, bookingId, propertyId, now));
        return guest;
    }

    public Guid BookingId { get; private set; }
    public Guid PropertyId { get; private set; }
    public DateTime RegisteredAt { get; private set; }

    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string? SecondLastName { get; private set; }
    public string NationalityCountryCode { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public string Sex { get; private set; } = "";
    public string? DocumentType { get; private set; }
    /// <summary>Encrypted at rest; read it back through the secret protector.</summary>
    public string? ProtectedDocumentNumber { get; private set; }
    public string? DocumentSupportNumber { get; private set; }
    public string? RelationshipCode { get; private set; }

    public string? ResidenceAddress { get; private set; }
    public string? ResidenceCountryCode { get; private set; }
    public Guid? ResidenceProvinceId { get; private set; }
    public Guid? ResidenceCityId { get; private set; }
    public string? ResidenceCity { get; private set; }
    public string? ResidencePostalCode { get; private set; }
    public string? PhonePrefix { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    /// <summary>When the retention period ended and the personal data was removed; the anonymised row keeps the count.</summary>
    public DateTime? PurgedAt { get; private set; }
    public bool IsPurged => PurgedAt is not null;

    public GuestIdentity Identity => new(FirstName, LastName, SecondLastName, NationalityCountryCode, DateOfBirth, Sex,
        DocumentType, ProtectedDocumentNumber, DocumentSupportNumber, RelationshipCode);

    public GuestContact Contact => new(ResidenceAddress, ResidenceCountryCode, ResidenceProvinceId, ResidenceCityId,
        ResidenceCity, ResidencePostalCode, PhonePrefix, Phone, Email);

    /// <summary>Completed years on <paramref name="day"/> (<see cref="GuestAge.On"/>).</summary>
    public int AgeOn(DateOnly day) => GuestAge.On(DateOfBirth, day);

    public bool IsAdultOn(DateOnly day) => GuestAge.IsAdultOn(DateOfBirth, day);

    /// <summary>An owner or manager fixes what the guest entered (validated like a registration).</summary>
    public void Correct(GuestIdentity identity, GuestContact contact)
    {
        if (IsPurged) throw new DomainRuleException("This guest's data was purged after the retention period.", isConflict: true);
        Apply(identity, contact);
    }

    /// <summary>
    /// End of the retention period: names, document and contact data go; nationality, sex and the birth year stay so
    /// the row still counts (anonymised) in statistics.
    /// </summary>
    public void Purge(DateTime now)
    {
        if (IsPurged) return;
        Apply(new GuestIdentity("", "", null, NationalityCountryCode, new DateOnly(DateOfBirth.Year, 1, 1), Sex, null, null, null, null),
            new GuestContact(null, null, null, null, null, null, null, null, null));
        PurgedAt = now;
    }

    private void Apply(GuestIdentity i, GuestContact c)
    {
        FirstName = i.FirstName;
        LastName = i.LastName;
        SecondLastName = i.SecondLastName;
        NationalityCountryCode = i.NationalityCountryCode;
        DateOfBirth = i.DateOfBirth;
        Sex = i.Sex;
        DocumentType = i.DocumentType;
        ProtectedDocumentNumber = i.ProtectedDocumentNumber;
        DocumentSupportNumber = i.DocumentSupportNumber;
        RelationshipCode = i.RelationshipCode;
        ResidenceAddress = c.ResidenceAddress;
        ResidenceCountryCode = c.ResidenceCountryCode;
        ResidenceProvinceId = c.ResidenceProvinceId;
        ResidenceCityId = c.ResidenceCityId;
        ResidenceCity = c.ResidenceCity;
        ResidencePostalCode = c.ResidencePostalCode;
        PhonePrefix = c.PhonePrefix;
        Phone = c.Phone;
        Email = c.Email;
    }
}

/// <summary>A guest registered on a booking through the check-in link.</summary>
public sealed record GuestRegistered(Guid GuestId, Guid BookingId, Guid PropertyId, DateTime RegisteredAt) : IDomainEvent;
