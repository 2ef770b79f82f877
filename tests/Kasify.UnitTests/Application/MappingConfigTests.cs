using System.Reflection;
using Kasify.Application.Checkin;
using Kasify.Application.Common;
using Kasify.Application.Crew;
using Kasify.Application.Properties;
using Kasify.Application.Timeline;
using Kasify.Domain.Checkin;
using Kasify.Domain.Crew;
using Kasify.Domain.SmartLocks;
using Kasify.Domain.Timeline;
using Mapster;

namespace Kasify.UnitTests.Application;

/// <summary>The one Mapster configuration (docs/adr/0006): it compiles, and it only holds mechanical mappings.</summary>
public sealed class MappingConfigTests
{
    private static readonly TypeAdapterConfig Config = MappingConfig.Create();

    [Test]
    public void The_mapping_configuration_compiles_with_every_destination_member_mapped()
    {
        var config = MappingConfig.Create();

        FluentActions.Invoking(() => config.Compile()).Should().NotThrow();
        FluentActions.Invoking(() => config.CompileProjection()).Should().NotThrow("list queries project with ProjectToType");
    }

    [Test]
    public void A_response_missing_a_source_member_is_refused_at_compile_time()
    {
        var config = MappingConfig.Create();
        config.NewConfig<SmartLock, ResponseWithAnExtraField>();

        FluentActions.Invoking(() => config.Compile()).Should().Throw<Exception>()
            .Where(e => e.ToString().Contains(nameof(ResponseWithAnExtraField.Status)), "the unmapped member is named");
    }

    [Test]
    public void Every_mapped_response_copies_same_named_members_of_its_entity_and_nothing_else()
    {
        Config.RuleMap.Keys.Should().NotBeEmpty();
        foreach (var pair in Config.RuleMap.Keys)
        {
            var destinationMembers = pair.Destination.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            destinationMembers.Should().NotBeEmpty();
            foreach (var member in destinationMembers)
            {
                var source = pair.Source.GetProperty(member.Name, BindingFlags.Public | BindingFlags.Instance);
                source.Should().NotBeNull($"{pair.Destination.Name}.{member.Name} copies {pair.Source.Name}.{member.Name}: a computed or renamed field is hand-mapped");
                member.PropertyType.IsAssignableFrom(source!.PropertyType).Should().BeTrue($"{pair.Destination.Name}.{member.Name} has the entity's type");
            }
        }
    }

    [Test]
    public void An_activity_maps_field_for_field_in_memory_and_in_a_projection()
    {
        var activity = new Activity(new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc), "booking.created", "Booking created",
            "booking", Guid.NewGuid(), Guid.NewGuid(), "Piso 1", Guid.NewGuid(), "Ana");
        var expected = new ActivityResponse(activity.Id, activity.At, activity.Kind, activity.ActorId, activity.ActorName,
            activity.PropertyId, activity.PropertyName, activity.SubjectType, activity.SubjectId, activity.Summary);

        activity.Adapt<ActivityResponse>(Config).Should().Be(expected);
        new[] { activity }.AsQueryable().ProjectToType<ActivityResponse>(Config).Single().Should().Be(expected);
    }

    [Test]
    public void An_invitation_maps_field_for_field_in_memory_and_in_a_projection()
    {
        var invitation = new PropertyInvitation(Guid.NewGuid(), AccessLevel.Staff, CrewService.Cleaning, "ana@example.com", 3,
            new DateTime(2026, 6, 8, 0, 0, 0, DateTimeKind.Utc), "es", Guid.NewGuid(), new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        var expected = new InvitationResponse(invitation.Id, invitation.PropertyId, invitation.Token, 0, 3, invitation.CreatedAt,
            invitation.ExpiresAt, null, AccessLevel.Staff, "ana@example.com", "es", CrewService.Cleaning);

        invitation.Adapt<InvitationResponse>(Config).Should().Be(expected);
        new[] { invitation }.AsQueryable().ProjectToType<InvitationResponse>(Config).Single().Should().Be(expected);
    }

    [Test]
    public void A_smart_lock_summary_carries_only_id_vendor_and_name()
    {
        var smartLock = new SmartLock(Guid.NewGuid(), Guid.NewGuid(), "nuki", "ext-1", "Front door", DateTime.UnixEpoch);

        smartLock.Adapt<SmartLockSummary>(Config).Should().Be(new SmartLockSummary(smartLock.Id, "nuki", "Front door"));
    }

    [Test]
    public void A_guest_on_the_public_check_in_page_carries_no_document_number()
    {
        var guest = Guest.Register(Guid.NewGuid(), Guid.NewGuid(),
            new GuestIdentity("Ana", "García", null, "ES", new DateOnly(1990, 5, 1), "M", "NIF", "protected-number", "ABC123", null),
            new GuestContact(null, "ES", null, null, null, null, "+34", "600000000", null), DateTime.UnixEpoch);

        var shown = new[] { guest }.AsQueryable().ProjectToType<CheckinGuest>(Config).Single();

        (shown.Id, shown.FirstName, shown.DocumentType, shown.Phone).Should().Be((guest.Id, "Ana", "NIF", "600000000"));
        typeof(CheckinGuest).GetProperties().Select(p => p.Name).Should().NotContain(name => name.Contains("Document") && name != "DocumentType");
    }

    private sealed record ResponseWithAnExtraField(Guid Id, string Name, string Status);
}
