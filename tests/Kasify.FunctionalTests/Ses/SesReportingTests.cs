using System.Net;
using Kasify.Domain.Bookings;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Checkin;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.TestFakes.Ses;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Ses;

public sealed class SesReportingTests : SesFixture
{
    private Task<List<string>> ActivityKindsAsync(Guid bookingId) =>
        Api.WithDbAsync(db => db.Activities.Where(a => a.SubjectId == bookingId).OrderBy(a => a.At).Select(a => a.Kind).ToListAsync());

    [Test]
    public async Task A_completed_checkin_is_reported_once_with_the_guests_as_SES_wants_them()
    {
        var (_, propertyId) = await SesOwnerAsync();
        var booking = await CompletedCheckinAsync(propertyId);

        await Api.RunDueJobsAsync();
        await Api.RunDueJobsAsync();

        var report = ReportsFor(booking).Should().ContainSingle().Subject;
        report.LandlordCode.Should().Be(LandlordCode);
        report.CommunicationType.Should().Be("PV");
        var solicitud = report.Document.Root!.Element("solicitud")!;
        solicitud.Element("codigoEstablecimiento")!.Value.Should().Be(EstablishmentCode);
        var contract = Contract(report);
        var from = Api.Today().AddDays(2);
        contract.Element("fechaEntrada")!.Value.Should().Be($"{from:yyyy-MM-dd}T15:30:00");
        contract.Element("fechaSalida")!.Value.Should().Be($"{from.AddDays(3):yyyy-MM-dd}T10:00:00");
        contract.Element("numPersonas")!.Value.Should().Be("2");
        contract.Element("pago")!.Element("tipoPago")!.Value.Should().Be("PLATF");

        var persons = solicitud.Element("comunicacion")!.Elements("persona").ToList();
        persons.Should().HaveCount(2);
        var lucia = persons[0];
        lucia.Element("rol")!.Value.Should().Be("VI");
        lucia.Element("nombre")!.Value.Should().Be("Lucía");
        lucia.Element("apellido2")!.Value.Should().Be("Ruiz");
        lucia.Element("tipoDocumento")!.Value.Should().Be("NIF");
        lucia.Element("numeroDocumento")!.Value.Should().Be(GuestBodies.ValidNif);
        lucia.Element("soporteDocumento")!.Value.Should().Be("BAA000589");
        lucia.Element("nacionalidad")!.Value.Should().Be("ESP");
        lucia.Element("telefono")!.Value.Should().Be("+34600111222");
        lucia.Element("direccion")!.Element("codigoMunicipio")!.Value.Should().Be("28079");
        lucia.Element("direccion")!.Element("pais")!.Value.Should().Be("ESP");
        var pierre = persons[1];
        pierre.Element("nacionalidad")!.Value.Should().Be("FRA");
        pierre.Element("direccion")!.Element("nombreMunicipio")!.Value.Should().Be("Paris");
        pierre.Element("direccion")!.Element("pais")!.Value.Should().Be("FRA");
        pierre.Element("correo")!.Value.Should().Be("pierre@example.test");

        var stored = await Api.ReadBookingAsync(booking.Id);
        stored.Ses.State.Should().Be(SesReportState.Submitted);
        stored.Ses.BatchId.Should().Be(report.Lote);
        stored.Ses.LastAttemptAt.Should().NotBeNull();
        stored.Ses.LastError.Should().BeNull();
        (await ActivityKindsAsync(booking.Id)).Should().Contain("ses.sent");
    }

