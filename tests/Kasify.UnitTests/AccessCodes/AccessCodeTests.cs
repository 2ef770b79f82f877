using Kasify.Application.AccessCodes;
using Kasify.Domain.AccessCodes;
using Kasify.Domain.Bookings;
using Kasify.Domain.Common;

namespace Kasify.UnitTests.AccessCodes;

public sealed class AccessCodeTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private static AccessCode NewCode(string name = "KSY-0123456789AB") =>
        AccessCode.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Front door", Guid.NewGuid(), "nuki", "17", name, "protected",
            Now.AddDays(1), Now.AddDays(3), Now);

    [Test]
    public void A_new_code_is_pending_and_must_be_submitted_once()
    {
        var code = NewCode();
        code.Status.Should().Be(AccessCodeStatus.Pending);
        code.NeedsSubmitting.Should().BeTrue();

        var before = code.Version;
        code.MarkSubmitted(Now);

        code.Version.Should().NotBe(before, "the claim is a concurrency-checked write");
        code.AwaitsVendorId.Should().BeTrue();
        code.Invoking(c => c.MarkSubmitted(Now)).Should().Throw<DomainRuleException>();
    }

    [Test]
    public void A_transient_failure_hands_the_code_back_for_another_submission()
    {
        var code = NewCode();
        code.MarkSubmitted(Now);

        code.SubmissionFailed("Nuki is down");

        code.NeedsSubmitting.Should().BeTrue();
        code.LastError.Should().Be("Nuki is down");
    }

    [Test]
    public void Found_on_the_lock_the_code_becomes_active_and_revoked_is_final()
    {
        var code = NewCode();
        code.MarkSubmitted(Now);
        code.Activate("abc");
        code.Status.Should().Be(AccessCodeStatus.Active);

        code.StartRevoking();
        code.MarkRevoked(Now);
        code.StartRevoking();

        code.Status.Should().Be(AccessCodeStatus.Revoked);
        code.RevokedAt.Should().Be(Now);
    }

    [Test]
    public void Names_longer_than_nuki_allows_and_empty_windows_are_refused()
    {
        FluentActions.Invoking(() => NewCode(new string('x', 21))).Should().Throw<DomainRuleException>();
        NewCode().Invoking(c => c.MoveWindow(Now, Now)).Should().Throw<DomainRuleException>();
    }

    [Test]
    public void The_lock_name_is_short_enough_for_nuki_and_unique_per_booking()
    {
        var a = AccessCodeProvisioner.LockNameFor(Guid.CreateVersion7());
        var b = AccessCodeProvisioner.LockNameFor(Guid.CreateVersion7());

        a.Should().StartWith("KSY-").And.HaveLength(16);
        a.Length.Should().BeLessThanOrEqualTo(AccessCode.MaxLockNameLength);
        a.Should().NotBe(b);
    }

    [Test]
    public void The_window_is_check_in_to_check_out_in_the_property_time_zone_with_lead_and_grace()
    {
        var stay = new StayPeriod(new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 26), new TimeOnly(16, 0), new TimeOnly(11, 0));

        var schedule = AccessCodeSchedule.For(stay, "Europe/Madrid", new AccessCodeOptions());

        schedule.ValidFrom.Should().Be(new DateTime(2026, 10, 24, 14, 0, 0, DateTimeKind.Utc), "CEST is UTC+2");
        schedule.ValidUntil.Should().Be(new DateTime(2026, 10, 26, 10, 0, 0, DateTimeKind.Utc), "CET is UTC+1 after the change");
        schedule.ProvisionAt.Should().Be(schedule.ValidFrom.AddHours(-24));
        schedule.RevokeAt.Should().Be(schedule.ValidUntil.AddHours(1));
        schedule.IsDue(schedule.ProvisionAt).Should().BeTrue();
        schedule.IsDue(schedule.RevokeAt).Should().BeFalse();
    }
}
