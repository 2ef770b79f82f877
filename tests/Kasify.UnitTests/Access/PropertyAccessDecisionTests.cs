using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Crew;

namespace Kasify.UnitTests.Access;

/// <summary>The §2 decisions that need no database, role by role.</summary>
public sealed class PropertyAccessDecisionTests
{
    private static readonly Guid Me = Guid.NewGuid();

    [TestCase(AccessLevel.Owner, false, TaskView.Full)]
    [TestCase(AccessLevel.Manager, false, TaskView.Full)]
    [TestCase(AccessLevel.Staff, true, TaskView.Full)]
    [TestCase(AccessLevel.Staff, false, TaskView.Stripped)]
    [TestCase(AccessLevel.Contractor, true, TaskView.Full)]
    [TestCase(AccessLevel.Contractor, false, TaskView.Hidden)]
    [TestCase(null, true, TaskView.Hidden)]
    public void Task_views_follow_the_role_table(AccessLevel? role, bool assignedToMe, TaskView expected) =>
        PropertyAccess.ViewOf(role, assignedToMe ? Me : Guid.NewGuid(), Me).Should().Be(expected);

    [Test]
    public void Contractors_get_403_on_booking_lists_and_404_on_a_booking_and_only_owners_and_managers_see_guests()
    {
        FluentActions.Invoking(() => PropertyAccess.RequireMayListBookings(AccessLevel.Contractor)).Should().Throw<ForbiddenException>();
        FluentActions.Invoking(() => PropertyAccess.RequireMaySeeBooking(AccessLevel.Contractor)).Should().Throw<NotFoundException>();
        FluentActions.Invoking(() => PropertyAccess.RequireMayListBookings(AccessLevel.Staff)).Should().NotThrow();
        PropertyAccess.MaySeeGuestData(AccessLevel.Staff).Should().BeFalse();
        PropertyAccess.MaySeeGuestData(AccessLevel.Manager).Should().BeTrue();
        PropertyAccess.SeesOnlyOwnTaskEvents(AccessLevel.Contractor).Should().BeTrue();
    }

    [TestCase(AccessLevel.Owner, AccessLevel.Manager, true)]
    [TestCase(AccessLevel.Manager, AccessLevel.Manager, false)]
    [TestCase(AccessLevel.Manager, AccessLevel.Staff, true)]
    [TestCase(AccessLevel.Manager, AccessLevel.Contractor, true)]
    [TestCase(AccessLevel.Staff, AccessLevel.Staff, false)]
    [TestCase(AccessLevel.Contractor, AccessLevel.Contractor, false)]
    public void Who_may_invite_whom(AccessLevel inviter, AccessLevel invited, bool allowed)
    {
        var act = () => PropertyAccess.RequireMayInvite(inviter, invited);
        if (allowed) act.Should().NotThrow();
        else act.Should().Throw<ForbiddenException>();
    }
}
