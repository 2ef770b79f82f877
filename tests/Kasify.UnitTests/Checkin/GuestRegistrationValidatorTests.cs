using Kasify.Application.Checkin;
using Kasify.Application.Geo;
using Kasify.UnitTests.Geo;

namespace Kasify.UnitTests.Checkin;

public class GuestRegistrationValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly IGeoCatalog Geo = SharedGeoCatalog.Instance;
    private static readonly GuestRegistrationValidator Validator = new(Geo);

    private static City Madrid => Geo.SearchCities("28079", null).Single();

    private static City Barcelona => Geo.SearchCities("08019", null).Single();

    private static GuestRegistration SpanishAdult => new()
    {
        FirstName = "Lucía",
        LastName = "García",
        SecondLastName = "López",
        NationalityCountryCode = "ES",
        DateOfBirth = new DateOnly(1985, 4, 12),
        Sex = "M",
        DocumentType = "NIF",
        DocumentNumber = "12345678Z",
        DocumentSupportNumber = "ABC123456",
        ResidenceAddress = "Calle Mayor 1",
        ResidenceCountryCode = "ESP",
        ResidenceProvinceId = Madrid.ProvinceId,
        ResidenceCityId = Madrid.Id,
        ResidencePostalCode = "28013",
        PhonePrefix = "+34",
        Phone = "600 123 456",
        Email = "lucia@example.com",
    };

    private static GuestRegistration ForeignAdult => new()
    {
        FirstName = "John",
        LastName = "Smith",
        NationalityCountryCode = "GBR",
        DateOfBirth = new DateOnly(1990, 1, 1),
        Sex = "H",
        DocumentType = "PAS",
        DocumentNumber = "123456789",
        ResidenceAddress = "10 Downing Street",
        ResidenceCountryCode = "GB",
        ResidenceCity = "London",
        ResidencePostalCode = "SW1A 2AA",
        Email = "john@example.co.uk",
    };

    private static GuestRegistration Child(int age) => new()
    {
        FirstName = "Pablo",
        LastName = "García",
        NationalityCountryCode = "ES",
        DateOfBirth = Today.AddYears(-age).AddDays(-1),
        Sex = "H",
        RelationshipCode = "HJ",
    };

    private static IReadOnlyDictionary<string, string[]> Validate(GuestRegistration g) => Validator.Validate(g, Today);

    [Test]
    public void A_spanish_adult_with_nif_living_in_madrid_is_valid()
    {
        Validate(SpanishAdult).Should().BeEmpty();
    }

    [Test]
    public void A_foreigner_with_a_passport_and_a_free_text_city_is_valid()
    {
        Validate(ForeignAdult).Should().BeEmpty();
    }

    [Test]
    public void A_foreign_resident_with_a_nie_is_valid()
    {
        var guest = ForeignAdult with { DocumentType = "nie", DocumentNumber = "x-1234567-l", DocumentSupportNumber = "E12345678" };

        Validate(guest).Should().BeEmpty();
    }

    [Test]
    public void An_empty_registration_names_every_required_field()
    {
        Validate(new GuestRegistration()).Keys.Should().BeEquivalentTo(
            "first_name", "last_name", "nationality_country_code", "date_of_birth", "sex");
    }

    [TestCase("XX", TestName = "An unknown code")]
    [TestCase("Spain", TestName = "A country name")]
    public void Nationality_must_be_a_known_iso_code(string code)
    {
        Validate(ForeignAdult with { NationalityCountryCode = code }).Should().ContainKey("nationality_country_code");
    }

    [TestCase("2026-11-28", TestName = "Born today")]
    [TestCase("2027-01-01", TestName = "Born in the future")]
    [TestCase("1900-01-01", TestName = "Over 120 years old")]
    public void The_date_of_birth_must_be_in_the_past_and_plausible(string dob)
    {
        Validate(ForeignAdult with { DateOfBirth = DateOnly.ParseExact(dob, "yyyy-MM-dd") })
            .Should().ContainKey("date_of_birth");
    }

    [TestCase("X")]
    [TestCase("F")]
    public void Sex_must_be_h_m_or_o(string sex)
    {
        Validate(ForeignAdult with { Sex = sex }).Should().ContainKey("sex");
    }

    [TestCase("12345678A", TestName = "A NIF with a wrong check letter")]
    [TestCase("X1234567L", TestName = "A NIE given as NIF")]
    public void A_nif_needs_a_valid_check_letter(string number)
    {
        Validate(SpanishAdult with { DocumentNumber = number }).Should().ContainKey("document_number");
    }

    [Test]
    public void A_nie_needs_a_valid_check_letter()
    {
        Validate(ForeignAdult with { DocumentType = "NIE", DocumentNumber = "X1234567A", DocumentSupportNumber = "E1" })
            .Should().ContainKey("document_number");
    }

    [Test]
    public void A_nif_needs_a_second_last_name_and_a_support_number()
    {
        Validate(SpanishAdult with { SecondLastName = null, DocumentSupportNumber = " " }).Keys
            .Should().BeEquivalentTo("second_last_name", "document_support_number");
    }

    [Test]
    public void A_nie_needs_a_support_number_but_no_second_last_name()
    {
        Validate(ForeignAdult with { DocumentType = "NIE", DocumentNumber = "Y1234567X" }).Keys
            .Should().BeEquivalentTo("document_support_number");
    }

    [Test]
    public void Spanish_nationals_may_register_with_a_passport()
    {
        Validate(SpanishAdult with { DocumentType = "PAS", DocumentNumber = "PAA123456", SecondLastName = null })
            .Should().BeEmpty();
    }

    [Test]
    public void A_document_type_needs_a_document_number()
    {
        Validate(ForeignAdult with { DocumentNumber = null }).Should().ContainKey("document_number");
    }

    [Test]
    public void An_unknown_document_type_is_rejected()
    {
        Validate(ForeignAdult with { DocumentType = "DNI" }).Should().ContainKey("document_type");
    }

    [Test]
    public void An_adult_needs_an_identity_document()
    {
        Validate(ForeignAdult with { DocumentType = null, DocumentNumber = null }).Should().ContainKey("document_type");
    }

    [Test]
    public void A_14_year_old_needs_an_identity_document()
    {
        Validate(Child(14)).Keys.Should().BeEquivalentTo("document_type");
    }

    [Test]
    public void A_14_year_old_with_an_identity_document_is_valid()
    {
        Validate(Child(14) with { DocumentType = "PAS", DocumentNumber = "PAA000001" }).Should().BeEmpty();
    }

    [TestCase(0)]
    [TestCase(13)]
    public void A_child_under_14_may_come_without_a_document(int age)
    {
        Validate(Child(age)).Should().BeEmpty();
    }

    [Test]
    public void A_child_under_14_who_gives_a_document_number_must_say_which_document()
    {
        Validate(Child(10) with { DocumentNumber = "PAA000001" }).Should().ContainKey("document_type");
    }

    [TestCase(5)]
    [TestCase(17)]
    public void A_minor_needs_a_relationship_to_the_responsible_adult(int age)
    {
        var minor = Child(age) with { RelationshipCode = null, DocumentType = "PAS", DocumentNumber = "PAA000001" };

        Validate(minor).Keys.Should().BeEquivalentTo("relationship_code");
    }

    [TestCase("XX")]
    [TestCase("padre")]
    public void A_relationship_must_come_from_the_ses_list(string code)
    {
        Validate(Child(5) with { RelationshipCode = code }).Should().ContainKey("relationship_code");
    }

    [TestCase("AB")]
    [TestCase("pm")]
    [TestCase("TU")]
    [TestCase("OT")]
    public void A_relationship_from_the_ses_list_is_accepted_in_any_case(string code)
    {
        Validate(Child(5) with { RelationshipCode = code }).Should().BeEmpty();
    }

    [Test]
    public void Minors_need_neither_phone_nor_email()
    {
        Validate(Child(17) with { DocumentType = "PAS", DocumentNumber = "PAA000001", Phone = null, Email = null })
            .Should().BeEmpty();
    }

    [Test]
    public void An_adult_needs_a_phone_or_an_email()
    {
        var errors = Validate(SpanishAdult with { Phone = null, Email = null });

        errors.Keys.Should().BeEquivalentTo("phone", "email");
        Validate(SpanishAdult with { Phone = null }).Should().BeEmpty();
        Validate(SpanishAdult with { Email = null }).Should().BeEmpty();
    }

    [Test]
    public void A_guest_turning_18_today_counts_as_an_adult()
    {
        var guest = ForeignAdult with { DateOfBirth = Today.AddYears(-18), Email = null };

        Validate(guest).Keys.Should().BeEquivalentTo("phone", "email");
    }

    [TestCase("lucia")]
    [TestCase("lucia@example")]
    [TestCase("lu cia@example.com")]
    [TestCase("a@b@example.com")]
    public void A_malformed_email_is_rejected(string email)
    {
        Validate(SpanishAdult with { Email = email }).Should().ContainKey("email");
    }

    [TestCase("abc", "phone")]
    [TestCase("12", "phone")]
    public void A_malformed_phone_is_rejected(string phone, string field)
    {
        Validate(SpanishAdult with { Phone = phone }).Should().ContainKey(field);
    }

    [Test]
    public void A_residence_in_spain_needs_province_and_city_ids()
    {
        Validate(SpanishAdult with { ResidenceProvinceId = null, ResidenceCityId = null }).Keys
            .Should().BeEquivalentTo("residence_province_id", "residence_city_id");
    }

    [Test]
    public void A_residence_in_spain_needs_ids_that_exist()
    {
        Validate(SpanishAdult with { ResidenceProvinceId = Guid.NewGuid(), ResidenceCityId = Guid.NewGuid() }).Keys
            .Should().BeEquivalentTo("residence_province_id", "residence_city_id");
    }

    [Test]
    public void A_residence_in_spain_needs_the_city_to_be_in_the_province()
    {
        Validate(SpanishAdult with { ResidenceCityId = Barcelona.Id }).Keys.Should().BeEquivalentTo("residence_city_id");
    }

    [Test]
    public void A_residence_in_spain_needs_a_five_digit_postal_code()
    {
        Validate(SpanishAdult with { ResidencePostalCode = "2801" }).Should().ContainKey("residence_postal_code");
    }

    [Test]
    public void A_residence_abroad_needs_a_city_name_but_no_geo_ids()
    {
        Validate(ForeignAdult with { ResidenceCity = "" }).Keys.Should().BeEquivalentTo("residence_city");
    }

    [Test]
    public void A_residence_needs_a_street_and_postal_code()
    {
        Validate(ForeignAdult with { ResidenceAddress = null, ResidencePostalCode = null }).Keys
            .Should().BeEquivalentTo("residence_address", "residence_postal_code");
    }

    [Test]
    public void Residence_details_need_a_residence_country()
    {
        Validate(ForeignAdult with { ResidenceCountryCode = null }).Keys.Should().BeEquivalentTo("residence_country_code");
    }

    [Test]
    public void A_guest_may_register_without_any_residence()
    {
        var guest = ForeignAdult with
        {
            ResidenceAddress = null, ResidenceCountryCode = null, ResidenceCity = null, ResidencePostalCode = null,
        };

        Validate(guest).Should().BeEmpty();
    }

    [TestCase(51, "first_name")]
    [TestCase(51, "last_name")]
    [TestCase(51, "second_last_name")]
    [TestCase(101, "residence_address")]
    public void Long_texts_are_rejected(int length, string field)
    {
        var text = new string('a', length);
        var guest = field switch
        {
            "first_name" => SpanishAdult with { FirstName = text },
            "last_name" => SpanishAdult with { LastName = text },
            "second_last_name" => SpanishAdult with { SecondLastName = text },
            _ => SpanishAdult with { ResidenceAddress = text },
        };

        Validate(guest).Keys.Should().BeEquivalentTo(field);
    }

    [Test]
    public void Names_of_exactly_50_characters_are_accepted()
    {
        Validate(SpanishAdult with { FirstName = new string('a', 50) }).Should().BeEmpty();
    }
}
