using Kasify.Domain.Common;
using Kasify.Domain.Properties;

namespace Kasify.UnitTests.Properties;

public sealed class PropertyTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Property NewProperty() =>
        Property.Create(Guid.NewGuid(), new PropertyDetails("Casa", "Calle 1", "Madrid", "28001", null, null, true, 2, null), PropertySettings.Default, Now);

    [Test]
    public void Creating_a_property_raises_PropertyCreated_and_makes_an_export_token()
    {
        var property = NewProperty();

        property.PopDomainEvents().Should().ContainSingle().Which.Should().Be(new PropertyCreated(property.Id, property.AccountId, "Casa"));
        property.ExportToken.Should().MatchRegex("^[A-Za-z0-9_-]{32}$");
        property.CheckinTime.Should().Be(new TimeOnly(16, 0));
    }

    [Test]
    public void Adding_a_calendar_asks_for_a_sync_and_setting_the_same_url_again_does_not()
    {
        var property = NewProperty();
        property.PopDomainEvents();

        property.SetCalendar(Channel.Airbnb, "https://a.example/x.ics", 30);
        property.SetCalendar(Channel.Airbnb, "https://a.example/x.ics", 60);

        property.PopDomainEvents().Should().Equal(new PropertyCalendarChanged(property.Id, Channel.Airbnb, "https://a.example/x.ics"));
        property.Calendars.Should().ContainSingle().Which.SyncIntervalMinutes.Should().Be(60);
    }

    [Test]
    public void Changing_a_calendar_url_keeps_the_calendar()
    {
        var property = NewProperty();
        property.SetCalendar(Channel.Booking, "https://b.example/1.ics", 30);
        var calendar = property.Calendars.Single();
        calendar.RecordSuccess(Now);

        property.SetCalendar(Channel.Booking, "https://b.example/2.ics", 30);

        property.Calendars.Should().ContainSingle().Which.Should().BeSameAs(calendar);
        calendar.Url.Should().Be("https://b.example/2.ics");
        calendar.LastSyncAt.Should().Be(Now);
    }

    [Test]
    public void Removing_a_calendar_says_so_and_removing_a_missing_one_is_silent()
    {
        var property = NewProperty();
        property.SetCalendar(Channel.Vrbo, "https://v.example/1.ics", 30);
        property.PopDomainEvents();

        property.RemoveCalendar(Channel.Vrbo);
        property.RemoveCalendar(Channel.Vrbo);

        property.PopDomainEvents().Should().Equal(new PropertyCalendarChanged(property.Id, Channel.Vrbo, null));
        property.Calendars.Should().BeEmpty();
    }

    [Test]
    public void A_sync_interval_under_five_minutes_is_refused()
    {
        var property = NewProperty();

        var act = () => property.SetCalendar(Channel.Other, "https://o.example/1.ics", 4);

        act.Should().Throw<DomainRuleException>();
    }

    [Test]
    public void Replacing_the_cover_image_names_the_old_file_so_it_can_be_removed()
    {
        var property = NewProperty();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        property.SetCoverImage(first);
        property.PopDomainEvents();

        property.SetCoverImage(second);

        property.PopDomainEvents().Should().Equal(new PropertyCoverImageChanged(property.Id, first, second));
    }

    [Test]
    public void Negative_rooms_are_refused()
    {
        var act = () => Property.Create(Guid.NewGuid(), new PropertyDetails("C", "A", "M", "1", null, null, null, -1, null), PropertySettings.Default, Now);

        act.Should().Throw<DomainRuleException>();
    }

    [Test]
    public void Rotating_the_export_token_changes_it()
    {
        var property = NewProperty();
        var before = property.ExportToken;

        property.RotateExportToken();

        property.ExportToken.Should().NotBe(before);
    }
}
