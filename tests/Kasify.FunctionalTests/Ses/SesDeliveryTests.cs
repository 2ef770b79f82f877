using System.Net;
using Kasify.Domain.Bookings;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Checkin;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.Infrastructure.Jobs;
using Kasify.TestFakes.Ses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.FunctionalTests.Ses;

/// <summary>Item 4 and 5 of the SES register issue: a report is never dropped, and never sent twice for one stay.</summary>
public sealed class SesDeliveryTests : SesFixture
{
    [Test]
    public async Task A_three_hour_SES_outage_delays_the_report_but_it_is_sent_once_when_SES_is_back()
    {
        var (_, propertyId) = await SesOwnerAsync();
        Ses.Mode = FakeSesMode.ServiceUnavailable;
        var booking = await CompletedCheckinAsync(propertyId);
        await Api.RunDueJobsAsync();

        for (var minutes = 10; minutes <= 180; minutes += 10)
        {
            await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(10));
            if (minutes % 60 == 0) await RunSesSweepAsync();
        }
        var duringOutage = await SesReportOfAsync(booking);
        Ses.Mode = FakeSesMode.Accept;
        await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(50));
        await RunSesSweepAsync();
        await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(2));

        duringOutage.State.Should().Be(SesReportState.Pending);
        duringOutage.Attempts.Should().BeGreaterThan(8, "the outbox's own retries run out after about two hours; the sweep keeps going");
        duringOutage.LastError.Should().Contain("503");
        var report = ReportsFor(booking).Should().ContainSingle().Subject;
        var stored = await SesReportOfAsync(booking);
        stored.State.Should().Be(SesReportState.Accepted);
        stored.BatchId.Should().Be(report.Lote);
    }

    [Test]
    public async Task An_alta_accepted_whose_answer_times_out_is_uncertain_and_not_resent_until_the_owner_confirms()
    {
        var (owner, propertyId) = await SesOwnerAsync();
        Ses.Mode = FakeSesMode.AcceptThenHoldAnswer;
        var received = Ses.ReceivedReports.Count;
        var booking = await CompletedCheckinAsync(propertyId);

        var run = Api.RunDueJobsAsync();
        await Ses.WaitForReportsAsync(received + 1);
        Api.Clock.Advance(TimeSpan.FromSeconds(31)); // the SES client's timeout, on the fake clock
        await run;
        Ses.Mode = FakeSesMode.Accept;
        await AdvanceAndRunJobsAsync(TimeSpan.FromHours(2));
        await RunSesSweepAsync();

        ReportsFor(booking).Should().ContainSingle("SES may have it: sending again could make a second parte");
        (await SesReportOfAsync(booking)).State.Should().Be(SesReportState.Uncertain);
        (await SesActivityKindsAsync(booking.Id)).Should().Contain("ses.report_uncertain");
        (await SesViewAsync(owner, booking))["status"]!.GetValue<string>().Should().Be("uncertain");

        await (await owner.Client.PostAsync($"/bookings/{booking.Id}/ses/resend", null)).ShouldBeAsync(HttpStatusCode.Accepted);
        await Api.RunDueJobsAsync();
        await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(2));

        ReportsFor(booking).Should().HaveCount(2);
        (await SesReportOfAsync(booking)).State.Should().Be(SesReportState.Accepted);
        (await SesActivityKindsAsync(booking.Id)).Should().Contain("ses.resend_requested");
    }

    [Test]
    public async Task A_worker_that_dies_after_SES_took_the_alta_leaves_the_report_uncertain_not_resent()
    {
        var (_, propertyId) = await SesOwnerAsync();
        Ses.Mode = FakeSesMode.AcceptThenHoldAnswer;
        var received = Ses.ReceivedReports.Count;
        var booking = await CompletedCheckinAsync(propertyId);

        using var crash = new CancellationTokenSource();
        var run = Api.Services.GetRequiredService<DueJobsRunner>().RunAsync(crash.Token);
        await Ses.WaitForReportsAsync(received + 1);
        await crash.CancelAsync(); // the process goes away mid-call: nothing after the claim is saved
        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();
        Ses.Mode = FakeSesMode.Accept;
        Ses.ReleaseHeldAnswers();
        var claimed = await SesReportOfAsync(booking);

        await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(11)); // the outbox row's lease expires: it runs again
        await RunSesSweepAsync();
        await AdvanceAndRunJobsAsync(TimeSpan.FromHours(1));

        claimed.State.Should().Be(SesReportState.Sending, "the claim is saved before SES is called");
        ReportsFor(booking).Should().ContainSingle();
        (await SesReportOfAsync(booking)).State.Should().Be(SesReportState.Uncertain);
        (await SesActivityKindsAsync(booking.Id)).Should().ContainSingle(k => k == "ses.report_uncertain");
    }

    [Test]
    public async Task A_sweep_while_the_report_is_being_sent_does_not_send_it_again()
    {
        var (_, propertyId) = await SesOwnerAsync();
        Ses.Mode = FakeSesMode.AcceptThenHoldAnswer;
        var received = Ses.ReceivedReports.Count;
        var booking = await CompletedCheckinAsync(propertyId);

        var first = Api.RunDueJobsAsync();
        await Ses.WaitForReportsAsync(received + 1);
        await RunSesSweepAsync(); // queues a second job and runs it while the first still waits for SES
        var queuedBySweep = await Api.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "ses.submit_report" && m.Payload.Contains(booking.Id.ToString())));
        Ses.ReleaseHeldAnswers();
        await first;

        queuedBySweep.Should().Be(2);
        var report = ReportsFor(booking).Should().ContainSingle().Subject;
        var stored = await SesReportOfAsync(booking);
        stored.State.Should().Be(SesReportState.Submitted);
        stored.BatchId.Should().Be(report.Lote);
    }

    [Test]
    public async Task A_booking_changed_by_a_calendar_sync_while_SES_answers_keeps_the_lote_and_is_not_resent()
    {
        var (_, propertyId) = await SesOwnerAsync();
        Ses.Mode = FakeSesMode.AcceptThenHoldAnswer;
        var received = Ses.ReceivedReports.Count;
        var booking = await CompletedCheckinAsync(propertyId);

        var run = Api.RunDueJobsAsync();
        await Ses.WaitForReportsAsync(received + 1);
        await Api.WithDbAsync(async db =>
        {
            var stored = await db.Bookings.SingleAsync(b => b.Id == booking.Id);
            stored.SeenInFeed(Api.Clock.GetUtcNow().UtcDateTime);
            stored.ChangeDetails(stored.Guest with { Notes = "changed by a sync" }, stored.ChannelId);
            await db.SaveChangesAsync();
        });
        Ses.ReleaseHeldAnswers();
        await run;
        await AdvanceAndRunJobsAsync(TimeSpan.FromHours(1));
        await RunSesSweepAsync();

        var report = ReportsFor(booking).Should().ContainSingle().Subject;
        var after = await Api.ReadBookingAsync(booking.Id);
        after.Ses.BatchId.Should().Be(report.Lote);
        after.Ses.State.Should().Be(SesReportState.Accepted);
        after.Notes.Should().Be("changed by a sync");
    }

    [Test]
    public async Task A_lote_still_processing_after_a_day_of_polls_is_polled_until_it_settles()
    {
        var (_, propertyId) = await SesOwnerAsync();
        var booking = await CompletedCheckinAsync(propertyId);
        await Api.RunDueJobsAsync();
        var lote = ReportsFor(booking).Single().Lote!;
        Ses.ScriptBatch(lote, FakeSesBatchScript.Processed("COM-9") with { ProcessingAnswers = 35 });

        for (var hour = 0; hour < 40; hour++) await AdvanceAndRunJobsAsync(TimeSpan.FromHours(1));

        Ses.QueriedBatches.Count(b => b == lote).Should().Be(36);
        var stored = await SesReportOfAsync(booking);
        stored.State.Should().Be(SesReportState.Accepted);
        stored.CommunicationCode.Should().Be("COM-9");
    }

    [Test]
    public async Task A_report_still_unsent_24_hours_after_arrival_raises_report_overdue_once_and_a_failed_job()
    {
        var (owner, propertyId) = await SesOwnerAsync();
        Ses.Mode = FakeSesMode.ServiceUnavailable;
        var today = Api.Today();
        var booking = await Api.AddBookingAsync(propertyId, today.AddDays(-2), today.AddDays(2), adults: 2);
        foreach (var body in new[] { GuestBodies.SpanishAdult(), GuestBodies.FrenchAdult() })
            await (await Anonymous().PostJsonAsync($"/checkin/{booking.CheckinCode}/guests", body)).ShouldBeAsync(HttpStatusCode.Created);

        await Api.RunDueJobsAsync();
        await RunSesSweepAsync();
        await RunSesSweepAsync();

        (await SesActivityKindsAsync(booking.Id)).Count(k => k == "ses.report_overdue").Should().Be(1);
        (await Api.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "ses.submit_report" && m.FailedAt != null
            && m.Payload.Contains(booking.Id.ToString()) && m.LastError!.Contains("overdue")))).Should().BeGreaterThan(0);
        (await SesViewAsync(owner, booking))["status"]!.GetValue<string>().Should().Be("overdue");
        var overdue = await owner.Client.GetObjectAsync("/ses/reports?status=overdue");
        overdue["reports"]!.AsArray().Select(r => r!["booking_id"]!.GetValue<string>()).Should().Contain(booking.Id.ToString());

        Ses.Mode = FakeSesMode.Accept;
        await RunSesSweepAsync();
        ReportsFor(booking).Should().ContainSingle("the report is still sent, late");
    }
}