    [Test]
    public async Task The_batch_is_polled_until_SES_has_processed_it()
    {
        var (_, propertyId) = await SesOwnerAsync();
        var booking = await CompletedCheckinAsync(propertyId);
        await Api.RunDueJobsAsync();
        var lote = ReportsFor(booking).Single().Lote!;
        Ses.ScriptBatch(lote, FakeSesBatchScript.Processed("COM-1") with { ProcessingAnswers = 1 });

        await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(1));
        (await Api.ReadBookingAsync(booking.Id)).Ses.AcceptedAt.Should().BeNull();
        await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(5));

        var stored = await Api.ReadBookingAsync(booking.Id);
        stored.Ses.State.Should().Be(SesReportState.Accepted);
        stored.Ses.AcceptedAt.Should().Be(Api.Clock.GetUtcNow().UtcDateTime);
        stored.Ses.BatchId.Should().Be(lote);
        stored.Ses.LastError.Should().BeNull();
        Ses.QueriedBatches.Count(b => b == lote).Should().Be(2);
        (await ActivityKindsAsync(booking.Id)).Should().Contain("ses.submitted");

        await AdvanceAndRunJobsAsync(TimeSpan.FromHours(2));
        Ses.QueriedBatches.Count(b => b == lote).Should().Be(2);
        ReportsFor(booking).Should().ContainSingle();
    }

    [Test]
    public async Task A_rejected_batch_is_recorded_on_the_booking_and_not_sent_again()
    {
        var (_, propertyId) = await SesOwnerAsync();
        var booking = await CompletedCheckinAsync(propertyId);
        await Api.RunDueJobsAsync();
        var lote = ReportsFor(booking).Single().Lote!;
        Ses.ScriptBatch(lote, FakeSesBatchScript.Rejected(FakeSesCommunicationResult.Failed(1, "DOC", "Documento no válido")));

        await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(1));
        await AdvanceAndRunJobsAsync(TimeSpan.FromHours(2));

        var stored = await Api.ReadBookingAsync(booking.Id);
        stored.Ses.State.Should().Be(SesReportState.Rejected);
        stored.Ses.AcceptedAt.Should().BeNull();
        stored.Ses.LastError.Should().Contain("Documento no válido");
        Ses.QueriedBatches.Count(b => b == lote).Should().Be(1);
        ReportsFor(booking).Should().ContainSingle();
        (await ActivityKindsAsync(booking.Id)).Should().Contain("ses.rejected");
    }

    [Test]
    public async Task A_transient_SES_error_is_retried_later_without_a_duplicate_report()
    {
        var (_, propertyId) = await SesOwnerAsync();
        Ses.Mode = FakeSesMode.TransientReturnCode;
        var booking = await CompletedCheckinAsync(propertyId);

        await Api.RunDueJobsAsync();
        var afterFailure = await Api.ReadBookingAsync(booking.Id);
        Ses.Mode = FakeSesMode.Accept;
        await AdvanceAndRunJobsAsync(TimeSpan.FromSeconds(31));
        await AdvanceAndRunJobsAsync(TimeSpan.FromMinutes(10));

        afterFailure.Ses.LastError.Should().Contain("Transient");
        afterFailure.Ses.BatchId.Should().BeNull();
        var report = ReportsFor(booking).Should().ContainSingle().Subject;
        var stored = await Api.ReadBookingAsync(booking.Id);
        stored.Ses.BatchId.Should().Be(report.Lote);
        stored.Ses.AcceptedAt.Should().NotBeNull();
        stored.Ses.LastError.Should().BeNull();
    }

    [Test]
    public async Task A_child_without_document_or_contact_is_reported_with_the_relationship_and_an_adult_contact()
    {
        var (_, propertyId) = await SesOwnerAsync();
        var from = Api.Today().AddDays(2);
        var booking = await Api.AddBookingAsync(propertyId, from, from.AddDays(3), adults: 1, children: 1);
        foreach (var body in new[] { GuestBodies.FrenchAdult(), GuestBodies.Child() })
            await (await Anonymous().PostJsonAsync($"/checkin/{booking.CheckinCode}/guests", body)).ShouldBeAsync(HttpStatusCode.Created);

        await Api.RunDueJobsAsync();

        var report = ReportsFor(booking).Should().ContainSingle().Subject;
        report.Lote.Should().NotBeNull("the fake accepts only a valid parte de viajeros");
        var child = report.Document.Root!.Element("solicitud")!.Element("comunicacion")!.Elements("persona").Last();
        child.Element("tipoDocumento").Should().BeNull();
        child.Element("parentesco")!.Value.Should().Be("HJ");
        child.Element("correo")!.Value.Should().Be("pierre@example.test");
        child.Element("direccion")!.Element("codigoMunicipio")!.Value.Should().Be("28079");
    }

    [Test]
    public async Task Without_an_SES_integration_nothing_is_sent()
    {
        var (_, propertyId) = await SesOwnerAsync(withIntegration: false);
        var booking = await CompletedCheckinAsync(propertyId);

        await Api.RunDueJobsAsync();

        ReportsFor(booking).Should().BeEmpty();
        (await Api.ReadBookingAsync(booking.Id)).Ses.LastAttemptAt.Should().BeNull();
    }
}
