using Kasify.Domain.AccessCodes;
using Kasify.Domain.Common;

namespace Kasify.UnitTests.AccessCodes;

/// <summary>The access code's state machine, without HTTP or a database (after eShop's <c>OrderAggregateTest</c>).</summary>
public sealed class AccessCodeAggregateTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private static AccessCode NewCode() =>
        AccessCode.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Front door", Guid.NewGuid(), "nuki", "17", "KSY-0123456789AB",
            "protected-pin", Now.AddDays(1), Now.AddDays(3), Now);

    private static AccessCode Submitted()
    {
        var code = NewCode();
        code.MarkSubmitted(Now);
        return code;
    }

    private static AccessCode Active()
    {
        var code = Submitted();
        code.Activate("auth-1");
        code.PopDomainEvents();
        return code;
    }

    private static AccessCode Revoked()
    {
        var code = Active();
        code.MarkRevoked(Now);
        code.PopDomainEvents();
        return code;
    }

    private static AccessCode Failed()
    {
        var code = Submitted();
        code.Fail("The lock refused the PIN");
        code.PopDomainEvents();
        return code;
    }

    [Test]
    public void A_new_code_is_pending_unsubmitted_and_raises_nothing_yet()
    {
        var code = NewCode();

        code.Status.Should().Be(AccessCodeStatus.Pending);
        code.NeedsSubmitting.Should().BeTrue();
        code.IsLive.Should().BeTrue();
        code.DomainEvents.Should().BeEmpty("nothing is on the lock: the timeline has nothing to say");
    }

    [Test]
    public void Activating_a_submitted_code_makes_it_active_clears_the_error_and_raises_AccessCodeActivated()
    {
        var code = Submitted();
        code.RecordError("Nuki timed out");

        code.Activate("auth-1");

        code.Status.Should().Be(AccessCodeStatus.Active);
        code.ExternalCodeId.Should().Be("auth-1");
        code.LastError.Should().BeNull();
        code.PopDomainEvents().Should().ContainSingle().Which.Should()
            .Be(new AccessCodeActivated(code.Id, code.BookingId, code.PropertyId, "Front door"));
    }

    [Test]
    public void A_code_not_yet_submitted_or_already_active_cannot_be_activated()
    {
        FluentActions.Invoking(() => NewCode().Activate("auth-1")).Should().Throw<DomainRuleException>()
            .Which.IsConflict.Should().BeTrue();
        FluentActions.Invoking(() => Active().Activate("auth-2")).Should().Throw<DomainRuleException>().WithMessage("An access code that is active cannot become active*");
        FluentActions.Invoking(() => Revoked().Activate("auth-2")).Should().Throw<DomainRuleException>();
    }

    [Test]
    public void A_submitted_code_without_its_id_goes_back_to_submitting_and_only_it_does()
    {
        var code = Submitted();

        code.SubmissionFailed("Nuki is down");

        code.NeedsSubmitting.Should().BeTrue();
        code.LastError.Should().Be("Nuki is down");
        FluentActions.Invoking(() => NewCode().SubmissionFailed("x")).Should().Throw<DomainRuleException>();
        FluentActions.Invoking(() => Active().SubmissionFailed("x")).Should().Throw<DomainRuleException>();
    }

    [Test]
    public void Checks_are_counted_only_while_the_code_awaits_its_id()
    {
        var code = Submitted();

        code.RecordCheck().Should().Be(1);
        code.RecordCheck().Should().Be(2);

        FluentActions.Invoking(() => Active().RecordCheck()).Should().Throw<DomainRuleException>();
        FluentActions.Invoking(() => NewCode().RecordCheck()).Should().Throw<DomainRuleException>();
    }

    [Test]
    public void Failing_records_the_reason_trimmed_and_raises_AccessCodeFailed_with_it()
    {
        var code = Submitted();

        code.Fail(new string('e', 1200));

        code.Status.Should().Be(AccessCodeStatus.Failed);
        code.IsLive.Should().BeFalse();
        code.LastError.Should().HaveLength(1000);
        code.PopDomainEvents().Should().ContainSingle().Which.Should()
            .Be(new AccessCodeFailed(code.Id, code.BookingId, code.PropertyId, "Front door", code.LastError!));
    }

    [Test]
    public void Pending_active_revoking_and_failed_codes_can_fail_but_a_revoked_one_cannot()
    {
        var revoking = Active();
        revoking.StartRevoking();

        foreach (var code in new[] { Submitted(), Active(), revoking, Failed() })
        {
            code.Fail("refused");
            code.Status.Should().Be(AccessCodeStatus.Failed);
            code.DomainEvents.OfType<AccessCodeFailed>().Should().ContainSingle();
        }
        FluentActions.Invoking(() => Revoked().Fail("refused")).Should().Throw<DomainRuleException>().WithMessage("An access code that is revoked cannot fail*");
    }

    [Test]
    public void Revoking_an_active_code_waits_for_the_lock_then_revokes_it_once_and_raises_AccessCodeRevoked()
    {
        var code = Active();

        code.StartRevoking();
        code.Status.Should().Be(AccessCodeStatus.Revoking);
        code.IsLive.Should().BeTrue("the lock may still open with it");
        code.DomainEvents.Should().BeEmpty();

        code.MarkRevoked(Now.AddHours(1));

        code.Status.Should().Be(AccessCodeStatus.Revoked);
        code.RevokedAt.Should().Be(Now.AddHours(1));
        code.PopDomainEvents().Should().ContainSingle().Which.Should()
            .Be(new AccessCodeRevoked(code.Id, code.BookingId, code.PropertyId, "Front door", AccessCodeRevocation.Removed));
        FluentActions.Invoking(() => code.MarkRevoked(Now)).Should().Throw<DomainRuleException>();
        code.StartRevoking();
        code.Status.Should().Be(AccessCodeStatus.Revoked, "revoked is final until reopened");
        code.DomainEvents.Should().BeEmpty();
    }

    [Test]
    public void A_revocation_keeps_a_note_of_what_may_be_left_on_the_lock()
    {
        var code = Active();

        code.MarkRevoked(Now, "The lock's integration was removed.");

        code.LastError.Should().Be("The lock's integration was removed.");
    }

    [Test]
    public void Revoked_with_its_property_the_event_says_so()
    {
        var code = Active();

        code.RevokeWithProperty(Now, "The lock could not be reached; its removal is retried");

        code.Status.Should().Be(AccessCodeStatus.Revoked);
        code.PopDomainEvents().OfType<AccessCodeRevoked>().Single().Revocation.Should().Be(AccessCodeRevocation.WithProperty);
        FluentActions.Invoking(() => code.RevokeWithProperty(Now)).Should().Throw<DomainRuleException>();
    }

    [Test]
    public void Only_a_failed_code_that_never_reached_its_lock_is_closed_unsubmitted_keeping_its_error()
    {
        var code = NewCode();
        code.MarkSubmitted(Now);
        code.SubmissionFailed("Nuki is down");
        code.Fail("The lock's integration was removed.");
        code.PopDomainEvents();

        code.CloseUnsubmitted(Now);

        code.Status.Should().Be(AccessCodeStatus.Revoked);
        code.LastError.Should().Be("The lock's integration was removed.");
        code.PopDomainEvents().OfType<AccessCodeRevoked>().Single().Revocation.Should().Be(AccessCodeRevocation.NeverSubmitted);
        FluentActions.Invoking(() => Failed().CloseUnsubmitted(Now)).Should().Throw<DomainRuleException>("it was submitted: it may be on the lock");
        FluentActions.Invoking(() => Active().CloseUnsubmitted(Now)).Should().Throw<DomainRuleException>();
    }

    [Test]
    public void Reopening_a_revoked_code_keeps_its_PIN_and_starts_it_again_as_pending()
    {
        var code = Revoked();

        code.Reopen(Now.AddDays(2), Now.AddDays(4));

        code.Status.Should().Be(AccessCodeStatus.Pending);
        code.NeedsSubmitting.Should().BeTrue();
        code.ProtectedPin.Should().Be("protected-pin");
        code.ExternalCodeId.Should().BeNull();
        code.RevokedAt.Should().BeNull();
        code.Checks.Should().Be(0);
        (code.ValidFrom, code.ValidUntil).Should().Be((Now.AddDays(2), Now.AddDays(4)));
    }

    [Test]
    public void Reopening_with_a_new_PIN_replaces_it_and_failed_or_revoking_codes_reopen_too()
    {
        var failed = Failed();
        var revoking = Active();
        revoking.StartRevoking();

        failed.Reopen(Now.AddDays(1), Now.AddDays(3), "new-protected-pin");
        revoking.Reopen(Now.AddDays(1), Now.AddDays(3));

        failed.ProtectedPin.Should().Be("new-protected-pin");
        failed.LastError.Should().BeNull();
        revoking.Status.Should().Be(AccessCodeStatus.Pending);
    }

    [Test]
    public void Live_codes_cannot_be_reopened()
    {
        FluentActions.Invoking(() => NewCode().Reopen(Now, Now.AddDays(1))).Should().Throw<DomainRuleException>();
        FluentActions.Invoking(() => Submitted().Reopen(Now, Now.AddDays(1))).Should().Throw<DomainRuleException>();
        FluentActions.Invoking(() => Active().Reopen(Now, Now.AddDays(1))).Should().Throw<DomainRuleException>();
    }

    [Test]
    public void A_code_submitted_once_cannot_be_submitted_again_until_handed_back()
    {
        var code = Submitted();

        FluentActions.Invoking(() => code.MarkSubmitted(Now)).Should().Throw<DomainRuleException>();
        FluentActions.Invoking(() => Active().MarkSubmitted(Now)).Should().Throw<DomainRuleException>();
        FluentActions.Invoking(() => Revoked().MarkSubmitted(Now)).Should().Throw<DomainRuleException>();
    }

    [Test]
    public void The_window_moves_for_live_and_failed_codes_but_not_for_revoked_ones_and_never_empty()
    {
        var active = Active();
        var failed = Failed();

        active.MoveWindow(Now.AddDays(2), Now.AddDays(5));
        failed.MoveWindow(Now.AddDays(2), Now.AddDays(5));

        active.ValidFrom.Should().Be(Now.AddDays(2));
        failed.ValidUntil.Should().Be(Now.AddDays(5));
        FluentActions.Invoking(() => Revoked().MoveWindow(Now.AddDays(2), Now.AddDays(5))).Should().Throw<DomainRuleException>();
        FluentActions.Invoking(() => active.MoveWindow(Now, Now)).Should().Throw<DomainRuleException>().Which.IsConflict.Should().BeFalse();
    }

    [Test]
    public void Only_a_pending_code_takes_the_PIN_the_vendor_chose()
    {
        var code = Submitted();

        code.ReplacePin("vendor-pin");

        code.ProtectedPin.Should().Be("vendor-pin");
        FluentActions.Invoking(() => Active().ReplacePin("other")).Should().Throw<DomainRuleException>();
    }

    [Test]
    public void Each_transition_that_matters_raises_its_own_event_in_order()
    {
        var code = Submitted();

        code.Activate("auth-1");
        code.Fail("Could not move the code's validity on the lock: refused");
        code.MarkRevoked(Now);

        code.PopDomainEvents().Select(e => e.GetType()).Should()
            .Equal(typeof(AccessCodeActivated), typeof(AccessCodeFailed), typeof(AccessCodeRevoked));
        code.DomainEvents.Should().BeEmpty("popped events are gone");
    }
}
