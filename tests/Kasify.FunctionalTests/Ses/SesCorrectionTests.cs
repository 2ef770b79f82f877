using System.Net;
using System.Net.Http.Json;
using Kasify.Domain.Bookings;
using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.TestFakes.Ses;

namespace Kasify.FunctionalTests.Ses;

/// <summary>Item 6 and 7: correct a guest and resend; the report's state on the booking and across properties.</summary>
public sealed class SesCorrectionTests : SesFixture
{
    private async Task<Guid> FirstGuestIdAsync(TestUser owner, SeededBooking booking)
    {
        var page = await owner.Client.GetObjectAsync($"/guests?booking_id={booking.Id}");
        return Guid.Parse(page["guests"]!.AsArray().Single(g => g!["first_name"]!.GetValue<string>() == "Lucía")!["id"]!.GetValue<string>());
    }

    private async Task<SeededBooking> AcceptedReportAsync(Guid propertyId)
    {
        var booking = await CompletedCheckinAsync(propertyId);
        await Api.RunDueJobsAsync();
        await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(2));
        (await SesReportOfAsync(booking)).State.Should().Be(SesReportState.Accepted);
        return booking;
    }

    [Test]
    public async Task A_corrected_guest_of_an_accepted_report_is_cancelled_with_an_anulacion_and_sent_again()
    {
        var (owner, propertyId) = await SesOwnerAsync();
        var booking = await AcceptedReportAsync(propertyId);
        var firstLote = ReportsFor(booking).Single().Lote!;
        var guestId = await FirstGuestIdAsync(owner, booking);

        var corrected = await (await owner.Client.PatchAsJsonAsync($"/bookings/{booking.Id}/guests/{guestId}",
            new { last_name = "Martínez", document_support_number = "CAA000123" })).ShouldBeAsync(HttpStatusCode.OK);
        var resend = await (await owner.Client.PostAsync($"/bookings/{booking.Id}/ses/resend", null)).ShouldBeAsync(HttpStatusCode.Accepted);
        await Api.RunDueJobsAsync();
        await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(2));

        corrected["last_name"]!.GetValue<string>().Should().Be("Martínez");
        corrected["first_name"]!.GetValue<string>().Should().Be("Lucía", "fields the patch does not name stay");
        resend["status"]!.GetValue<string>().Should().Be("accepted", "the anulación has not run yet");
        Ses.CancelledBatches.Should().Contain(firstLote);
        var reports = ReportsFor(booking);
        reports.Should().HaveCount(2);
        var second = reports.Last().Document.Root!.Element("solicitud")!.Element("comunicacion")!.Elements("persona").First();
        second.Element("apellido1")!.Value.Should().Be("Martínez");
        second.Element("soporteDocumento")!.Value.Should().Be("CAA000123");
        var stored = await SesReportOfAsync(booking);
        stored.State.Should().Be(SesReportState.Accepted);
        stored.BatchId.Should().Be(reports.Last().Lote);
        (await SesActivityKindsAsync(booking.Id)).Should().ContainInOrder("guest.corrected", "ses.resend_requested", "ses.cancelled", "ses.sent", "ses.submitted");
    }

    [Test]
    public async Task A_rejected_report_is_simply_sent_again_without_an_anulacion()
    {
        var (owner, propertyId) = await SesOwnerAsync();
        Ses.Mode = FakeSesMode.RejectData;
        var booking = await CompletedCheckinAsync(propertyId);
        await Api.RunDueJobsAsync();
        (await SesViewAsync(owner, booking))["status"]!.GetValue<string>().Should().Be("rejected");
        var rejected = await owner.Client.GetObjectAsync("/ses/reports?status=rejected");
        Ses.Mode = FakeSesMode.Accept;
        var cancelledBefore = Ses.CancelledBatches.Count;

        await (await owner.Client.PostAsync($"/bookings/{booking.Id}/ses/resend", null)).ShouldBeAsync(HttpStatusCode.Accepted);
        await Api.RunDueJobsAsync();

        rejected["reports"]!.AsArray().Select(r => r!["booking_id"]!.GetValue<string>()).Should().Equal(booking.Id.ToString());
        ReportsFor(booking).Should().HaveCount(2);
        Ses.CancelledBatches.Should().HaveCount(cancelledBefore);
        var view = await SesViewAsync(owner, booking);
        view["status"]!.GetValue<string>().Should().Be("submitted");
        view["batch_id"]!.GetValue<string>().Should().Be(ReportsFor(booking).Last().Lote);
        view["deadline_at"]!.GetValue<string>().Should().EndWith("Z");
    }

    [Test]
    public async Task A_report_in_flight_cannot_be_resent_and_a_stay_without_guests_has_nothing_to_resend()
    {
        var (owner, propertyId) = await SesOwnerAsync();
        var booking = await CompletedCheckinAsync(propertyId);
        var empty = await Api.AddBookingAsync(propertyId, Api.Today().AddDays(5), Api.Today().AddDays(7));

        await (await owner.Client.PostAsync($"/bookings/{booking.Id}/ses/resend", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await owner.Client.PostAsync($"/bookings/{empty.Id}/ses/resend", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await SesViewAsync(owner, empty))["status"]!.GetValue<string>().Should().Be("waiting_for_guests");
        (await SesViewAsync(owner, booking))["status"]!.GetValue<string>().Should().Be("pending");
        await Api.RunDueJobsAsync();
        ReportsFor(booking).Should().ContainSingle();
    }

    [Test]
    public async Task A_correction_is_validated_like_a_registration_and_an_invalid_one_changes_nothing()
    {
        var (owner, propertyId) = await SesOwnerAsync();
        var booking = await CompletedCheckinAsync(propertyId);
        var guestId = await FirstGuestIdAsync(owner, booking);
        var url = $"/bookings/{booking.Id}/guests/{guestId}";

        var badNif = await (await owner.Client.PatchAsJsonAsync(url, new { document_number = "12345678A" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var blankName = await (await owner.Client.PatchAsJsonAsync(url, new { first_name = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var unknownField = await (await owner.Client.PatchAsJsonAsync(url, new { shoe_size = 42 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var wrongType = await (await owner.Client.PatchAsJsonAsync(url, new { date_of_birth = "yesterday" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.PatchAsJsonAsync($"/bookings/{booking.Id}/guests/{Guid.NewGuid()}", new { first_name = "X" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        badNif.Errors().Select(e => e.Key).Should().Equal("document_number");
        blankName.Errors().Select(e => e.Key).Should().Equal("first_name");
        unknownField.Errors().Select(e => e.Key).Should().Equal("shoe_size");
        wrongType.Errors().Select(e => e.Key).Should().Equal("date_of_birth");
        var page = await owner.Client.GetObjectAsync($"/guests?booking_id={booking.Id}");
        page["guests"]!.AsArray().Select(g => g!["first_name"]!.GetValue<string>()).Should().Contain("Lucía");
        (await SesActivityKindsAsync(booking.Id)).Should().NotContain("guest.corrected");
    }

    [Test]
    public async Task Only_owners_and_managers_of_the_property_may_correct_resend_and_list_reports()
    {
        var (owner, propertyId) = await SesOwnerAsync();
        Ses.Mode = FakeSesMode.RejectData;
        var booking = await CompletedCheckinAsync(propertyId);
        await Api.RunDueJobsAsync();
        var guestId = await FirstGuestIdAsync(owner, booking);
        var manager = await RegisterAsync();
        var staff = await RegisterAsync();
        var contractor = await RegisterAsync();
        var stranger = await RegisterAsync();
        await Api.AddMemberAsync(propertyId, manager.Id, AccessLevel.Manager);
        await Api.AddMemberAsync(propertyId, staff.Id, AccessLevel.Staff, CrewService.Cleaning);
        await Api.AddMemberAsync(propertyId, contractor.Id, AccessLevel.Contractor, CrewService.Cleaning);
        var patch = new { email = "new@example.test" };
        var guestUrl = $"/bookings/{booking.Id}/guests/{guestId}";
        var resendUrl = $"/bookings/{booking.Id}/ses/resend";

        await (await staff.Client.PatchAsJsonAsync(guestUrl, patch)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await contractor.Client.PatchAsJsonAsync(guestUrl, patch)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PatchAsJsonAsync(guestUrl, patch)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await staff.Client.PostAsync(resendUrl, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.Client.PostAsync(resendUrl, null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await staff.Client.GetAsync("/ses/reports")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await stranger.Client.GetObjectAsync("/ses/reports"))["total"]!.GetValue<int>().Should().Be(0);
        (await staff.Client.GetObjectAsync($"/bookings/{booking.Id}"))["ses"].Should().BeNull("staff see no report details");
        await (await owner.Client.GetAsync("/ses/reports?status=late")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.GetAsync("/ses/reports?size=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        (await manager.Client.GetObjectAsync("/ses/reports"))["reports"]!.AsArray().Select(r => r!["booking_id"]!.GetValue<string>())
            .Should().Equal(booking.Id.ToString());
        await (await manager.Client.PatchAsJsonAsync(guestUrl, patch)).ShouldBeAsync(HttpStatusCode.OK);
        Ses.Mode = FakeSesMode.Accept;
        await (await manager.Client.PostAsync(resendUrl, null)).ShouldBeAsync(HttpStatusCode.Accepted);
        await Api.RunDueJobsAsync();
        ReportsFor(booking).Last().Document.Root!.Element("solicitud")!.Element("comunicacion")!.Elements("persona")
            .Select(p => p.Element("correo")?.Value).Should().Contain("new@example.test");
    }
}
