using System.Net;
using System.Text.Json.Nodes;
using Kasify.Application.Ses;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Xml.Linq;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Checkin;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Kasify.TestFakes.Ses;

namespace Kasify.FunctionalTests.Ses;

/// <summary>An API whose SES endpoints are a <see cref="FakeSes"/>, with helpers to set up an owner that reports to SES.</summary>
public abstract class SesFixture : ApiFixture
{
    public const string LandlordCode = "0000000001";
    public const string EstablishmentCode = "0000012345";

    protected FakeSes Ses { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ses:TestUrl"] = Ses.Url,
        ["Ses:ProductionUrl"] = Ses.Url,
        ["RateLimits:Checkin"] = "1000",
    };

    [OneTimeTearDown]
    public void StopFakeSes() => Ses.Dispose();

    [TearDown]
    public void ResetFakeSes()
    {
        Ses.Mode = FakeSesMode.Accept;
        Ses.ReleaseHeldAnswers();
    }

    protected object SesBody(string? password = null, string? name = null) =>
        new { name, landlord_code = LandlordCode, username = Ses.Username, password = password ?? Ses.Password, environment = "test" };

    /// <summary>A new owner with a property that has an SES establishment code and, unless told otherwise, an SES integration.</summary>
    protected async Task<(TestUser Owner, Guid PropertyId)> SesOwnerAsync(bool withIntegration = true)
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync();
        if (withIntegration) await (await owner.Client.PostJsonAsync("/integrations/ses", SesBody())).ShouldBeAsync(HttpStatusCode.Created);
        return (owner, propertyId);
    }

    /// <summary>A two-adult booking starting in two days, both guests registered: the check-in is complete.</summary>
    protected async Task<SeededBooking> CompletedCheckinAsync(Guid propertyId)
    {
        var from = Api.Today().AddDays(2);
        var booking = await Api.AddBookingAsync(propertyId, from, from.AddDays(3), adults: 2);
        foreach (var body in new[] { GuestBodies.SpanishAdult(), GuestBodies.FrenchAdult() })
            await (await Anonymous().PostJsonAsync($"/checkin/{booking.CheckinCode}/guests", body)).ShouldBeAsync(HttpStatusCode.Created);
        return booking;
    }

    protected IReadOnlyList<FakeSesReceivedReport> ReportsFor(SeededBooking booking) =>
        Ses.ReceivedReports.Where(r => Contract(r).Element("referencia")?.Value == booking.ChannelId).ToList();

    protected static XElement Contract(FakeSesReceivedReport report) =>
        report.Document.Root!.Element("solicitud")!.Element("comunicacion")!.Element("contrato")!;

    protected async Task RunSesSweepAsync()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SesSweep>().RunAsync(CancellationToken.None);
        await Api.RunDueJobsAsync();
    }

    protected Task<List<string>> SesActivityKindsAsync(Guid bookingId) =>
        Api.WithDbAsync(db => db.Activities.Where(a => a.SubjectId == bookingId).OrderBy(a => a.At).Select(a => a.Kind).ToListAsync());

    protected Task<SesReport> SesReportOfAsync(SeededBooking booking) =>
        Api.WithDbAsync(db => db.Bookings.Where(b => b.Id == booking.Id).Select(b => b.Ses).SingleAsync());

    /// <summary>The booking's <c>ses</c> object as its owner sees it.</summary>
    protected static async Task<JsonObject> SesViewAsync(TestUser user, SeededBooking booking) =>
        (await user.Client.GetObjectAsync($"/bookings/{booking.Id}"))["ses"]!.AsObject();

    protected async Task AdvanceAndRunJobsAsync(TimeSpan by)
    {
        Api.Clock.Advance(by);
        await Api.RunDueJobsAsync();
    }
}
